import type { RestClient, RestPage, RestRequest } from '../azure/rest-client';
import { AppError } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import type { PageSession } from './page-session';

/** The page's sign-in ended (signed out in another tab): not an error to show, a reason to fall back. */
export class PageSignedOut extends Error {}

/**
 * A RestClient over the page session, so the Azure DevOps calls of lib/pull-requests run
 * unchanged with the page's own sign-in. Only URLs under the page's organization can be expressed;
 * the page session refuses anything else before sending.
 */
export function pageSessionClient(session: PageSession): RestClient {
  async function requestPage<T>(req: RestRequest): Promise<RestPage<T>> {
    if (!req.url.startsWith(session.baseUrl)) throw new AppError(appErrors.pageSessionAddressRefused(session.organization));
    const result = await session.request<T>(req.url.slice(session.baseUrl.length), {
      method: req.method === 'HEAD' ? 'GET' : req.method,
      query: req.query,
      body: req.body,
      apiVersion: req.apiVersion,
    });
    if (result.kind === 'signed-out') throw new PageSignedOut();
    if (result.kind === 'error') throw new AppError(result.error);
    return { value: result.value, continuationToken: result.continuationToken ?? null };
  }
  return { request: async <T>(req: RestRequest) => (await requestPage<T>(req)).value, requestPage, newestApiVersion: () => session.newestApiVersion() };
}
