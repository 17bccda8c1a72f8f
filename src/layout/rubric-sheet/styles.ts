/** The look of the definition workbook: every cell an office fills is yellow and unlocked; headers are grey. */
import { BODY_FONT, HEADER_FILL, INPUT_FILL, TITLE_FONT, type CellStyle } from '../styles';
import type { DefinitionStyle } from './types';

const body = { name: BODY_FONT, size: 10 };
/** The scoring columns' header: blue-grey, so the document's words and the scoring read apart. */
const SCORING_HEADER_FILL = '#DDEBF7';
const CATEGORY_INPUT_FILL = '#FFE699';
const JSON_FILL = '#EDEDED';

export const DEFINITION_STYLES: Record<DefinitionStyle, CellStyle> = {
  title: { font: { name: TITLE_FONT, size: 14, bold: true }, horizontal: 'left', vertical: 'center', locked: true },
  guide: { font: body, horizontal: 'left', vertical: 'top', wrap: true, border: true, locked: true },
  header: {
    font: { ...body, bold: true },
    fill: HEADER_FILL,
    horizontal: 'center',
    vertical: 'center',
    wrap: true,
    border: true,
    locked: true,
  },
  headerScoring: {
    font: { ...body, bold: true },
    fill: SCORING_HEADER_FILL,
    horizontal: 'center',
    vertical: 'center',
    wrap: true,
    border: true,
    locked: true,
  },
  categoryInput: {
    font: { ...body, bold: true },
    fill: CATEGORY_INPUT_FILL,
    horizontal: 'left',
    vertical: 'top',
    wrap: true,
    border: true,
    locked: false,
    numberFormat: '@',
  },
  input: { font: body, fill: INPUT_FILL, horizontal: 'left', vertical: 'top', wrap: true, border: true, locked: false, numberFormat: '@' },
  // Text format: 「1/12」 typed into 每项分值 must stay a fraction, not become Excel's date 12 January.
  inputCenter: {
    font: body,
    fill: INPUT_FILL,
    horizontal: 'center',
    vertical: 'top',
    wrap: true,
    border: true,
    locked: false,
    numberFormat: '@',
  },
  inputNumber: {
    font: body,
    fill: INPUT_FILL,
    horizontal: 'center',
    vertical: 'top',
    border: true,
    locked: false,
    numberFormat: 'General',
  },
  inputJson: {
    font: { name: 'Consolas', size: 8, color: '#404040' },
    fill: JSON_FILL,
    horizontal: 'left',
    vertical: 'top',
    wrap: true,
    border: true,
    locked: false,
    numberFormat: '@',
  },
  label: { font: { ...body, bold: true }, horizontal: 'left', vertical: 'top', wrap: true, border: true, locked: true },
  hint: {
    font: { name: BODY_FONT, size: 9, color: '#595959' },
    horizontal: 'left',
    vertical: 'top',
    wrap: true,
    border: true,
    locked: true,
  },
};
