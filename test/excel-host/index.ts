/** In-memory Excel host for testing Office.js add-in code. See README.md in this folder. */
export { createExcelHost, ExcelHost } from './host';
export type { ExcelHostOptions, CellInfo, WriteRecord } from './host';
export { installGlobals, uninstallGlobals, createExcelNamespace, createOfficeNamespace } from './globals';
export { RichApiError, HostUsageError } from './errors';
export type { FiredEvent, FlushOptions } from './events';
export type { WorkbookSnapshot } from './snapshot';
export type { ApiVersion } from './requirements';
export { RequestContext } from './context';
