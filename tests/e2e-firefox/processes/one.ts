// One of the two processes the Firefox E2E run in (docs/testing.md#firefox-reset): their spec files
// share this process's Firefox, reset between tests. Each spec file is named in exactly one process
// file (tests/unit/conventions.test.ts checks it); the two take about as long.
import '../content-script.spec';
import '../popup-tools.spec';
import '../context-menu.spec';
import '../reset.spec';
import '../foundation.spec';
import '../page-session-status.spec';
