/**
 * Stands in for exceljs' CSV module (lib/csv/csv.js) in the browser bundle: the add-in never reads
 * or writes CSV, and the real module pulls fast-csv, dayjs and Node's util and fs into the pane.
 */
'use strict';

module.exports = class CSV {
  constructor() {
    throw new Error('CSV is not part of this build');
  }
};
