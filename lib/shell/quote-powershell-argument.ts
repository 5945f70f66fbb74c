/**
 * A PowerShell single-quoted string that stands for `text` exactly. PowerShell also reads the
 * typographic single quotes (U+2018–U+201B) as quotes; inside a single-quoted string each of them is
 * escaped by doubling it, like `'` (about_Quoting_Rules).
 */
export function quotePowerShellArgument(text: string): string {
  return `'${text.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&')}'`;
}
