import { features } from './features';
import { runFeatures } from './run-features';
import { watchLocation } from './watch-location';

/**
 * The script every Azure DevOps page loads (declared in the manifest by wxt.config.ts): an unlisted
 * script rather than a WXT content script, whose wrapper and `ContentScriptContext` would double its
 * size (docs/page-footprint.md). Not named `content`, and no IIFE variable: in Firefox a top-level
 * `var content` replaces the content script's own `content` object and its `content.fetch`
 * (docs/firefox.md).
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    const evaluate = runFeatures(features);
    evaluate(location.href);
    watchLocation(evaluate);
  },
});
