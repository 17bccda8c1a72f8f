/**
 * manifest.xml consistency checks that the XSD cannot express: resource references resolve, icons
 * exist at the declared pixel size, every string has an en-US override, the ribbon calls the functions
 * that src/commands/commands.ts registers. Plus the offline XSD validation through xmllint-wasm
 * (scripts/validate-manifest.js; OFFICE_MANIFEST_SCHEMAS overrides the schema folder, default
 * ../shared/office-manifest-schemas).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.xml');
const DEV_ORIGIN = 'https://localhost:3000/';

// ---------------------------------------------------------------------------------------------------
// A small XML reader: elements, attributes, text, comments, the XML declaration. No DTDs (a manifest
// has none). Names keep their prefix ("bt:Image"); that is all these checks need.

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ent: string) => {
    if (ent.startsWith('#x')) return String.fromCodePoint(parseInt(ent.slice(2), 16));
    if (ent.startsWith('#')) return String.fromCodePoint(parseInt(ent.slice(1), 10));
    const named = ENTITIES[ent];
    if (named === undefined) throw new Error(`unknown entity ${whole}`);
    return named;
  });
}

function parseXml(src: string): XmlElement {
  let pos = 0;
  const lineAt = (i: number): number => src.slice(0, i).split('\n').length;
  const fail = (msg: string): never => {
    throw new Error(`manifest.xml:${lineAt(pos)}: ${msg}`);
  };
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;

  while (pos < src.length) {
    const lt = src.indexOf('<', pos);
    const textEnd = lt === -1 ? src.length : lt;
    const text = src.slice(pos, textEnd);
    if (text.trim() !== '') {
      const top = stack[stack.length - 1];
      if (!top) fail('text outside the root element');
      else top.text += decodeEntities(text);
    }
    if (lt === -1) break;
    pos = lt;
    if (src.startsWith('<!--', pos)) {
      const end = src.indexOf('-->', pos + 4);
      if (end === -1) fail('unterminated comment');
      if (src.slice(pos + 4, end).includes('--')) fail("'--' inside a comment");
      pos = end + 3;
    } else if (src.startsWith('<?', pos)) {
      const end = src.indexOf('?>', pos);
      if (end === -1) fail('unterminated processing instruction');
      pos = end + 2;
    } else if (src.startsWith('<![CDATA[', pos)) {
      const end = src.indexOf(']]>', pos);
      if (end === -1) fail('unterminated CDATA');
      const top = stack[stack.length - 1];
      if (top) top.text += src.slice(pos + 9, end);
      pos = end + 3;
    } else if (src.startsWith('<!', pos)) {
      fail('DOCTYPE/declarations are not expected in a manifest');
    } else if (src.startsWith('</', pos)) {
      const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(src.slice(pos));
      if (!m) fail('malformed end tag');
      const name = (m as RegExpExecArray)[1] as string;
      const open = stack.pop();
      if (!open || open.name !== name) fail(`</${name}> does not close <${open ? open.name : '(nothing)'}>`);
      pos += (m as RegExpExecArray)[0].length;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(src.slice(pos));
      if (!m) fail('malformed start tag');
      const [whole, name, attrText, selfClose] = m as RegExpExecArray;
      const el: XmlElement = { name: name as string, attrs: {}, children: [], text: '', line: lineAt(pos) };
      const attrRe = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
      for (let a = attrRe.exec(attrText as string); a; a = attrRe.exec(attrText as string)) {
        const key = a[1] as string;
        if (key in el.attrs) fail(`duplicate attribute ${key} on <${el.name}>`);
        el.attrs[key] = decodeEntities((a[2] ?? a[3]) as string);
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else if (root) fail('more than one root element');
      else root = el;
      if (selfClose !== '/') stack.push(el);
      pos += (whole as string).length;
    }
  }
  if (stack.length > 0) fail(`<${(stack[stack.length - 1] as XmlElement).name}> is never closed`);
  if (!root) throw new Error('manifest.xml: no root element');
  return root;
}

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}
const all = (el: XmlElement, name: string): XmlElement[] => [...walk(el)].filter((e) => e.name === name);
const kids = (el: XmlElement, name: string): XmlElement[] => el.children.filter((e) => e.name === name);
function only(el: XmlElement, name: string): XmlElement {
  const found = kids(el, name);
  if (found.length !== 1) throw new Error(`<${el.name}> (line ${el.line}) should have exactly one <${name}>, has ${found.length}`);
  return found[0] as XmlElement;
}

// ---------------------------------------------------------------------------------------------------

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (buf.toString('latin1', 12, 16) !== 'IHDR') throw new Error(`${file}: first chunk is not IHDR`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** https://localhost:3000/assets/x.png -> <repo>/assets/x.png */
function localFileFor(url: string): string {
  if (!url.startsWith(DEV_ORIGIN)) throw new Error(`${url} is not served by the dev server (${DEV_ORIGIN})`);
  return path.join(ROOT, ...url.slice(DEV_ORIGIN.length).split('/'));
}

type ResourceKind = 'image' | 'url' | 'short' | 'long';
interface Resource {
  kind: ResourceKind;
  id: string;
  el: XmlElement;
}

const xml = fs.readFileSync(MANIFEST_PATH, 'utf8');
const root = parseXml(xml);
const versionOverrides = only(root, 'VersionOverrides');
const resourcesEl = only(versionOverrides, 'Resources');

const resourceGroups: Array<[string, ResourceKind]> = [
  ['bt:Images', 'image'],
  ['bt:Urls', 'url'],
  ['bt:ShortStrings', 'short'],
  ['bt:LongStrings', 'long'],
];
const resources: Resource[] = resourceGroups.flatMap(([group, kind]) =>
  kids(resourcesEl, group).flatMap((g) => g.children.map((el) => ({ kind, id: el.attrs.id ?? '', el }))),
);
const byId = new Map(resources.map((r) => [r.id, r]));
const references = [...walk(versionOverrides)].filter((e) => e.attrs.resid !== undefined);

/** Which resource kind each referencing element must point at. */
function expectedKind(el: XmlElement, parent: XmlElement | undefined): ResourceKind {
  if (el.name === 'bt:Image') return 'image';
  if (el.name === 'FunctionFile' || el.name === 'SourceLocation' || el.name === 'LearnMoreUrl') return 'url';
  if (el.name === 'Description') return 'long';
  if (el.name === 'Label' || el.name === 'Title') return 'short';
  throw new Error(`unexpected resid on <${el.name}> under <${parent ? parent.name : '?'}> (line ${el.line})`);
}
function parentOf(target: XmlElement): XmlElement | undefined {
  return [...walk(root)].find((e) => e.children.includes(target));
}

const controls = all(versionOverrides, 'Control');
function controlByAction(functionOrType: string): XmlElement | undefined {
  return controls.find((c) => {
    const action = kids(c, 'Action')[0];
    if (!action) return false;
    if (action.attrs['xsi:type'] === 'ShowTaskpane') return functionOrType === 'ShowTaskpane';
    return kids(action, 'FunctionName')[0]?.text.trim() === functionOrType;
  });
}
function stringValue(resid: string | undefined): string | undefined {
  return resid === undefined ? undefined : byId.get(resid)?.el.attrs.DefaultValue;
}
function enUsOverride(el: XmlElement): string | undefined {
  return el.children.find((c) => (c.name === 'bt:Override' || c.name === 'Override') && c.attrs.Locale === 'en-US')?.attrs.Value;
}

describe('manifest.xml', () => {
  test('is an Excel-only task pane add-in with ReadWriteDocument and ExcelApi 1.8', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(root.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(only(root, 'Id').text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(only(root, 'DefaultLocale').text.trim()).toBe('zh-CN');
    expect(only(root, 'Permissions').text.trim()).toBe('ReadWriteDocument');

    const hosts = kids(only(root, 'Hosts'), 'Host');
    expect(hosts.map((h) => h.attrs.Name)).toEqual(['Workbook']);
    const overrideHosts = kids(only(versionOverrides, 'Hosts'), 'Host');
    expect(overrideHosts.map((h) => h.attrs['xsi:type'])).toEqual(['Workbook']);

    const sets = only(only(root, 'Requirements'), 'Sets');
    expect(kids(sets, 'Set').map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', '1.8']]);

    expect(only(only(root, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(`${DEV_ORIGIN}taskpane.html`);
  });

  test('display name and description are Chinese by default with en-US overrides', () => {
    const name = only(root, 'DisplayName');
    expect(name.attrs.DefaultValue).toBe('信用建设考核评分');
    expect(enUsOverride(name)).toBe('Credit Assessment Scoring');
    const description = only(root, 'Description');
    expect(description.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
    expect(enUsOverride(description)).toMatch(/\S/);
    expect(only(root, 'ProviderName').text.trim()).toBe('信用考核评分');
  });

  test('resource ids are unique and control/group ids are unique', () => {
    const ids = resources.map((r) => r.id);
    expect(ids.filter((id) => id === '')).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const uiIds = [...walk(versionOverrides)]
      .filter((e) => ['Group', 'Control', 'CustomTab'].includes(e.name))
      .map((e) => e.attrs.id ?? '');
    expect(uiIds.filter((id, i) => uiIds.indexOf(id) !== i)).toEqual([]);
    for (const id of [...ids, ...uiIds]) expect(id.length).toBeLessThanOrEqual(125);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32); // bt:ReferenceId
  });

  test('every resid resolves to a resource of the right kind, and every resource is used', () => {
    expect(references.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const ref of references) {
      const resid = ref.attrs.resid as string;
      const target = byId.get(resid);
      const want = expectedKind(ref, parentOf(ref));
      if (!target) problems.push(`line ${ref.line}: <${ref.name} resid="${resid}"> has no resource`);
      else if (target.kind !== want)
        problems.push(`line ${ref.line}: <${ref.name} resid="${resid}"> needs a ${want} resource, found ${target.kind}`);
    }
    const used = new Set(references.map((r) => r.attrs.resid));
    for (const r of resources) if (!used.has(r.id)) problems.push(`resource ${r.id} is never referenced`);
    expect(problems).toEqual([]);
  });

  test('every string resource has a non-empty Chinese default and an en-US override', () => {
    const strings = resources.filter((r) => r.kind === 'short' || r.kind === 'long');
    expect(strings.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const s of strings) {
      const def = s.el.attrs.DefaultValue ?? '';
      const en = enUsOverride(s.el);
      if (!/[\u4e00-\u9fff]/.test(def)) problems.push(`${s.id}: DefaultValue should be Chinese, is "${def}"`);
      if (!en || !en.trim()) problems.push(`${s.id}: no en-US override`);
      else if (/[\u4e00-\u9fff]/.test(en)) problems.push(`${s.id}: en-US override contains Chinese: "${en}"`);
      const max = s.kind === 'short' ? 125 : 250;
      for (const v of [def, en ?? '']) if (v.length > max) problems.push(`${s.id}: "${v}" is longer than ${max}`);
    }
    expect(problems).toEqual([]);
  });

  test('every URL is https on the dev server and points at something the build produces', () => {
    const urls = resources.filter((r) => r.kind === 'url').map((r) => r.el.attrs.DefaultValue ?? '');
    expect(urls.sort()).toEqual([`${DEV_ORIGIN}commands.html`, `${DEV_ORIGIN}taskpane.html`]);
    for (const page of ['taskpane', 'commands']) {
      expect(fs.existsSync(path.join(ROOT, 'src', page, `${page}.html`))).toBe(true);
    }
    const functionFile = all(versionOverrides, 'FunctionFile')[0];
    expect(stringValue(functionFile?.attrs.resid)).toBe(`${DEV_ORIGIN}commands.html`);
  });

  test('SupportUrl is the user guide the build renders (help/index.html from docs/用户指南.md)', () => {
    expect(only(root, 'SupportUrl').attrs.DefaultValue).toBe(`${DEV_ORIGIN}help/index.html`);
    expect(fs.existsSync(path.join(ROOT, 'docs', '用户指南.md'))).toBe(true);
    expect(fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8')).toMatch(/from: 'docs\/用户指南\.md',\s*to: 'help\/index\.html'/);
  });

  test('icons exist in assets/ at the declared pixel sizes', () => {
    const problems: string[] = [];
    const checkFile = (url: string | undefined, size: number, where: string): void => {
      if (!url) {
        problems.push(`${where}: no URL`);
        return;
      }
      let file: string;
      try {
        file = localFileFor(url);
      } catch (err) {
        problems.push(`${where}: ${(err as Error).message}`);
        return;
      }
      if (!file.startsWith(path.join(ROOT, 'assets') + path.sep) || !file.endsWith('.png')) {
        problems.push(`${where}: ${url} is not a PNG in assets/`);
        return;
      }
      if (!fs.existsSync(file)) {
        problems.push(`${where}: ${path.relative(ROOT, file)} does not exist`);
        return;
      }
      const { width, height } = pngSize(file);
      if (width !== size || height !== size)
        problems.push(`${where}: ${path.relative(ROOT, file)} is ${width}x${height}, expected ${size}x${size}`);
    };

    checkFile(only(root, 'IconUrl').attrs.DefaultValue, 64, 'IconUrl');
    checkFile(only(root, 'HighResolutionIconUrl').attrs.DefaultValue, 128, 'HighResolutionIconUrl');

    const iconLists = all(versionOverrides, 'Icon');
    expect(iconLists.length).toBe(4); // group + three buttons
    for (const icon of iconLists) {
      const images = kids(icon, 'bt:Image');
      expect(images.map((i) => i.attrs.size)).toEqual(['16', '32', '80']);
      for (const img of images) {
        const resid = img.attrs.resid as string;
        checkFile(stringValue(resid), Number(img.attrs.size), `Icon line ${img.line} (${resid})`);
      }
    }
    // Every image resource is a PNG of the size its id announces (Foo.32x32 -> 32 px).
    for (const r of resources.filter((res) => res.kind === 'image')) {
      const m = /\.(\d+)x\1$/.exec(r.id);
      if (!m) problems.push(`image id ${r.id} does not end in .NxN`);
      else checkFile(r.el.attrs.DefaultValue, Number(m[1]), `bt:Image ${r.id}`);
    }
    expect(problems).toEqual([]);
  });

  test('ribbon: group 信用考核 with 打开评分面板, 重新计分 (rescoreAll), 导出附件 (exportAnnex)', () => {
    const groups = all(versionOverrides, 'Group');
    expect(groups).toHaveLength(1);
    const group = groups[0] as XmlElement;
    expect(stringValue(only(group, 'Label').attrs.resid)).toBe('信用考核');
    expect(kids(group, 'Control')).toHaveLength(3);

    const expected: Array<[string, string, string]> = [
      ['ShowTaskpane', '打开评分面板', 'Open Scoring Pane'],
      ['rescoreAll', '重新计分', 'Rescore All'],
      ['exportAnnex', '导出附件', 'Export Annex'],
    ];
    for (const [action, zh, en] of expected) {
      const control = controlByAction(action);
      expect(control).toBeDefined();
      const c = control as XmlElement;
      expect(c.attrs['xsi:type']).toBe('Button');
      const labelRes = byId.get(only(c, 'Label').attrs.resid ?? '');
      expect(labelRes?.el.attrs.DefaultValue).toBe(zh);
      expect(enUsOverride((labelRes as Resource).el)).toBe(en);
      const tip = only(c, 'Supertip');
      expect(stringValue(only(tip, 'Description').attrs.resid)).toMatch(/[\u4e00-\u9fff]/);
    }
    const pane = only(controlByAction('ShowTaskpane') as XmlElement, 'Action');
    expect(stringValue(only(pane, 'SourceLocation').attrs.resid)).toBe(`${DEV_ORIGIN}taskpane.html`);

    const functionNames = all(versionOverrides, 'FunctionName')
      .map((f) => f.text.trim())
      .sort();
    expect(functionNames).toEqual(['exportAnnex', 'rescoreAll']);
  });

  test('src/commands/commands.ts registers every ExecuteFunction name', () => {
    const commands = fs.readFileSync(path.join(ROOT, 'src', 'commands', 'commands.ts'), 'utf8');
    for (const f of all(versionOverrides, 'FunctionName')) {
      const name = f.text.trim();
      expect(commands).toMatch(new RegExp(`Office\\.actions\\.associate\\(\\s*['"]${name}['"]`));
    }
  });
});

// ---------------------------------------------------------------------------------------------------

// eslint-disable-next-line @typescript-eslint/no-require-imports
const validator = require('../scripts/validate-manifest.js') as {
  validateManifest(xml: string, fileName?: string): Promise<{ valid: boolean; errors: string[] }>;
  schemasPresent(): boolean;
  missingMessage(): string;
};

/**
 * The XSD files live outside the repository (../shared/office-manifest-schemas). Where they are absent
 * the check cannot run: locally it says so loudly and passes the rest; under CI=true it fails.
 */
describe('manifest.xml against the Office XSD (offline, xmllint-wasm)', () => {
  test('manifest.xml validates against OfficeAppManifestV1_1.xsd', async () => {
    if (!validator.schemasPresent()) {
      const message = `${validator.missingMessage()} Set CI=true to make this a failure.`;
      if (process.env.CI === 'true') throw new Error(message);
      process.stderr.write(`\n\n!!!!!!!! ${message}\n\n`);
      return;
    }
    const { valid, errors } = await validator.validateManifest(xml);
    expect({ valid, errors }).toEqual({ valid: true, errors: [] });
  });

  test('the validator rejects a manifest with an element the XSD does not allow', async () => {
    if (!validator.schemasPresent()) {
      if (process.env.CI === 'true') throw new Error(validator.missingMessage());
      return;
    }
    const broken = xml.replace('<Version>', '<Versionx>').replace('</Version>', '</Versionx>');
    const { valid, errors } = await validator.validateManifest(broken);
    expect(valid).toBe(false);
    expect(errors.join('\n')).toMatch(/Versionx/);
  });
});
