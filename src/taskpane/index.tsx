/**
 * Task pane entry. Renders immediately: office.js is the page's only network dependency and may be
 * missing (offline, blocked, or the e2e build that leaves it out), so nothing here may assume `Office`.
 *
 * createController() below is THE place where a Controller is chosen — wire the real ones there:
 *   - inside Excel: the Excel controller from src/excel (not yet wired; see the TODO);
 *   - in a plain browser: the browser controller, with file mode's scoreFile from src/xlsx (TODO);
 *   - `?demo=1` in a plain browser (no Office at all): the in-memory demo, loaded as its own chunk.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { Controller, HostInfo } from './controller';
import { createBrowserController } from './browser-controller';
import { makeT, pickLanguage } from './i18n';

interface Wiring {
  controller: Controller;
  demo: boolean;
}

function queryFlag(name: string): string | null {
  try {
    return new URLSearchParams(window.location.search).get(name);
  } catch {
    return null;
  }
}

/** ExcelApi support as Office reports it (until the Excel controller reports its own host()). */
function detectExcelHost(): HostInfo {
  const requirements = Office.context?.requirements;
  const supported = (v: string) => {
    try {
      return Boolean(requirements?.isSetSupported('ExcelApi', v));
    } catch {
      return false;
    }
  };
  let apiVersion: string | null = null;
  for (let minor = 1; minor <= 30 && supported(`1.${minor}`); minor++) apiVersion = `1.${minor}`;
  return {
    mode: supported('1.8') ? 'excel' : 'excel-too-old',
    apiVersion,
    displayLanguage: Office.context?.displayLanguage ?? '',
  };
}

// ------------------------------------------------------------------ controller wiring (single place)
async function createController(): Promise<Wiring> {
  if (typeof Office === 'undefined') {
    if (queryFlag('demo') === '1') {
      const { createDemoController } = await import(/* webpackChunkName: "demo" */ './demo-controller');
      const host = queryFlag('host');
      const mode = host === 'excel-too-old' || host === 'browser' ? host : 'excel';
      return { controller: createDemoController({ host: { mode } }), demo: true };
    }
    // TODO(src/xlsx): pass file mode here: createBrowserController({ scoreFile })
    return { controller: createBrowserController(), demo: false };
  }

  const info = await Office.onReady();
  if (info.host === Office.HostType.Excel) {
    // TODO(src/excel): return { controller: createExcelController(), demo: false };
    return { controller: createBrowserController({ host: detectExcelHost() }), demo: false };
  }
  // office.js loaded, but not inside Excel (a plain browser tab, or another Office host).
  return { controller: createBrowserController(), demo: false };
}
// ------------------------------------------------------------------

/** Shown until the controller is known (inside Excel: until Office.onReady), in the browser's language. */
function Starting() {
  const lang = pickLanguage(typeof navigator !== 'undefined' ? navigator.language : '');
  return (
    <p lang={lang} role="status" style={{ padding: 16, fontFamily: 'sans-serif' }}>
      {makeT(lang)('app.starting')}
    </p>
  );
}

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  root.render(<Starting />);
  createController()
    .catch((err: unknown) => {
      console.warn('Controller setup failed; falling back to the browser controller', err);
      return { controller: createBrowserController(), demo: false };
    })
    .then(({ controller, demo }) => root.render(<App controller={controller} demo={demo} />));
}
