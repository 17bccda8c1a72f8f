/** Excel.Workbook and the workbook-level collections: worksheets, names, settings, custom XML parts. */
import { qualifiedAddress } from './addresses';
import { invalidArgument, richError } from './errors';
import { EventHandlers } from './events';
import { parseReferenceFormula } from './formula-refs';
import type { ExcelHost } from './host';
import { ClientCollection, ClientObject, ClientResult, Resolver, defineNavs, defineProps, gateMethods } from './proxy';
import { checkDefinedName, checkSheetName } from './rules';
import { NameModel, SheetModel, WorkbookModel, XmlPartModel } from './workbook-model';
import { jsonRoundTrip } from './values';
import { checkXml } from './xml';
import { Range } from './api-range';
import { TableCollection } from './api-table';
import { Worksheet } from './api-worksheet';

function sheetById(id: string): Resolver<SheetModel> {
  return (host) => {
    const s = host.model.sheetById(id);
    if (!s) throw richError('ItemNotFound', undefined, 'Worksheet');
    return s;
  };
}

export class WorksheetCollection extends ClientCollection<Worksheet, WorkbookModel, SheetModel> {
  static override typeName = 'WorksheetCollection';
  private _events: Record<string, EventHandlers> = {};

  _list(wb: WorkbookModel): SheetModel[] {
    return wb.sheets;
  }
  _makeItem(s: SheetModel): Worksheet {
    return new Worksheet(this.context, sheetById(s.id));
  }

  add(name?: string): Worksheet {
    let created: string | undefined;
    this._action('add', [name ?? null], (wb, host) => {
      const loc = 'WorksheetCollection.add';
      let sheetName = name;
      if (sheetName === undefined || sheetName === null) {
        let n = wb.sheets.length + 1;
        while (wb.sheetByName(`Sheet${n}`)) n++;
        sheetName = `Sheet${n}`;
      }
      checkSheetName(
        sheetName,
        wb.sheets.map((s) => s.name),
        loc,
      );
      const s = wb.createSheet(sheetName);
      created = s.id;
      host.events.raiseSimple(s, 'added', 'WorksheetAdded', {}, 'addin');
    });
    return new Worksheet(this.context, (host) => {
      if (created === undefined) throw richError('ItemNotFound', undefined, 'Worksheet');
      return sheetById(created)(host);
    });
  }

  getItem(key: string): Worksheet {
    return new Worksheet(this.context, (host) => host.model.requireSheet(key, 'WorksheetCollection.getItem'));
  }
  getItemOrNullObject(key: string): Worksheet {
    this._api('getItemOrNullObject');
    return new Worksheet(this.context, (host) => host.model.findSheet(String(key)) ?? null, true);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, (host) => host.model.sheetById(host.model.activeSheetId)!);
  }
  getFirst(visibleOnly = false): Worksheet {
    this._api('getFirst');
    return new Worksheet(this.context, (host) => host.model.sheets.find((s) => !visibleOnly || s.visibility === 'Visible')!);
  }
  getLast(visibleOnly = false): Worksheet {
    this._api('getLast');
    return new Worksheet(this.context, (host) => [...host.model.sheets].reverse().find((s) => !visibleOnly || s.visibility === 'Visible')!);
  }

  private _handlers(member: string, event: 'changed' | 'selectionChanged' | 'added' | 'deleted' | 'activated'): EventHandlers {
    this._api(member);
    return (this._events[member] ??= new EventHandlers(this, `WorksheetCollection.${member}`, event, () => ({ kind: 'worksheets' })));
  }
  get onChanged(): EventHandlers {
    return this._handlers('onChanged', 'changed');
  }
  get onAdded(): EventHandlers {
    return this._handlers('onAdded', 'added');
  }
  get onDeleted(): EventHandlers {
    return this._handlers('onDeleted', 'deleted');
  }
  get onActivated(): EventHandlers {
    return this._handlers('onActivated', 'activated');
  }
  get onSelectionChanged(): EventHandlers {
    return this._handlers('onSelectionChanged', 'selectionChanged');
  }
}

/** What a defined name refers to: a range on an existing sheet, or null for constants/#REF!/formulas. */
export function nameTarget(wb: WorkbookModel, n: NameModel): { sheet: SheetModel; rect: import('./addresses').Rect } | null {
  const ref = parseReferenceFormula(n.formula);
  if (!ref || ref.sheet === undefined) return null;
  const sheet = wb.sheetByName(ref.sheet);
  return sheet ? { sheet, rect: ref.rect } : null;
}

function nameType(wb: WorkbookModel, n: NameModel): string {
  if (nameTarget(wb, n)) return 'Range';
  const body = n.formula.slice(1).trim();
  if (/#REF!/.test(body)) return 'Error';
  if (/^".*"$/.test(body)) return 'String';
  if (/^[+-]?\d+$/.test(body)) return 'Integer';
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return 'Double';
  if (/^(TRUE|FALSE)$/i.test(body)) return 'Boolean';
  if (/^{.*}$/.test(body)) return 'Array';
  return 'Range';
}

function nameValue(wb: WorkbookModel, n: NameModel): unknown {
  const body = n.formula.slice(1).trim();
  switch (nameType(wb, n)) {
    case 'String':
      return body.slice(1, -1).replace(/""/g, '"');
    case 'Integer':
    case 'Double':
      return Number(body);
    case 'Boolean':
      return body.toUpperCase() === 'TRUE';
    case 'Error':
      return '#REF!';
    default:
      return body;
  }
}

function nameResolver(name: string, loc: string): Resolver<NameModel> {
  return (host) => {
    const n = host.model.findName(name);
    if (!n) throw richError('ItemNotFound', undefined, loc);
    return n;
  };
}

export class NamedItemCollection extends ClientCollection<NamedItem, WorkbookModel, NameModel> {
  static override typeName = 'NamedItemCollection';
  _list(wb: WorkbookModel): NameModel[] {
    return wb.names;
  }
  _makeItem(n: NameModel): NamedItem {
    return new NamedItem(this.context, nameResolver(n.name, 'NamedItem'));
  }
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    this._api('add');
    this._sameContext(reference, 'NamedItemCollection.add');
    this._action('add', [name, typeof reference === 'string' ? reference : '<range>', comment ?? null], (wb, host) => {
      const loc = 'NamedItemCollection.add';
      const valid = checkDefinedName(name, wb.takenNames(), loc);
      let formula: string;
      if (reference instanceof Range) {
        const e = reference._entity(host);
        formula = `=${qualifiedAddress(e.sheet.name, e.rect, true)}`;
      } else if (typeof reference === 'string' && reference.trim() !== '') {
        formula = reference.startsWith('=') ? reference : `=${reference}`;
      } else throw invalidArgument('reference', loc);
      if (comment !== undefined && comment !== null && (typeof comment !== 'string' || comment.length > 255))
        throw invalidArgument('comment', loc);
      wb.names.push({ name: valid, formula, comment: comment ?? '', visible: true });
      host._recordWrite('name', undefined, undefined);
    });
    return new NamedItem(this.context, nameResolver(name, 'NamedItemCollection.add'));
  }
  addFormulaLocal(name: string, formula: string, comment?: string): NamedItem {
    this._api('addFormulaLocal');
    return this.add(name, formula, comment);
  }
  getItem(name: string): NamedItem {
    return new NamedItem(this.context, nameResolver(name, 'NamedItemCollection.getItem'));
  }
  getItemOrNullObject(name: string): NamedItem {
    this._api('getItemOrNullObject');
    return new NamedItem(this.context, (host) => host.model.findName(name) ?? null, true);
  }
}

export class NamedItem extends ClientObject<NameModel> {
  static override typeName = 'NamedItem';
  declare readonly name: string;
  declare readonly type: string;
  declare readonly value: unknown;
  declare formula: string;
  declare comment: string;
  declare visible: boolean;
  declare readonly scope: string;

  private _target(nullable: boolean, member: string): Range {
    return new Range(
      this.context,
      (host) => {
        const t = nameTarget(host.model, this._entity(host));
        if (!t && !nullable) throw richError('InvalidOperation', 'The named item does not refer to a range.', `NamedItem.${member}`);
        return t;
      },
      nullable,
    );
  }
  getRange(): Range {
    return this._target(false, 'getRange');
  }
  getRangeOrNullObject(): Range {
    this._api('getRangeOrNullObject');
    return this._target(true, 'getRangeOrNullObject');
  }
  delete(): void {
    this._api('delete');
    this._action('delete', null, (n, host) => {
      host.model.names = host.model.names.filter((x) => x !== n);
    });
  }
}
defineProps(NamedItem, {
  name: { get: (n: NameModel) => n.name },
  type: { get: (n: NameModel, host: ExcelHost) => nameType(host.model, n) },
  value: { get: (n: NameModel, host: ExcelHost) => nameValue(host.model, n) },
  formula: {
    get: (n: NameModel) => n.formula,
    set: (n: NameModel, v: unknown) => {
      if (typeof v !== 'string' || v.trim() === '') throw invalidArgument('formula', 'NamedItem.formula');
      n.formula = v.startsWith('=') ? v : `=${v}`;
    },
  },
  comment: {
    get: (n: NameModel) => n.comment,
    set: (n: NameModel, v: unknown) => {
      if (typeof v !== 'string' || v.length > 255) throw invalidArgument('comment', 'NamedItem.comment');
      n.comment = v;
    },
  },
  visible: { get: (n: NameModel) => n.visible, set: (n: NameModel, v: unknown) => void (n.visible = v === true) },
  scope: { get: () => 'Workbook' },
});

interface SettingEntity {
  key: string;
}

function settingResolver(key: string, loc: string, nullable = false): Resolver<SettingEntity> {
  return (host) => {
    if (!host.model.settings.has(key)) {
      if (nullable) return null;
      throw richError('ItemNotFound', undefined, loc);
    }
    return { key };
  };
}

export class SettingCollection extends ClientCollection<Setting, WorkbookModel, SettingEntity> {
  static override typeName = 'SettingCollection';
  _list(wb: WorkbookModel): SettingEntity[] {
    return [...wb.settings.keys()].map((key) => ({ key }));
  }
  _makeItem(s: SettingEntity): Setting {
    return new Setting(this.context, settingResolver(s.key, 'Setting'));
  }
  add(key: string, value: unknown): Setting {
    // Office.js serialises arguments when the call is queued.
    const stored = jsonRoundTrip(value);
    this._action('add', [key, stored], (wb, host) => {
      const loc = 'SettingCollection.add';
      if (typeof key !== 'string' || key.length === 0 || key.length > 255) throw invalidArgument('key', loc);
      if (stored === undefined) throw invalidArgument('value', loc);
      wb.settings.set(key, stored);
      host._recordWrite('setting', undefined, undefined);
    });
    return new Setting(this.context, settingResolver(key, 'SettingCollection.add'));
  }
  getItem(key: string): Setting {
    return new Setting(this.context, settingResolver(key, 'SettingCollection.getItem'));
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this.context, settingResolver(key, 'SettingCollection.getItemOrNullObject', true), true);
  }
}

export class Setting extends ClientObject<SettingEntity> {
  static override typeName = 'Setting';
  declare readonly key: string;
  declare value: unknown;
  delete(): void {
    this._action('delete', null, (s, host) => void host.model.settings.delete(s.key));
  }
}
defineProps(Setting, {
  key: { get: (s: SettingEntity) => s.key },
  value: {
    get: (s: SettingEntity, host: ExcelHost) => host.model.settings.get(s.key),
    set: (s: SettingEntity, v: unknown, host: ExcelHost) => {
      if (v === undefined) throw invalidArgument('value', 'Setting.value');
      host.model.settings.set(s.key, v);
    },
  },
});

function partResolver(id: string, loc: string, nullable = false): Resolver<XmlPartModel> {
  return (host) => {
    const p = host.model.xmlParts.find((x) => x.id === id);
    if (!p && !nullable) throw richError('ItemNotFound', undefined, loc);
    return p ?? null;
  };
}

export class CustomXmlPartCollection extends ClientCollection<CustomXmlPart, WorkbookModel, XmlPartModel> {
  static override typeName = 'CustomXmlPartCollection';
  _list(wb: WorkbookModel): XmlPartModel[] {
    return wb.xmlParts;
  }
  _makeItem(p: XmlPartModel): CustomXmlPart {
    return new CustomXmlPart(this.context, partResolver(p.id, 'CustomXmlPart'));
  }
  add(xml: string): CustomXmlPart {
    this._api('add');
    let created: string | undefined;
    this._action('add', [xml], (wb, host) => {
      const namespaceUri = checkXml(xml, 'CustomXmlPartCollection.add');
      const part: XmlPartModel = { id: wb.newGuid(), xml, namespaceUri };
      wb.xmlParts.push(part);
      created = part.id;
      host._recordWrite('customXml', undefined, undefined);
    });
    return new CustomXmlPart(this.context, (host) => (created ? partResolver(created, 'CustomXmlPart')(host) : null));
  }
  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollection {
    this._api('getByNamespace');
    return new CustomXmlPartScopedCollection(this.context, (host) => host.model.xmlParts.filter((p) => p.namespaceUri === namespaceUri));
  }
  getItem(id: string): CustomXmlPart {
    this._api('getItem');
    return new CustomXmlPart(this.context, partResolver(id, 'CustomXmlPartCollection.getItem'));
  }
  getItemOrNullObject(id: string): CustomXmlPart {
    this._api('getItemOrNullObject');
    return new CustomXmlPart(this.context, partResolver(id, 'CustomXmlPartCollection.getItemOrNullObject', true), true);
  }
}

export class CustomXmlPartScopedCollection extends ClientCollection<CustomXmlPart, XmlPartModel[], XmlPartModel> {
  static override typeName = 'CustomXmlPartScopedCollection';
  _list(parts: XmlPartModel[]): XmlPartModel[] {
    return parts;
  }
  _makeItem(p: XmlPartModel): CustomXmlPart {
    return new CustomXmlPart(this.context, partResolver(p.id, 'CustomXmlPart'));
  }
  getItem(id: string): CustomXmlPart {
    return new CustomXmlPart(this.context, (host) => {
      const p = this._entity(host).find((x) => x.id === id);
      if (!p) throw richError('ItemNotFound', undefined, 'CustomXmlPartScopedCollection.getItem');
      return p;
    });
  }
  getItemOrNullObject(id: string): CustomXmlPart {
    return new CustomXmlPart(this.context, (host) => this._entity(host).find((x) => x.id === id) ?? null, true);
  }
  getOnlyItem(): CustomXmlPart {
    return new CustomXmlPart(this.context, (host) => {
      const parts = this._entity(host);
      if (parts.length === 0) throw richError('ItemNotFound', undefined, 'CustomXmlPartScopedCollection.getOnlyItem');
      if (parts.length > 1) throw richError('InvalidOperation', undefined, 'CustomXmlPartScopedCollection.getOnlyItem');
      return parts[0];
    });
  }
  getOnlyItemOrNullObject(): CustomXmlPart {
    return new CustomXmlPart(
      this.context,
      (host) => {
        const parts = this._entity(host);
        return parts.length === 1 ? parts[0] : null;
      },
      true,
    );
  }
}

export class CustomXmlPart extends ClientObject<XmlPartModel> {
  static override typeName = 'CustomXmlPart';
  declare readonly id: string;
  declare readonly namespaceUri: string;
  protected override _pin(p: XmlPartModel): Resolver<XmlPartModel> {
    return partResolver(p.id, 'CustomXmlPart');
  }
  getXml(): ClientResult<string> {
    this._api('getXml');
    return this._result('getXml', null, (p) => p.xml);
  }
  setXml(xml: string): void {
    this._api('setXml');
    this._action('setXml', [xml], (p, host) => {
      p.namespaceUri = checkXml(xml, 'CustomXmlPart.setXml');
      p.xml = xml;
      host._recordWrite('customXml', undefined, undefined);
    });
  }
  delete(): void {
    this._api('delete');
    this._action('delete', null, (p, host) => {
      host.model.xmlParts = host.model.xmlParts.filter((x) => x !== p);
    });
  }
}
defineProps(CustomXmlPart, {
  id: { get: (p: XmlPartModel) => p.id },
  namespaceUri: { get: (p: XmlPartModel) => p.namespaceUri },
});

for (const cls of [WorksheetCollection, NamedItemCollection, SettingCollection, CustomXmlPartCollection, CustomXmlPartScopedCollection])
  gateMethods(cls);

export class Workbook extends ClientObject<WorkbookModel> {
  static override typeName = 'Workbook';
  declare readonly name: string;
  declare readonly readOnly: boolean;
  declare readonly worksheets: WorksheetCollection;
  declare readonly names: NamedItemCollection;
  declare readonly tables: TableCollection;
  declare readonly settings: SettingCollection;
  declare readonly customXmlParts: CustomXmlPartCollection;

  constructor(context: ClientObject['context']) {
    super(context, (host) => host.model);
  }
  getSelectedRange(): Range {
    return new Range(this.context, (host) => {
      const sel = host.model.selection;
      return { sheet: host.model.sheetById(sel.sheetId)!, rect: sel.rect };
    });
  }
  getActiveCell(): Range {
    this._api('getActiveCell');
    return new Range(this.context, (host) => {
      const sel = host.model.selection;
      return { sheet: host.model.sheetById(sel.sheetId)!, rect: { ...sel.rect, rowCount: 1, colCount: 1 } };
    });
  }
}
defineProps(Workbook, {
  name: { get: (_wb: WorkbookModel, host: ExcelHost) => host.workbookName },
  readOnly: { get: () => false },
});
defineNavs(Workbook, {
  worksheets: (self: Workbook) => new WorksheetCollection(self.context, (host) => host.model),
  names: (self: Workbook) => new NamedItemCollection(self.context, (host) => host.model),
  tables: (self: Workbook) => new TableCollection(self.context, (host) => ({ model: host.model })),
  settings: (self: Workbook) => new SettingCollection(self.context, (host) => host.model),
  customXmlParts: (self: Workbook) => new CustomXmlPartCollection(self.context, (host) => host.model),
});
