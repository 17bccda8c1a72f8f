/**
 * Ribbon function file (manifest FunctionFile -> commands.html). The manifest's ExecuteFunction
 * buttons call these by name: 重新计分 -> rescoreAll, 导出附件 -> exportAnnex.
 * Registration only happens when office.js is present, so the page also loads without it.
 */

/** Placeholder handler: completes the event so Excel does not show the button as busy. */
function completeOnly(event?: Office.AddinCommands.Event): void {
  // wired in src/commands/actions.ts later
  event?.completed();
}

if (typeof Office !== 'undefined') {
  Office.onReady().catch((err: unknown) => {
    console.warn('Office.onReady failed', err);
  });
  if (Office.actions && typeof Office.actions.associate === 'function') {
    Office.actions.associate('rescoreAll', completeOnly);
    Office.actions.associate('exportAnnex', completeOnly);
  }
}

export {};
