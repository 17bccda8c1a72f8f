/** installGlobals(host): globalThis.Excel / Office / OfficeExtension backed by the host, so add-in code runs unchanged. */
import { Range, RangeAreas } from './api-range';
import { Table } from './api-table';
import { Workbook, WorksheetCollection } from './api-workbook';
import { Worksheet } from './api-worksheet';
import { RequestContext } from './context';
import { EXCEL_ENUMS } from './enums';
import { RichApiError } from './errors';
import { EventHandlerResult, EventHandlers } from './events';
import type { ExcelHost } from './host';
import { ClientObject, ClientResult } from './proxy';
import { isSetSupported, requireApi } from './requirements';

const GLOBAL_NAMES = ['Excel', 'Office', 'OfficeExtension'] as const;
let saved: Array<[string, boolean, unknown]> | null = null;

export function createExcelNamespace(host: ExcelHost): Record<string, unknown> {
  return {
    ...EXCEL_ENUMS,
    run: (...args: unknown[]) => host.run(...args),
    createWorkbook: (base64?: string) => {
      requireApi(host.apiVersion, 'Excel.createWorkbook');
      host.createdWorkbooks.push(base64 ?? '');
      return Promise.resolve();
    },
    RequestContext,
    Workbook,
    WorksheetCollection,
    Worksheet,
    Range,
    RangeAreas,
    Table,
  };
}

export function createOfficeNamespace(host: ExcelHost): Record<string, unknown> {
  const info = { host: 'Excel', platform: host.platform };
  return {
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
    initialize: undefined,
    context: {
      requirements: { isSetSupported: (name: string, version?: string | number) => isSetSupported(host.apiVersion, name, version) },
      displayLanguage: host.displayLanguage,
      contentLanguage: host.displayLanguage,
      host: 'Excel',
      platform: host.platform,
      diagnostics: { host: 'Excel', platform: host.platform, version: '16.0' },
    },
    HostType: {
      Excel: 'Excel',
      Word: 'Word',
      PowerPoint: 'PowerPoint',
      Outlook: 'Outlook',
      OneNote: 'OneNote',
      Project: 'Project',
      Access: 'Access',
    },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
  };
}

export function createOfficeExtensionNamespace(): Record<string, unknown> {
  return {
    Error: RichApiError,
    ErrorCodes: EXCEL_ENUMS.ErrorCodes,
    ClientObject,
    ClientResult,
    ClientRequestContext: RequestContext,
    EventHandlers,
    EventHandlerResult,
    Promise,
    config: { extendedErrorLogging: false },
  };
}

/** Sets globalThis.Excel, Office and OfficeExtension to this host (remembering what was there before). */
export function installGlobals(host: ExcelHost): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (!saved) saved = GLOBAL_NAMES.map((n) => [n, n in g, g[n]]);
  g.Excel = createExcelNamespace(host);
  g.Office = createOfficeNamespace(host);
  g.OfficeExtension = createOfficeExtensionNamespace();
  RequestContext._defaultHost = host;
}

/** Restores the globals installGlobals replaced. */
export function uninstallGlobals(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (saved) {
    for (const [name, had, value] of saved) {
      if (had) g[name] = value;
      else delete g[name];
    }
  }
  saved = null;
  RequestContext._defaultHost = undefined;
}
