/**
 * What the ribbon's function commands do. They run in the commands runtime, apart from the task
 * pane: each binds to the open workbook, does its one job and completes the event. Failures are
 * shown as a notification-free status: Office shows nothing for function commands, so the pane
 * (opened by 打开评分面板) lists problems; here we only make sure the event always completes.
 */
import { bindOnce } from './bind-once';

export type CommandOutcome = { ok: true; message: string } | { ok: false; message: string };

/** 重新计分: rescore everything from the workbook's inputs (also what Excel on the web needs after a dropdown pick, office-js 4066). */
export async function rescoreWorkbook(): Promise<CommandOutcome> {
  const b = await bindOnce();
  if (!b.ok) return b;
  const done = b.session.status().units.filter((u) => u.complete).length;
  return { ok: true, message: `已重新计分：${done}/${b.session.meta.units.length} 个单位已完成` };
}

/** Runs a command and always completes the Office event, whatever happens. */
export async function runCommand(action: () => Promise<CommandOutcome>, event?: Office.AddinCommands.Event): Promise<CommandOutcome> {
  let outcome: CommandOutcome;
  try {
    outcome = await action();
  } catch (e) {
    outcome = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  if (!outcome.ok) console.warn(`信用考核评分：${outcome.message}`);
  event?.completed();
  return outcome;
}
