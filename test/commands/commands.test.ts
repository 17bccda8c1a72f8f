/**
 * Ribbon function commands against the in-memory Excel host: 重新计分 rescores from the inputs
 * (the way to recover when Excel on the web fires no event for a dropdown pick, office-js 4066),
 * 导出附件 opens the annex as a new workbook, and the Office event always completes.
 */
import * as XLSX from '@e965/xlsx';
import { rescoreWorkbook, runCommand } from '../../src/commands/actions';
import { exportAnnexCommand } from '../../src/commands/export';
import { cellAddress, cleanup, inputAt, makeWorkbook, newHost, valueAt } from '../excel/helpers';
import { loadBuiltin } from '../../src/rubric/catalog';

afterEach(() => cleanup());
const roster = loadBuiltin('hengdong-2020-members').rubric.defaultRoster!.slice(0, 3);

describe('ribbon commands', () => {
  it('重新计分 scores a value picked from a dropdown that raised no event', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster);
    host.userPickFromDropdown('县发改局', inputAt(host, '县发改局', '四.1', 'issued'), '是');
    const out = await rescoreWorkbook();
    expect(out).toEqual({ ok: true, message: '已重新计分：0/3 个单位已完成' });
    expect(valueAt(host, '县发改局', cellAddress(host, '县发改局', 'i|四.1|issued', 'score'))).toBe(5);
  });

  it('导出附件 opens a formula-free annex with the scores as a new workbook; the source is untouched', async () => {
    const host = await newHost('1.8');
    await makeWorkbook(host, 'hengdong-2020-members', roster);
    host.userPickFromDropdown('县发改局', inputAt(host, '县发改局', '四.1', 'issued'), '是');
    await rescoreWorkbook();
    const before = host.save();
    const out = await exportAnnexCommand();
    expect(out.ok).toBe(true);
    expect(host.createdWorkbooks).toHaveLength(1);
    const wb = XLSX.read(host.createdWorkbooks[0], { type: 'base64' });
    expect(wb.SheetNames).toEqual(expect.arrayContaining(['汇总', '排名', '县发改局']));
    for (const name of wb.SheetNames)
      for (const [addr, cell] of Object.entries(wb.Sheets[name]))
        if (!addr.startsWith('!')) expect((cell as XLSX.CellObject).f).toBeUndefined();
    const text = XLSX.utils.sheet_to_csv(wb.Sheets['县发改局']);
    expect(text).toContain('出台本部门、本行业“红黑名单”认定、奖惩管理等制度的，得5分');
    expect(host.save()).toEqual(before);
  });

  it('a command on a workbook the add-in did not make fails softly and still completes the event', async () => {
    await newHost('1.8');
    const completed = jest.fn();
    const out = await runCommand(rescoreWorkbook, { completed } as unknown as Office.AddinCommands.Event);
    expect(out).toEqual({ ok: false, message: '当前工作簿不是本加载项生成的考核工作簿' });
    expect(completed).toHaveBeenCalledTimes(1);
    const thrown = await runCommand(() => Promise.reject(new Error('boom')), { completed } as unknown as Office.AddinCommands.Event);
    expect(thrown).toEqual({ ok: false, message: 'boom' });
    expect(completed).toHaveBeenCalledTimes(2);
  });

  it('at ExcelApi 1.7 the commands say which Office is needed', async () => {
    await newHost('1.7');
    expect(await rescoreWorkbook()).toEqual({ ok: false, message: '需要 ExcelApi 1.8（Office 2019 或更新版本）' });
  });
});
