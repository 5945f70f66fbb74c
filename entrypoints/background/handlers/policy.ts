import { toPolicyView } from '@/lib/policy/policy-rules';
import { readManagedPolicy } from '../managed-policy';
import type { Handler } from '../router';

/** What the popup shows as set by the organization; the protocol allows it from extension pages only. */
export function policyHandlers() {
  return {
    'policy.view': async () => toPolicyView(await readManagedPolicy()),
  } satisfies { [K in 'policy.view']: Handler<K> };
}
