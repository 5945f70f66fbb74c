import { quoteShellArgument } from './quote-shell-argument';

/** A `git` command line to copy: each argument quoted for the shell, so that it runs as printed. */
export function gitCommand(...args: string[]): string {
  return ['git', ...args.map(quoteShellArgument)].join(' ');
}
