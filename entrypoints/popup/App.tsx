import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/send-message';

export function App() {
  const status = useSignal<{ state: 'checking' | 'ready' | 'error'; text: string }>({
    state: 'checking',
    text: 'Starting…',
  });

  useEffect(() => {
    void sendMessage('ping', {}).then((result) => {
      status.value = result.ok
        ? { state: 'ready', text: `Ready · version ${result.data.version}` }
        : { state: 'error', text: result.error.message };
    });
  }, []);

  return (
    <>
      <header class="popup-header">
        <img src="/icon/32.png" alt="" />
        <h1>ADO Companion</h1>
      </header>
      <main class="popup-body">
        <p class="status" data-state={status.value.state} role="status">
          {status.value.text}
        </p>
      </main>
    </>
  );
}
