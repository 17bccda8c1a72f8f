/**
 * exceljs reads the styles part (number formats, hence 85% stored as 0.85) with a parser that
 * loses its place at an element it does not know: the formats after it are dropped without an
 * error, and a percent then reads as the bare number 0.85 (found by test/fuzz/xlsx-reader.fuzz.test.ts).
 * So the styles part must use only the elements of the SpreadsheetML stylesheet (ECMA-376 Part 1,
 * 18.8); extensions are allowed where the format puts them (inside <extLst>) or under a namespace
 * prefix (x14:, x15:, mc:), which exceljs skips whole.
 */
const STYLESHEET_ELEMENTS = new Set([
  'styleSheet',
  'numFmts',
  'numFmt',
  'fonts',
  'font',
  'b',
  'i',
  'strike',
  'condense',
  'extend',
  'outline',
  'shadow',
  'u',
  'vertAlign',
  'sz',
  'color',
  'name',
  'family',
  'charset',
  'scheme',
  'rFont',
  'fills',
  'fill',
  'patternFill',
  'fgColor',
  'bgColor',
  'gradientFill',
  'stop',
  'borders',
  'border',
  'start',
  'end',
  'left',
  'right',
  'top',
  'bottom',
  'diagonal',
  'vertical',
  'horizontal',
  'cellStyleXfs',
  'cellXfs',
  'xf',
  'alignment',
  'protection',
  'cellStyles',
  'cellStyle',
  'dxfs',
  'dxf',
  'tableStyles',
  'tableStyle',
  'tableStyleElement',
  'colors',
  'indexedColors',
  'rgbColor',
  'mruColors',
  'extLst',
  'ext',
]);

/** The first element of a styles part that is not SpreadsheetML's (outside <extLst>), or null. */
export function unknownStyleElement(xml: string): string | null {
  let inExtensions = 0;
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClosing] = m;
    if (name === 'extLst') {
      if (close) inExtensions--;
      else if (!selfClosing) inExtensions++;
      continue;
    }
    if (inExtensions > 0 || name.includes(':')) continue;
    if (!STYLESHEET_ELEMENTS.has(name)) return name;
  }
  return null;
}
