/** Range formatting proxies (RangeFormat, fill, font, borders, protection) and get/setCellProperties. */
import { Rect, lastCol, lastRow, qualifiedAddress } from './addresses';
import { checkEditable } from './cells';
import { invalidArgument } from './errors';
import type { ExcelHost } from './host';
import { ClientCollection, ClientObject, defineNavs, defineProps, PropDef } from './proxy';
import {
  BORDER_INDEX,
  BORDER_STYLE,
  BORDER_WEIGHT,
  H_ALIGN,
  UNDERLINE,
  V_ALIGN,
  checkBoolean,
  checkEnum,
  checkNumber,
  normalizeColor,
} from './rules';
import {
  autofitColumns,
  autofitRows,
  columnWidth,
  effectiveStyle,
  readBorder,
  readUniform,
  rowHeight,
  writeBorder,
  writeStyle,
} from './styles';
import { SheetModel, StyleValue } from './workbook-model';
import type { RangeEntity } from './api-range';

type Normalizer = (v: unknown, loc: string) => StyleValue;

const color: Normalizer = (v, loc) => normalizeColor(v, loc);
const bool: Normalizer = (v, loc) => checkBoolean(v, 'value', loc);
const num =
  (min: number, max: number): Normalizer =>
  (v, loc) =>
    checkNumber(v, 'value', loc, min, max);
const oneOf =
  (allowed: readonly string[]): Normalizer =>
  (v, loc) =>
    checkEnum(v, allowed, 'value', loc);
const fontName: Normalizer = (v, loc) => {
  if (typeof v !== 'string' || v.trim() === '') throw invalidArgument('name', loc);
  return v;
};

/** Style-backed properties by their getCellProperties path. */
const STYLE_PROPS: Record<string, { key: string; norm: Normalizer }> = {
  'fill/color': { key: 'fill', norm: color },
  'font/bold': { key: 'font.bold', norm: bool },
  'font/italic': { key: 'font.italic', norm: bool },
  'font/color': { key: 'font.color', norm: color },
  'font/size': { key: 'font.size', norm: num(1, 409) },
  'font/name': { key: 'font.name', norm: fontName },
  'font/underline': { key: 'font.underline', norm: oneOf(UNDERLINE) },
  'font/strikethrough': { key: 'font.strikethrough', norm: bool },
  wrapText: { key: 'wrap', norm: bool },
  horizontalAlignment: { key: 'hAlign', norm: oneOf(H_ALIGN) },
  verticalAlignment: { key: 'vAlign', norm: oneOf(V_ALIGN) },
  indentLevel: { key: 'indent', norm: num(0, 250) },
  textOrientation: { key: 'textOrientation', norm: num(-90, 180) },
  shrinkToFit: { key: 'shrinkToFit', norm: bool },
  'protection/locked': { key: 'locked', norm: bool },
  'protection/formulaHidden': { key: 'formulaHidden', norm: bool },
};

const CELL_BORDER_KEYS: Record<string, string> = {
  top: 'EdgeTop',
  bottom: 'EdgeBottom',
  left: 'EdgeLeft',
  right: 'EdgeRight',
  diagonalDown: 'DiagonalDown',
  diagonalUp: 'DiagonalUp',
  horizontal: 'InsideHorizontal',
  vertical: 'InsideVertical',
};

function styleProp(path: string, location: string, extraPermission?: string): PropDef {
  const { key, norm } = STYLE_PROPS[path];
  return {
    get: (e: RangeEntity) => readUniform(e.sheet, e.rect, key),
    set: (e: RangeEntity, v: unknown, host: ExcelHost) => {
      const value = norm(v, location);
      checkEditable(e.sheet, e.rect, 'format', location, extraPermission);
      writeStyle(host.model, e.sheet, e.rect, { [key]: value });
      host._recordWrite('format', e.sheet, e.rect);
    },
  };
}

function setColumnWidth(host: ExcelHost, sheet: SheetModel, rect: Rect, v: unknown, loc: string): void {
  const w = checkNumber(v, 'columnWidth', loc, 0, 1800);
  checkEditable(sheet, rect, 'format', loc, 'allowFormatColumns');
  for (let c = rect.col; c <= lastCol(rect); c++) sheet.colWidths.set(c, w);
}

function setRowHeight(host: ExcelHost, sheet: SheetModel, rect: Rect, v: unknown, loc: string): void {
  const h = checkNumber(v, 'rowHeight', loc, 0, 409);
  checkEditable(sheet, rect, 'format', loc, 'allowFormatRows');
  for (let r = rect.row; r <= lastRow(rect); r++) sheet.rowHeights.set(r, h);
}

export class RangeFormat extends ClientObject<RangeEntity> {
  static override typeName = 'RangeFormat';
  declare columnWidth: number;
  declare rowHeight: number;
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  declare wrapText: boolean;
  declare indentLevel: number;
  declare textOrientation: number;
  declare shrinkToFit: boolean;
  declare useStandardWidth: boolean;
  declare useStandardHeight: boolean;
  declare readonly fill: RangeFill;
  declare readonly font: RangeFont;
  declare readonly borders: RangeBorderCollection;
  declare readonly protection: FormatProtection;

  autofitColumns(): void {
    this._api('autofitColumns');
    this._action('autofitColumns', null, (e, host) => {
      checkEditable(e.sheet, e.rect, 'format', 'RangeFormat.autofitColumns', 'allowFormatColumns');
      autofitColumns(e.sheet, e.rect);
      host._recordWrite('format', e.sheet, e.rect);
    });
  }

  autofitRows(): void {
    this._api('autofitRows');
    this._action('autofitRows', null, (e, host) => {
      checkEditable(e.sheet, e.rect, 'format', 'RangeFormat.autofitRows', 'allowFormatRows');
      autofitRows(e.sheet, e.rect);
      host._recordWrite('format', e.sheet, e.rect);
    });
  }
}

defineProps(RangeFormat, {
  columnWidth: {
    get: (e: RangeEntity) => columnWidth(e.sheet, e.rect),
    set: (e: RangeEntity, v: unknown, host: ExcelHost) => {
      setColumnWidth(host, e.sheet, e.rect, v, 'RangeFormat.columnWidth');
      host._recordWrite('format', e.sheet, e.rect);
    },
  },
  rowHeight: {
    get: (e: RangeEntity) => rowHeight(e.sheet, e.rect),
    set: (e: RangeEntity, v: unknown, host: ExcelHost) => {
      setRowHeight(host, e.sheet, e.rect, v, 'RangeFormat.rowHeight');
      host._recordWrite('format', e.sheet, e.rect);
    },
  },
  horizontalAlignment: styleProp('horizontalAlignment', 'RangeFormat.horizontalAlignment'),
  verticalAlignment: styleProp('verticalAlignment', 'RangeFormat.verticalAlignment'),
  wrapText: styleProp('wrapText', 'RangeFormat.wrapText'),
  indentLevel: styleProp('indentLevel', 'RangeFormat.indentLevel'),
  textOrientation: styleProp('textOrientation', 'RangeFormat.textOrientation'),
  shrinkToFit: styleProp('shrinkToFit', 'RangeFormat.shrinkToFit'),
  useStandardWidth: {
    get: (e: RangeEntity) => [...e.sheet.colWidths.keys()].every((c) => c < e.rect.col || c > lastCol(e.rect)),
    set: (e: RangeEntity, v: unknown) => {
      if (v === true) for (let c = e.rect.col; c <= lastCol(e.rect); c++) e.sheet.colWidths.delete(c);
    },
  },
  useStandardHeight: {
    get: (e: RangeEntity) => [...e.sheet.rowHeights.keys()].every((r) => r < e.rect.row || r > lastRow(e.rect)),
    set: (e: RangeEntity, v: unknown) => {
      if (v === true)
        for (const r of [...e.sheet.rowHeights.keys()]) if (r >= e.rect.row && r <= lastRow(e.rect)) e.sheet.rowHeights.delete(r);
    },
  },
});

export class RangeFill extends ClientObject<RangeEntity> {
  static override typeName = 'RangeFill';
  declare color: string;
  clear(): void {
    this._action('clear', null, (e, host) => {
      checkEditable(e.sheet, e.rect, 'format', 'RangeFill.clear');
      writeStyle(host.model, e.sheet, e.rect, { fill: '#FFFFFF' });
      host._recordWrite('format', e.sheet, e.rect);
    });
  }
}
defineProps(RangeFill, { color: styleProp('fill/color', 'RangeFill.color') });

export class RangeFont extends ClientObject<RangeEntity> {
  static override typeName = 'RangeFont';
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;
  declare size: number;
  declare name: string;
  declare underline: string;
  declare strikethrough: boolean;
}
defineProps(RangeFont, {
  bold: styleProp('font/bold', 'RangeFont.bold'),
  italic: styleProp('font/italic', 'RangeFont.italic'),
  color: styleProp('font/color', 'RangeFont.color'),
  size: styleProp('font/size', 'RangeFont.size'),
  name: styleProp('font/name', 'RangeFont.name'),
  underline: styleProp('font/underline', 'RangeFont.underline'),
  strikethrough: styleProp('font/strikethrough', 'RangeFont.strikethrough'),
});

export class FormatProtection extends ClientObject<RangeEntity> {
  static override typeName = 'FormatProtection';
  declare locked: boolean;
  declare formulaHidden: boolean;
}
defineProps(FormatProtection, {
  locked: styleProp('protection/locked', 'FormatProtection.locked'),
  formulaHidden: styleProp('protection/formulaHidden', 'FormatProtection.formulaHidden'),
});

interface BorderEntity extends RangeEntity {
  edge: string;
}

function borderProp(prop: 'style' | 'color' | 'weight'): PropDef {
  const loc = `RangeBorder.${prop}`;
  return {
    get: (e: BorderEntity) => readBorder(e.sheet, e.rect, e.edge, prop),
    set: (e: BorderEntity, v: unknown, host: ExcelHost) => {
      const value = prop === 'color' ? normalizeColor(v, loc) : checkEnum(v, prop === 'style' ? BORDER_STYLE : BORDER_WEIGHT, prop, loc);
      checkEditable(e.sheet, e.rect, 'format', loc);
      writeBorder(host.model, e.sheet, e.rect, e.edge, prop, value);
      host._recordWrite('format', e.sheet, e.rect);
    },
  };
}

export class RangeBorder extends ClientObject<BorderEntity> {
  static override typeName = 'RangeBorder';
  declare readonly sideIndex: string;
  declare style: string;
  declare color: string;
  declare weight: string;
}
defineProps(RangeBorder, {
  sideIndex: { get: (e: BorderEntity) => e.edge },
  style: borderProp('style'),
  color: borderProp('color'),
  weight: borderProp('weight'),
});

export class RangeBorderCollection extends ClientCollection<RangeBorder, RangeEntity, BorderEntity> {
  static override typeName = 'RangeBorderCollection';
  declare readonly count: number;
  _list(e: RangeEntity): BorderEntity[] {
    return BORDER_INDEX.map((edge) => ({ ...e, edge }));
  }
  _makeItem(item: BorderEntity): RangeBorder {
    return new RangeBorder(this.context, () => item);
  }
  getItem(index: string): RangeBorder {
    const edge = checkEnum(index, BORDER_INDEX, 'index', 'RangeBorderCollection.getItem');
    return new RangeBorder(this.context, (host) => ({ ...this._entity(host), edge }));
  }
  getItemAt(index: number): RangeBorder {
    if (!Number.isInteger(index) || index < 0 || index >= BORDER_INDEX.length)
      throw invalidArgument('index', 'RangeBorderCollection.getItemAt');
    return this.getItem(BORDER_INDEX[index]);
  }
}
defineProps(RangeBorderCollection, { count: { get: () => BORDER_INDEX.length } });

defineNavs(RangeFormat, {
  fill: (self: RangeFormat) => new RangeFill(self.context, (host) => self._entity(host)),
  font: (self: RangeFormat) => new RangeFont(self.context, (host) => self._entity(host)),
  borders: (self: RangeFormat) => new RangeBorderCollection(self.context, (host) => self._entity(host)),
  protection: (self: RangeFormat) => new FormatProtection(self.context, (host) => self._entity(host)),
});

/** getCellProperties: only the requested fields, per cell. */
export function cellPropertiesOf(sheet: SheetModel, r: number, c: number, opts: Record<string, unknown>): Record<string, unknown> {
  const cell: Rect = { row: r, col: c, rowCount: 1, colCount: 1 };
  const out: Record<string, unknown> = {};
  if (opts.address) out.address = qualifiedAddress(sheet.name, cell);
  if (opts.addressLocal) out.addressLocal = qualifiedAddress(sheet.name, cell);
  if (opts.hidden) out.hidden = sheet.hiddenRows.has(r) || sheet.hiddenCols.has(c);
  const f = opts.format;
  if (f && typeof f === 'object') {
    const fo = f as Record<string, unknown>;
    const format: Record<string, unknown> = {};
    const want = (path: string): boolean => {
      const parts = path.split('/');
      let cur: unknown = fo;
      for (const p of parts) {
        if (cur === true) return true;
        if (!cur || typeof cur !== 'object') return false;
        cur = (cur as Record<string, unknown>)[p];
      }
      return cur === true || (cur !== undefined && cur !== null && typeof cur === 'object');
    };
    const put = (path: string, value: unknown) => {
      const parts = path.split('/');
      let o = format;
      for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
      o[parts[parts.length - 1]] = value;
    };
    for (const [path, { key }] of Object.entries(STYLE_PROPS)) if (want(path)) put(path, effectiveStyle(sheet, r, c, key));
    if (want('columnWidth')) put('columnWidth', columnWidth(sheet, cell));
    if (want('rowHeight')) put('rowHeight', rowHeight(sheet, cell));
    for (const [side, edge] of Object.entries(CELL_BORDER_KEYS))
      for (const prop of ['style', 'color', 'weight'])
        if (want(`borders/${side}/${prop}`)) put(`borders/${side}/${prop}`, readBorder(sheet, cell, edge, prop));
    out.format = format;
  }
  return out;
}

export function applyCellProperties(host: ExcelHost, sheet: SheetModel, cell: Rect, props: Record<string, unknown>, loc: string): void {
  const f = props.format as Record<string, unknown> | undefined;
  if (!f) return;
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      const path = prefix ? `${prefix}/${k}` : k;
      if (path in STYLE_PROPS) {
        const { key, norm } = STYLE_PROPS[path];
        writeStyle(host.model, sheet, cell, { [key]: norm(v, loc) });
      } else if (path === 'columnWidth') setColumnWidth(host, sheet, cell, v, loc);
      else if (path === 'rowHeight') setRowHeight(host, sheet, cell, v, loc);
      else if (path.startsWith('borders/') && path.split('/').length === 3) {
        const [, side, prop] = path.split('/');
        const edge = CELL_BORDER_KEYS[side];
        if (!edge || !['style', 'color', 'weight'].includes(prop)) throw invalidArgument(path, loc);
        const value = prop === 'color' ? normalizeColor(v, loc) : checkEnum(v, prop === 'style' ? BORDER_STYLE : BORDER_WEIGHT, prop, loc);
        writeBorder(host.model, sheet, cell, edge, prop, value);
      } else if (v && typeof v === 'object') walk(v as Record<string, unknown>, path);
      else throw invalidArgument(path, loc);
    }
  };
  walk(f, '');
}
