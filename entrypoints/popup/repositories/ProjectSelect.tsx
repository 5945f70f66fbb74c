import type { Signal } from '@preact/signals';
import type { ProjectView } from '@/lib/new-repository/create-repository';

/** The "Project" choice of the forms that create a repository (New repository, Create fork). */
export function ProjectSelect({ projects, projectId, loading }: { projects: ProjectView[] | null; projectId: Signal<string>; loading: boolean }) {
  return (
    <label class="field">
      <span>Project</span>
      <select value={projectId.value} disabled={!projects?.length} onChange={(event) => (projectId.value = event.currentTarget.value)}>
        {projects === null && <option value="">{loading ? 'Loading projects…' : 'No projects'}</option>}
        {projects?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
