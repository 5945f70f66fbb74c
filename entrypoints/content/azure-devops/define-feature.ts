import type { CloudPage } from '@/lib/azure/cloud-page';

/** One content-script feature: where it runs (page predicates) and how it starts. */
export interface FeatureDefinition {
  include: readonly ((page: CloudPage) => boolean)[];
  exclude?: readonly ((page: CloudPage) => boolean)[];
  /**
   * Mount UI and observe anchors; everything must be torn down when `signal` aborts. `id` is the
   * feature's id (its file name), handed over by the runner so that the feature never spells it;
   * `detect` reads other URLs as this page's was read.
   */
  init(signal: AbortSignal, page: CloudPage, id: string, detect: PageDetector): void | Promise<void>;
}

/**
 * Reads a repository page from a URL: the cloud's (detectCloudPage) or, on a granted Azure DevOps
 * Server host, the Server's (lib/azure/server-page.ts). Features read other URLs of the page (links,
 * the address after a branch switch) with the same one.
 */
export type PageDetector = (href: string) => CloudPage | null;

export interface Feature extends FeatureDefinition {
  /** The feature's file name (verb-object), e.g. "clone-in-client". */
  id: string;
}

export function defineFeature(definition: FeatureDefinition): FeatureDefinition {
  return definition;
}

export function shouldRun(feature: FeatureDefinition, page: CloudPage): boolean {
  return feature.include.some((test) => test(page)) && !(feature.exclude ?? []).some((test) => test(page));
}
