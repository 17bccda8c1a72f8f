/**
 * The blank scoring workbook as a file, read back with SheetJS and from its XML: sheets in order,
 * names over each block, hidden helpers, the very hidden meta sheet, merges, validation with
 * Chinese prompts, the 汇总 table, print setup, and protection only when asked for.
 */
import * as XLSX from '@e965/xlsx';
import { definedNameFor, META_SHEET } from '../../src/layout/plan';
import { readMetaColumn } from '../../src/layout/meta';
import { planWorkbook } from '../../src/layout/workbook-plan';
import { builtinRubricIds, loadBuiltin } from '../../src/rubric/catalog';
import { excelValidation } from '../../src/xlsx/apply-plan';
import { blankWorkbook } from '../../src/xlsx/blank-workbook';
import { formulaCells, overlappingValidations, readBook, sheetXml, zipParts } from './helpers';

const rosterOf = (id: string) => {
  const g = loadBuiltin(id).rubric.ranking.groups;
  return ['甲单位', '乙单位', '丙单位'].map((name, i) => ({ name, group: g[i % g.length].id }));
};

describe.each(builtinRubricIds)('blank workbook of %s', (id) => {
  const loaded = loadBuiltin(id);
  const plan = planWorkbook(loaded, rosterOf(id), '2026-11-24T00:00:00Z');
  let book: XLSX.WorkBook;
  let parts: Map<string, string>;
  let sheets: Map<string, string>;

  beforeAll(async () => {
    const { buffer } = await blankWorkbook(loaded, rosterOf(id), { createdAt: '2026-11-24T00:00:00Z' });
    book = readBook(buffer);
    parts = zipParts(buffer);
    sheets = sheetXml(parts);
  });

  it('has the planned sheets in order, then the very hidden meta sheet holding the metadata', () => {
    expect(book.SheetNames).toEqual([...plan.sheets.map((s) => s.name), META_SHEET]);
    const hidden = book.Workbook!.Sheets!.map((s) => s.Hidden);
    expect(hidden).toEqual([...plan.sheets.map(() => 0), 2]);
    const column = XLSX.utils.sheet_to_json<string[]>(book.Sheets[META_SHEET], { header: 1 }).map((r) => r[0] ?? null);
    const meta = readMetaColumn(column);
    expect(meta.ok && meta.meta).toEqual(plan.meta);
  });

  it('has no formula anywhere', () => {
    expect(formulaCells(book)).toEqual([]);
  });

  it('names every managed block CS_<key>, and repeats the header rows when printing', () => {
    const names = book.Workbook!.Names!;
    for (const s of plan.sheets) {
      const n = names.find((x) => x.Name === definedNameFor(s.key));
      expect(n?.Ref).toBe(`'${s.name}'!$A$1:$${XLSX.utils.encode_col(s.block.cols - 1)}$${s.block.rows}`);
    }
    const titles = names.filter((n) => n.Name === '_xlnm.Print_Titles');
    for (const s of plan.sheets.filter((x) => x.printTitleRows)) {
      const t = titles.find((x) => x.Sheet === plan.sheets.indexOf(s));
      expect(t?.Ref).toBe(`'${s.name}'!$${s.printTitleRows![0] + 1}:$${s.printTitleRows![1] + 1}`);
    }
  });

  it('hides the role row and the key column, keeps widths, merges and row heights', () => {
    for (const s of plan.sheets.filter((x) => x.kind === 'unit' || x.kind === 'summary' || x.kind === 'rank')) {
      const ws = book.Sheets[s.name];
      expect(ws['!rows']?.[0]?.hidden).toBe(true);
      const cols = ws['!cols']!;
      const xmlCols = [...sheets.get(s.name)!.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)].map((m) =>
        m.slice(1).map(Number),
      );
      s.columns.forEach((c, i) => {
        expect(Boolean(cols[i]?.hidden)).toBe(Boolean(c.hidden));
        // exceljs leaves out columns of its default width 9; the sheet's default width is then 9.
        const width =
          xmlCols.find(([min, max]) => min <= i + 1 && i + 1 <= max)?.[2] ??
          Number(/defaultColWidth="([\d.]+)"/.exec(sheets.get(s.name)!)?.[1]);
        expect(width).toBe(c.width);
      });
      expect(ws['!merges']?.length).toBe(s.merges.length);
    }
    const unit = plan.sheets.find((s) => s.kind === 'unit')!;
    const ws = book.Sheets[unit.name];
    const merged = ws['!merges']!.map((m) => XLSX.utils.encode_range(m));
    expect(merged).toEqual(
      expect.arrayContaining(
        unit.merges.map((m) => XLSX.utils.encode_range({ s: { r: m.fromRow, c: m.fromCol }, e: { r: m.toRow, c: m.toCol } })),
      ),
    );
  });

  it('prints on A4 fitted to the page width, with the document number and page numbers', () => {
    for (const s of plan.sheets) {
      const xml = sheets.get(s.name)!;
      expect(xml).toMatch(/<pageSetup paperSize="9"/);
      expect(xml).toContain(`orientation="${s.landscape ? 'landscape' : 'portrait'}"`);
      expect(xml).toMatch(/fitToWidth="1"/);
      expect(xml).toMatch(/fitToHeight="0"/);
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      // Unit sheets count their own planned pages (第 N 页 共 M 页 per sheet); the others the workbook's.
      expect(xml).toContain(s.pages ? `第 &amp;P 页 共 ${s.pages} 页` : '第 &amp;P 页 共 &amp;N 页');
      // Each page names its sheet (the unit, 汇总, 排名, 细则说明) and the 文号.
      const unitName = plan.meta.units.find((u) => u.key === s.key)?.name ?? s.name;
      expect(xml).toContain(`<oddHeader>&amp;L${[unitName, loaded.rubric.documentNumber].filter(Boolean).join('　')}</oddHeader>`);
      if (s.freezeRows) expect(xml).toContain(`ySplit="${s.freezeRows}"`);
    }
  });

  it('puts data validation with Chinese prompts and messages on the input cells', () => {
    const unit = plan.sheets.find((s) => s.kind === 'unit')!;
    const xml = sheets.get(unit.name)!;
    const validations = [...xml.matchAll(/<dataValidation\b[^>]*?(\/>|>[\s\S]*?<\/dataValidation>)/g)].map((m) => m[0]);
    expect(validations.length).toBeGreaterThan(0);
    const withRule = unit.cells.filter((c) => c.validation);
    for (const c of withRule) {
      const addr = XLSX.utils.encode_cell({ r: c.row, c: c.col });
      const dv = validations.find((v) => new RegExp(`sqref="([^"]* )?${addr}(:| |")`).test(v) || sqrefCovers(v, c.row, c.col));
      expect(dv).toBeDefined();
      expect(dv).toContain(`type="${c.validation!.kind}"`);
      expect(dv).toContain('errorTitle="请核对输入"');
      if (c.prompt) expect(dv).toContain('promptTitle="填写说明"');
    }
    for (const x of sheets.values()) expect(overlappingValidations(x)).toEqual([]);
    if (withRule.some((c) => c.validation!.kind === 'list'))
      expect(xml).toMatch(/<formula1>"是,否"<\/formula1>|<formula1>&quot;是,否&quot;<\/formula1>/);
  });

  it('makes 汇总 an Excel table', () => {
    const tables = [...parts.keys()].filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p));
    expect(tables).toHaveLength(1);
    const xml = parts.get(tables[0])!;
    expect(xml).toContain('name="CS_SummaryTable"');
    const t = plan.sheets.find((s) => s.kind === 'summary')!.tables[0];
    expect(xml).toContain(`ref="${XLSX.utils.encode_range({ s: { r: t.firstRow, c: t.firstCol }, e: { r: t.lastRow, c: t.lastCol } })}"`);
    expect(sheets.get('汇总')).toContain('<tablePart ');
  });

  it('does not protect sheets unless asked', () => {
    for (const xml of sheets.values()) expect(xml).not.toContain('<sheetProtection');
  });
});

/** True when a validation's sqref (space-separated cells and ranges) covers the cell. */
function sqrefCovers(dv: string, row: number, col: number): boolean {
  const sqref = /sqref="([^"]+)"/.exec(dv)?.[1] ?? '';
  return sqref.split(' ').some((ref) => {
    const r = XLSX.utils.decode_range(ref);
    return row >= r.s.r && row <= r.e.r && col >= r.s.c && col <= r.e.c;
  });
}

describe('protection (protectComputed)', () => {
  it('protects every sheet without a password; input cells stay unlocked, computed cells locked', async () => {
    const loaded = loadBuiltin('hegang-2022-counties');
    const { buffer, plan } = await blankWorkbook(loaded, [{ name: '萝北县', group: '县区' }], { protectComputed: true });
    const parts = zipParts(buffer);
    const sheets = sheetXml(parts);
    for (const xml of sheets.values()) {
      expect(xml).toMatch(/<sheetProtection sheet="1"/);
      expect(xml).not.toMatch(/hashValue|password=/);
    }
    const xfs = [...(parts.get('xl/styles.xml') ?? '').split('<cellXfs')[1].matchAll(/<xf\b[^>]*?(\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    const unit = plan.sheets.find((s) => s.kind === 'unit')!;
    const xml = sheets.get(unit.name)!;
    const styleOf = (row: number, col: number) =>
      Number(new RegExp(`<c r="${XLSX.utils.encode_cell({ r: row, c: col })}" s="(\\d+)"`).exec(xml)?.[1]);
    const input = unit.cells.find((c) => c.style === 'input')!;
    const output = unit.cells.find((c) => c.style === 'output')!;
    expect(xfs[styleOf(input.row, input.col)]).toContain('locked="0"');
    expect(xfs[styleOf(output.row, output.col)]).not.toContain('locked="0"');
  });
});

describe('excelValidation', () => {
  it('turns the layout’s rules into Excel validations with Chinese messages, never stopping the user', () => {
    expect(excelValidation({ kind: 'list', options: ['是', '否'] }, '填“是”或“否”')).toMatchObject({
      type: 'list',
      formulae: ['"是,否"'],
      errorStyle: 'warning',
      error: '请从下拉列表中选择：是、否',
      prompt: '填“是”或“否”',
      showInputMessage: true,
    });
    expect(excelValidation({ kind: 'whole', min: 0 }, undefined)).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      error: '请填写不小于 0 的整数',
      showInputMessage: false,
    });
    expect(excelValidation({ kind: 'decimal', min: 0, max: 2.5 }, 'x')).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 2.5],
      error: '请填写 0 到 2.5 之间的数值',
    });
    expect([...(excelValidation({ kind: 'decimal', min: 0 }, '长'.repeat(300)).prompt ?? '')].length).toBe(255);
  });
});
