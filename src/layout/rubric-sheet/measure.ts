/** How tall a wrapped text is in a column: row heights so that a clerk sees the whole text. */

/** Display width of a text in Excel character units (CJK and full-width characters count two). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** Printed lines of a wrapped text in a column of `width` characters. */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

const LINE_HEIGHT = 13.5;
const MAX_ROW_HEIGHT = 400;

/** Row height in points for the tallest of the texts, or undefined for one line. */
export function rowHeight(values: { text: string; width: number }[]): number | undefined {
  const lines = Math.max(1, ...values.map((v) => wrappedLines(v.text, v.width)));
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * LINE_HEIGHT + 4)) : undefined;
}
