import { builtinRubricIds, loadBuiltinRubric } from '../../src/rubric/catalog';
import type { Field, Indicator } from '../../src/rubric/schema';
import { runCli } from './run-cli';
import { makeConsistent } from '../../bench/random-inputs';
import type { RawValue } from '../../src/scoring/values';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Template {
  rubric: string;
  version: string;
  parameters?: Record<string, unknown>;
  units: {
    name: string;
    group: string;
    inputs: Record<string, Record<string, unknown>>;
    notApplicable: string[];
    bonus: unknown;
    fraud: unknown;
  }[];
  fields: Record<string, Record<string, string>>;
  help: string[];
}

async function template(id: string, ...extra: string[]): Promise<Template> {
  const r = await runCli(['template', id, ...extra]);
  expect(r.code).toBe(0);
  expect(r.err).toBe('');
  return JSON.parse(r.out) as Template;
}

/** A valid value for every field type (the top of the range where there is one). */
function filled(ind: Indicator, f: Field): string | number | boolean {
  switch (f.type) {
    case 'yesno':
      return '是';
    case 'count':
      return 3;
    case 'number':
      // 朝阳's office-set item points: 16 × 6.25 = 100, the annex's total
      return f.id === 'max' ? 6.25 : 5;
    case 'percent':
      return '90%';
    case 'choice':
      return f.options[0];
    case 'score':
      return ind.points === null ? 6.25 : ind.points;
  }
}

describe.each(builtinRubricIds.map((id) => [id]))('template %s', (id) => {
  const rubric = loadBuiltinRubric(id);
  const indicators = rubric.categories.flatMap((c) => c.indicators);

  it('has one skeleton unit with every input null', async () => {
    const t = await template(id);
    // 朝阳 (1.3.0) has office-set parameters, one null per value to set.
    expect(Object.keys(t)).toEqual(['rubric', 'version', ...(rubric.parameters ? ['parameters'] : []), 'units', 'fields', 'help']);
    expect(t.rubric).toBe(id);
    expect(t.version).toBe(rubric.version);
    expect(t.units).toHaveLength(1);
    const u = t.units[0];
    expect(u).toMatchObject({ name: '单位名称', group: rubric.ranking.groups[0].id, notApplicable: [], bonus: null, fraud: false });
    expect(Object.keys(u.inputs)).toEqual(indicators.map((i) => i.id));
    for (const ind of indicators) expect(u.inputs[ind.id]).toEqual(Object.fromEntries(ind.fields.map((f) => [f.id, null])));
  });

  it('labels every field with its Chinese label, type and allowed values', async () => {
    const t = await template(id);
    expect(Object.keys(t.fields)).toEqual(indicators.map((i) => i.id));
    for (const ind of indicators)
      for (const f of ind.fields) {
        const label = t.fields[ind.id][f.id];
        expect(label).toContain(`【${ind.id} ${ind.name}】${f.label} (${f.type}, `);
        if (f.type === 'choice') for (const o of f.options) expect(label).toContain(`「${o}」`);
        if (f.hint) expect(label).toContain(f.hint);
      }
  });

  it('scores once filled; scores as incomplete (never 0) when not', async () => {
    const t = await template(id);
    const dir = mkdtempSync(join(tmpdir(), 'credit-score-template-'));
    const blankFile = join(dir, 'blank.json');
    writeFileSync(blankFile, JSON.stringify(t));
    const blank = await runCli(['score', id, blankFile, '--json']);
    expect(blank.code).toBe(0);
    const b = JSON.parse(blank.out) as { units: { final: number | null; problems: string[] }[] };
    expect(b.units[0].final).toBeNull();
    expect(b.units[0].problems.length).toBeGreaterThan(0);

    for (const ind of indicators) {
      for (const f of ind.fields) t.units[0].inputs[ind.id][f.id] = filled(ind, f);
      makeConsistent(ind, t.units[0].inputs[ind.id] as Record<string, RawValue>); // e.g. no share where there is no severe enterprise
    }
    // 朝阳's item points, set once: 16 × 6.25 = 100, the annex's total
    if (t.parameters) for (const key of Object.keys(t.parameters)) t.parameters[key] = 6.25;
    // a rubric with its own roster (衡东) expects one of its units
    if (rubric.defaultRoster) t.units[0].name = rubric.defaultRoster[0].name;
    const fullFile = join(dir, 'full.json');
    writeFileSync(fullFile, JSON.stringify(t));
    const full = await runCli(['score', id, fullFile, '--json']);
    expect(full.code).toBe(0);
    const s = JSON.parse(full.out) as { units: { final: number | null; rank: number | null; problems: string[] }[] };
    // a single unit is at once top and bottom of its group (朝阳 honours and criticism): that notice only
    expect(s.units[0].problems.filter((p) => !p.includes('同时处于前列与后列'))).toEqual([]);
    expect(typeof s.units[0].final).toBe('number');
    expect(s.units[0].rank).toBe(1);
  });
});

describe('template labels', () => {
  it('gives the score range of a manual item, and names the office-set maximum for 朝阳', async () => {
    const hd = await template('hengdong-2020-members');
    expect(hd.fields['三.2'].score).toBe('【三.2 信用信息归集与报送情况】得分 (score, 0–25)');
    expect(hd.fields['五'].commitments).toBe('【五 信用承诺】实施信用承诺并实现网上公示的项数 (count, 非负整数，单位：项)');
    expect(hd.fields['八'].share).toContain('(percent, 0–100，如 85 或 85%)；如 75%；本行业无严重失信企业时可不填');
    const cy = await template('chaoyang-2020-method');
    // 1.3.0: the points are a parameter set once (parameters / --param), not a field of every unit.
    expect(cy.fields['1'].score).toBe('【1 信用制度落实】得分 (score, 0–参数「points-1」)');
    expect(cy.fields['1'].max).toBeUndefined();
    expect(cy.parameters!['points-1@县区']).toBeNull();
    expect(cy.help.join('\n')).toContain('「创新奖」（5 分）');
    expect(cy.help.join('\n')).toContain('「成员单位」');
    expect(cy.help.join('\n')).toContain('「县区」');
  });

  it('--roster lists the rubric roster (衡东 附件1, 36 units)', async () => {
    const t = await template('hengdong-2020-members', '--roster');
    expect(t.units).toHaveLength(36);
    expect(t.units[0].name).toBe('县发改局');
    expect(new Set(t.units.map((u) => u.name)).size).toBe(36);
    // each unit has its own inputs object
    expect(t.units[0].inputs).not.toBe(t.units[1].inputs);
  });

  it('--roster on a rubric without a roster is an error', async () => {
    const r = await runCli(['template', 'bozhou-2017-counties', '--roster']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/没有自带单位名单/);
  });
});
