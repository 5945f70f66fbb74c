import { render } from 'preact';
import { App } from './App';

// Over a screen drawn from the last opening's copy (first-screen.ts), Preact reuses its nodes; from
// here its buttons answer (`ado:first-screen-live`, read by tests/bench/popup-timings.ts).
const app = document.getElementById('app')!;
render(<App />, app);
app.removeAttribute('aria-disabled');
performance.mark('ado:first-screen-live');
