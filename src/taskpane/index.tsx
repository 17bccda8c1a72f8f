/**
 * Task pane entry. Renders immediately: office.js is the page's only network dependency and may be
 * missing (offline, blocked, or the e2e build that leaves it out), so nothing here may assume `Office`.
 *
 * createController() below is THE place where a Controller is chosen:
 *   - inside Excel: the Excel controller (src/excel/excel-controller.ts);
 *   - in a plain browser: the browser controller, with file mode when XLSX_HOOKS.scoreFile is set;
 *   - `?demo=1` in a plain browser (no Office at all): the in-memory demo that fills made-up values —
 *     development builds only: in production process.env.NODE_ENV is 'production', webpack drops the
 *     branch and the demo chunk is never emitted (test/e2e checks the bundle).
 *
 * What this chunk holds is what the pane needs for its first paint: React, Fluent UI and the pane's
 * components. Every controller is loaded with import() (see lazy-controller.ts), and with it the
 * rubric catalog, zod, the scoring engine and the layout code; exceljs is loaded by file mode and
 * annex export only. `npm run bench -- ui` measures the first-paint JavaScript (target ≤ 200 KB gzip).
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { Controller, HostInfo, WorkbookStatus } from './controller';
import { createLazyController } from './lazy-controller';
import { makeT, pickLanguage } from './i18n';
import { detectApiLevel, MIN_API } from '../excel/requirements';
import type { LiveSession } from '../excel/session';

interface Wiring {
  controller: Controller;
  demo: boolean;
}

/**
 * Hooks for src/xlsx (file mode and annex export), to be filled in by that work. Each must load its
 * code with import() so that exceljs stays out of the initial chunks. Left unset:
 *   - scoreFile: the browser pane says file mode is not available in this version;
 *   - exportAnnex: the Excel controller uses its own default (src/excel/export-annex.ts).
 */
const XLSX_HOOKS: {
  scoreFile?: (file: File) => Promise<WorkbookStatus>;
  exportAnnex?: (session: LiveSession) => Promise<void>;
} = {
  // File mode: exceljs and the reader load only when a file is picked.
  scoreFile: async (file) => (await import(/* webpackChunkName: "file-mode" */ '../xlsx/browser-file-mode')).scoreFileInBrowser(file),
};

function queryFlag(name: string): string | null {
  try {
    return new URLSearchParams(window.location.search).get(name);
  } catch {
    return null;
  }
}

function browserLanguage(): string {
  return typeof navigator !== 'undefined' && typeof navigator.language === 'string' ? navigator.language : 'zh-CN';
}

function browserController(): Controller {
  return createLazyController({
    host: { mode: 'browser', apiVersion: null, displayLanguage: browserLanguage() },
    load: async () => {
      const { createBrowserController } = await import(/* webpackChunkName: "browser" */ './browser-controller');
      return createBrowserController({
        scoreFile: XLSX_HOOKS.scoreFile,
        // 生成评分表 without Excel: exceljs and the layout load only when the button is pressed.
        downloadBlank: async (loaded, roster, options) =>
          (await import(/* webpackChunkName: "blank-workbook" */ './browser-blank-workbook')).downloadBlankWorkbook(
            loaded,
            roster,
            options,
          ),
        rubricSheet: {
          download: async (rubric) =>
            (await import(/* webpackChunkName: "rubric-sheet" */ './browser-rubric-sheet')).downloadDefinition(rubric),
          read: async (file) => (await import(/* webpackChunkName: "rubric-sheet" */ './browser-rubric-sheet')).readDefinitionFile(file),
        },
      });
    },
    scoreFile: XLSX_HOOKS.scoreFile,
  });
}

/**
 * Office.onReady(), except where the page is plainly not inside Office: a top-level window whose URL
 * has no `_host_Info` (Office desktop adds it; Excel on the web frames the pane). There office.js may
 * never become ready — served with the release (officeJs=local) and opened from file://, its own
 * helper files are refused by the browser — so after 3 s the page goes on as a plain page (null).
 */
function officeReady(): Promise<{ host: Office.HostType | null } | null> {
  const ready = Office.onReady() as Promise<{ host: Office.HostType | null }>;
  let topLevel = true;
  try {
    topLevel = window.top === window;
  } catch {
    topLevel = false;
  }
  const hosted = !topLevel || /[?&]_host_Info=/i.test(window.location.search);
  if (hosted) return ready;
  return Promise.race([ready, new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000))]);
}

// ------------------------------------------------------------------ controller wiring (single place)
async function createController(): Promise<Wiring> {
  if (typeof Office === 'undefined') {
    if (process.env.NODE_ENV !== 'production' && queryFlag('demo') === '1') {
      const asked = queryFlag('host');
      const mode = asked === 'excel-too-old' || asked === 'browser' ? asked : 'excel';
      const host: HostInfo = {
        mode,
        apiVersion: mode === 'excel-too-old' ? '1.7' : mode === 'excel' ? '1.8' : null,
        displayLanguage: browserLanguage(),
      };
      const controller = createLazyController({
        host,
        load: async () => {
          const { createDemoController } = await import(/* webpackChunkName: "demo" */ './demo-controller');
          return createDemoController({ host });
        },
      });
      return { controller, demo: true };
    }
    return { controller: browserController(), demo: false };
  }

  const info = await officeReady();
  if (info === null) return { controller: browserController(), demo: false };
  if (info.host === Office.HostType.Excel) {
    // The host state is known now (it decides what the pane shows); the controller's code follows.
    // It asks the same requirement sets (src/excel/requirements.ts) as the controller's own host().
    const api = detectApiLevel();
    const host: HostInfo = {
      mode: api.supports(MIN_API) ? 'excel' : 'excel-too-old',
      apiVersion: api.version,
      displayLanguage: Office.context?.displayLanguage ?? 'zh-CN',
    };
    const controller = createLazyController({
      host,
      load: async () => {
        const { createExcelController } = await import(/* webpackChunkName: "excel" */ '../excel/excel-controller');
        return createExcelController({ api, ...(XLSX_HOOKS.exportAnnex ? { exportAnnex: XLSX_HOOKS.exportAnnex } : {}) });
      },
    });
    return { controller, demo: false };
  }
  // office.js loaded, but not inside Excel (a plain browser tab, or another Office host).
  return { controller: browserController(), demo: false };
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
      return { controller: browserController(), demo: false };
    })
    .then(({ controller, demo }) => root.render(<App controller={controller} demo={demo} />));
}
