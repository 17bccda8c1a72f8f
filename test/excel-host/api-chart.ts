/**
 * Charts: only recorded, never rendered. Chart type, source, series/point counts are modelled; everything the add-in
 * sets on titles, legend, axes, series, points and data labels is stored in ChartModel.props by path.
 */
import { Rect, lastCol, parseLocalAddress, qualifiedAddress, splitSheet } from './addresses';
import { checkEditable } from './cells';
import { EXCEL_ENUMS } from './enums';
import { invalidArgument, richError } from './errors';
import type { ExcelHost } from './host';
import { ClientCollection, ClientObject, Resolver, defineNavs, defineProps, gateMethods, PropDef } from './proxy';
import { checkEnum } from './rules';
import { ChartModel, SheetModel, WorkbookModel, cellKey } from './workbook-model';
import { Range, rangeDeps } from './api-range';
import type { Worksheet } from './api-worksheet';

const CHART_TYPES = Object.values(EXCEL_ENUMS.ChartType) as string[];
const SERIES_BY = ['Auto', 'Columns', 'Rows'] as const;

function isText(wb: WorkbookModel, sheet: SheetModel, r: number, c: number): boolean {
  return typeof sheet.cells.get(cellKey(r, c))?.v === 'string';
}

/** Series and point counts Excel would derive from the source block (header row / category column when text). */
export function chartShape(
  wb: WorkbookModel,
  sheet: SheetModel,
  rect: Rect,
  seriesBy: string,
): { seriesBy: string; seriesCount: number; pointCount: number } {
  let header = false;
  for (let c = rect.col; c <= lastCol(rect); c++) if (isText(wb, sheet, rect.row, c)) header = true;
  let cat = false;
  for (let r = rect.row + (header ? 1 : 0); r < rect.row + rect.rowCount; r++) if (isText(wb, sheet, r, rect.col)) cat = true;
  const rows = rect.rowCount - (header ? 1 : 0);
  const cols = rect.colCount - (cat ? 1 : 0);
  const by = seriesBy === 'Auto' ? (rows >= cols ? 'Columns' : 'Rows') : seriesBy;
  return by === 'Columns'
    ? { seriesBy: by, seriesCount: Math.max(1, cols), pointCount: Math.max(1, rows) }
    : { seriesBy: by, seriesCount: Math.max(1, rows), pointCount: Math.max(1, cols) };
}

function chartResolver(id: string): Resolver<ChartModel> {
  return (host) => {
    const c = host.model.charts.find((x) => x.id === id);
    if (!c) throw richError('ItemNotFound', undefined, 'Chart');
    return c;
  };
}

export class ChartCollection extends ClientCollection<Chart, SheetModel, ChartModel> {
  static override typeName = 'ChartCollection';
  declare readonly count: number;
  _list(s: SheetModel, host: ExcelHost): ChartModel[] {
    return host.model.charts.filter((c) => c.sheetId === s.id);
  }
  _makeItem(c: ChartModel): Chart {
    return new Chart(this.context, chartResolver(c.id));
  }
  add(type: string, sourceData: Range, seriesBy: string = 'Auto'): Chart {
    this._sameContext(sourceData, 'ChartCollection.add');
    let created: string | undefined;
    this._action('add', [type, '<range>', seriesBy], (s, host) => {
      const loc = 'ChartCollection.add';
      const chartType = checkEnum(type, CHART_TYPES, 'type', loc);
      const by = checkEnum(seriesBy, SERIES_BY, 'seriesBy', loc);
      if (!(sourceData instanceof Range)) throw invalidArgument('sourceData', loc);
      checkEditable(s, { row: 0, col: 0, rowCount: 1, colCount: 1 }, 'structure', loc, 'allowEditObjects');
      const src = sourceData._entity(host);
      const n = host.model.charts.length + 1;
      const chart: ChartModel = {
        id: host.model.newGuid(),
        name: `Chart ${n}`,
        sheetId: s.id,
        type: chartType,
        source: qualifiedAddress(src.sheet.name, src.rect, true),
        ...chartShape(host.model, src.sheet, src.rect, by),
        props: {},
      };
      host.model.charts.push(chart);
      created = chart.id;
    });
    return new Chart(this.context, (host) => {
      if (created === undefined) throw richError('ItemNotFound', undefined, 'Chart');
      return chartResolver(created)(host);
    });
  }
  getItem(name: string): Chart {
    return new Chart(this.context, (host) => {
      const c = this._list(this._entity(host), host).find((x) => x.name === name);
      if (!c) throw richError('ItemNotFound', undefined, 'ChartCollection.getItem');
      return c;
    });
  }
  getItemOrNullObject(name: string): Chart {
    return new Chart(this.context, (host) => this._list(this._entity(host), host).find((x) => x.name === name) ?? null, true);
  }
  getItemAt(index: number): Chart {
    return new Chart(this.context, (host) => {
      const c = this._list(this._entity(host), host)[index];
      if (!c) throw invalidArgument('index', 'ChartCollection.getItemAt');
      return c;
    });
  }
}
defineProps(ChartCollection, {
  count: { get: (s: SheetModel, host: ExcelHost) => host.model.charts.filter((c) => c.sheetId === s.id).length },
});

interface PartEntity {
  chart: ChartModel;
  path: string;
}

class ChartPart extends ClientObject<PartEntity> {}

type PartClass = new (ctx: ClientObject['context'], r: Resolver<PartEntity>) => ChartPart;

/** A recorded chart sub-object: properties read back what was set; methods are recorded with their arguments. */
function part(typeName: string, props: string[], methods: string[], navs: Record<string, () => PartClass> = {}): PartClass {
  const C = class extends ChartPart {
    static override typeName = typeName;
  };
  const defs: Record<string, PropDef> = {};
  for (const p of props)
    defs[p] = {
      get: (e: PartEntity) => e.chart.props[`${e.path}.${p}`] ?? null,
      set: (e: PartEntity, v: unknown) => void (e.chart.props[`${e.path}.${p}`] = v),
    };
  defineProps(C, defs);
  for (const m of methods)
    (C.prototype as unknown as Record<string, unknown>)[m] = function (this: ChartPart, ...args: unknown[]) {
      this._action(m, args, (e) => void (e.chart.props[`${e.path}.${m}`] = args));
    };
  defineNavs(
    C,
    Object.fromEntries(
      Object.entries(navs).map(([n, cls]) => [n, (self: ChartPart) => new (cls())(self.context, (host) => sub(self, host, n))]),
    ),
  );
  return C;
}

function sub(self: ChartPart, host: ExcelHost, name: string): PartEntity {
  const e = self._entity(host);
  return { chart: e.chart, path: `${e.path}.${name}` };
}

const ChartFont = part('ChartFont', ['bold', 'color', 'italic', 'name', 'size', 'underline'], []);
const ChartFill = part('ChartFill', [], ['setSolidColor', 'clear']);
const ChartLineFormat = part('ChartLineFormat', ['color', 'lineStyle', 'weight'], ['clear']);
const ChartBorder = part('ChartBorder', ['color', 'lineStyle', 'weight'], ['clear']);
const TextFormat = part('ChartTextFormat', [], [], { font: () => ChartFont, fill: () => ChartFill, border: () => ChartBorder });
const AxisFormat = part('ChartAxisFormat', [], [], { font: () => ChartFont, line: () => ChartLineFormat, fill: () => ChartFill });
const SeriesFormat = part('ChartSeriesFormat', [], [], { fill: () => ChartFill, line: () => ChartLineFormat });
const ChartTitle = part(
  'ChartTitle',
  ['text', 'visible', 'overlay', 'position', 'horizontalAlignment', 'textOrientation'],
  ['setFormula'],
  { format: () => TextFormat },
);
const ChartLegend = part('ChartLegend', ['visible', 'position', 'overlay'], [], { format: () => TextFormat });
const ChartAxisTitle = part('ChartAxisTitle', ['text', 'visible', 'textOrientation'], ['setFormula'], { format: () => TextFormat });
const ChartAxis = part(
  'ChartAxis',
  ['minimum', 'maximum', 'majorUnit', 'minorUnit', 'visible', 'numberFormat', 'displayUnit', 'reversePlotOrder', 'tickLabelPosition'],
  [],
  { title: () => ChartAxisTitle, format: () => AxisFormat },
);
const ChartAxes = part('ChartAxes', [], [], { categoryAxis: () => ChartAxis, valueAxis: () => ChartAxis, seriesAxis: () => ChartAxis });
const ChartDataLabels = part(
  'ChartDataLabels',
  [
    'showValue',
    'showPercentage',
    'showCategoryName',
    'showSeriesName',
    'showLegendKey',
    'showBubbleSize',
    'position',
    'numberFormat',
    'separator',
  ],
  [],
  { format: () => TextFormat },
);
const ChartDataLabel = part(
  'ChartDataLabel',
  ['showValue', 'showPercentage', 'showCategoryName', 'showSeriesName', 'position', 'text'],
  [],
  { format: () => TextFormat },
);
const PointFormat = part('ChartPointFormat', [], [], { fill: () => ChartFill, border: () => ChartBorder });

class ChartPoint extends part(
  'ChartPoint',
  ['hasDataLabel', 'markerStyle', 'markerSize', 'markerBackgroundColor', 'markerForegroundColor'],
  [],
  { format: () => PointFormat, dataLabel: () => ChartDataLabel },
) {}

interface IndexedParts extends PartEntity {
  count: number;
}

class ChartPointsCollection extends ClientCollection<ChartPoint, IndexedParts, PartEntity> {
  static override typeName = 'ChartPointsCollection';
  declare readonly count: number;
  _list(e: IndexedParts): PartEntity[] {
    return Array.from({ length: e.count }, (_, i) => ({ chart: e.chart, path: `${e.path}.${i}` }));
  }
  _makeItem(item: PartEntity): ChartPoint {
    return new ChartPoint(this.context, () => item);
  }
  getItemAt(index: number): ChartPoint {
    return new ChartPoint(this.context, (host) => {
      const e = this._entity(host);
      if (!Number.isInteger(index) || index < 0 || index >= e.count) throw invalidArgument('index', 'ChartPointsCollection.getItemAt');
      return { chart: e.chart, path: `${e.path}.${index}` };
    });
  }
}
defineProps(ChartPointsCollection, { count: { get: (e: IndexedParts) => e.count } });

class ChartSeries extends part(
  'ChartSeries',
  ['name', 'chartType', 'hasDataLabels', 'gapWidth', 'overlap', 'markerStyle', 'smooth', 'plotOrder', 'showShadow'],
  ['setValues', 'setXAxisValues', 'setBubbleSizes'],
  { format: () => SeriesFormat, dataLabels: () => ChartDataLabels },
) {
  get points(): ChartPointsCollection {
    return this._nav(
      'points',
      () =>
        new ChartPointsCollection(this.context, (host) => ({ ...sub(this, host, 'points'), count: this._entity(host).chart.pointCount })),
    );
  }
  delete(): void {
    this._action('delete', null, (e) => {
      e.chart.seriesCount = Math.max(0, e.chart.seriesCount - 1);
      e.chart.props[`${e.path}.deleted`] = true;
    });
  }
}

gateMethods(ChartSeries as unknown as { prototype: object; typeName: string });

class ChartSeriesCollection extends ClientCollection<ChartSeries, ChartModel, PartEntity> {
  static override typeName = 'ChartSeriesCollection';
  declare readonly count: number;
  _list(c: ChartModel): PartEntity[] {
    return Array.from({ length: c.seriesCount }, (_, i) => ({ chart: c, path: `series.${i}` }));
  }
  _makeItem(item: PartEntity): ChartSeries {
    return new ChartSeries(this.context, () => item);
  }
  getItemAt(index: number): ChartSeries {
    return new ChartSeries(this.context, (host) => {
      const c = this._entity(host);
      if (!Number.isInteger(index) || index < 0 || index >= c.seriesCount)
        throw invalidArgument('index', 'ChartSeriesCollection.getItemAt');
      return { chart: c, path: `series.${index}` };
    });
  }
  add(name?: string, index?: number): ChartSeries {
    let added: PartEntity | undefined;
    this._action('add', [name ?? null, index ?? null], (c) => {
      const i = c.seriesCount++;
      if (name !== undefined) c.props[`series.${i}.name`] = name;
      added = { chart: c, path: `series.${i}` };
    });
    return new ChartSeries(this.context, () => added ?? null);
  }
}
defineProps(ChartSeriesCollection, { count: { get: (c: ChartModel) => c.seriesCount } });

function chartPart<T extends ChartPart>(
  self: Chart,
  cls: new (ctx: ClientObject['context'], r: Resolver<PartEntity>) => T,
  path: string,
): T {
  return new cls(self.context, (host) => ({ chart: self._entity(host), path }));
}

export class Chart extends ClientObject<ChartModel> {
  static override typeName = 'Chart';
  declare name: string;
  declare readonly id: string;
  declare chartType: string;
  declare top: number;
  declare left: number;
  declare height: number;
  declare width: number;
  declare readonly title: any;
  declare readonly legend: any;
  declare readonly axes: any;
  declare readonly dataLabels: any;
  declare readonly series: ChartSeriesCollection;
  declare readonly worksheet: Worksheet;

  protected override _pin(c: ChartModel): Resolver<ChartModel> {
    return chartResolver(c.id);
  }
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    this._sameContext(startCell, 'Chart.setPosition');
    this._action(
      'setPosition',
      [String(startCell instanceof Range ? '<range>' : startCell), endCell instanceof Range ? '<range>' : (endCell ?? null)],
      (c, host) => {
        const sheet = host.model.sheetById(c.sheetId)!;
        const addr = (x: Range | string | undefined) => {
          if (x === undefined || x === null) return null;
          if (x instanceof Range) {
            const e = x._entity(host);
            return qualifiedAddress(e.sheet.name, e.rect);
          }
          const rect = parseLocalAddress(splitSheet(String(x)).local);
          if (!rect) throw invalidArgument('startCell', 'Chart.setPosition');
          return qualifiedAddress(sheet.name, rect);
        };
        c.props.setPosition = { start: addr(startCell), end: addr(endCell) };
      },
    );
  }
  setData(sourceData: Range, seriesBy: string = 'Auto'): void {
    this._sameContext(sourceData, 'Chart.setData');
    this._action('setData', ['<range>', seriesBy], (c, host) => {
      const by = checkEnum(seriesBy, SERIES_BY, 'seriesBy', 'Chart.setData');
      const src = sourceData._entity(host);
      c.source = qualifiedAddress(src.sheet.name, src.rect, true);
      Object.assign(c, chartShape(host.model, src.sheet, src.rect, by));
    });
  }
  delete(): void {
    this._action('delete', null, (c, host) => {
      host.model.charts = host.model.charts.filter((x) => x !== c);
    });
  }
  activate(): void {
    this._action('activate', null, () => undefined);
  }
}

const numberProp = (key: string): PropDef => ({
  get: (c: ChartModel) => (c.props[key] as number) ?? null,
  set: (c: ChartModel, v: unknown) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw invalidArgument(key, `Chart.${key}`);
    c.props[key] = v;
  },
});

defineProps(Chart, {
  name: { get: (c: ChartModel) => c.name, set: (c: ChartModel, v: unknown) => void (c.name = String(v)) },
  id: { get: (c: ChartModel) => c.id },
  chartType: {
    get: (c: ChartModel) => c.type,
    set: (c: ChartModel, v: unknown) => void (c.type = checkEnum(v, CHART_TYPES, 'chartType', 'Chart.chartType')),
  },
  top: numberProp('top'),
  left: numberProp('left'),
  height: numberProp('height'),
  width: numberProp('width'),
});

defineNavs(Chart, {
  title: (self: Chart) => chartPart(self, ChartTitle, 'title'),
  legend: (self: Chart) => chartPart(self, ChartLegend, 'legend'),
  axes: (self: Chart) => chartPart(self, ChartAxes, 'axes'),
  dataLabels: (self: Chart) => chartPart(self, ChartDataLabels, 'dataLabels'),
  series: (self: Chart) => new ChartSeriesCollection(self.context, (host) => self._entity(host)),
  worksheet: (self: Chart) => rangeDeps.makeWorksheet!(self, (host) => host.model.sheetById(self._entity(host).sheetId) ?? null),
});
