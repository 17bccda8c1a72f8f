/** `credit-score workbook` and `credit-score annex`: arguments, roster files and errors. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { parseRosterText } from '../../src/cli/roster-file';
import { headerDate } from '../../src/cli/annex-command';
import { loadBuiltin } from '../../src/rubric/catalog';
import { runCli } from '../cli/run-cli';
import { readBook, scratch } from './helpers';

const hegang = loadBuiltin('hegang-2022-counties').rubric;
const chaoyang = loadBuiltin('chaoyang-2020-method').rubric;

describe('roster files', () => {
  it('one name per line, optional TAB and group (id or label), empty lines ignored', () => {
    expect(parseRosterText('萝北县\n\n  绥滨县  \r\n向阳区\t县区\n', 'n.txt', hegang)).toEqual([
      { name: '萝北县', group: '县区' },
      { name: '绥滨县', group: '县区' },
      { name: '向阳区', group: '县区' },
    ]);
    const [members, counties] = chaoyang.ranking.groups;
    expect(parseRosterText(`甲\n乙\t${counties.label}\n丙\t${counties.id}`, 'n.txt', chaoyang).map((u) => u.group)).toEqual([
      members.id,
      counties.id,
      counties.id,
    ]);
  });

  it('duplicates are listed with the file’s line numbers', () => {
    expect(() => parseRosterText('甲\n乙\n\n甲\n乙 \n丙', 'n.txt', hegang)).toThrow(
      '名单「n.txt」中有重复的单位：「甲」（第 1、4 行）；「乙」（第 2、5 行）',
    );
  });

  it('unknown groups and empty files are refused', () => {
    expect(() => parseRosterText('甲\t市直部门', 'n.txt', hegang)).toThrow(
      '名单「n.txt」有误：第 1 行的分组「市直部门」不在本细则的分组中（可用：县区）',
    );
    expect(() => parseRosterText('\n\n', 'n.txt', hegang)).toThrow('名单「n.txt」是空的');
  });
});

describe('credit-score workbook', () => {
  it('writes a blank workbook; uses the rubric’s own roster when --roster is omitted', async () => {
    const dir = scratch();
    const r = await runCli(['workbook', 'hengdong-2020-members', '-o', '衡东.xlsx'], dir);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('已生成 衡东.xlsx：评分细则 hengdong-2020-members');
    const book = readBook(readFileSync(join(dir, '衡东.xlsx')));
    expect(book.SheetNames.length).toBe(3 + loadBuiltin('hengdong-2020-members').rubric.defaultRoster!.length + 1);
  });

  it('refuses to overwrite an existing file without --force, and needs a roster when the rubric has none', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'names.txt'), '萝北县\n');
    writeFileSync(join(dir, 'out.xlsx'), 'filled by someone');
    const r = await runCli(['workbook', 'hegang-2022-counties', '--roster', 'names.txt', '-o', 'out.xlsx'], dir);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('credit-score：输出文件「out.xlsx」已存在：换一个文件名，或加 --force 覆盖');
    expect(readFileSync(join(dir, 'out.xlsx'), 'utf8')).toBe('filled by someone');
    expect((await runCli(['workbook', 'hegang-2022-counties', '--roster', 'names.txt', '-o', 'out.xlsx', '--force'], dir)).code).toBe(0);
    const none = await runCli(['workbook', 'hegang-2022-counties'], dir);
    expect(none.code).toBe(2);
    expect(none.err.split('\n')[0]).toBe('credit-score：缺少 --roster <名单.txt>：评分细则「hegang-2022-counties」没有自带单位名单');
  });

  it('reports roster problems in one line, with exit code 2 and no stack trace', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'dup.txt'), '甲\n乙\n甲\n');
    const r = await runCli(['workbook', 'hegang-2022-counties', '--roster', 'dup.txt', '-o', 'x.xlsx'], dir);
    expect(r).toEqual({ code: 2, out: '', err: 'credit-score：名单「dup.txt」中有重复的单位：「甲」（第 1、3 行）\n' });
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('protects the sheets with --protect', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'names.txt'), '萝北县\n');
    await runCli(['workbook', 'hegang-2022-counties', '--roster', 'names.txt', '-o', 'p.xlsx', '--protect'], dir);
    const xml = XLSX.CFB.find(XLSX.CFB.read(readFileSync(join(dir, 'p.xlsx')), { type: 'buffer' }), '/xl/worksheets/sheet4.xml')!.content;
    expect(Buffer.from(xml as Uint8Array).toString('utf8')).toContain('<sheetProtection sheet="1"');
  });
});

describe('credit-score annex', () => {
  it('fails with one Chinese line and exit code 2 for files that cannot be used, and never overwrites the input', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'notes.xlsx'), '这不是工作簿');
    const cases: [string[], string][] = [
      [
        ['annex', 'notes.xlsx'],
        'credit-score：「notes.xlsx」：文件不是 .xlsx 工作簿（无法按 zip 格式打开）：请选择本加载项生成并填写的考核工作簿',
      ],
      [['annex', 'missing.xlsx'], 'credit-score：无法读取工作簿「missing.xlsx」：文件不存在'],
      [
        ['annex', 'notes.xlsx', '-o', 'notes.xlsx'],
        'credit-score：附件输出文件「notes.xlsx」与输入的工作簿是同一个文件：原文件不会被覆盖，请另选文件名',
      ],
      [
        ['annex', 'notes.xlsx', '--scored', './notes.xlsx'],
        'credit-score：已计分工作簿「./notes.xlsx」与输入的工作簿是同一个文件：原文件不会被覆盖，请另选文件名',
      ],
      [['annex', 'notes.xlsx', '-o', 'a.pdf'], 'credit-score：附件输出文件「a.pdf」应以 .xlsx 结尾'],
    ];
    for (const [argv, first] of cases) {
      const r = await runCli(argv, dir);
      expect({ argv, code: r.code, first: r.err.split('\n')[0], out: r.out }).toEqual({ argv, code: 2, first, out: '' });
      expect(r.err).not.toMatch(/\bat\b.*\(|Error:/);
    }
    expect(readFileSync(join(dir, 'notes.xlsx'), 'utf8')).toBe('这不是工作簿');
  });

  it('prints the result table and problems, and writes both files (default names beside the input)', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'names.txt'), '萝北县\n绥滨县\n');
    await runCli(['workbook', 'hegang-2022-counties', '--roster', 'names.txt', '-o', '考核表.xlsx'], dir);
    const r = await runCli(['annex', '考核表.xlsx'], dir);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^评分细则：鹤岗市 2022 附件1/);
    expect(r.out).toContain('单位    分组    得分  等次  参考名次  标注  问题数');
    expect(r.out).toContain('[未填] 萝北县：一.1');
    expect(r.out).toContain('已写入：考核表-已计分.xlsx（已计分的工作簿）、考核表-附件.xlsx（附件）');
    expect(existsSync(join(dir, '考核表-已计分.xlsx'))).toBe(true);
    // Nothing filled: both units are listed in 汇总 with their status, no table of 未填 each.
    expect(readBook(readFileSync(join(dir, '考核表-附件.xlsx'))).SheetNames).toEqual(['汇总', '排名']);
    // The state in one paragraph: a draft keeps exit code 0.
    expect(r.out).toContain('草稿：共 2 个单位，已完成 0 个，未完成 2 个（其中 2 个未填写任何内容），有输入错误 0 个；尚无名次。');
    // --final refuses a draft: exit 3, one Chinese line saying what is missing, nothing written.
    const refused = await runCli(['annex', '考核表.xlsx', '--final', '-o', '终稿.xlsx', '--scored', '终稿-已计分.xlsx'], dir);
    expect(refused.code).toBe(3);
    expect(refused.err).toBe('不能生成终稿：2 个单位未完成；请补齐、更正后再试，或去掉 --final 生成草稿。\n');
    expect(existsSync(join(dir, '终稿.xlsx'))).toBe(false);
    expect(existsSync(join(dir, '终稿-已计分.xlsx'))).toBe(false);
    // --all-units prints their tables anyway.
    const all = await runCli(['annex', '考核表.xlsx', '--all-units', '-o', '全部.xlsx', '--scored', '全部-已计分.xlsx'], dir);
    expect(all.code).toBe(0);
    expect(readBook(readFileSync(join(dir, '全部.xlsx'))).SheetNames).toEqual(['汇总', '排名', '萝北县', '绥滨县']);
  });

  it('page-header dates', () => {
    expect(headerDate('2026-11-24')).toBe('2026年11月24日');
    expect(headerDate('2026/1/5')).toBe('2026年1月5日');
    expect(headerDate('二〇二六年十一月')).toBe('二〇二六年十一月');
  });
});
