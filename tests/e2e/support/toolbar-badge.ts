import type { Worker } from '@playwright/test';

/** What the toolbar icon shows: its badge text and tooltip, read in the service worker. */
export const badge = (worker: Worker) =>
  worker.evaluate(async () => {
    const action = (globalThis as unknown as { chrome: typeof browser }).chrome.action;
    return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
  });

/** The inbox's periodic alarm, fired now (as if its period had passed). */
export const fireInboxAlarm = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { chrome: typeof browser }).chrome.alarms.create('pull-request-inbox', { when: Date.now() }));
