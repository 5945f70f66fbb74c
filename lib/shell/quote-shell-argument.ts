/**
 * One word for a POSIX shell (bash, zsh, Git Bash): as it is when it holds only characters no shell
 * reads specially (a clone URL usually does, and stays readable), otherwise in single quotes, inside
 * which nothing is special but `'` itself, written `'\''`. Clone URLs keep `( ) ' ! * ~` unencoded,
 * and `git clone …/a(b)` is a bash syntax error (docs/desktop-clients.md).
 */
export function quoteShellArgument(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
