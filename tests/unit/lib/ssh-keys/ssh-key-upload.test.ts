// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { webcrypto } from 'node:crypto';
import { createSshKeyUpload } from '@/lib/ssh-keys/ssh-key-upload';
import { generateSshKeyPair } from '@/lib/crypto/ssh-key';
import { startFakeAdo, type FakeAdo } from '../../../fake-ado/server';
import { basic } from '../../../fake-ado/fixtures/basic';
import { CONTOSO, key, signInJane, startSession } from '../auth/session-harness';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

let fake: FakeAdo;
let publicKey: string;
beforeAll(async () => {
  fake = await startFakeAdo({ port: 0 });
  publicKey = (await generateSshKeyPair({ comment: 'jane@laptop', crypto: webcrypto as Crypto })).publicKey;
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

const contosoKeys = () => fake.control.state.data.organizations.find((o) => o.name === 'contoso')?.sshKeys ?? [];
const YEAR_MS = 365 * 24 * 3600 * 1000;

async function connected(token: string = basic.pats.janeContoso) {
  const started = startSession(fake);
  const { account } = await started.session.connectPat({ host: CONTOSO, token });
  const upload = createSshKeyUpload({ db: started.db, session: started.session, now: () => started.clock.now });
  return { started, account, upload };
}

describe('lib/ssh-keys/ssh-key-upload', () => {
  it('adds the public key to the organization for one year, through the portal call, when the account allows it', async () => {
    const { started, account, upload } = await connected();
    expect(account.features?.sshKeys).toBe(true);

    const added = await upload.add({ orgKey: key(CONTOSO), publicKey, displayName: 'jane@laptop' });

    expect(added.organization).toBe('contoso');
    expect(Date.parse(added.validTo) - started.clock.now).toBe(YEAR_MS);
    expect(contosoKeys()).toEqual([expect.objectContaining({ displayName: 'jane@laptop', publicData: publicKey, userId: basic.users.jane.id })]);
    expect(fake.control.requests({ method: 'POST', pathIncludes: '_apis/Contribution/HierarchyQuery' })).toHaveLength(1);
  });

  it('works with a Microsoft sign-in too', async () => {
    const started = startSession(fake);
    await signInJane(started);
    const upload = createSshKeyUpload({ db: started.db, session: started.session, now: () => started.clock.now });
    await expect(upload.add({ orgKey: key(CONTOSO), publicKey, displayName: 'jane@laptop' })).resolves.toMatchObject({ organization: 'contoso' });
  });

  it('says the key is already there when it was added before', async () => {
    const { upload } = await connected();
    await upload.add({ orgKey: key(CONTOSO), publicKey, displayName: 'first' });
    await expect(upload.add({ orgKey: key(CONTOSO), publicKey, displayName: 'again' })).rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/already registered in contoso/) });
    expect(contosoKeys()).toHaveLength(1);
  });

  it('passes on Azure DevOps’ reason for refusing a key that is not RSA', async () => {
    const { upload } = await connected();
    await expect(upload.add({ orgKey: key(CONTOSO), publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl jane', displayName: 'x' })).rejects.toMatchObject({
      kind: 'invalid-input',
      message: expect.stringContaining('Invalid key: Valid keys will start with "ssh-rsa"'),
      details: expect.objectContaining({ settingsPage: true }),
    });
  });

  it('sends the user to the settings page when the token may not manage keys', async () => {
    const { account, upload } = await connected(basic.pats.codeRead);
    expect(account.features?.sshKeys).toBe(false);
    await expect(upload.add({ orgKey: key(CONTOSO), publicKey, displayName: 'x' })).rejects.toMatchObject({
      kind: 'auth-missing-scope',
      message: expect.stringMatching(/^Azure DevOps did not let ADO Companion add the key to contoso.*SSH keys settings page/),
      details: expect.objectContaining({ settingsPage: true }),
    });
    expect(contosoKeys()).toEqual([]);
  });

  for (const refusal of [401, 403, 404, 'html'] as const) {
    it(`sends the user to the settings page when the key API answers ${refusal === 'html' ? 'with an HTML page' : refusal}`, async () => {
      const { upload } = await connected();
      fake.control.setFailures({ sshKeyRefusal: refusal });
      await expect(upload.add({ orgKey: key(CONTOSO), publicKey, displayName: 'x' })).rejects.toMatchObject({
        details: expect.objectContaining({ settingsPage: true }),
        message: expect.stringMatching(/SSH keys settings page/),
      });
      expect(contosoKeys()).toEqual([]);
    });
  }

  it('keeps a network failure as such: trying again may work', async () => {
    const { upload } = await connected();
    fake.control.setFailures({ offline: true });
    await expect(upload.add({ orgKey: key(CONTOSO), publicKey, displayName: 'x' })).rejects.toMatchObject({ kind: 'offline' });
  });
});
