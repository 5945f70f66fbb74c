/**
 * Writes text to the clipboard from an extension page or a page script; false when the browser
 * refused (the caller says so in the one sentence, lib/errors/clipboard-refused.ts).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
