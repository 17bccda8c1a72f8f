/**
 * The printed page, worked out in advance because the layouts are printed fitted to the page width
 * by Excel, WPS and LibreOffice alike: column widths in Excel's units become pixels and points, the
 * effective scale is the printable width over the table's width, and a sheet is split into pages
 * here (manual row breaks) so that what belongs together — a unit's last item and its result rows —
 * is never separated. Pure arithmetic: the hosts only write the breaks.
 */

/** A4 in points, margins as the hosts set them (0.5 in left/right, 0.75 in top/bottom). */
const A4 = { short: 595, long: 842 };
const MARGIN = { side: 36, topBottom: 54 };
/** Pixels (96 dpi) per point. */
const PX_PER_PT = 96 / 72;

/** Smallest size any printed text may have after scaling. */
export const MIN_PRINTED_PT = 9;

/** Printable width of an A4 page in pixels. */
export const printableWidthPx = (landscape: boolean) => ((landscape ? A4.long : A4.short) - 2 * MARGIN.side) * PX_PER_PT;

/** Printable height of an A4 page in points. */
export const printableHeightPt = (landscape: boolean) => (landscape ? A4.short : A4.long) - 2 * MARGIN.topBottom;

/** Width of a column in pixels: Excel's width counts digits of 7 px plus 5 px of padding. */
export const columnPx = (width: number) => (Math.trunc(((width * 7 + 5) / 7) * 256) / 256) * 7;

/** The scale a fit-to-width print applies to a sheet (never enlarged). */
export function printScale(widths: number[], landscape: boolean): number {
  const total = widths.reduce((s, w) => s + columnPx(w), 0);
  return total <= 0 ? 1 : Math.min(1, printableWidthPx(landscape) / total);
}

/**
 * The widths (Excel units) of n columns that fill 98 % of the printable width at scale 1: the
 * 2 % spare absorbs the hosts' rounding of widths to whole pixels, so no program shrinks the page.
 */
export const pageWidthUnits = (columns: number, landscape: boolean) => (printableWidthPx(landscape) * 0.98 - 5 * columns) / 7;

/**
 * Widens or narrows the `stretch` columns in proportion until the table fills the page width at
 * scale 1 (half-units, rounded down so the table never gets wider than the page).
 */
export function fitToPage<C extends { width: number }>(cols: C[], stretch: C[], landscape: boolean, minWidth = 6): void {
  const page = pageWidthUnits(cols.length, landscape);
  const slack = page - cols.reduce((s, c) => s + c.width, 0);
  const base = stretch.reduce((s, c) => s + c.width, 0);
  if (base <= 0 || Math.abs(slack) < 0.5) return;
  for (const c of stretch) c.width = Math.max(minWidth, Math.floor((c.width + (slack * c.width) / base) * 2) / 2);
}

/**
 * Manual page breaks for a sheet printed at `scale`: the 0-based rows that start a new page. Rows
 * [a, b] of each `keep` block stay on one page (moved to the next page whole when they do not fit,
 * unless the block is taller than a page). `repeat` is the height of the title rows printed again
 * at the top of every page after the first.
 */
export function pageBreaks(heights: number[], scale: number, landscape: boolean, repeat: number, keep: [number, number][] = []): number[] {
  // Rows are scaled with the width; a small reserve for the hosts' rounding of row heights.
  const page = printableHeightPt(landscape) / scale - 6;
  const keepFrom = new Map<number, number>();
  for (const [a, b] of keep) keepFrom.set(a, Math.max(b, keepFrom.get(a) ?? a));
  const breaks: number[] = [];
  let used = 0;
  for (let r = 0; r < heights.length; r++) {
    const end = keepFrom.get(r);
    let need = heights[r];
    if (end !== undefined) for (let k = r + 1; k <= end && k < heights.length; k++) need += heights[k];
    const fresh = page - repeat;
    if (used > 0 && used + need > page && need <= fresh) {
      breaks.push(r);
      used = repeat;
    } else if (used > 0 && used + heights[r] > page) {
      breaks.push(r);
      used = repeat;
    }
    used += heights[r];
  }
  return breaks;
}
