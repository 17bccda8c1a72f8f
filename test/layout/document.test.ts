/**
 * The annex as a document an assessor can sign (issue 12): never final-looking while unfinished,
 * the document's own table columns, readable print (no text taller than its row, no printed text
 * under 9 pt after fit-to-width), each page naming its unit, result rows with their table, and a
 * modified embedded rubric reported rather than silently used.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANNEX_STYLES, lineCount, planAnnex, rowHeightFor, type AnnexSheetPlan } from '../../src/layout/annex-plan';
import { documentState, notFinalReason, stateSummary } from '../../src/layout/document-state';
import { planWorkbook } from '../../src/layout/workbook-plan';
import { MIN_PRINTED_PT, printScale, pageBreaks } from '../../src/layout/print';
import { STYLES } from '../../src/layout/styles';
import { parseUnitsData } from '../../src/cli/units-file';
import { builtinRubricIds, loadBuiltin } from '../../src/rubric/catalog';
import { checkEmbedded, rubricDifferences } from '../../src/rubric/compare';
import { parseRubricText } from '../../src/rubric/load';
import { scoreRoster } from '../../src/scoring/score';
import type { UnitInput } from '../../src/scoring/types';
import { annexUnits } from '../../src/xlsx/annex';
import { applyPlan } from '../../src/xlsx/apply-plan';
import { toArrayBuffer } from '../../src/xlsx/exceljs';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { readBook, sampleInputs, sheetXml, zipParts } from '../xlsx/helpers';

const DATE = '2026年11月24日';
const ROOT = join(__dirname, '..', '..');

/** 衡东's 36 member units (附件1), two of them filled from examples/ (complete), 34 untouched. */
function hengdong36() {
  const { rubric } = loadBuiltin('hengdong-2020-members');
  const filled = parseUnitsData(
    JSON.parse(readFileSync(join(ROOT, 'examples', 'hengdong-2020-members.json'), 'utf8')),
    'examples',
  ).units.slice(0, 2);
  const units: UnitInput[] = rubric.defaultRoster!.map((u) => filled.find((f) => f.name === u.name) ?? { name: u.name, group: u.group });
  expect(units.filter((u) => u.inputs).length).toBe(2);
  return { rubric, units, result: scoreRoster(rubric, units) };
}

describe('draft vs final (12.1)', () => {
  it('a 36-unit 衡东 roster with 2 filled is a draft: every sheet says 草稿 in its title block and page header, ranks 暂定', () => {
    const { rubric, units, result } = hengdong36();
    const state = documentState(result);
    // 2 complete, 34 with nothing filled; the two ranked units' ranks may still change.
    expect(state).toMatchObject({
      final: false,
      total: 36,
      completed: 2,
      incomplete: 34,
      withErrors: 0,
      empty: 34,
      provisionalRanks: true,
      ranked: 2,
    });
    expect(state.mark).toBe('草稿：36 个单位中 34 个未完成，名次为暂定');
    const plan = planAnnex(rubric, annexUnits(units, result.units), { date: DATE });
    // The 34 empty units are in 汇总 only: 汇总, 排名 and the two filled units' tables.
    expect(plan.sheets.map((s) => s.name)).toEqual(['汇总', '排名', '县发改局', '县市监局']);
    for (const s of plan.sheets) {
      expect(s.headerCenter).toBe(state.mark);
      const titleBlock = s.cells.filter((c) => c.row < (s.printTitleRows?.[0] ?? 4)).map((c) => c.value);
      expect(titleBlock).toContain(state.mark);
    }
    const ranks = plan.sheets.flatMap((s) => s.cells).filter((c) => typeof c.value === 'string' && /^\d+（暂定）$/.test(c.value));
    // 县发改局 1 and 县市监局 2 on 汇总, 排名 and their own sheets (the result line and the 名次 row).
    expect(ranks.length).toBeGreaterThanOrEqual(6);
    expect(
      plan.sheets.flatMap((s) => s.cells).some((c) => typeof c.value === 'number' && c.style === 'number' && /名次/.test(String(c.value))),
    ).toBe(false);
    expect(notFinalReason(state)).toBe('不能生成终稿：34 个单位未完成；请补齐、更正后再试，或去掉 --final 生成草稿。');
    expect(stateSummary(state)).toBe(
      '草稿：共 36 个单位，已完成 2 个，未完成 34 个（其中 34 个未填写任何内容），有输入错误 0 个；名次为暂定（尚有单位未得出总分）。',
    );
    // --all-units keeps a table for each of them.
    expect(planAnnex(rubric, annexUnits(units, result.units), { date: DATE, allUnits: true }).sheets.length).toBe(38);
  });

  it('every printed page of the draft annex shows 草稿 and 暂定 (LibreOffice PDF)', async () => {
    const { rubric, units, result } = hengdong36();
    const { annexBuffer } = await import('../../src/xlsx/annex');
    const buffer = Buffer.from(await annexBuffer(rubric, annexUnits(units, result.units), { date: DATE }));
    // 汇总 links each printed unit (roster rows 1 and 24) to its table: in-document links (a location, no external target), no formula.
    const summaryXml = sheetXml(zipParts(buffer)).get('汇总')!;
    expect([...summaryXml.matchAll(/<hyperlink [^>]*\/>/g)].map((m) => m[0])).toEqual([
      '<hyperlink ref="B5" tooltip="转到「县发改局」" location="&apos;县发改局&apos;!A1"/>',
      '<hyperlink ref="B28" tooltip="转到「县市监局」" location="&apos;县市监局&apos;!A1"/>',
    ]);
    expect(summaryXml).not.toContain('<f>');
    const { pdfPages } = await import('./pdf');
    const pages = pdfPages(buffer, 'draft36');
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const text of pages) {
      expect(text).toContain('草稿');
      expect(text).toContain('暂定');
    }
    // LibreOffice breaks the pages where the plan does and nowhere else (the plan's heights are
    // pessimistic), so each sheet's footer count (第 N 页 共 M 页, per sheet) is right.
    const plan = planAnnex(rubric, annexUnits(units, result.units), { date: DATE });
    const planned = plan.sheets.flatMap((s) => Array.from({ length: s.pages! }, (_, i) => `第${i + 1}页共${s.pages}页`));
    expect(pages.map((t) => /第\d+页共\d+页/.exec(t)?.[0])).toEqual(planned);
  }, 120_000);

  it('a unit with an input error makes a draft that says so, and --final names it', () => {
    const { rubric } = loadBuiltin('hengdong-2020-members');
    const units = parseUnitsData(
      JSON.parse(readFileSync(join(ROOT, 'examples', 'hengdong-2020-members.json'), 'utf8')),
      'examples',
    ).units.slice(0, 3);
    // 「七份」 is no count: the unit's item 六 is an input error.
    const six = rubric.categories.find((c) => c.number === '六')!.indicators[0];
    units[2] = { ...units[2], inputs: { ...units[2].inputs, [six.id]: { [six.fields[0].id]: '七份' } } };
    const state = documentState(scoreRoster(rubric, units));
    expect(state).toMatchObject({ final: false, completed: 2, incomplete: 0, withErrors: 1 });
    expect(state.mark).toBe('草稿：3 个单位中 1 个有输入错误，名次为暂定');
    expect(notFinalReason(state)).toBe('不能生成终稿：1 个单位有输入错误；请补齐、更正后再试，或去掉 --final 生成草稿。');
  });

  it('a complete roster without errors is final: no mark, plain ranks', () => {
    const { rubric } = loadBuiltin('hengdong-2020-members');
    const units = parseUnitsData(
      JSON.parse(readFileSync(join(ROOT, 'examples', 'hengdong-2020-members.json'), 'utf8')),
      'examples',
    ).units.slice(0, 4);
    const result = scoreRoster(rubric, units);
    const state = documentState(result);
    expect(state).toMatchObject({ final: true, mark: '终稿', completed: 4 });
    expect(notFinalReason(state)).toBeNull();
    const plan = planAnnex(rubric, annexUnits(units, result.units), { date: DATE });
    for (const s of plan.sheets) expect(s.headerCenter).toBeUndefined();
    expect(plan.sheets.flatMap((s) => s.cells).some((c) => typeof c.value === 'string' && c.value.includes('暂定'))).toBe(false);
  });
});

describe.each(builtinRubricIds)('the document’s own table and the printed page: %s', (id) => {
  const { rubric } = loadBuiltin(id);
  const groups = rubric.ranking.groups;
  const names = ['一号单位', '二号单位', '三号单位', '四号单位'].map((name, i) => ({ name, group: groups[i % groups.length].id }));
  const inputs = sampleInputs(rubric, names, 7);
  const result = scoreRoster(rubric, inputs);
  const plan = planAnnex(rubric, annexUnits(inputs, result.units), { date: DATE });

  it('the working unit sheet shows exactly the declared columns plus the tool’s', () => {
    const wb = planWorkbook(loadBuiltin(id), names);
    const unit = wb.sheets.find((s) => s.kind === 'unit')!;
    const headers = unit.cells
      .filter((c) => c.row === 3 && c.style === 'header')
      .sort((a, b) => a.col - b.col)
      .map((c) => c.value);
    const declared = rubric.table!.columns.map((c) => c.header);
    const d = rubric.table!.columns.findIndex((c) => c.from === 'deduction');
    expect(headers).toEqual(
      d >= 0
        ? [...declared.slice(0, d), '填报项目', '填写值', '得分', ...declared.slice(d), '计分说明']
        : [...declared, '填报项目', '填写值', '得分', '计分说明'],
    );
  });

  it('says nothing about the tool on an official page', () => {
    for (const s of plan.sheets) for (const c of s.cells) expect(String(c.value ?? '')).not.toMatch(/任务窗格|文件未给出/);
    expect(plan.sheets[0].cells.some((c) => c.value === '考核结果汇总表')).toBe(true);
    // 汇总 and 排名 carry no 附件 number of the document's.
    expect(
      plan.sheets
        .slice(0, 2)
        .flatMap((s) => s.cells)
        .some((c) => typeof c.value === 'string' && /^附件/.test(c.value)),
    ).toBe(false);
  });

  it('every page header names its unit (or 汇总 / 排名) and the 文号', () => {
    for (const s of plan.sheets) {
      const what = s.kind === 'unit' ? s.name : s.kind === 'summary' ? '汇总' : '排名';
      expect(s.header).toBe([what, rubric.documentNumber].filter(Boolean).join('　'));
    }
  });

  it('prints every text at 9 pt or more after fit-to-width scaling (A4)', () => {
    for (const s of plan.sheets) {
      const scale = printScale(
        s.columns.map((c) => c.width),
        s.landscape,
      );
      const smallest = Math.min(...s.cells.filter((c) => c.value !== null && c.value !== '').map((c) => ANNEX_STYLES[c.style].font.size));
      expect({ sheet: s.name, printed: Math.round(smallest * scale * 100) / 100 }).toEqual({ sheet: s.name, printed: expect.any(Number) });
      expect(smallest * scale).toBeGreaterThanOrEqual(MIN_PRINTED_PT);
    }
  });

  it('no wrapped text is taller than its row (or its merged rows)', () => {
    for (const s of plan.sheets) expect(overflowing(s)).toEqual([]);
  });

  it('keeps a unit’s result rows on the page that ends its table', () => {
    for (const s of plan.sheets.filter((x) => x.kind === 'unit')) {
      const finalRow = s.cells.find((c) => c.value === '最终得分')!.row;
      const lastRow = s.block.rows - 1;
      // No break between the table's last item and the last result row.
      const firstFoot = s.cells.find((c) => c.col === 0 && c.style === 'footLabel')!.row;
      expect((s.rowBreaks ?? []).filter((r) => r > firstFoot - 1 && r <= lastRow)).toEqual([]);
      expect(finalRow).toBeGreaterThan(firstFoot - 1);
    }
  });
});

/** Text cells whose wrapped lines need more height than their row(s) give. */
function overflowing(s: AnnexSheetPlan): string[] {
  const width = (from: number, to: number) => s.columns.slice(from, to + 1).reduce((sum, c) => sum + c.width, 0);
  const height = (from: number, to: number) => {
    let h = 0;
    for (let r = from; r <= to; r++) h += s.rowHeights[r] ?? 15;
    return h;
  };
  const bad: string[] = [];
  for (const c of s.cells) {
    if (typeof c.value !== 'string' || !c.value) continue;
    const style = ANNEX_STYLES[c.style];
    const m = s.merges.find((x) => x.fromRow === c.row && x.fromCol === c.col);
    const w = m ? width(m.fromCol, m.toCol) : width(c.col, c.col);
    const h = m ? height(m.fromRow, m.toRow) : height(c.row, c.row);
    const pt = style.font.size;
    const need = style.wrap ? rowHeightFor(lineCount(c.value, w, pt), pt) : rowHeightFor(1, pt);
    if (need > h + 0.5) bad.push(`${s.name}!${c.row + 1}:${c.col + 1} needs ${need} pt, has ${h} (${c.value.slice(0, 20)})`);
  }
  return bad;
}

describe('page breaks', () => {
  it('moves a block that does not fit to the next page whole', () => {
    // 30 rows of 20 pt on a landscape page (487 − 6 pt usable at scale 1): rows 0–23 fit.
    const heights = Array(30).fill(20);
    expect(pageBreaks(heights, 1, true, 0)).toEqual([24]);
    // Rows 22–25 must stay together: the page breaks before 22.
    expect(pageBreaks(heights, 1, true, 0, [[22, 25]])).toEqual([22]);
  });
});

describe('the working workbook prints too (12.6)', () => {
  it('细则说明 names what each note is about in words, without internal ids, with room for the whole text', () => {
    const loaded = loadBuiltin('hengdong-2020-members');
    const info = planWorkbook(loaded, loaded.rubric.defaultRoster!).sheets.find((s) => s.kind === 'info')!;
    const labels = info.cells.filter((c) => c.col === 0).map((c) => String(c.value));
    for (const n of loaded.rubric.notes) expect(labels.some((l) => l.includes(`（${n.about}）`) || l.includes(n.id))).toBe(false);
    expect(labels).toContain('1. 总体');
    for (const c of info.cells.filter((x) => x.col === 1 && typeof x.value === 'string'))
      expect(info.rowHeights[c.row] ?? 15).toBeGreaterThanOrEqual(rowHeightFor(lineCount(String(c.value), info.columns[1].width)));
  });

  it('汇总’s header row and group labels have rows tall enough for their wrapped text', () => {
    const loaded = loadBuiltin('pingdingshan-2020-counties');
    const roster = loaded.rubric.ranking.groups.map((g, i) => ({ name: `单位${i + 1}`, group: g.id }));
    const summary = planWorkbook(loaded, roster).sheets.find((s) => s.kind === 'summary')!;
    for (const c of summary.cells.filter((x) => x.row >= 3 && typeof x.value === 'string' && x.style !== 'key' && x.style !== 'role')) {
      const w = summary.columns[c.col].width;
      const pt = STYLES[c.style].font.size;
      expect(summary.rowHeights[c.row] ?? 15).toBeGreaterThanOrEqual(rowHeightFor(lineCount(String(c.value), w, pt), pt) - 6);
    }
  });
});

describe('the working workbook’s pages in LibreOffice', () => {
  it('a unit sheet breaks where planned, its footer counting its own pages', async () => {
    const loaded = loadBuiltin('hegang-2022-counties');
    const plan = planWorkbook(loaded, [{ name: '萝北县', group: '县区' }]);
    const unit = plan.sheets.find((s) => s.kind === 'unit')!;
    const { pdfPages } = await import('./pdf');
    const pages = pdfPages(Buffer.from(await toArrayBuffer(await applyPlan(plan))), 'workbook');
    const own = pages.filter((t) => t.includes('萝北县鹤信用办发'));
    expect(own.map((t) => /第\d+页共\d+页/.exec(t)?.[0])).toEqual(
      Array.from({ length: unit.pages! }, (_, i) => `第${i + 1}页共${unit.pages}页`),
    );
  }, 120_000);
});

describe('embedded rubric checked (12.8)', () => {
  const shipped = loadBuiltin('hengdong-2020-members');
  // A softened rule under the same id and version: 六 信用报告 gives 1 分 per report instead of 0.5.
  const tamperedJson = JSON.stringify(shipped.rubric).replace('"每使用1份信用报告得0.5分', '"每使用1份信用报告得1分');
  const tamperedRubric = JSON.parse(tamperedJson);
  const six = tamperedRubric.categories.find((c: { number: string }) => c.number === '六').indicators[0];
  six.rule = { ...six.rule, rate: 1 };
  const parsed = parseRubricText(JSON.stringify(tamperedRubric), 'test');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors[0]));
  const tampered = parsed.value;

  it('lists what differs in Chinese', () => {
    expect(tampered.rubric.version).toBe(shipped.rubric.version);
    expect(tampered.hash).not.toBe(shipped.hash);
    const diff = rubricDifferences(shipped.rubric, tampered.rubric);
    expect(diff).toEqual([
      expect.stringMatching(/^指标 六「.+」：评分标准由「.*得0\.5分.*」改为「.*得1分.*」$/),
      '指标 六「信用报告」：评分规则每个得分由 0.5 改为 1',
    ]);
    expect(checkEmbedded(tampered, shipped)).toEqual({ kind: 'modified', differences: diff });
    expect(checkEmbedded(shipped, shipped).kind).toBe('same');
  });

  async function tamperedWorkbook(): Promise<ArrayBuffer> {
    const roster = shipped.rubric.defaultRoster!.slice(0, 2);
    return toArrayBuffer(await applyPlan(planWorkbook(tampered, roster)));
  }

  it('is reported and not used by default; --use-embedded uses it and marks every output', async () => {
    const buffer = await tamperedWorkbook();
    const out = await scoreFilledWorkbook(buffer, { date: DATE });
    expect(out.rubricHash).toBe(shipped.hash);
    expect(
      out.workbookProblems.some(
        (p) => p.severity === 'error' && p.message.startsWith('本工作簿内嵌的评分细则与 hengdong-2020-members 1.1.0 不一致：指标 六'),
      ),
    ).toBe(true);
    expect(out.state.notices).toEqual(['本工作簿内嵌的评分细则与 hengdong-2020-members 1.1.0 不一致，按内置细则计分']);
    const annexHeaders = [...sheetXml(zipParts(out.annex)).values()].map((x) => /<oddHeader>(.*?)<\/oddHeader>/.exec(x)?.[1] ?? '');
    for (const h of annexHeaders) expect(h).toContain('本工作簿内嵌的评分细则与 hengdong-2020-members 1.1.0 不一致');

    const embedded = await scoreFilledWorkbook(buffer, { date: DATE, useEmbedded: true });
    expect(embedded.rubricHash).toBe(tampered.hash);
    expect(embedded.state.notices).toEqual(['本工作簿内嵌的评分细则与 hengdong-2020-members 1.1.0 不一致，按内嵌细则计分']);
    const scoredHeaders = readBook(embedded.scored).SheetNames.length;
    expect(scoredHeaders).toBeGreaterThan(0);
    const xml = [...sheetXml(zipParts(embedded.scored)).values()].filter((x) => x.includes('<oddHeader>'));
    for (const x of xml) expect(x).toContain('按内嵌细则计分');
  });
});
