/**
 * exceljs, loaded on first use with a dynamic import: the task pane bundle keeps it in a lazy
 * chunk, and the CLI (Node) loads it the same way. Every module of src/xlsx gets it from here.
 */
import type * as ExcelJSModule from 'exceljs';
import { serialiseWorkbook } from './zip-writer';

export type ExcelJS = typeof ExcelJSModule;
export type Workbook = ExcelJSModule.Workbook;
export type Worksheet = ExcelJSModule.Worksheet;

let loading: Promise<ExcelJS> | null = null;

/** The exceljs namespace (CommonJS interop differs between webpack and Node: both are handled). */
export function loadExcelJS(): Promise<ExcelJS> {
  loading ??= import(/* webpackChunkName: "exceljs" */ 'exceljs').then((m) => {
    const ns = m as ExcelJS & { default?: ExcelJS };
    return typeof ns.Workbook === 'function' ? ns : (ns.default as ExcelJS);
  });
  return loading;
}

/**
 * Serialises a workbook to a standalone ArrayBuffer (not a view into Node's buffer pool): exceljs
 * renders the parts, the platform's deflate compresses them (zip-writer.ts: pako's deflate was two
 * thirds of the 1,000-unit annex export).
 */
export async function toArrayBuffer(wb: Workbook): Promise<ArrayBuffer> {
  const view = await serialiseWorkbook(wb);
  return view.byteOffset === 0 && view.byteLength === view.buffer.byteLength
    ? (view.buffer as ArrayBuffer)
    : (view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer);
}
