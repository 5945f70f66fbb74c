/**
 * The files "New repository" can add to a first commit: ids and labels only. The texts are packaged
 * files under `public/templates/` (sources and licenses in its README), read by the background when
 * a repository is created, so neither the popup nor the background bundle carries them.
 */

export interface GitignoreTemplate {
  /** github/gitignore's file name without `.gitignore`. */
  id: string;
  label: string;
}

export interface LicenseTemplate {
  /** SPDX id, as choosealicense.com names it. */
  id: string;
  label: string;
  /** The text has a copyright line with `[year]` and `[fullname]` to fill. */
  namesHolder: boolean;
}

export const GITIGNORE_TEMPLATES = [
  { id: 'Node', label: 'Node' },
  { id: 'Python', label: 'Python' },
  { id: 'Java', label: 'Java' },
  { id: 'VisualStudio', label: '.NET / Visual Studio' },
  { id: 'Go', label: 'Go' },
  { id: 'Rust', label: 'Rust' },
  { id: 'C++', label: 'C++' },
  { id: 'C', label: 'C' },
  { id: 'Android', label: 'Android' },
  { id: 'Swift', label: 'Swift' },
  { id: 'Unity', label: 'Unity' },
  { id: 'Ruby', label: 'Ruby' },
] as const satisfies readonly GitignoreTemplate[];

export const LICENSE_TEMPLATES = [
  { id: 'MIT', label: 'MIT License', namesHolder: true },
  { id: 'Apache-2.0', label: 'Apache License 2.0', namesHolder: false },
  { id: 'GPL-3.0', label: 'GNU General Public License v3.0', namesHolder: false },
  { id: 'AGPL-3.0', label: 'GNU Affero General Public License v3.0', namesHolder: false },
  { id: 'BSD-2-Clause', label: 'BSD 2-Clause “Simplified” License', namesHolder: true },
  { id: 'BSD-3-Clause', label: 'BSD 3-Clause “New” or “Revised” License', namesHolder: true },
  { id: 'MPL-2.0', label: 'Mozilla Public License 2.0', namesHolder: false },
  { id: 'ISC', label: 'ISC License', namesHolder: true },
  { id: 'Unlicense', label: 'The Unlicense', namesHolder: false },
] as const satisfies readonly LicenseTemplate[];

export type GitignoreId = (typeof GITIGNORE_TEMPLATES)[number]['id'];
export type LicenseId = (typeof LICENSE_TEMPLATES)[number]['id'];

export const GITIGNORE_IDS = GITIGNORE_TEMPLATES.map((t) => t.id) as [GitignoreId, ...GitignoreId[]];
export const LICENSE_IDS = LICENSE_TEMPLATES.map((t) => t.id) as [LicenseId, ...LicenseId[]];

/** Path of a template's text under the extension's root (public/templates/). */
export const gitignoreFile = (id: GitignoreId) => `templates/gitignore/${id}.gitignore`;
export const licenseFile = (id: LicenseId) => `templates/licenses/${id}.txt`;

export function licenseTemplate(id: LicenseId): LicenseTemplate {
  return LICENSE_TEMPLATES.find((t) => t.id === id)!;
}
