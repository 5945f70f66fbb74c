import { features } from './features';
import { runFeatures } from './run-features';

export default defineContentScript({
  matches: ['https://dev.azure.com/*', 'https://*.visualstudio.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const runner = runFeatures(features, ctx.signal);
    runner.evaluate(location.href);
    // Azure DevOps is a single-page app: pages change through the History API, not reloads.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => runner.evaluate(newUrl.href));
  },
});
