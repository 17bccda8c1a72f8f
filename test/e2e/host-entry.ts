/**
 * e2e build only (`webpack --env e2e`): taskpane.html runs this before the task pane's script. It puts
 * the in-memory Excel host (test/excel-host) where office.js would be — window.Excel, Office and
 * OfficeExtension — so the production task pane code runs unchanged against it.
 *
 * Query parameters of taskpane.html:
 *   ?api=1.7         the ExcelApi version the host supports (default 1.8)
 *   ?lang=en-US      Office's display language (default zh-CN)
 *   ?office=none     install nothing: the page behaves as if office.js had not loaded
 * and window.__e2eState (set by an init script): a host.save() snapshot opened instead of a blank workbook.
 *
 * Like Excel, the host delivers change events by itself (a short poll calls flushEvents), so a test
 * only makes the user's edit and waits for the pane. Exposed for tests (page.evaluate):
 *   window.__excelHost   the ExcelHost (userEdit, selectedAddress, values, sheetNames, …)
 *   window.__e2e         helpers below: find cells through the hidden key column, edit and wait.
 */
import type { ApiVersion, ExcelHost, WorkbookSnapshot } from '../excel-host';
import { inputCell, inputPaste, installHost, keyedCell, type InputRow } from '../excel-host/add-in-sheets';

export interface E2eHelpers {
  /** Address of the cell in column `role` of the row whose hidden key is `rowKey` (as test/excel/helpers.ts). */
  cellAddress(sheet: string, rowKey: string, role: string): string;
  /** Input cell of an indicator's field on a unit sheet. */
  inputAt(sheet: string, indicatorId: string, fieldId: string): string;
  /** The user types or pastes; resolves once the change events have been delivered. */
  edit(sheet: string, address: string, values: unknown): Promise<void>;
  /** The user pastes `rows` into the unit's input column as one multi-cell edit (as pasteFull in test/excel/helpers.ts). */
  pasteInputs(sheet: string, rows: InputRow[]): Promise<void>;
  /** Value of one cell. */
  value(sheet: string, address: string): unknown;
  /** Waits until no change event is pending and no Excel.run is running. */
  settle(): Promise<void>;
  /** Errors thrown by the add-in's event handlers so far (should stay empty). */
  handlerErrors(): string[];
}

declare global {
  interface Window {
    __excelHost?: ExcelHost;
    __e2e?: E2eHelpers;
  }
}

const params = new URLSearchParams(window.location.search);

if (params.get('office') !== 'none') {
  // A test may open the pane on a workbook of its own (e.g. a 自评表): its host.save() snapshot, set by an init script.
  const state = (window as { __e2eState?: WorkbookSnapshot }).__e2eState;
  const host = installHost({
    apiVersion: (params.get('api') ?? '1.8') as ApiVersion,
    displayLanguage: params.get('lang') ?? 'zh-CN',
    ...(state ? { state } : {}),
  });

  // Event delivery, as Excel does it: shortly after the change, without the test asking.
  let flushing: Promise<unknown> | null = null;
  const deliver = () => {
    if (flushing || host.pendingEvents === 0) return flushing ?? Promise.resolve();
    flushing = host
      .flushEvents({ rethrow: false })
      .catch((err: unknown) => console.error('[e2e host] event delivery failed', err))
      .finally(() => {
        flushing = null;
      });
    return flushing;
  };
  window.setInterval(deliver, 25);

  const settle = async () => {
    for (let i = 0; i < 200; i++) {
      await deliver();
      await host._settleRuns();
      if (host.pendingEvents === 0 && !flushing) return;
    }
    throw new Error('the host did not settle');
  };

  window.__excelHost = host;
  window.__e2e = {
    cellAddress: (sheet, rowKey, role) => keyedCell(host, sheet, rowKey, role),
    inputAt: (sheet, indicatorId, fieldId) => inputCell(host, sheet, indicatorId, fieldId),
    async edit(sheet, address, values) {
      host.userEdit(sheet, address, values);
      await settle();
    },
    async pasteInputs(sheet, rows) {
      const paste = inputPaste(host, sheet, rows);
      host.userEdit(sheet, paste.address, paste.values);
      await settle();
    },
    value: (sheet, address) => host.values(sheet, address)[0][0],
    settle,
    handlerErrors: () => host.handlerErrors.map((e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e))),
  };
}
