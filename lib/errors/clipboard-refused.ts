/**
 * The one sentence for a copy the browser refused, wherever the extension copies, with the text to
 * copy by hand. A module of its own, so a page script carries this sentence only.
 */
export const clipboardRefusedSentence = (what: string, text: string) => `Could not copy the ${what}. Select it and copy it yourself: ${text}`;

/** The same sentence where the screen already shows the text. */
export const clipboardRefusedShownSentence = (what: string) => `Could not copy the ${what}. Select the text below and copy it yourself.`;
