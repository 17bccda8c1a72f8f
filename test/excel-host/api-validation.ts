/** Excel.DataValidation proxy (ExcelApi 1.8). */
import { qualifiedAddress } from './addresses';
import { checkEditable } from './cells';
import { invalidArgument } from './errors';
import type { ExcelHost } from './host';
import { ClientObject, defineProps } from './proxy';
import { checkEnum } from './rules';
import { clearValidation, normalizeRule, ruleType, setValidation, validationOf, validity } from './validation';
import type { RangeEntity } from './api-range';

function current(e: RangeEntity) {
  return validationOf(e.sheet, e.rect);
}

const ALERT_STYLES = ['Stop', 'Warning', 'Information'] as const;

export class DataValidation extends ClientObject<RangeEntity> {
  static override typeName = 'DataValidation';
  declare rule: Record<string, any>;
  declare readonly type: string;
  declare ignoreBlanks: boolean;
  declare errorAlert: { showAlert?: boolean; style?: string; title?: string; message?: string };
  declare prompt: { showPrompt?: boolean; title?: string; message?: string };
  declare readonly valid: boolean | null;

  clear(): void {
    this._action('clear', null, (e, host) => {
      checkEditable(e.sheet, e.rect, 'structure', 'DataValidation.clear');
      clearValidation(e.sheet, e.rect);
      host._recordWrite('dataValidation', e.sheet, e.rect);
    });
  }
}

function patchProp(key: 'ignoreBlanks' | 'errorAlert' | 'prompt') {
  const loc = `DataValidation.${key}`;
  return (e: RangeEntity, v: unknown, host: ExcelHost) => {
    checkEditable(e.sheet, e.rect, 'structure', loc);
    const cur = current(e);
    const base = cur && cur !== 'mixed' ? cur : undefined;
    let value: unknown = v;
    if (key === 'ignoreBlanks') {
      if (typeof v !== 'boolean') throw invalidArgument(key, loc);
    } else {
      if (!v || typeof v !== 'object') throw invalidArgument(key, loc);
      const o = v as Record<string, unknown>;
      if (key === 'errorAlert' && o.style !== undefined) o.style = checkEnum(o.style, ALERT_STYLES, 'style', loc);
      value = {
        ...(base
          ? base[key]
          : key === 'errorAlert'
            ? { showAlert: true, style: 'Stop', title: '', message: '' }
            : { showPrompt: true, title: '', message: '' }),
        ...o,
      };
    }
    setValidation(host.model, e.sheet, e.rect, { [key]: value }, loc);
    host._recordWrite('dataValidation', e.sheet, e.rect);
  };
}

defineProps(DataValidation, {
  rule: {
    get: (e: RangeEntity) => {
      const cur = current(e);
      if (cur === 'mixed') return null;
      return cur?.rule ?? {};
    },
    set: (e: RangeEntity, v: unknown, host: ExcelHost) => {
      const loc = 'DataValidation.rule';
      checkEditable(e.sheet, e.rect, 'structure', loc);
      const rule = normalizeRule(v, loc);
      setValidation(host.model, e.sheet, e.rect, { rule }, loc);
      host._recordWrite('dataValidation', e.sheet, e.rect);
    },
  },
  type: {
    get: (e: RangeEntity) => {
      const cur = current(e);
      return cur === 'mixed' ? 'Inconsistent' : ruleType(cur);
    },
  },
  ignoreBlanks: {
    get: (e: RangeEntity) => {
      const cur = current(e);
      return cur === 'mixed' ? null : cur ? cur.ignoreBlanks : true;
    },
    set: patchProp('ignoreBlanks'),
  },
  errorAlert: {
    get: (e: RangeEntity) => {
      const cur = current(e);
      return cur === 'mixed' ? null : cur ? cur.errorAlert : { showAlert: true, style: 'Stop', title: '', message: '' };
    },
    set: patchProp('errorAlert'),
  },
  prompt: {
    get: (e: RangeEntity) => {
      const cur = current(e);
      return cur === 'mixed' ? null : cur ? cur.prompt : { showPrompt: true, title: '', message: '' };
    },
    set: patchProp('prompt'),
  },
  valid: { get: (e: RangeEntity, host: ExcelHost) => validity(host.model, e.sheet, e.rect) },
});

/**
 * `rule = { list: { source: someRange } }` passes a Range proxy, which office-js sends as a reference.
 * The setter below swaps it for "=Sheet!$A$1:$A$5" at sync time.
 */
const ruleDescriptor = Object.getOwnPropertyDescriptor(DataValidation.prototype, 'rule')!;
Object.defineProperty(DataValidation.prototype, 'rule', {
  configurable: true,
  enumerable: true,
  get: ruleDescriptor.get,
  set(this: DataValidation, value: unknown) {
    const src = (value as { list?: { source?: unknown } } | null)?.list?.source;
    if (src instanceof ClientObject) {
      this._sameContext(src, 'DataValidation.rule');
      const list = (value as { list: Record<string, unknown> }).list;
      const marker = { list: { ...list, source: '=<range>' } };
      this._f.rule = value;
      this._api('rule');
      this._enqueue('DataValidation.rule', marker, (host) => {
        const e = this._entity(host);
        const r = (src as ClientObject<RangeEntity>)._entity(host);
        const resolved = { list: { ...list, source: `=${qualifiedAddress(r.sheet.name, r.rect, true)}` } };
        DataValidation.props.rule.set!(e, resolved, host, this);
      });
      return;
    }
    ruleDescriptor.set!.call(this, value);
  },
});
