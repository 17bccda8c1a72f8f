/**
 * Aligned plain-text tables for terminals. Chinese characters (and other East Asian wide or
 * full-width characters) take two columns, combining marks none, so columns line up in a CJK
 * terminal. ASCII rules only: box-drawing characters are "ambiguous width" in CJK fonts.
 */

export type Align = 'left' | 'right';

/** Wide and full-width ranges of Unicode East Asian Width (W, F), plus emoji presentation blocks. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation 、。「」《》
  [0x3041, 0x33ff], // kana, bopomofo, Hangul compatibility, CJK strokes, enclosed CJK, compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // full-width forms （），：；
  [0xffe0, 0xffe6], // full-width signs ￥
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f], // emoji
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd], // CJK extensions B–F
  [0x30000, 0x3fffd], // CJK extension G
];

function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = WIDE[mid];
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;

/** Columns a string occupies in a terminal. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp >= 0x20 && cp < 0x7f) w += 1;
    else if (ZERO_WIDTH.test(ch)) w += 0;
    else w += isWide(cp) ? 2 : 1;
  }
  return w;
}

/** Pads to `width` display columns (never truncates). */
export function pad(text: string, width: number, align: Align = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

export interface TableOptions {
  /** Per column; default left. */
  align?: readonly Align[];
  /** Spaces between columns (default 2). */
  gap?: number;
}

/**
 * Characters a terminal would act on rather than print: C0 controls but newline and tab (ESC starts
 * the colour, cursor and OSC title/hyperlink sequences), DEL, C1 controls (U+009B is CSI on its
 * own), and the bidirectional overrides and isolates that make text display in another order than
 * it reads.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are escaped
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Unit names and values come from files anyone can send: every control character is shown as its
 * `\uXXXX` escape, which is also the same character's escape inside a JSON string, so the `--json`
 * output stays valid JSON with the same content.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** One cell's text: newlines and tabs become spaces so that a row stays on one line; controls escaped. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return escapeControls(String(value).replace(/[\r\n\t]+/g, ' '));
}

/**
 * Header, a dashed rule, and the rows, columns padded to their widest cell. Lines have no trailing
 * spaces; the result has no final newline.
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly unknown[])[], options: TableOptions = {}): string {
  const gap = ' '.repeat(options.gap ?? 2);
  const cells = [headers.map(cell), ...rows.map((r) => headers.map((_, i) => cell(r[i])))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i]))));
  const line = (r: string[]) =>
    r
      .map((c, i) => pad(c, widths[i], options.align?.[i] ?? 'left'))
      .join(gap)
      .replace(/\s+$/, '');
  const rule = widths.map((w) => '-'.repeat(w)).join(gap);
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}
