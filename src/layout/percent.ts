/**
 * A percent typed into Excel ("85%") is stored as 0.85 with a percent number format. Both hosts
 * turn such a cell back into the text "85%" from its value and format (not from the displayed,
 * rounded text: 0.855 shown as "86%" is really 85.5 %).
 */

/** True when a number format shows a percent (a % outside quotes and brackets). */
export function isPercentFormat(numFmt: string | undefined | null): boolean {
  if (!numFmt) return false;
  return /%/.test(
    numFmt
      .replace(/"[^"]*"/g, '')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/\\./g, ''),
  );
}

/** 0.85 → "85%", 0.855 → "85.5%": the exact value, not the rounded display. */
export function percentText(x: number): string {
  return `${Number((x * 100).toPrecision(12))}%`;
}

/** The percent texts of a block, from its values and number formats (null where not a percent). */
export function percentTexts(values: unknown[][], formats: unknown[][]): (string | null)[][] {
  return values.map((row, r) =>
    row.map((v, c) => (typeof v === 'number' && isPercentFormat(formats[r]?.[c] as string) ? percentText(v) : null)),
  );
}
