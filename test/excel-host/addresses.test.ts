/** A1 parsing/formatting, sheet-name quoting, formula reference rewriting. */
import {
  colToLetters,
  formatRect,
  formatSheetName,
  lettersToCol,
  looksLikeCellReference,
  parseAddress,
  qualifiedAddress,
} from './addresses';
import { deleteSheetInFormula, parseReferenceFormula, renameSheetInFormula, shiftFormula } from './formula-refs';

test('column letters round-trip', () => {
  for (const [n, s] of [
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ] as const) {
    expect(colToLetters(n)).toBe(s);
    expect(lettersToCol(s)).toBe(n);
  }
});

test('parses cells, areas, whole rows/columns and sheet prefixes', () => {
  expect(parseAddress('B7').rect).toEqual({ row: 6, col: 1, rowCount: 1, colCount: 1 });
  expect(parseAddress('$D$9:b2').rect).toEqual({ row: 1, col: 1, rowCount: 8, colCount: 3 });
  expect(formatRect(parseAddress('5:7').rect)).toBe('5:7');
  expect(formatRect(parseAddress('C:D').rect)).toBe('C:D');
  expect(parseAddress("'县 公安局'!A1")).toMatchObject({ sheet: '县 公安局' });
  expect(parseAddress("'It''s'!A1")).toMatchObject({ sheet: "It's" });
  expect(parseAddress('汇总!B2:C3')).toMatchObject({ sheet: '汇总', rect: { row: 1, col: 1 } });
  for (const bad of ['', 'A0', 'XFE1', 'A1048577', 'A1:B2:C3', 'hello', 'A1,B2'])
    expect(() => parseAddress(bad)).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
});

test('sheet names are quoted only when Excel quotes them', () => {
  expect(formatSheetName('Sheet1')).toBe('Sheet1');
  expect(formatSheetName('汇总')).toBe('汇总');
  expect(formatSheetName('县 公安局')).toBe("'县 公安局'");
  expect(formatSheetName('2024')).toBe("'2024'");
  expect(formatSheetName('A1')).toBe("'A1'");
  expect(formatSheetName("O'Neil")).toBe("'O''Neil'");
  expect(formatSheetName('a-b')).toBe("'a-b'");
  expect(qualifiedAddress('县 公安局', parseAddress('A1').rect)).toBe("'县 公安局'!A1");
  expect(qualifiedAddress('Sheet1', parseAddress('B2:D9').rect, true)).toBe('Sheet1!$B$2:$D$9');
});

test('cell-reference look-alikes', () => {
  for (const n of ['A1', 'xfd1048576', 'R1C1', 'R', 'C', 'RC', 'r2c3', 'C12']) expect(looksLikeCellReference(n)).toBe(true);
  for (const n of ['A1B', 'XFE1', 'Score', '_A1', 'R1C1X', 'AAAA1']) expect(looksLikeCellReference(n)).toBe(false);
});

describe('formula reference rewriting', () => {
  const insertRow = (sheet: string, at: number, count = 1) => ({
    sheet,
    axis: 'rows' as const,
    at,
    count,
    band: [0, 16383] as [number, number],
  });

  test('inserting rows moves references at or below the insertion and grows spanning areas', () => {
    expect(shiftFormula('=Sheet1!$B$7', undefined, insertRow('Sheet1', 4))).toBe('=Sheet1!$B$8');
    expect(shiftFormula('=SUM(B2:B9)+B1', 'Sheet1', insertRow('Sheet1', 4, 2))).toBe('=SUM(B2:B11)+B1');
    expect(shiftFormula('=Other!B9', 'Sheet1', insertRow('Sheet1', 0))).toBe('=Other!B9');
    expect(shiftFormula('="B9 stays"&B9', 'Sheet1', insertRow('Sheet1', 0))).toBe('="B9 stays"&B10');
    expect(shiftFormula("='县 公安局'!A5", undefined, insertRow('县 公安局', 2))).toBe("='县 公安局'!A6");
  });

  test('deleting rows shrinks areas and turns lost cells into #REF!', () => {
    const del = { sheet: 'Sheet1', axis: 'rows' as const, at: 6, count: -1, band: [0, 16383] as [number, number] };
    expect(shiftFormula('=Sheet1!$B$7', undefined, del)).toBe('=Sheet1!#REF!');
    expect(shiftFormula('=SUM(B2:B9)', 'Sheet1', del)).toBe('=SUM(B2:B8)');
    expect(shiftFormula('=B10', 'Sheet1', del)).toBe('=B9');
  });

  test('function names and text are not references', () => {
    expect(shiftFormula('=LOG10(A1)+ROUND(A2,0)', 'Sheet1', insertRow('Sheet1', 0))).toBe('=LOG10(A2)+ROUND(A3,0)');
  });

  test('rename and delete of sheets', () => {
    expect(renameSheetInFormula('=Sheet1!A1+sheet1!B2+Other!C3', 'Sheet1', '县 公安局')).toBe("='县 公安局'!A1+'县 公安局'!B2+Other!C3");
    expect(deleteSheetInFormula('=Sheet2!$A$1+A1', 'Sheet2')).toBe('=#REF!$A$1+A1');
  });

  test('single-reference formulas', () => {
    expect(parseReferenceFormula("='My Sheet'!$B$2:$C$3")).toEqual({
      sheet: 'My Sheet',
      rect: { row: 1, col: 1, rowCount: 2, colCount: 2 },
    });
    expect(parseReferenceFormula('=Sheet1!A1+1')).toBeNull();
    expect(parseReferenceFormula('="text"')).toBeNull();
  });
});
