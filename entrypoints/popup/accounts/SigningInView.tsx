import { useEffect } from 'preact/hooks';
import { usePopupState } from '../state';

/** How often a reopened popup looks whether the background's sign-in has finished. */
const POLL_MS = 1000;

/**
 * Shown when the popup opens while a Microsoft sign-in started earlier is still running in the
 * background (the popup closed when the sign-in window took focus). It moves on by itself.
 */
export function SigningInView() {
  const state = usePopupState();
  useEffect(() => {
    const timer = setInterval(() => void state.reload(), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  return (
    <section class="stack" aria-labelledby="signing-in-title">
      <h2 id="signing-in-title">Finishing your Microsoft sign-in</h2>
      <p class="muted" role="status">
        Complete the sign-in in the Microsoft window. This popup continues with your organizations as soon as it is done.
      </p>
    </section>
  );
}
