/**
 * Whether git takes `name` as a branch name (the rules of `git check-ref-format --branch`; a lone `@`,
 * git's HEAD, and the empty name refused too). A page URL is anyone's to write and its branch goes on
 * into client links, where `..` would retarget them (docs/desktop-clients.md).
 */
export const isBranchName = (name: string): boolean =>
  !/[\0- \x7f~^:?*[\\]|\.\.|@\{|(^|\/)[./]|\.lock(\/|$)|^-|[/.]$|^(@|HEAD|)$/.test(name);
