/**
 * Why a file cannot be read as a scoring workbook. `message` is one line of Chinese for the user
 * (the CLI prints it as is, the task pane shows it); `code` is for programs.
 */
export type WorkbookErrorCode =
  | 'not-zip' // not an .xlsx at all (text, PDF, image …)
  | 'legacy-or-encrypted' // an OLE compound file: .xls, or an .xlsx saved with a password
  | 'not-xlsx' // a zip, but not a spreadsheet
  | 'damaged' // a zip whose directory, data or XML parts are cut or corrupt
  | 'too-large' // inflates beyond the limits (src/xlsx/zip-package.ts), e.g. a zip bomb
  | 'no-meta' // a spreadsheet not made by this add-in
  | 'bad-meta' // the metadata sheet was edited or cut
  | 'bad-rubric' // the embedded rubric no longer validates
  | 'missing-sheet' // a unit sheet was deleted
  | 'bad-block'; // a sheet's hidden role row or key column was changed

export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}

export const isWorkbookError = (e: unknown): e is WorkbookError => e instanceof WorkbookError;
