import { browser } from 'wxt/browser';
import type { RepositoryListView, RepositoryView } from '@/lib/repositories/repository-cache';
import { indexRepositories, matchRepositories, type RepositoryIndex } from '@/lib/repositories/match-repositories';
import { omniboxDestination, pullRequestAfterWords } from '@/lib/omnibox/omnibox-destination';
import { readCloneChoice } from './clone-choice';

const SUGGESTIONS = 6;

/**
 * `ado <words>` in the address bar (docs/keyboard.md#address-bar): suggestions from the repository
 * cache as the user types, with no network request; Enter opens the chosen repository, or the
 * pull request or page the text names, on Azure DevOps.
 */
export function startOmnibox(listRepositories: () => Promise<RepositoryListView>): void {
  // Indexed once per listing: the listing is kept while the worker lives and replaced after any change.
  let indexed: { list: RepositoryListView; index: RepositoryIndex } | null = null;
  const find = async (): Promise<(words: string) => RepositoryView[]> => {
    const list = await listRepositories();
    if (indexed?.list !== list) indexed = { list, index: indexRepositories(list.repositories, new Map(list.organizations.map((o) => [o.key, o.name]))) };
    const { index } = indexed;
    return (words) => matchRepositories(index, words);
  };
  const place = (list: RepositoryListView, repo: RepositoryView) => `${list.organizations.find((o) => o.key === repo.orgKey)?.name ?? ''} / ${repo.projectName}`;

  browser.omnibox.setDefaultSuggestion({ description: 'Open an Azure DevOps repository: type its name, a pull request number after it, or any Azure DevOps URL' });
  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    void (async () => {
      const [match, { client }] = await Promise.all([find(), readCloneChoice()]);
      const list = indexed!.list;
      const pullRequest = pullRequestAfterWords(text);
      const repositories = match(pullRequest ? pullRequest.words : text).slice(0, SUGGESTIONS);
      suggest(
        repositories.map((repo) => ({
          content: pullRequest ? `${repo.httpsUrl}/pullrequest/${pullRequest.id}` : repo.httpsUrl,
          description: describe(pullRequest ? `Pull request ${pullRequest.id} in ${repo.name}` : repo.name, `${place(list, repo)} · clone in ${client.name}: Alt+Shift+K on its page`),
        })),
      );
    })().catch(() => suggest([]));
  });
  browser.omnibox.onInputEntered.addListener((text, disposition) => {
    void (async () => {
      const [match, tab] = await Promise.all([find(), browser.tabs.query({ active: true, currentWindow: true }).then((tabs) => tabs[0])]);
      const url = omniboxDestination(text, (words) => match(words)[0]?.httpsUrl ?? null, tab?.url);
      if (!url) return;
      if (disposition === 'currentTab' && tab?.id !== undefined) await browser.tabs.update(tab.id, { url });
      else await browser.tabs.create({ url, active: disposition !== 'newBackgroundTab' });
    })();
  });
}

/** Chromium reads a suggestion's description as XML (with `<match>` and `<dim>`); Firefox shows it as text. */
function describe(title: string, detail: string): string {
  if (import.meta.env.FIREFOX) return `${title} — ${detail}`;
  return `<match>${escapeXml(title)}</match> <dim>${escapeXml(detail)}</dim>`;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
