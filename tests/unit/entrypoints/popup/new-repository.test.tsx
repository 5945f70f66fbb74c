// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrganizationView } from '@/lib/auth/account-views';
import { sendMessage } from '@/lib/messaging/send-message';
import { createPopupState, PopupStateContext } from '@/entrypoints/popup/state';
import { NewRepositoryView } from '@/entrypoints/popup/new-repository/NewRepositoryView';

vi.mock('@/lib/messaging/send-message', () => ({ sendMessage: vi.fn() }));

const org = (name: string): OrganizationView => ({
  key: `https://dev.azure.com/${name}`,
  name,
  kind: 'cloud',
  baseUrl: `https://dev.azure.com/${name}`,
  accountId: 'jane',
  selected: true,
});

describe('popup/new-repository', () => {
  afterEach(() => render(null, document.body));

  it('keeps the projects of the organization chosen last when the first one answers after it', async () => {
    // contoso's projects are slow to come; fabrikam's come at once.
    const answerContoso = await chooseFabrikamWhileContosoLoads();
    await act(async () => {
      answerContoso({ ok: true, data: { projects: [{ id: 'mobile', name: 'Mobile App' }] } });
      // Every promise callback of the answer has run by the next task.
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(projectNames()).toEqual(['Fabrikam Fiber']);
    expect(document.querySelector<HTMLSelectElement>('select')!.value).toBe(org('fabrikam').key);
  });

  it('does not show the first organization’s failure under the one chosen since', async () => {
    const answerContoso = await chooseFabrikamWhileContosoLoads();
    await act(async () => {
      answerContoso({ ok: false, error: { kind: 'offline' } });
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(projectNames()).toEqual(['Fabrikam Fiber']);
    expect(document.querySelector('[role=alert], .notice-error')).toBeNull();
  });
});

const projectNames = () => [...document.querySelectorAll<HTMLSelectElement>('select')[1]!.options].map((o) => o.textContent);

/** Opens New repository on contoso, whose projects are slow to come, and picks fabrikam, whose projects come at once. */
async function chooseFabrikamWhileContosoLoads(): Promise<(answer: unknown) => void> {
  let answerContoso!: (answer: unknown) => void;
  vi.mocked(sendMessage).mockImplementation(((type: string, request: { orgKey?: string }) => {
    if (type !== 'repositories.projects') return new Promise(() => {});
    if (request.orgKey!.endsWith('/contoso')) return new Promise((resolve) => (answerContoso = resolve as (answer: unknown) => void));
    return Promise.resolve({ ok: true, data: { projects: [{ id: 'fiber', name: 'Fabrikam Fiber' }] } });
  }) as typeof sendMessage);
  const state = createPopupState();
  state.organizations.value = [org('contoso'), org('fabrikam')];

  await act(() =>
    render(
      <PopupStateContext.Provider value={state}>
        <NewRepositoryView />
      </PopupStateContext.Provider>,
      document.body,
    ),
  );
  const organization = document.querySelector<HTMLSelectElement>('select')!;
  await act(() => {
    organization.value = org('fabrikam').key;
    organization.dispatchEvent(new Event('change'));
  });
  await vi.waitFor(() => expect(projectNames()).toEqual(['Fabrikam Fiber']));
  return answerContoso;
}
