/** @jest-environment jsdom */
import './setup-dom';
import { screen } from '@testing-library/react';
import { createExcelHost, installGlobals, uninstallGlobals } from '../excel-host';

/** `Office` is declared by @types/office-js; tests install and remove a small fake of it. */
const global = globalThis as unknown as { Office?: unknown };
function setOffice(value: unknown) {
  if (value === undefined) delete global.Office;
  else global.Office = value;
}

async function loadEntry() {
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- isolateModules needs a synchronous load of the entry
    require('../../src/taskpane/index');
  });
}

function fakeOffice(host: string | null, maxMinor: number, displayLanguage = 'zh-CN') {
  return {
    HostType: { Excel: 'Excel' },
    onReady: () => Promise.resolve({ host, platform: 'PC' }),
    context: {
      displayLanguage,
      requirements: {
        isSetSupported: (name: string, version: string) => name === 'ExcelApi' && Number(version.split('.')[1]) <= maxMinor,
      },
    },
  };
}

describe('index.tsx (entry)', () => {
  beforeEach(() => {
    // index.tsx renders with its own createRoot, outside act(), as in the browser.
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    document.body.innerHTML = '<div id="root"></div>';
    window.history.replaceState({}, '', '/taskpane.html');
    setOffice(undefined);
  });
  afterEach(() => {
    setOffice(undefined);
  });

  test('renders in a plain browser without Office: browser controller, built-in rubrics', async () => {
    expect(typeof global.Office).toBe('undefined');
    await loadEntry();
    // jsdom's navigator.language is en-US → English.
    expect(await screen.findByText('This page is open outside Excel')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Choose a rubric' })).toBeInTheDocument();
    expect(screen.queryByText(/Demo mode/)).not.toBeInTheDocument();
  });

  test('?demo=1 without Office loads the in-memory demo controller', async () => {
    window.history.replaceState({}, '', '/taskpane.html?demo=1');
    await loadEntry();
    expect(await screen.findByText(/^Demo mode/)).toBeInTheDocument();
    expect(screen.getByText('Create the scoring workbook')).toBeInTheDocument();
  });

  test('?demo=1&host=excel-too-old previews that state', async () => {
    window.history.replaceState({}, '', '/taskpane.html?demo=1&host=excel-too-old');
    await loadEntry();
    expect(await screen.findByText('Detected version: ExcelApi 1.7')).toBeInTheDocument();
  });

  test('inside an old Excel (ExcelApi 1.7) the version message is shown in Office’s language', async () => {
    setOffice(fakeOffice('Excel', 7, 'zh-CN'));
    await loadEntry();
    expect(await screen.findByText('检测到的版本：ExcelApi 1.7')).toBeInTheDocument();
  });

  test('inside Excel 1.8+ the Excel controller is wired: workflow, rubrics after the spinner; ?demo=1 is ignored', async () => {
    window.history.replaceState({}, '', '/taskpane.html?demo=1');
    const host = createExcelHost({ apiVersion: '1.12', displayLanguage: 'zh-CN' });
    installGlobals(host);
    try {
      await loadEntry();
      expect(await screen.findByText('被考核单位名单')).toBeInTheDocument();
      // First paint: the pane itself; the rubric library (loaded with import()) follows.
      expect(screen.getByText('正在载入评分细则…')).toBeInTheDocument();
      expect(await screen.findByRole('combobox', { name: '评分细则' })).toBeInTheDocument();
      expect(screen.queryByText('正在载入评分细则…')).not.toBeInTheDocument();
      expect(screen.queryByText(/演示模式/)).not.toBeInTheDocument();
      // The Excel controller looked for its metadata in the (blank) workbook: not bound, no problem reported.
      await host.flushEvents();
      expect(screen.queryByText('当前工作簿的问题')).not.toBeInTheDocument();
      expect(host.syncCount).toBeGreaterThan(0);
    } finally {
      uninstallGlobals();
    }
  });

  test('office.js loaded outside Office (host null) → browser mode', async () => {
    setOffice(fakeOffice(null, 0, 'zh-CN'));
    await loadEntry();
    expect(await screen.findByText('This page is open outside Excel')).toBeInTheDocument();
  });
});
