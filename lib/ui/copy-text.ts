/**
 * Writes text to the clipboard from an extension page; false when the browser refused (the caller
 * says so with `appErrors.clipboardRefused`).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
