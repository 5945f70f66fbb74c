import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useFirefox } from './support/harness';

describe('foundation in Firefox', () => {
  const ff = useFirefox();

  it('installs as the add-on id the manifest names', () => {
    assert.equal(ff.firefox.addonId, 'ado-companion@ado-companion.dev');
  });

  it('the popup renders and reaches the background', async () => {
    const popup = await ff.popup().open();
    // The connect screen appears only once the background has answered with the (empty) account list.
    await popup.waitForConnectScreen();
    assert.deepEqual(await popup.send('ping', {}), { ok: true, data: { pong: true, version: '0.1.0' } });
  });

  it('the background refuses a malformed message with a clear error', async () => {
    const popup = await ff.popup().open();
    const answer = (await popup.send('ping', { extra: 1 })) as { ok: boolean; error?: { kind: string } };
    assert.equal(answer.ok, false);
    assert.equal(answer.error?.kind, 'invalid-message');
  });
});
