/**
 * The non-UI pieces of src/taskpane: toRubricSummary, RubricLibrary, the plain-browser controller
 * and the in-memory demo controller (which scores with the real engine).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRubricIds, loadBuiltin } from '../../src/rubric/catalog';
import { toRubricSummary } from '../../src/layout/status';
import { RubricLibrary } from '../../src/layout/rubric-library';
import { createBrowserController } from '../../src/taskpane/browser-controller';
import { DemoController } from '../../src/taskpane/demo-controller';
import type { Progress, WorkbookStatus } from '../../src/taskpane/controller';

const HENGDONG = 'hengdong-2020-members';

describe('toRubricSummary', () => {
  test('衡东: document data, default roster of 36, notes, no officeMustSet', () => {
    const s = toRubricSummary(loadBuiltin(HENGDONG).rubric, false);
    expect(s).toMatchObject({
      id: HENGDONG,
      version: '1.1.0',
      city: '衡东县',
      year: 2020,
      documentNumber: '东信建〔2020〕02号',
      sourceFile: '001_5bda7ee6c17ab870.txt',
      annexNumber: '2',
      annexTitle: '衡东县2020年度社会信用体系建设工作考核指标',
      fullMarks: 100,
      groups: [{ id: '成员单位', label: '县社会信用体系建设领导小组成员单位' }],
      officeMustSet: [],
      imported: false,
    });
    expect(s.defaultRoster).toHaveLength(36);
    expect(s.defaultRoster![0]).toEqual({ name: '县发改局', group: '成员单位' });
    expect(s.notes).toHaveLength(25);
    expect(s.notes[0]).toEqual({ id: 'rounding', about: 'general', text: expect.stringContaining('四舍五入') });
  });

  test('every built-in rubric converts; null annex numbers and document numbers pass through', () => {
    for (const id of builtinRubricIds) {
      const s = toRubricSummary(loadBuiltin(id).rubric, true);
      expect(s.id).toBe(id);
      expect(s.imported).toBe(true);
      expect(s.groups.length).toBeGreaterThan(0);
    }
    const bozhou = toRubricSummary(loadBuiltin('bozhou-2017-counties').rubric, false);
    expect(bozhou.documentNumber).toBeNull();
    expect(bozhou.annexNumber).toBeNull();
    expect(bozhou.defaultRoster).toBeNull();
    expect(toRubricSummary(loadBuiltin('chaoyang-2020-method').rubric, false).officeMustSet).toHaveLength(3);
  });

  test('does not share arrays with the rubric', () => {
    const r = loadBuiltin(HENGDONG).rubric;
    const s = toRubricSummary(r, false);
    s.notes.pop();
    s.defaultRoster!.pop();
    expect(r.notes).toHaveLength(25);
    expect(r.defaultRoster).toHaveLength(36);
  });
});

describe('RubricLibrary', () => {
  const text = readFileSync(join(__dirname, '../../rubrics/hengdong-2020-members.json'), 'utf8');

  test('lists the built-ins; imports a valid file (marked imported, replacing a built-in of the same id)', () => {
    const lib = new RubricLibrary();
    expect(lib.list().map((r) => r.id)).toEqual([...builtinRubricIds]);
    const changed = JSON.parse(text);
    changed.id = 'testcity-2024';
    changed.city = '测试市';
    const res = lib.import('testcity.json', JSON.stringify(changed));
    expect(res).toMatchObject({ ok: true, rubric: { id: 'testcity-2024', city: '测试市', imported: true } });
    expect(lib.list().at(-1)!.id).toBe('testcity-2024');
    expect(lib.get('testcity-2024')!.city).toBe('测试市');

    expect(lib.import('again.json', text).ok).toBe(true);
    const list = lib.list();
    expect(list.filter((r) => r.id === HENGDONG)).toEqual([expect.objectContaining({ imported: true })]);
  });

  test('errors carry path, message and fix (no file name: the UI already shows it)', () => {
    const lib = new RubricLibrary();
    const res = lib.import('bad.json', '{"id":"Bad Id"}');
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors.length).toBeGreaterThan(3);
    for (const e of res.errors) expect(Object.keys(e).sort()).toEqual(['fix', 'message', 'path']);
    expect(res.errors.find((e) => e.path === 'id')).toBeDefined();
  });

  test('a broken built-in does not hide the others', () => {
    const lib = new RubricLibrary([HENGDONG, 'missing-one'], (id) => loadBuiltin(id).rubric);
    expect(lib.list().map((r) => r.id)).toEqual([HENGDONG]);
    expect(lib.loadErrors[0]).toContain('missing-one');
  });
});

describe('browser controller', () => {
  test('browser mode, rubrics, no workbook; scoreFile only when given', async () => {
    const c = createBrowserController({ host: { displayLanguage: 'en-US' } });
    expect(c.host()).toEqual({ mode: 'browser', apiVersion: null, displayLanguage: 'en-US' });
    expect(c.listRubrics().map((r) => r.id)).toEqual([...builtinRubricIds]);
    expect(c.status().bound).toBe(false);
    expect(c.scoreFile).toBeUndefined();
    await expect(c.createWorkbook(HENGDONG, [], () => undefined)).rejects.toThrow('不在 Excel 中');
    await expect(c.rescoreAll()).rejects.toThrow();
    await expect(c.exportAnnex()).rejects.toThrow();
    const unsubscribe = c.subscribe(() => undefined);
    expect(() => unsubscribe()).not.toThrow();

    const scored = { bound: true, rubric: null, units: [], problems: [], notices: ['已下载'], lastScoredAt: 'now' };
    const scoreFile = jest.fn(async () => scored);
    const withFile = createBrowserController({ scoreFile });
    const seen: unknown[] = [];
    withFile.subscribe((st) => seen.push(st));
    const file = { name: 'x.xlsx' } as File;
    await withFile.scoreFile?.(file);
    expect(scoreFile).toHaveBeenCalledWith(file);
    // The file's result becomes the pane's status.
    expect(withFile.status()).toBe(scored);
    expect(seen).toEqual([scored]);
  });

  test('inside Excel without the Excel controller wired, creation fails with a plain message', async () => {
    const c = createBrowserController({ host: { mode: 'excel', apiVersion: '1.12', displayLanguage: 'zh-CN' } });
    expect(c.host().mode).toBe('excel');
    await expect(c.createWorkbook(HENGDONG, [], () => undefined)).rejects.toThrow('尚未接入');
  });
});

describe('demo controller', () => {
  const roster = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `单位${i + 1}`, group: '成员单位' }));

  test('creates with progress, then publishes a bound, scored status', async () => {
    const c = new DemoController({ stepMs: 0, host: { displayLanguage: 'zh-CN' } });
    expect(c.host()).toEqual({ mode: 'excel', apiVersion: '1.8', displayLanguage: 'zh-CN' });
    const seen: WorkbookStatus[] = [];
    const unsubscribe = c.subscribe((s) => seen.push(s));
    const progress: Progress[] = [];
    await c.createWorkbook(HENGDONG, roster(6), (p) => progress.push(p));
    expect(progress.at(-1)).toMatchObject({ done: 6, total: 6 });
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const s = c.status();
    expect(seen.at(-1)).toBe(s);
    expect(s.bound).toBe(true);
    expect(s.rubric!.id).toBe(HENGDONG);
    expect(s.units).toHaveLength(6);
    // Unit 3 left a category blank; unit 2 typed a non-number.
    expect(s.units[2].complete).toBe(false);
    expect(s.problems.some((p) => p.severity === 'missing' && p.unit === '单位3')).toBe(true);
    expect(s.problems.some((p) => p.severity === 'error' && p.unit === '单位2' && p.message.includes('约三个'))).toBe(true);
    expect(new Set(s.problems.map((p) => p.id)).size).toBe(s.problems.length);
    expect(s.units.filter((u) => u.complete).every((u) => u.final !== null && u.rank !== null)).toBe(true);

    await c.rescoreAll();
    expect(c.status().notices).toHaveLength(1);
    await c.selectProblem(c.status().problems[0]);
    expect(c.status().notices[0]).toContain('演示');
    unsubscribe();
  });

  test('every built-in rubric can be demoed', async () => {
    for (const id of builtinRubricIds) {
      const c = new DemoController({ stepMs: 0 });
      const group = c.listRubrics().find((r) => r.id === id)!.groups[0].id;
      await c.createWorkbook(
        id,
        roster(3).map((u) => ({ ...u, group })),
        () => undefined,
      );
      expect(c.status().units).toHaveLength(3);
    }
  });

  test('abort rejects with an AbortError and leaves no workbook', async () => {
    const c = new DemoController({ stepMs: 5 });
    const ac = new AbortController();
    const p = c.createWorkbook(
      HENGDONG,
      roster(20),
      (pr) => {
        if (pr.done === 2) ac.abort();
      },
      ac.signal,
    );
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(c.status().bound).toBe(false);
  });

  test('errors are Chinese sentences', async () => {
    const c = new DemoController({ stepMs: 0 });
    await expect(c.createWorkbook('nope', roster(1), () => undefined)).rejects.toThrow('没有找到评分细则「nope」');
    await expect(c.rescoreAll()).rejects.toThrow('还没有生成评分表');
    await expect(c.exportAnnex()).rejects.toThrow('还没有生成评分表');
  });
});
