/**
 * The layout's cell styles (src/layout/styles.ts) as exceljs styles: fonts (with the GB2312
 * charset, so Excel and WPS pick a CJK face), solid fills, thin black borders, alignment and
 * wrapping, the locked/unlocked protection flag and number formats. One frozen object per style,
 * shared by every cell that uses it (exceljs de-duplicates styles when writing).
 */
import type * as ExcelJSModule from 'exceljs';
import type { CellStyle } from '../layout/styles';

type Style = Partial<ExcelJSModule.Style>;

/** '#FFF2CC' → 'FFFFF2CC' (exceljs wants ARGB). */
export function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return h.length === 8 ? h : `FF${h.padStart(6, '0')}`;
}

const THIN: ExcelJSModule.Border = { style: 'thin', color: { argb: 'FF000000' } };

export function toExcelStyle(s: CellStyle): Style {
  const style: Style = {
    font: {
      name: s.font.name,
      size: s.font.size,
      charset: 134,
      ...(s.font.bold ? { bold: true } : {}),
      ...(s.font.color ? { color: { argb: argb(s.font.color) } } : {}),
    },
    alignment: {
      ...(s.horizontal ? { horizontal: s.horizontal } : {}),
      ...(s.vertical ? { vertical: s.vertical === 'center' ? 'middle' : 'top' } : {}),
      ...(s.wrap ? { wrapText: true } : {}),
    },
    protection: { locked: s.locked },
  };
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.numberFormat) style.numFmt = s.numberFormat;
  return style;
}

/** Converts a whole style table once. */
export function styleTable<K extends string>(styles: Record<K, CellStyle>): Map<string, Style> {
  const out = new Map<string, Style>();
  for (const [k, v] of Object.entries(styles) as [K, CellStyle][]) out.set(k, Object.freeze(toExcelStyle(v)) as Style);
  return out;
}
