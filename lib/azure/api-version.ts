/**
 * api-version negotiation (docs/azure-devops-rest.md). Services take 7.1; Azure DevOps Server answers a
 * too-new version with 400 `VssVersionOutOfRangeException` "… The latest REST API version this
 * server supports is Y." The REST client learns Y once per collection and sends it from then on.
 * A resource still under preview answers a released version with 400
 * `VssInvalidPreviewVersionException`: the client learns, per host and resource, to add `-preview`.
 * This module holds what was learned and the version arithmetic.
 */

/** The newest api-version each collection base accepts, once learned. Shared by every client of a background. */
export interface ApiVersionMemory {
  /**
   * The remembered version for a collection base (`https://tfs.contoso.test/tfs/DefaultCollection`),
   * or for the nearest enclosing base that has one (a collection's version applies to its projects).
   */
  get(base: string): string | undefined;
  set(base: string, version: string): void;
  /** Everything remembered, to persist it. Keys are normalized bases. */
  entries(): [base: string, version: string][];
  /** Whether `resource` (resource-versions.ts) on the host of `url` was found to need `-preview`. */
  needsPreview(url: string | URL, resource: string): boolean;
  markNeedsPreview(url: string | URL, resource: string): void;
}

export interface ApiVersionMemoryOptions {
  /** Versions persisted earlier (e.g. `OrganizationRecord.apiVersion` by base URL). */
  initial?: Iterable<[string, string]> | Record<string, string>;
  /** Called after every change, so the caller can persist it. */
  onChange?: (base: string, version: string) => void;
}

export function createApiVersionMemory(options: ApiVersionMemoryOptions = {}): ApiVersionMemory {
  const known = new Map<string, string>();
  // Lost with the service worker: relearning it costs one refused request.
  const previewOnly = new Set<string>();
  const previewKey = (url: string | URL, resource: string) => `${new URL(url).origin} ${resource.toLowerCase()}`;
  const initial = options.initial ?? [];
  for (const [base, version] of Symbol.iterator in initial ? (initial as Iterable<[string, string]>) : Object.entries(initial)) {
    if (parseApiVersion(version)) known.set(normalizeBase(base), version);
  }
  return {
    get(base) {
      for (const candidate of enclosingBases(normalizeBase(base))) {
        const version = known.get(candidate);
        if (version !== undefined) return version;
      }
      return undefined;
    },
    set(base, version) {
      if (!parseApiVersion(version)) return;
      const key = normalizeBase(base);
      if (known.get(key) === version) return;
      known.set(key, version);
      options.onChange?.(key, version);
    },
    entries: () => [...known.entries()],
    needsPreview: (url, resource) => previewOnly.has(previewKey(url, resource)),
    markNeedsPreview: (url, resource) => void previewOnly.add(previewKey(url, resource)),
  };
}

/**
 * The collection base of a REST URL: origin plus the path before `/_apis`, lower case, no trailing
 * slash. `https://dev.azure.com/Contoso/_apis/git/repositories` → `https://dev.azure.com/contoso`.
 * A project-scoped URL keeps its project segment (the client cannot tell a project from a
 * collection on Server); `get` walks up to the collection.
 */
export function collectionBaseOf(url: string | URL): string {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  const path = parsed.pathname;
  const apis = /\/_apis(\/|$)/i.exec(path);
  return normalizeBase(`${parsed.origin}${apis ? path.slice(0, apis.index) : path}`);
}

function normalizeBase(base: string): string {
  let text = base.trim();
  try {
    const url = new URL(text);
    text = `${url.origin}${url.pathname}`;
  } catch {
    // Not a URL: remember it as given (callers may use their own keys).
  }
  return text.replace(/\/+$/, '').toLowerCase();
}

/** `https://h/a/b` → `https://h/a/b`, `https://h/a`, `https://h`. */
function enclosingBases(base: string): string[] {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/]+)(\/.*)?$/.exec(base);
  if (!match) return [base];
  const origin = match[1]!;
  const segments = (match[2] ?? '').split('/').filter(Boolean);
  const out: string[] = [];
  for (let n = segments.length; n >= 0; n--) out.push(n === 0 ? origin : `${origin}/${segments.slice(0, n).join('/')}`);
  return out;
}

export interface ApiVersion {
  major: number;
  minor: number;
  /** `-preview` or `-preview.N`, as written; null for a released version. */
  preview: string | null;
}

/** `7.1`, `7.1-preview`, `7.1-preview.1`, `6` → parts; anything else → null. */
export function parseApiVersion(version: string): ApiVersion | null {
  const match = /^(\d+)(?:\.(\d+))?(-preview(?:\.\d+)?)?$/i.exec(version.trim());
  if (!match) return null;
  return { major: Number(match[1]), minor: Number(match[2] ?? 0), preview: match[3] ?? null };
}

/** Compares the numeric parts only (a preview suffix does not make a version newer or older). */
export function compareApiVersions(a: string, b: string): number {
  const x = parseApiVersion(a);
  const y = parseApiVersion(b);
  if (!x || !y) return 0;
  return x.major - y.major || x.minor - y.minor;
}

/**
 * The version to send when a collection accepts at most `cap`: `requested` when it is not newer,
 * otherwise `cap` with the requested `-preview.N` suffix kept (preview resources need it).
 */
export function capApiVersion(requested: string, cap: string | undefined): string {
  if (!cap) return requested;
  const wanted = parseApiVersion(requested);
  const limit = parseApiVersion(cap);
  if (!wanted || !limit || compareApiVersions(requested, cap) <= 0) return requested;
  return `${limit.major}.${limit.minor}${wanted.preview ?? ''}`;
}

/** Y in "… The latest REST API version this server supports is Y." (docs/azure-devops-rest.md#versions-headers-errors), or null. */
export function latestSupportedApiVersion(message: string): string | null {
  const match = /latest REST API version this server supports is\s+(\d+(?:\.\d+)?)/i.exec(message);
  return match ? match[1]! : null;
}

/** `7.1` → `7.1-preview`, the form VssInvalidPreviewVersionException asks for; a preview version is kept. */
export function previewForm(version: string): string {
  const parsed = parseApiVersion(version);
  if (!parsed || parsed.preview) return version;
  return `${parsed.major}.${parsed.minor}-preview`;
}

/** The error type key with which a service refuses a released version of a resource under preview. */
export const PREVIEW_REQUIRED = 'VssInvalidPreviewVersionException';
