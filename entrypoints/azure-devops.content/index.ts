import { browser } from 'wxt/browser';
import { answerPageSession } from './answer-page-session';
import { features } from './features';
import { runFeatures } from './run-features';

// Not named `content`, and no IIFE variable: in Firefox a top-level `var content` (WXT names the
// bundle's IIFE after the entrypoint) replaces the content script's own `content` object and its
// `content.fetch`. See docs/firefox.md.
export default defineContentScript({
  matches: ['https://dev.azure.com/*', 'https://*.visualstudio.com/*'],
  // Microsoft sites on visualstudio.com that are no organization (docs/azure-devops-hosts.md).
  excludeMatches: ['https://marketplace.visualstudio.com/*', 'https://www.visualstudio.com/*', 'https://app.vssps.visualstudio.com/*', 'https://vs-ssh.visualstudio.com/*'],
  runAt: 'document_idle',
  globalName: false,
  main(ctx) {
    const runner = runFeatures(features, ctx.signal);
    // The popup asks how page actions will authenticate here (docs/page-session.md).
    browser.runtime.onMessage.addListener(answerPageSession);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(answerPageSession));
    runner.evaluate(location.href);
    // Azure DevOps is a single-page app: pages change through the History API, not reloads.
    // A click on "Clone in <client>" hands a custom-scheme URL (vscode://…) to the browser, which the
    // Navigation API reports as a navigation although the page stays: only web URLs move the page.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      if (newUrl.protocol === 'https:' || newUrl.protocol === 'http:') runner.evaluate(newUrl.href);
    });
  },
});
