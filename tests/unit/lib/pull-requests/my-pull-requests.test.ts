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
  it('lists my active pull requests and those still waiting for my vote, across organizations', async () => {
    const { session, db } = startSession(fake);
    await session.connectPat({ host: CONTOSO, token: basic.pats.janeContoso });
    await session.connectPat({ host: FABRIKAM, token: basic.pats.janeFabrikam });

    const { created, reviewing, failures } = await listMyPullRequests({ db, session });

    expect(failures).toEqual([]);
    expect(summary(created)).toEqual(['contoso/web-portal#1', 'fabrikam/fiber-web#1']);
    // #2 is completed, #4 abandoned, and Jane has voted on neither of the others.
    expect(summary(reviewing)).toEqual(['contoso/ios-app#5', 'contoso/web-portal#3 (draft)']);
    expect(reviewing.find((p) => p.id === 5)).toMatchObject({ author: 'Sam Lee', webUrl: expect.stringMatching(/\/_git\/ios-app\/pullrequest\/5$/) });
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
