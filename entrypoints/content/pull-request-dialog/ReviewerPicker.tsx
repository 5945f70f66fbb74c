import { useEffect, useRef, useState } from 'preact/hooks';
import type { PolicyReviewer, Reviewer } from '@/lib/pull-requests/new-pull-request';
import type { PullRequestBackend } from './backend';

export interface ChosenReviewer extends Reviewer {
  isRequired: boolean;
}

const SEARCH_DELAY_MS = 250;

/**
 * Reviewers: a combobox that searches the organization's people, groups and teams as the user types
 * (debounced, each query asked once per dialog), recent reviewers when the box is empty, and the
 * reviewers the target branch's policies add anyway, shown as such.
 */
export function ReviewerPicker({
  backend,
  me,
  recent,
  policyReviewers,
  chosen,
  onChange,
}: {
  backend: PullRequestBackend;
  me: string;
  recent: Reviewer[];
  policyReviewers: PolicyReviewer[];
  chosen: ChosenReviewer[];
  onChange: (next: ChosenReviewer[]) => void;
}) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [results, setResults] = useState<Reviewer[] | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const cache = useRef(new Map<string, Reviewer[]>());

  useEffect(() => {
    const q = query.trim().toLowerCase();
    setSearchError(null);
    if (!q) return setResults(null);
    const cached = cache.current.get(q);
    if (cached) return setResults(cached);
    let current = true;
    const timer = setTimeout(() => {
      void backend.searchReviewers(q).then((result) => {
        if (!current) return;
        if (!result.ok) return setSearchError(result.error.message);
        cache.current.set(q, result.data.reviewers);
        setResults(result.data.reviewers);
      });
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const taken = (id: string) => chosen.some((c) => c.id === id) || policyReviewers.some((p) => p.id === id);
  const options = (results ?? recent).filter((r) => r.id !== me && !taken(r.id));
  const listed = open && (options.length > 0 || results !== null);

  function add(reviewer: Reviewer) {
    onChange([...chosen, { ...reviewer, isRequired: false }]);
    setQuery('');
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length) setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (event.key === 'Enter' && open && options[active]) {
      event.preventDefault();
      add(options[active]);
    } else if (event.key === 'Escape' && open) {
      // Closes the list, not the dialog.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  }

  return (
    <fieldset class="reviewers">
      <legend>Reviewers</legend>
      {policyReviewers.length > 0 && (
        <ul class="chosen" aria-label="Added by branch policies">
          {policyReviewers.map((r) => (
            <li key={r.id}>
              <span>{r.displayName}</span>
              <span class="tag">{r.isRequired ? 'Required by branch policy' : 'Added by branch policy'}</span>
            </li>
          ))}
        </ul>
      )}
      {chosen.length > 0 && (
        <ul class="chosen" aria-label="Chosen reviewers">
          {chosen.map((r) => (
            <li key={r.id}>
              <span>{r.displayName}</span>
              {r.kind === 'group' && <span class="tag">Group</span>}
              <label class="check">
                <input
                  type="checkbox"
                  checked={r.isRequired}
                  onChange={(e) => onChange(chosen.map((c) => (c.id === r.id ? { ...c, isRequired: e.currentTarget.checked } : c)))}
                />
                Required
              </label>
              <button type="button" aria-label={`Remove ${r.displayName}`} onClick={() => onChange(chosen.filter((c) => c.id !== r.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="combo">
        <input
          role="combobox"
          aria-label="Add a reviewer"
          aria-autocomplete="list"
          aria-expanded={listed}
          aria-controls="pr-reviewer-options"
          aria-activedescendant={listed && options[active] ? `pr-reviewer-${active}` : undefined}
          placeholder="Search people, groups and teams"
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
        />
        {listed && (
          <ul role="listbox" id="pr-reviewer-options" aria-label={results ? 'Matching reviewers' : 'Recent reviewers'}>
            {options.map((r, i) => (
              <li
                key={r.id}
                id={`pr-reviewer-${i}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => {
                  e.preventDefault();
                  add(r);
                }}
              >
                <span>{r.displayName}</span>
                {r.detail && <span class="detail">{r.detail}</span>}
                {r.kind === 'group' && <span class="tag">Group</span>}
              </li>
            ))}
            {results !== null && options.length === 0 && <li class="hint">{`No one matches “${query.trim()}”.`}</li>}
          </ul>
        )}
      </div>
      {searchError && <p role="alert" class="error">{searchError}</p>}
    </fieldset>
  );
}
