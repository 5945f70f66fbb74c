import type { FixtureOrganization, FixtureProject, FixtureRepository, FixtureUser } from '../fixture-types';

/** What the server passes for a non-`/_apis/` GET. */
export interface PageRequest {
  /** Host header, e.g. `dev.azure.com`, `contoso.visualstudio.com`, `tfs.contoso.test:8443`. */
  host: string;
  /** URL pathname, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  /** Organization the server resolved from host/path, if any (re-resolved here anyway). */
  organization: string | null;
  /**
   * Raw `Cookie` header, optional. Read: `fake-ado-theme=dark|light`, `fake-ado-timing=instant`
   * (no anchor delay, no re-render).
   */
  cookie?: string;
  /** Who is signed in (the server's web session, web-session.ts); null renders the page signed out. */
  user: FixtureUser | null;
}

export interface PageState {
  organizations: FixtureOrganization[];
  users: FixtureUser[];
}

export interface PageResponse {
  status: number;
  html: string;
  /** The page shows a public project (anyone may see it without signing in). */
  publicProject: boolean;
}

export type Theme = 'light' | 'dark';

/** Where a page sits: the organization and how its URLs are spelled on this host. */
export interface OrgContext {
  org: FixtureOrganization;
  user: FixtureUser | null;
  theme: Theme;
  /** Anchors appear after a delay and are re-rendered once, unless the timing cookie says instant. */
  instant: boolean;
  /** Request origin, e.g. `https://dev.azure.com`. */
  origin: string;
  /** Path prefix of the organization/collection as requested, no trailing slash: `/contoso`, ``, `/DefaultCollection`, `/tfs/DefaultCollection`. */
  collectionPath: string;
  /** `ms.vss-tfs-web.header-action-data.suiteHomeUrl`, ends in `/`. */
  suiteHomeUrl: string;
  query: URLSearchParams;
  state: PageState;
}

export interface ProjectContext extends OrgContext {
  project: FixtureProject;
}

export interface RepoContext extends ProjectContext {
  repo: FixtureRepository;
  /** Href of the repo root in the form the request used (`/{org}/{project}/_git/{repo}` or `/{org}/_git/{repo}`). */
  repoPath: string;
  /** Always `{collectionPath}/{project}/_git/{repo}` (the form PR branch links use). */
  canonicalRepoPath: string;
}

/** One rendered view: its body markup plus what the shell needs around it. */
export interface View {
  title: string;
  /** Short id written to `data-fake-ado-view`, e.g. `files`, `pullrequest`. */
  kind: string;
  body: import('./html').SafeHtml;
  /** Callouts rendered in `.bolt-portal-host` (outside the view's anchors), e.g. the branch list. */
  portal?: import('./html').SafeHtml;
  /** Extra `dataProviders` entries (project, repository, pull request). */
  dataProviders?: Record<string, unknown>;
  /** Anchor delay in ms (≥300 on PR pages, as GK waits 300 ms there). */
  anchorDelayMs?: number;
}
