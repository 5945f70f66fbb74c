// @vitest-environment happy-dom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storage } from 'wxt/utils/storage';
import { sendMessage } from '@/lib/messaging/send-message';
import type { PolicyView } from '@/lib/policy/policy-rules';
import { CLONE_CLIENT_KEY, CLONE_PROTOCOL_KEY } from '@/lib/clients/clone-preference-keys';
import { createPopupState, PopupStateContext } from '@/entrypoints/popup/state';
import { useClonePreferences } from '@/entrypoints/popup/repositories/clone-preferences';

vi.mock('@/lib/messaging/send-message', () => ({ sendMessage: vi.fn() }));

const NO_POLICY: PolicyView = { patSignIn: true, defaultClient: null, cloneProtocol: null, organizationsLimited: false, pageActionServerHosts: [] };

let preferences!: ReturnType<typeof useClonePreferences>;
function Probe() {
  preferences = useClonePreferences();
  return h('output', null, `${preferences.clientId.value} ${preferences.protocol.value}`);
}

/** A popup whose background has not yet said what the policy fixes; returns the answer to give. */
async function openPopupBeforeThePolicyIsKnown(): Promise<(policy: PolicyView) => Promise<void>> {
  let answerPolicy!: (answer: unknown) => void;
  vi.mocked(sendMessage).mockImplementation(((type: string) =>
    type === 'policy.view' ? new Promise((resolve) => (answerPolicy = resolve as (answer: unknown) => void)) : new Promise(() => {})) as typeof sendMessage);
  const state = createPopupState();
  void state.reload();
  await act(() => render(h(PopupStateContext.Provider, { value: state }, h(Probe, null)), document.body));
  return async (policy) =>
    act(async () => {
      answerPolicy({ ok: true, data: policy });
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
}

const shown = () => document.querySelector('output')!.textContent;

describe('popup/clone-preferences: a choice made before the policy is known', () => {
  afterEach(async () => {
    render(null, document.body);
    await storage.removeItems([`local:${CLONE_CLIENT_KEY}`, `local:${CLONE_PROTOCOL_KEY}`]);
  });

  it('does not write over the client the organization’s policy sets', async () => {
    const answer = await openPopupBeforeThePolicyIsKnown();
    preferences.setClient('fork');
    await answer({ ...NO_POLICY, defaultClient: 'sourcetree' });
    expect(shown()).toMatch(/^sourcetree /);
    expect(await storage.getItem(`local:${CLONE_CLIENT_KEY}`)).toBeNull();
  });

  it('is kept once the policy leaves it to the user', async () => {
    const answer = await openPopupBeforeThePolicyIsKnown();
    preferences.setProtocol('ssh');
    await answer(NO_POLICY);
    expect(shown()).toMatch(/ ssh$/);
    expect(await storage.getItem(`local:${CLONE_PROTOCOL_KEY}`)).toBe('ssh');
  });
});
