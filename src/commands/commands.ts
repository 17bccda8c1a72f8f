/**
 * Ribbon function file (manifest FunctionFile -> commands.html). The manifest's ExecuteFunction
 * buttons call these by name: 重新计分 -> rescoreAll, 导出附件 -> exportAnnex.
 * Registration only happens when office.js is present, so the page also loads without it.
 */
import { rescoreWorkbook, runCommand } from './actions';
import { exportAnnexCommand } from './export';

if (typeof Office !== 'undefined') {
  Office.onReady().catch((err: unknown) => {
    console.warn('Office.onReady failed', err);
  });
  if (Office.actions && typeof Office.actions.associate === 'function') {
    Office.actions.associate('rescoreAll', (event: Office.AddinCommands.Event) => void runCommand(rescoreWorkbook, event));
    Office.actions.associate('exportAnnex', (event: Office.AddinCommands.Event) => void runCommand(exportAnnexCommand, event));
  }
}

export {};
