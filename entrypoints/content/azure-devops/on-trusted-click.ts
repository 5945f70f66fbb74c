/**
 * Runs `act` on a click a person made, never on one a script of the page made (`.click()`,
 * `dispatchEvent`): our shadow roots are open, so a script on dev.azure.com can reach the buttons. An
 * untrusted click on a link is cancelled, so it opens nothing either (docs/security.md).
 */
export function onTrustedClick(element: Element, act: () => unknown): void {
  element.addEventListener('click', (event) => (event.isTrusted ? act() : event.preventDefault()));
}
