/**
 * The api-version each Azure DevOps resource the extension calls is documented with
 * (docs/azure-devops-rest.md#resource-versions has every resource and its Microsoft Learn page). The
 * REST client and the page session send these unless a call names its own; a resource the service
 * holds under preview after all is retried once with `-preview` (api-version.ts `previewForm`).
 */

/** Sent to every resource the table below does not list: Learn documents them at 7.1. */
export const DEFAULT_API_VERSION = '7.1';

/** The resources Learn (or, undocumented, the web UI) has only as previews; matched on the path after `_apis/`, lower case. */
const PREVIEW_VERSIONS: [path: RegExp, version: string][] = [
  [/^profile\/profiles\//, '7.1-preview.3'],
  [/^accounts$/, '7.1-preview.1'],
  [/^wit\/workitems$/, '7.1-preview.3'],
  [/^teams$/, '7.1-preview.3'],
  [/^identitypicker\/identities$/, '7.1-preview.1'],
  [/^contribution\/hierarchyquery$/, '5.0-preview.1'],
  [/^token\/sessiontokens/, '7.0-preview.1'],
];

/**
 * The version to send to the REST URL path `pathname`, and the name under which what is learned about
 * it is remembered: its area and first resource after `_apis/` (`git/repositories`, `wit/workitems`).
 */
export function resourceOf(pathname: string): { resource: string; version: string } {
  const path = (/\/_apis\/(.*)$/i.exec(pathname)?.[1] ?? '').replace(/\/+$/, '').toLowerCase();
  const version = PREVIEW_VERSIONS.find(([pattern]) => pattern.test(path))?.[1] ?? DEFAULT_API_VERSION;
  return { resource: path.split('/', 2).join('/'), version };
}
