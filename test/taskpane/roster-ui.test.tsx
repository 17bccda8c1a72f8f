/** @jest-environment jsdom */
import './setup-dom';
import { screen, within } from '@testing-library/react';
import { FakeController } from './fake-controller';
import { renderApp, setupUser } from './render-app';
import type { RosterEntry } from '../../src/taskpane/controller';

type User = ReturnType<typeof setupUser>;

async function choose(user: User, name: RegExp) {
  await user.click(screen.getByRole('combobox', { name: '评分细则' }));
  await user.click(await screen.findByRole('option', { name }));
}

async function pasteRoster(user: User, text: string) {
  const box = screen.getByRole('textbox', { name: /单位名称（每行一个）/ });
  await user.clear(box);
  await user.click(box);
  await user.paste(text);
  return box;
}

const createButton = () => screen.getByRole('button', { name: '生成评分表' });

describe('被考核单位名单', () => {
  test('empty and duplicate names are listed with line numbers and block creation', async () => {
    const user = setupUser();
    const fake = new FakeController();
    renderApp({ controller: fake });
    await choose(user, /衡东县/);
    const box = await pasteRoster(user, '县发改局\n\n县公安局\n县发改局 \n县（市）财政局\n县(市)财政局\n');

    const issues = screen.getByRole('list', { name: /名单有 3 处问题/ });
    const lines = within(issues)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toEqual(['第 1、4 行：「县发改局」重复', '第 2 行：单位名称为空', '第 5、6 行：「县（市）财政局」重复']);
    expect(screen.getByText('共 5 个单位')).toBeInTheDocument();
    expect(box).toHaveAttribute('aria-invalid', 'true');

    expect(createButton()).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('名单还有 3 处问题，改正后才能生成。')).toBeInTheDocument();
    await user.click(createButton());
    expect(fake.callsOf('createWorkbook')).toHaveLength(0);

    // An issue entry takes the user to the offending line.
    await user.click(within(issues).getByRole('button', { name: '第 2 行：单位名称为空' }));
    expect(box).toHaveFocus();
    expect((box as HTMLTextAreaElement).selectionStart).toBe('县发改局\n'.length);

    await pasteRoster(user, '县发改局\n县公安局\n县财政局\n');
    expect(screen.queryByRole('list', { name: /名单有/ })).not.toBeInTheDocument();
    expect(screen.getByText('共 3 个单位')).toBeInTheDocument();
    expect(createButton()).not.toHaveAttribute('aria-disabled', 'true');
    await user.click(createButton());
    expect(fake.callsOf('createWorkbook')[0].slice(0, 2)).toEqual([
      'hengdong-2020-members',
      [
        { name: '县发改局', group: '成员单位' },
        { name: '县公安局', group: '成员单位' },
        { name: '县财政局', group: '成员单位' },
      ],
    ]);
  });

  test('使用文件附件名单 fills in the 36 units of 衡东 附件1', async () => {
    const user = setupUser();
    const fake = new FakeController();
    renderApp({ controller: fake });
    expect(screen.queryByRole('button', { name: '使用文件附件名单' })).not.toBeInTheDocument();
    await choose(user, /衡东县/);
    await user.click(screen.getByRole('button', { name: '使用文件附件名单' }));
    const box = screen.getByRole('textbox', { name: /单位名称（每行一个）/ }) as HTMLTextAreaElement;
    expect(box.value.split('\n')).toHaveLength(36);
    expect(box.value.split('\n')[0]).toBe('县发改局');
    expect(screen.getByText('共 36 个单位')).toBeInTheDocument();
    expect(screen.getByText('所有单位同属一个排名分组：成员单位')).toBeInTheDocument();
    await user.click(createButton());
    const roster = fake.callsOf('createWorkbook')[0][1] as RosterEntry[];
    expect(roster).toHaveLength(36);
    expect(roster.every((e) => e.group === '成员单位')).toBe(true);
  });

  test('tab-separated name/group lines pasted from Excel; unknown groups are pointed out', async () => {
    const user = setupUser();
    const fake = new FakeController();
    renderApp({ controller: fake });
    await choose(user, /朝阳市/);
    // No default roster for 朝阳.
    expect(screen.queryByRole('button', { name: '使用文件附件名单' })).not.toBeInTheDocument();
    await pasteRoster(user, '市发改委\t成员单位\r\n朝阳县\t县（市）区人民政府\r\n北票市\t乡镇\r\n市公安局\r\n');
    expect(screen.getByText('第 3 行：分组「乡镇」不是本细则的分组（可选：成员单位、县区）')).toBeInTheDocument();
    expect(createButton()).toHaveAttribute('aria-disabled', 'true');

    await pasteRoster(user, '市发改委\t成员单位\n朝阳县\t县（市）区人民政府\n北票市\t县区\n市公安局\n');
    expect(createButton()).not.toHaveAttribute('aria-disabled', 'true');

    // The group for all units applies to lines without a group.
    await user.selectOptions(screen.getByRole('combobox', { name: /全部单位的分组/ }), '县区');
    // Per-unit choice overrides the pasted group.
    await user.click(screen.getByRole('button', { name: '逐个设置分组（4 个单位）' }));
    await user.selectOptions(screen.getByRole('combobox', { name: '「市发改委」的分组' }), '县区');
    await user.click(createButton());
    expect(fake.callsOf('createWorkbook')[0][1]).toEqual([
      { name: '市发改委', group: '县区' },
      { name: '朝阳县', group: '县区' },
      { name: '北票市', group: '县区' },
      { name: '市公安局', group: '县区' },
    ]);
  });

  test('creation needs a rubric and a non-empty roster', async () => {
    const user = setupUser();
    renderApp({ controller: new FakeController() });
    expect(createButton()).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('请先选择评分细则。')).toBeInTheDocument();
    await choose(user, /衡东县/);
    expect(screen.getByText('请先填写被考核单位名单。')).toBeInTheDocument();
    expect(screen.getByText('共 0 个单位')).toBeInTheDocument();
  });
});
