import { useEffect } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import { SIGN_IN_PROGRESS_CHANGED_KEY } from '@/lib/db/sign-in-progress';
import { usePopupState } from '../state';

/**
 * Shown when the popup opens while a Microsoft sign-in started earlier is still running in the
 * background (the popup closed when the sign-in window took focus). It moves on by itself: the
 * background touches a session-storage marker whenever the sign-in's progress changes.
 */
export function SigningInView() {
  const state = usePopupState();
  useEffect(() => {
    const unwatch = storage.watch(`session:${SIGN_IN_PROGRESS_CHANGED_KEY}`, () => void state.reload());
    // The sign-in may have moved on between the popup's first look and this subscription.
    void state.reload();
    return unwatch;
  }, []);
  return (
    <section class="stack" aria-labelledby="signing-in-title">
      <h2 tabIndex={-1} id="signing-in-title">Finishing your Microsoft sign-in</h2>
      <p class="muted" role="status">
        Complete the sign-in in the Microsoft window. This popup continues with your organizations as soon as it is done.
      </p>
    </section>
  );
}
