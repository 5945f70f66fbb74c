import { readPageSession } from '@/lib/page-session/page-session-status';

/**
 * Run by the popup in the active Azure DevOps tab (scripting.executeScript on MV3,
 * tabs.executeScript on Firefox MV2): its value is how page actions will authenticate there, read
 * from the page data. Only on demand, so the script every page loads carries none of it. No IIFE
 * variable: the value of the last expression is what the popup gets.
 */
export default defineUnlistedScript({
  globalName: false,
  main: () => readPageSession(document),
});
