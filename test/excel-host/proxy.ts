/**
 * Office.js proxy semantics: property writes and method calls are queued and applied on context.sync();
 * scalar properties are unreadable (PropertyNotLoaded) until load() + sync(); results arrive only after the
 * sync's promise settles. Also ClientResult, collections and event handler registration.
 */
import type { RequestContext } from './context';
import { RichApiError, invalidArgument, propertyNotLoaded, richError } from './errors';
import type { ExcelHost } from './host';
import { memberVersion, requireApi, supports } from './requirements';
import { jsonRoundTrip } from './values';

export interface LoadResult {
  commit: () => void;
  size: number;
}

/** One queued action. `run` applies it to the model and may return work to do once the whole batch succeeded. */
export interface QueuedOp {
  label: string;
  payload: unknown;
  run: (host: ExcelHost) => void | LoadResult;
}

export interface PropDef {
  /** Reads the model value for load(); absent for write-only properties. */
  get?: (e: any, host: ExcelHost, self: any) => unknown;
  /** Applies a write during sync; absent for read-only properties. */
  set?: (e: any, v: any, host: ExcelHost, self: any) => void;
  /** Excluded from load() without arguments (expensive or only meaningful when asked for). */
  explicitOnly?: boolean;
}

export type Resolver<E> = (host: ExcelHost) => E | null;

export interface ClientObjectClass {
  typeName: string;
  props: Record<string, PropDef>;
  navs: Record<string, (self: any) => ClientObject>;
}

/** UTF-8 length of a string: Buffer in Node, TextEncoder in a browser (the e2e build bundles this host). */
export function utf8Length(s: string): number {
  return typeof Buffer !== 'undefined' ? Buffer.byteLength(s, 'utf8') : new TextEncoder().encode(s).length;
}

function sizeOf(v: unknown): number {
  if (v === undefined) return 0;
  return utf8Length(JSON.stringify(v) ?? '');
}

/** Normalises load()'s argument forms into "a/b/c" paths; '' means all scalar properties. */
export function loadPaths(arg: unknown): string[] {
  if (arg === undefined || arg === null) return [''];
  if (typeof arg === 'string')
    return arg
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  if (Array.isArray(arg)) return arg.flatMap((a) => loadPaths(String(a)));
  if (typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    if ('select' in o || 'expand' in o) {
      const sel = typeof o.select === 'string' ? loadPaths(o.select) : Array.isArray(o.select) ? loadPaths(o.select) : [];
      const exp = typeof o.expand === 'string' ? loadPaths(o.expand) : Array.isArray(o.expand) ? loadPaths(o.expand) : [];
      return [...sel, ...exp.map((e) => e)];
    }
    const out: string[] = [];
    for (const [k, v] of Object.entries(o)) {
      if (k === '$all') {
        if (v) out.push('');
      } else if (v === true) out.push(k);
      else if (v && typeof v === 'object') {
        const inner = loadPaths(v);
        for (const p of inner) out.push(p === '' ? k : `${k}/${p}`);
      }
    }
    return out;
  }
  throw invalidArgument('propertyNames');
}

export abstract class ClientObject<E = unknown> {
  static typeName = 'ClientObject';
  static props: Record<string, PropDef> = {};
  static navs: Record<string, (self: any) => ClientObject> = {};

  readonly context: RequestContext;
  /** Values set locally or loaded by the last sync (what office-js keeps in its m_ fields). */
  _f: Record<string, unknown> = {};
  _isNull: boolean | undefined;
  private _resolver: Resolver<E>;
  private _nullable: boolean;
  private _cache: { batch: number; e: E | null } | undefined;
  private _navCache: Record<string, ClientObject> = {};

  constructor(context: RequestContext, resolver: Resolver<E>, nullable = false) {
    this.context = context;
    this._resolver = resolver;
    this._nullable = nullable;
    if (nullable) {
      // office-js instantiates *OrNullObject results in the request so isNullObject is known after sync.
      this._enqueue(`${this._type}._instantiate`, null, (host) => {
        const e = this._tryEntity(host);
        return { commit: () => (this._isNull = e === null), size: 8 };
      });
    }
  }

  get _cls(): ClientObjectClass {
    return this.constructor as unknown as ClientObjectClass;
  }
  get _type(): string {
    return this._cls.typeName;
  }
  get _host(): ExcelHost {
    return this.context._host;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(null, 'isNullObject');
    return this._isNull;
  }

  /** Requirement-set check for a member of this class ("getCellProperties" → "Range.getCellProperties"). */
  _api(member: string): void {
    requireApi(this._host.apiVersion, `${this._type}.${member}`);
  }

  /** Entity identity to pin after first resolution (so a renamed sheet is still the same Worksheet). */
  protected _pin(_e: E): Resolver<E> | null {
    return null;
  }

  _tryEntity(host: ExcelHost): E | null {
    if (this._cache && this._cache.batch === host._batchSeq) return this._cache.e;
    const e = this._resolver(host);
    if (e !== null) {
      const pinned = this._pin(e);
      if (pinned) this._resolver = pinned;
    }
    this._cache = { batch: host._batchSeq, e };
    return e;
  }

  _entity(host: ExcelHost): E {
    const e = this._tryEntity(host);
    if (e === null) throw richError('ItemNotFound', undefined, this._type);
    return e;
  }

  _enqueue(label: string, payload: unknown, run: QueuedOp['run']): void {
    this.context._enqueue({ label, payload, run }, this);
  }

  /** Queues a model change; `label` is the member name used for errorLocation ("Range.values"). */
  _action(member: string, payload: unknown, apply: (e: E, host: ExcelHost) => void): void {
    this._enqueue(`${this._type}.${member}`, payload, (host) => apply(this._entity(host), host));
  }

  /** Queues a method whose result is delivered in a ClientResult after sync. */
  _result<T>(member: string, payload: unknown, compute: (e: E, host: ExcelHost) => T): ClientResult<T> {
    const result = new ClientResult<T>(this.context);
    this._enqueue(`${this._type}.${member}`, payload, (host) => {
      const v = jsonRoundTrip(compute(this._entity(host), host));
      return { commit: () => result._set(v), size: sizeOf(v) };
    });
    return result;
  }

  _nav<T extends ClientObject>(name: string, make: () => T): T {
    const memberKey = `${this._type}.${name}`;
    if (memberVersion(memberKey) !== '1.1') this._api(name);
    return (this._navCache[name] ??= make()) as T;
  }

  /** Checks that a proxy passed as an argument belongs to this request context. */
  _sameContext(other: unknown, location: string): void {
    if (other instanceof ClientObject && other.context !== this.context) throw richError('InvalidRequestContext', undefined, location);
  }

  load(arg?: unknown): this {
    const paths = loadPaths(arg);
    this._checkLoadable(paths);
    this._enqueue(`${this._type}.load`, paths, (host) => this._load(host, paths));
    return this;
  }

  /** Synchronous requirement-set check of the properties named in load(), like office-js. */
  protected _checkLoadable(paths: string[]): void {
    for (const p of paths) {
      const head = p.split('/')[0];
      if (head && head in this._cls.props && memberVersion(`${this._type}.${head}`) !== '1.1') this._api(head);
      if (head && head in this._cls.navs && p.includes('/')) {
        const child = this._navigate(head);
        (child as ClientObject)._checkLoadable([p.slice(head.length + 1)]);
      }
    }
  }

  _navigate(name: string): ClientObject {
    return (this as unknown as Record<string, ClientObject>)[name];
  }

  _load(host: ExcelHost, paths: string[]): LoadResult {
    const e = this._nullable ? this._tryEntity(host) : this._entity(host);
    if (e === null) return { commit: () => (this._isNull = true), size: 16 };
    const commits: Array<() => void> = [];
    let size = 0;
    const props = this._cls.props;
    const take = (name: string) => {
      const def = props[name];
      if (!def.get) throw invalidArgument(name, `${this._type}.load`);
      const v = jsonRoundTrip(def.get(e, host, this));
      size += sizeOf(v) + name.length + 4;
      commits.push(() => (this._f[name] = v));
    };
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      if (head === '' || head === '*' || head === '$all') {
        for (const [name, def] of Object.entries(props))
          if (def.get && !def.explicitOnly && supports(host.apiVersion, `${this._type}.${name}`)) take(name);
      } else if (head in props) {
        take(head);
      } else if (head in this._cls.navs) {
        const r = this._navigate(head)._load(host, [rest.join('/')]);
        commits.push(r.commit);
        size += r.size;
      } else {
        throw new RichApiError('InvalidArgument', `The property '${head}' doesn't exist on ${this._type}.`, `${this._type}.load`);
      }
    }
    return {
      commit: () => {
        this._isNull = false;
        for (const c of commits) c();
      },
      size,
    };
  }

  /** office-js ClientObject.set(): assigns several properties (recursively into navigation properties). */
  set(properties: Record<string, unknown>, _options?: unknown): void {
    if (!properties || typeof properties !== 'object') throw invalidArgument('properties', `${this._type}.set`);
    for (const [k, v] of Object.entries(properties)) {
      if (k in this._cls.props && this._cls.props[k].set) (this as unknown as Record<string, unknown>)[k] = v;
      else if (k in this._cls.navs && v && typeof v === 'object') this._navigate(k).set(v as Record<string, unknown>);
      else throw invalidArgument(k, `${this._type}.set`);
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { ...this._f };
    for (const [k, child] of Object.entries(this._navCache)) {
      const j = child.toJSON();
      if (Object.keys(j).length > 0) out[k] = j;
    }
    return out;
  }

  track(): this {
    return this;
  }
  untrack(): this {
    return this;
  }
}

const GATED = Symbol('gated');

/**
 * Wraps every method of an API class whose requirement set is above 1.1 with a version check, so calling it on an
 * older host throws ApiNotFound synchronously (as office-js does) even where the method body forgets to check.
 */
export function gateMethods(cls: { prototype: object; typeName: string }): void {
  const proto = cls.prototype as Record<string | symbol, unknown>;
  if (Object.prototype.hasOwnProperty.call(proto, GATED)) return;
  Object.defineProperty(proto, GATED, { value: true });
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === 'constructor' || name.startsWith('_')) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    if (!desc || typeof desc.value !== 'function') continue;
    const member = `${cls.typeName}.${name}`;
    if (memberVersion(member) === '1.1') continue;
    const original = desc.value as (...a: unknown[]) => unknown;
    Object.defineProperty(proto, name, {
      ...desc,
      value: function (this: ClientObject, ...args: unknown[]) {
        requireApi(this._host.apiVersion, member);
        return original.apply(this, args);
      },
    });
  }
}

/** Installs office-js style accessors: getters throw PropertyNotLoaded until loaded, setters queue a write. */
export function defineProps(
  cls: { prototype: object; typeName: string; props: Record<string, PropDef> },
  props: Record<string, PropDef>,
): void {
  gateMethods(cls);
  cls.props = { ...(Object.getPrototypeOf(cls).props ?? {}), ...props };
  for (const [name, def] of Object.entries(props)) {
    const member = `${cls.typeName}.${name}`;
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: ClientObject) {
        if (!(name in this._f)) {
          if (this._isNull === true) return undefined;
          throw propertyNotLoaded(cls.typeName, name);
        }
        requireApi(this._host.apiVersion, member);
        return this._f[name];
      },
      set: def.set
        ? function (this: ClientObject, value: unknown) {
            requireApi(this._host.apiVersion, member);
            this._f[name] = value;
            const payload = jsonRoundTrip(value);
            this._enqueue(member, payload, (host) => def.set!(this._entity(host), payload, host, this));
          }
        : undefined,
    });
  }
}

/** Navigation properties: memoised child proxies (range.format, worksheet.protection, ...). */
export function defineNavs(
  cls: { prototype: object; typeName: string; navs: Record<string, (self: any) => ClientObject> },
  navs: Record<string, (self: any) => ClientObject>,
): void {
  gateMethods(cls);
  cls.navs = { ...(Object.getPrototypeOf(cls).navs ?? {}), ...navs };
  for (const [name, make] of Object.entries(navs)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: ClientObject) {
        return this._nav(name, () => make(this));
      },
    });
  }
}

export class ClientResult<T> {
  private _v: T | undefined;
  private _loaded = false;
  constructor(readonly context: RequestContext) {}
  get value(): T {
    if (!this._loaded) throw richError('ValueNotLoaded');
    return this._v as T;
  }
  _set(v: T): void {
    this._v = v;
    this._loaded = true;
  }
  toJSON(): unknown {
    return this._loaded ? { value: this._v } : {};
  }
}

/** Base for collections: `items` readable after load + sync; loading item properties with "name" or "items/name". */
export abstract class ClientCollection<TItem extends ClientObject, E = unknown, IE = unknown> extends ClientObject<E> {
  private _items: TItem[] | undefined;

  get items(): TItem[] {
    if (this._items === undefined) {
      if (this._isNull === true) return [];
      throw propertyNotLoaded(this._type, 'items');
    }
    return this._items;
  }

  /** Entities of the items, in collection order. */
  abstract _list(e: E, host: ExcelHost): IE[];
  /** A proxy bound to one item entity. */
  abstract _makeItem(item: IE): TItem;

  override _load(host: ExcelHost, paths: string[]): LoadResult {
    const own: string[] = [];
    const itemPaths: string[] = [];
    for (const p of paths) {
      const head = p.split('/')[0];
      if (head in this._cls.props || (head in this._cls.navs && head !== '')) own.push(p);
      else if (head === 'items') itemPaths.push(p.slice('items'.length + 1));
      else itemPaths.push(p);
    }
    const base = own.length > 0 ? super._load(host, own) : { commit: () => (this._isNull = false), size: 0 };
    if (itemPaths.length === 0 && own.length > 0) return base;
    const e = this._entity(host);
    const items = this._list(e, host).map((ie) => this._makeItem(ie));
    const loads = items.map((it) => it._load(host, itemPaths.length ? itemPaths : ['']));
    return {
      commit: () => {
        base.commit();
        this._items = items;
        for (const l of loads) l.commit();
      },
      size: base.size + loads.reduce((n, l) => n + l.size, 0),
    };
  }

  getCount(): ClientResult<number> {
    this._api('getCount');
    return this._result('getCount', null, (e, host) => this._list(e, host).length);
  }

  override toJSON(): Record<string, unknown> {
    return this._items ? { ...super.toJSON(), items: this._items.map((i) => i.toJSON()) } : super.toJSON();
  }
}
