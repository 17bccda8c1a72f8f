/**
 * The official annex as a file: a clean document (nothing hidden, no validation, no key column, no
 * metadata, no formula), print-ready (A4, header rows repeated, fitted to the page width, page
 * numbers, document number and date in the header), in official-document fonts.
 */
import * as XLSX from '@e965/xlsx';
import { ANNEX_FONTS, ANNEX_STYLES, chineseDate, lineCount, planAnnex, showRaw } from '../../src/layout/annex-plan';
import { builtinRubricIds, loadBuiltin } from '../../src/rubric/catalog';
import { scoreRoster } from '../../src/scoring/score';
import { annexBuffer, annexUnits } from '../../src/xlsx/annex';
import { scoreFilledWorkbook } from '../../src/xlsx/file-mode';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { formulaCells, readBook, sampleInputs, sheetXml, zipParts } from './helpers';

const DATE = '2026年11月24日';

describe.each(builtinRubricIds)('annex of %s', (id) => {
  const { rubric } = loadBuiltin(id);
  const groups = rubric.ranking.groups;
  const names = ['一号单位', '二号单位', '三号单位', '四号单位'].map((name, i) => ({ name, group: groups[i % groups.length].id }));
  const inputs = sampleInputs(rubric, names, 11);
  const result = scoreRoster(rubric, inputs);
  const plan = planAnnex(rubric, annexUnits(inputs, result.units), { date: DATE });
  let book: XLSX.WorkBook;
  let parts: Map<string, string>;
  let sheets: Map<string, string>;

  beforeAll(async () => {
    const buffer = await annexBuffer(rubric, annexUnits(inputs, result.units), { date: DATE });
    book = readBook(buffer);
    parts = zipParts(buffer);
    sheets = sheetXml(parts);
  });

  it('has 汇总, 排名 and one sheet per unit, all visible; no metadata, no names but print titles', () => {
    expect(book.SheetNames).toEqual(['汇总', '排名', ...names.map((n) => n.name)]);
    expect(book.Workbook!.Sheets!.every((s) => !s.Hidden)).toBe(true);
    expect((book.Workbook!.Names ?? []).every((n) => n.Name === '_xlnm.Print_Titles')).toBe(true);
  });

  it('is a clean document: no formula, no hidden row or column, no validation, no table, no key column', () => {
    expect(formulaCells(book)).toEqual([]);
    for (const name of book.SheetNames) {
      const ws = book.Sheets[name];
      expect((ws['!rows'] ?? []).some((r) => r?.hidden)).toBe(false);
      expect((ws['!cols'] ?? []).some((c) => c?.hidden)).toBe(false);
      const xml = sheets.get(name)!;
      expect(xml).not.toContain('<dataValidation');
      expect(xml).not.toContain('<tablePart');
      expect(xml).not.toContain('<sheetProtection');
      const texts = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 }).flat();
      expect(texts.some((v) => typeof v === 'string' && /^(i|f|c|t|u|r)\|/.test(v))).toBe(false);
      expect(texts).not.toContain('key');
    }
    expect([...parts.keys()].some((p) => p.startsWith('xl/tables/'))).toBe(false);
  });

  it('is print-ready: A4 fitted to the width, header rows on every page, page numbers, document number and date', () => {
    const titles = book.Workbook!.Names!.filter((n) => n.Name === '_xlnm.Print_Titles');
    plan.sheets.forEach((s, i) => {
      const xml = sheets.get(s.name)!;
      expect(xml).toMatch(/<pageSetup paperSize="9"/);
      expect(xml).toMatch(/fitToWidth="1"/);
      expect(xml).toMatch(/fitToHeight="0"/);
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      // The page says what it is (the unit, 汇总 or 排名) and the 文号; a draft says so in the middle.
      const what = s.kind === 'unit' ? s.name : s.kind === 'summary' ? '汇总' : '排名';
      const left = [what, rubric.documentNumber].filter(Boolean).join('　');
      const center = s.headerCenter ? `&amp;C${s.headerCenter}` : '';
      expect(xml).toContain(`<oddHeader>&amp;L${left}${center}&amp;R${DATE}</oddHeader>`);
      // Page numbers per sheet: its own pages (planned breaks + 1), numbering from 1 on each sheet.
      expect(s.pages).toBe((s.rowBreaks?.length ?? 0) + 1);
      expect(xml).toContain(`<oddFooter>&amp;C第 &amp;P 页 共 ${s.pages} 页</oddFooter>`);
      expect(xml).toMatch(/firstPageNumber="1"[^>]*useFirstPageNumber="1"/);
      expect(xml).toContain('showGridLines="0"');
      if (s.printTitleRows)
        expect(titles.find((t) => t.Sheet === i)?.Ref).toBe(`'${s.name}'!$${s.printTitleRows[0] + 1}:$${s.printTitleRows[1] + 1}`);
    });
    for (const s of plan.sheets.filter((x) => x.kind === 'unit' || x.kind === 'summary')) expect(s.printTitleRows).toBeDefined();
  });

  it('lays each unit sheet out like the document’s table: 附件N, title, the document’s columns, merged cells', () => {
    const unit = plan.sheets.find((s) => s.kind === 'unit')!;
    const ws = book.Sheets[unit.name];
    const grid = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, blankrows: true, defval: null });
    let row = 0;
    if (rubric.annex.number) expect(grid[row++][0]).toBe(`附件${rubric.annex.number}`);
    expect(grid[row][0]).toBe(rubric.annex.title);
    const header = grid.find((r) => r.includes('计分说明'))!;
    // Exactly the document's own columns (rubric.table.columns), the tool's 填报情况 / 得分 before the
    // document's 扣分 (鹤岗) or after its columns, and 计分说明 last: nothing invented, nothing dropped.
    const declared = rubric.table!.columns.map((c) => c.header);
    const deduction = rubric.table!.columns.findIndex((c) => c.from === 'deduction');
    const wanted =
      deduction >= 0
        ? [...declared.slice(0, deduction), '填报情况', '得分', ...declared.slice(deduction), '计分说明']
        : [...declared, '填报情况', '得分', '计分说明'];
    expect(header).toEqual(wanted);
    expect(ws['!merges']!.length).toBe(unit.merges.length);
    expect(ws['!merges']!.some((m) => m.s.r === row && m.s.c === 0 && m.e.c === wanted.length - 1)).toBe(true);
  });

  it('uses official-document fonts: 黑体 headings, 宋体 table text', () => {
    const styles = parts.get('xl/styles.xml')!;
    expect(styles).toContain(`<name val="${ANNEX_FONTS.heading}"/>`);
    expect(styles).toContain(`<name val="${ANNEX_FONTS.body}"/>`);
    expect(ANNEX_STYLES.title).toMatchObject({ font: { name: '黑体', bold: true }, horizontal: 'center' });
  });
});

describe('annex plan details', () => {
  it('shows typed values as they read: blanks, yes/no, units, percents', () => {
    expect(showRaw(null)).toBe('未填');
    expect(showRaw('  ')).toBe('未填');
    expect(showRaw(true)).toBe('是');
    expect(showRaw(' 是 ')).toBe('是');
    expect(showRaw(85, { id: 'p', label: '比例', type: 'percent', bare: 'percent' })).toBe('85%');
    expect(showRaw(0.855, { id: 'p', label: '比例', type: 'percent', bare: 'fraction' })).toBe('85.5%');
    expect(showRaw(12, { id: 'c', label: '篇数', type: 'count', unit: '篇' })).toBe('12 篇');
    expect(showRaw('８５%')).toBe('８５%');
  });

  it('measures wrapped text pessimistically (CJK characters two units wide)', () => {
    expect(lineCount('短', 10)).toBe(1);
    expect(lineCount('一二三四五六七八九十', 10)).toBe(3);
    expect(lineCount('甲\n乙', 10)).toBe(2);
    expect(chineseDate(new Date(2026, 10, 24))).toBe('2026年11月24日');
  });
});

describe('file mode', () => {
  it('scores a filled workbook given as an ArrayBuffer: scored workbook, annex, result, problems', async () => {
    const loaded = loadBuiltin('hegang-2022-counties');
    const { buffer } = await blankWorkbook(loaded, [{ name: '萝北县', group: '县区' }]);
    const out = await scoreFilledWorkbook(buffer, { date: DATE });
    expect(out.scored).toBeInstanceOf(ArrayBuffer);
    expect(out.annex).toBeInstanceOf(ArrayBuffer);
    expect(out.result.units.map((u) => u.name)).toEqual(['萝北县']);
    expect(out.problems.length).toBe(out.result.units[0].problems.length);
    expect(out.problems.every((p) => p.severity === 'missing')).toBe(true);
    // A unit with nothing filled is listed in 汇总, not printed as a table of 未填.
    expect(readBook(out.annex).SheetNames).toEqual(['汇总', '排名']);
    expect(out.rubricHash).toBe(loaded.hash);
  });
});
