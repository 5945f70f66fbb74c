// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { listMyPullRequests } from '@/lib/pull-requests/my-pull-requests';
import type { FakeAdo } from '../../../fake-ado/server';
import { useFakeAdo } from '../../support/use-fake-ado';
import { basic } from '../../../fake-ado/fixtures/basic';
import { CONTOSO, FABRIKAM, key, startSession } from '../auth/session-harness';


let fake: FakeAdo;
useFakeAdo((started) => (fake = started));

const summary = (prs: { organization: string; repository: string; id: number; isDraft: boolean }[]) =>
  prs.map((p) => `${p.organization}/${p.repository}#${p.id}${p.isDraft ? ' (draft)' : ''}`).sort();

describe('lib/pull-requests/my-pull-requests', () => {
  it('lists my active pull requests across organizations', async () => {
    const { session, db } = startSession(fake);
    await session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    await session.connectPat({ host: FABRIKAM, token: basic.pats.janeFabrikam });

    const { created, failures } = await listMyPullRequests({ db, session });

    expect(failures).toEqual([]);
    expect(summary(created)).toEqual(['contoso/web-portal#1', 'fabrikam/fiber-web#1']);
    expect(created.find((p) => p.id === 1)).toMatchObject({ author: 'Jane Doe', webUrl: expect.stringMatching(/\/_git\/web-portal\/pullrequest\/1$/) });
  });

  it('keeps the other organizations when one cannot be reached, and says which', async () => {
    const { session, db } = startSession(fake);
    await session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    fake.control.expirePat(basic.pats.janeContoso);

    const { created, failures } = await listMyPullRequests({ db, session });

    expect(created).toEqual([]);
    expect(failures).toEqual([{ key: key(CONTOSO), name: 'contoso', error: expect.objectContaining({ kind: 'auth-expired' }) }]);
  });
});
