/**
 * The few cell styles the layout uses, described once and applied by each host (Office.js,
 * exceljs). Input cells are pale yellow and unlocked; computed cells pale blue-grey and locked, so
 * the difference is visible at a glance and when printed in grey.
 */
export type StyleKey =
  | 'title'
  | 'subtitle'
  | 'unitLine'
  | 'header'
  | 'category'
  | 'text'
  | 'textCenter'
  | 'number'
  | 'fieldLabel'
  | 'input'
  | 'inputPercent'
  | 'output'
  | 'outputText'
  | 'footerLabel'
  | 'footerOutput'
  | 'role'
  | 'key';

export interface CellStyle {
  font: { name: string; size: number; bold?: boolean; color?: string };
  fill?: string;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center';
  wrap?: boolean;
  border?: boolean;
  locked: boolean;
  numberFormat?: string;
}

export const BODY_FONT = '宋体';
export const TITLE_FONT = '黑体';
export const INPUT_FILL = '#FFF2CC';
export const OUTPUT_FILL = '#E7EEF7';
export const HEADER_FILL = '#D9D9D9';
export const CATEGORY_FILL = '#F2F2F2';

const body = { name: BODY_FONT, size: 10 };

export const STYLES: Record<StyleKey, CellStyle> = {
  title: { font: { name: TITLE_FONT, size: 16, bold: true }, horizontal: 'center', vertical: 'center', locked: true },
  subtitle: { font: { name: BODY_FONT, size: 10 }, horizontal: 'left', vertical: 'center', locked: true },
  // A unit sheet's line under its title, merged across the table: wrapped, so that a long document
  // title neither is cut nor makes LibreOffice shrink the printed page to fit the overflow.
  unitLine: { font: { name: BODY_FONT, size: 10 }, horizontal: 'left', vertical: 'center', wrap: true, locked: true },
  header: {
    font: { name: TITLE_FONT, size: 10, bold: true },
    fill: HEADER_FILL,
    horizontal: 'center',
    vertical: 'center',
    wrap: true,
    border: true,
    locked: true,
  },
  category: {
    font: { ...body, bold: true },
    fill: CATEGORY_FILL,
    horizontal: 'left',
    vertical: 'center',
    wrap: true,
    border: true,
    locked: true,
  },
  text: { font: body, horizontal: 'left', vertical: 'top', wrap: true, border: true, locked: true },
  textCenter: { font: body, horizontal: 'center', vertical: 'center', wrap: true, border: true, locked: true },
  number: { font: body, horizontal: 'center', vertical: 'center', border: true, locked: true, numberFormat: 'General' },
  fieldLabel: { font: body, horizontal: 'left', vertical: 'center', wrap: true, border: true, locked: true },
  input: {
    font: { ...body, color: '#1F3864' },
    fill: INPUT_FILL,
    horizontal: 'center',
    vertical: 'center',
    wrap: true,
    border: true,
    locked: false,
  },
  // A percent field's input: Excel, WPS and LibreOffice store 85, "85%" and 0.85 typed here as
  // 0.85 (percent entry), and the reader turns a number in a percent format back into "85%".
  // Up to two places are shown, so a printed 79.6 % is not rounded to 80 % next to its deduction.
  inputPercent: {
    font: { ...body, color: '#1F3864' },
    fill: INPUT_FILL,
    horizontal: 'center',
    vertical: 'center',
    wrap: true,
    border: true,
    locked: false,
    numberFormat: '0.0#%',
  },
  output: {
    font: { ...body, bold: true },
    fill: OUTPUT_FILL,
    horizontal: 'center',
    vertical: 'center',
    border: true,
    locked: true,
    numberFormat: 'General',
  },
  // Text format (@) so a reason like "84.5" or a progress like "3/17" stays text instead of becoming a number or a date.
  outputText: {
    font: { name: BODY_FONT, size: 9, color: '#404040' },
    fill: OUTPUT_FILL,
    horizontal: 'left',
    vertical: 'top',
    wrap: true,
    border: true,
    locked: true,
    numberFormat: '@',
  },
  footerLabel: { font: { ...body, bold: true }, horizontal: 'right', vertical: 'center', border: true, locked: true },
  footerOutput: {
    font: { name: BODY_FONT, size: 11, bold: true },
    fill: OUTPUT_FILL,
    horizontal: 'center',
    vertical: 'center',
    border: true,
    locked: true,
    numberFormat: '0.00',
  },
  role: { font: { name: BODY_FONT, size: 8, color: '#808080' }, locked: true },
  key: { font: { name: BODY_FONT, size: 8, color: '#808080' }, locked: true },
};
