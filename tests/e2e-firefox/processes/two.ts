// The other process of the Firefox E2E (see one.ts). The groups that install another add-on (a policy's
// copy, the zip) come last: each starts a Firefox of its own.
import '../keyboard.spec';
import '../server-pages.spec';
import '../accounts.spec';
import '../pull-request-inbox.spec';
import '../create-pull-request.spec';
import '../managed-policy.spec';
import '../packaging.spec';
