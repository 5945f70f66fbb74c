import type { InboxView } from './inbox-view';

export interface BadgeLook {
  text: string;
  color: string;
  title: string;
}

/** Azure DevOps' blue for the count; red, with "!", when an account needs the user. */
export const BADGE_COUNT_COLOR = '#0063B1';
export const BADGE_TROUBLE_COLOR = '#B3261E';

/**
 * What the toolbar icon shows (docs/pull-request-inbox.md#badge): how many pull requests wait for the
 * user's vote, or "!" when an account needs them; the tooltip names the counts per organization and
 * the trouble.
 */
export function badgeFor(view: InboxView): BadgeLook {
  const count = view.waiting.length;
  const lines = view.organizations.map((o) => `${o.name}: ${o.refreshedAt === null ? 'not read yet' : `${o.waiting} waiting for your vote`}`);
  for (const t of view.trouble) lines.push(`${t.account}: ${t.error.message}`);
  if (view.trouble.length) return { text: '!', color: BADGE_TROUBLE_COLOR, title: ['ADO Companion: an account needs you', ...lines].join('\n') };
  return {
    text: count === 0 ? '' : count > 99 ? '99+' : String(count),
    color: BADGE_COUNT_COLOR,
    title: ['ADO Companion', ...lines].join('\n'),
  };
}
