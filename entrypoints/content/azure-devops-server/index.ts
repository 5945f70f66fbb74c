import { collectionRootOf, detectServerPage } from '@/lib/azure/server-page';
import { features } from '../azure-devops/features';
import { runFeatures } from '../azure-devops/run-features';
import { watchLocation } from '../azure-devops/watch-location';

/**
 * The page script of Azure DevOps Server hosts: the same features as on the cloud, registered at run
 * time for each Server host the user granted (entrypoints/background/server-page-scripts.ts), so the
 * cloud's script pays nothing for Server URLs. The collection root comes from the page data, which
 * keeps it across in-app navigation (docs/azure-devops-pages.md#server-pages).
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    const root = collectionRootOf(document);
    const evaluate = runFeatures(features, (href) => detectServerPage(href, root));
    evaluate(location.href);
    watchLocation(evaluate);
  },
});
