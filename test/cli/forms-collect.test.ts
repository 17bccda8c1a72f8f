/** `credit-score forms` and `credit-score collect` on real files (in-process, captured output). */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { scratch } from '../xlsx/helpers';
import { runCli } from './run-cli';

describe('forms and collect on the command line', () => {
  const dir = scratch('cs-cli-forms-');
  const roster = join(dir, 'roster.txt');

  beforeAll(async () => {
    writeFileSync(roster, '县发改局\n县公安局\n县财政局\n');
    const made = await runCli(['workbook', 'hengdong-2020-members', '--roster', roster, '-o', 'hd.xlsx'], dir);
    expect(made.code).toBe(0);
  });

  it('writes one form per unit into the folder, named by number and unit', async () => {
    const run = await runCli(['forms', 'hd.xlsx', '-o', '自评表'], dir);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(readdirSync(join(dir, '自评表')).sort()).toEqual([
      '01-县发改局-自评表.xlsx',
      '02-县公安局-自评表.xlsx',
      '03-县财政局-自评表.xlsx',
    ]);
    expect(run.out).toContain('已在 自评表 中生成 3 份自评表');
    // Existing forms are not replaced without --force.
    const again = await runCli(['forms', 'hd.xlsx', '-o', '自评表'], dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain('已存在');
  });

  /** 县公安局 types 是 for its 分管领导, as a script would, and saves under another name. */
  async function filled(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(readFileSync(join(dir, '自评表', '02-县公安局-自评表.xlsx'))).buffer);
    const ws = wb.getWorksheet('县公安局')!;
    const roles = (ws.getRow(1).values as unknown[]).slice(1);
    const row = [...Array(ws.rowCount).keys()]
      .map((r) => r + 1)
      .find((r) => ws.getCell(r, roles.indexOf('key') + 1).value === 'i|一|leader')!;
    ws.getCell(row, roles.indexOf('input') + 1).value = '是';
    await wb.xlsx.writeFile(join(dir, '公安回收.xlsx'));
    return '公安回收.xlsx';
  }

  it('collects forms whatever their file names, refuses a file that is not a form and a second form of a unit, and prints who did not return', async () => {
    const form = await filled();
    const run = await runCli(['collect', 'hd.xlsx', form, 'hd.xlsx', form, '自评表/03-县财政局-自评表.xlsx', '-o', 'merged.xlsx'], dir);
    expect(run.code).toBe(0);
    // 是 in 自评填报 and in the empty 核定填报, and nothing else typed: 2 changes, 1 prefilled.
    expect(run.out).toContain('已导入 1 份自评表：\n  县公安局（公安回收.xlsx）：2 处改动，其中预填核定 1 项\n');
    expect(run.out).toContain('未导入 3 份：\n  「hd.xlsx」：不是本程序生成的自评表（没有隐藏的身份信息），未导入\n');
    expect(run.out).toContain('「自评表/03-县财政局-自评表.xlsx」（县财政局）：自评表中没有填写任何内容，未导入');
    expect(run.out).toContain('本次已导入该单位的另一份自评表');
    expect(run.out).toContain('尚未交回 2 个单位：县发改局、县财政局');
    expect(existsSync(join(dir, 'merged.xlsx'))).toBe(true);
    // The unit is now collected: without --replace its form is refused in a later run.
    const later = await runCli(['collect', 'merged.xlsx', form, '-o', 'merged2.xlsx'], dir);
    expect(later.out).toContain('已导入 0 份自评表：\n此前已导入 1 个单位：县公安局\n');
    expect(later.out).toMatch(
      /「公安回收\.xlsx」（县公安局）：该单位的自评表已于 .* 导入（「公安回收\.xlsx」），未导入；要以本文件替换，请加 --replace/,
    );
    const replaced = await runCli(['collect', 'merged.xlsx', form, '-o', 'merged3.xlsx', '--replace'], dir);
    expect(replaced.out).toContain('（替换此前导入的自评）');
  });

  it('needs at least one form, and says so in Chinese', async () => {
    const run = await runCli(['collect', 'hd.xlsx'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('缺少参数 <自评表.xlsx>');
    expect(run.err).toContain('用法：credit-score collect <工作簿.xlsx> <自评表.xlsx>…');
  });
});
