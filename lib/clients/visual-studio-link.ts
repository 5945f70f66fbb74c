import type { CloneRequest } from './clone-request';
import type { DesktopClient } from './desktop-clients';

/** The ids Azure DevOps names a repository by in its own "Clone in Visual Studio" (docs/desktop-clients.md). */
export interface AzureRepositoryIds {
  /** The organization's (collection's) URL with a trailing slash, e.g. `https://dev.azure.com/contoso/`. */
  collectionUrl: string;
  projectId: string;
  repositoryId: string;
}

/**
 * Visual Studio the way Azure DevOps' clone dialog opens it: `vsweb://` with a base64 `vstfs:` link
 * naming the project and repository by id, so Visual Studio connects to the organization itself
 * (no GitHub extension needed).
 */
export function visualStudioLink({ collectionUrl, projectId, repositoryId }: AzureRepositoryIds): string {
  const vstfs = `vstfs:///Framework/TeamProject/${projectId}?url=${collectionUrl}&project=${projectId}&repo=${repositoryId}`;
  // btoa takes Latin-1 only: base64 of the UTF-8 bytes, as Azure DevOps encodes it.
  const utf8 = String.fromCharCode(...new TextEncoder().encode(vstfs));
  return `vsweb://vs/?Product=Visual_Studio&EncFormat=UTF8&tfslink=${btoa(utf8)}`;
}

/**
 * The link that clones `request` in `client` where the REST API gave the repository's ids (the
 * popup): Azure DevOps' own link for Visual Studio, the catalogue's for every other client. Pages and
 * links give no ids, so the page menus and the context menu keep the catalogue's (and stay smaller).
 */
export function cloneLinkWithIds(client: DesktopClient, request: CloneRequest, ids: AzureRepositoryIds): string | null {
  return client.id === 'visual-studio' ? visualStudioLink(ids) : client.link(request);
}
