/**
 * Azure Repos' rules for a repository name (docs/azure-devops-rest.md#create-repository), checked
 * before anything is sent. The popup shows the problem as the user types; the background checks
 * again. Sentences: `appErrors.invalidRepositoryName` in lib/errors/app-errors.ts.
 */
export type RepositoryNameProblem =
  | { rule: 'empty' }
  | { rule: 'too-long'; length: number }
  | { rule: 'control-character' }
  | { rule: 'character'; character: string }
  | { rule: 'leading-underscore' }
  | { rule: 'leading-period' }
  | { rule: 'trailing-period' }
  | { rule: 'reserved' };

export const MAX_REPOSITORY_NAME_LENGTH = 64;
/** The printable characters Learn lists as forbidden. */
export const FORBIDDEN_NAME_CHARACTERS = `/:\\~&%;@'"?<>|#$*}{,+=[]`;
const RESERVED = /^(?:aux|con|nul|prn|com[1-9]|com10|lpt[1-9]|defaultcollection|server|signalr|web)$/i;

/** The first rule `name` breaks, or null when Azure DevOps should accept it. */
export function repositoryNameProblem(name: string): RepositoryNameProblem | null {
  if (!name.trim()) return { rule: 'empty' };
  // Learn counts UTF-16 units (a surrogate pair counts twice), as `length` does.
  if (name.length > MAX_REPOSITORY_NAME_LENGTH) return { rule: 'too-long', length: name.length };
  // Without the u flag, a character outside the BMP shows as its surrogates, which are refused too.
  if (/\p{Cc}/u.test(name) || /[\uD800-\uDFFF]/.test(name)) return { rule: 'control-character' };
  const character = [...name].find((c) => FORBIDDEN_NAME_CHARACTERS.includes(c));
  if (character) return { rule: 'character', character };
  if (name.startsWith('_')) return { rule: 'leading-underscore' };
  if (name.startsWith('.')) return { rule: 'leading-period' };
  if (name.endsWith('.')) return { rule: 'trailing-period' };
  if (RESERVED.test(name)) return { rule: 'reserved' };
  return null;
}
