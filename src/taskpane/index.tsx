/**
 * Task pane entry. Renders immediately: office.js is the page's only network dependency and may be
 * missing (offline, blocked, or the e2e build that leaves it out), so nothing here may assume `Office`.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(<App />);
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  // Host-dependent code should wait for this before calling Excel APIs.
  Office.onReady().catch((err: unknown) => {
    console.warn('Office.onReady failed', err);
  });
}
