/** @jest-environment jsdom */
/**
 * The Excel pane around 自评 (issue 17): a unit's 自评表 open in Excel gets the unit's pane (its
 * 自评分, what is still missing, how to return the form) without the office's actions; an office's
 * merged workbook offers 导出附件（含佐证材料清单） with the 对照表 option on the open workbook (no file to choose).
 */
import './setup-dom';
import { act, screen, waitFor } from '@testing-library/react';
import type { EvidenceAnnex, FormsCollected, FormsMade } from '../../src/taskpane/controller';
import { FakeController, problem, summaryOf, unit } from './fake-controller';
import { renderApp, setupUser } from './render-app';

/** An Excel controller with the 自评 methods, recording them like the others. */
class SelfController extends FakeController {
  annexResult: EvidenceAnnex = { fileName: 'x.xlsx', opened: true, final: false, review: [], comparison: true };
  makeForms(): Promise<FormsMade> {
    this.calls.push({ method: 'makeForms', args: [] });
    return Promise.resolve({ fileName: 'f.zip', count: 1 });
  }
  collectForms(...args: unknown[]): Promise<FormsCollected> {
    this.calls.push({ method: 'collectForms', args });
    return Promise.resolve({ imported: [], refused: [], earlier: [], notReturned: [] });
  }
  annexWithEvidence(...args: unknown[]): Promise<EvidenceAnnex> {
    this.calls.push({ method: 'annexWithEvidence', args });
    return Promise.resolve(this.annexResult);
  }
}

const hengdong = summaryOf('hengdong-2020-members');

describe('a 自评表 open in Excel', () => {
  const formStatus = {
    bound: true,
    rubric: hengdong,
    units: [unit('县公安局', { filled: 20, expected: 23, final: 72.5, complete: false })],
    problems: [problem('form-0', '县公安局：六「企业信用报告份数」未填写', { severity: 'missing', kind: 'missing' })],
    notices: ['县公安局 自评分（草稿）：72.5 分；尚有 3 项未填'],
    lastScoredAt: '2026-12-06T08:00:00.000Z',
    form: { unitName: '县公安局', total: 72.5, missing: 3, draft: true },
  } as const;

  test('shows the unit, its live 自评分, the missing items and how to return it; no office action', async () => {
    const fake = new SelfController();
    renderApp({ controller: fake });
    act(() =>
      fake.setStatus({ ...formStatus, units: [...formStatus.units], problems: [...formStatus.problems], notices: [...formStatus.notices] }),
    );
    expect(screen.getByRole('heading', { level: 2, name: '自评表' })).toBeInTheDocument();
    expect(screen.getByText('单位：县公安局')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('自评分（草稿）：72.5 分');
    expect(screen.getByText('尚有 3 项未填')).toBeInTheDocument();
    expect(screen.getByText(/企业信用报告份数/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '如何交回自评表' })).toBeInTheDocument();
    for (const name of ['生成评分表', '导出附件', '重新计分', '生成自评表', '收回自评表', '新建另一份评分表'])
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '评分状态' })).not.toBeInTheDocument();
    await setupUser().click(screen.getByRole('button', { name: '重新计算自评分' }));
    expect(fake.callsOf('rescoreAll')).toHaveLength(1);
  });

  test('a complete form says so, without 草稿', () => {
    const fake = new SelfController();
    renderApp({ controller: fake });
    act(() =>
      fake.setStatus({
        ...formStatus,
        units: [],
        problems: [],
        notices: [],
        form: { unitName: '县公安局', total: 84.5, missing: 0, draft: false },
      }),
    );
    expect(screen.getByRole('status')).toHaveTextContent(/^自评分：84\.5 分$/);
    expect(screen.getByText('各项均已填写')).toBeInTheDocument();
  });

  test('a form the add-in cannot score (another rubric version) still gets the unit’s pane, with no figure and no office action', () => {
    const fake = new SelfController();
    renderApp({ controller: fake });
    const message =
      '本自评表按评分细则「hengdong-2020-members」v1.0.0（校验码 older）制作，加载项中的细则为 v1.1.0，版本不一致，不显示自评分；表格仍可填写后交回信用办';
    act(() =>
      fake.setStatus({
        bound: false,
        rubric: null,
        units: [],
        problems: [problem('bind', message, { severity: 'error', kind: 'version', unit: '本自评表' })],
        notices: [],
        lastScoredAt: null,
        form: { unitName: '县公安局', total: null, missing: 0, draft: true, scoredLive: false },
      }),
    );
    expect(screen.getByText('单位：县公安局')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('本表不能在此实时计算自评分');
    expect(screen.getByText(/版本不一致，不显示自评分/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '如何交回自评表' })).toBeInTheDocument();
    expect(screen.queryByText(/自评分：/)).not.toBeInTheDocument();
    for (const name of ['生成评分表', '导出附件', '重新计算自评分', '生成自评表', '收回自评表'])
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '选择评分细则' })).not.toBeInTheDocument();
  });
});

describe('导出附件（含佐证材料清单） in Excel', () => {
  test('works on the open workbook: a button, no file picker; the 对照表 choice is passed', async () => {
    const fake = new SelfController();
    renderApp({ controller: fake });
    act(() => fake.setStatus({ bound: true, rubric: hengdong, units: [unit('县公安局')], lastScoredAt: '2026-12-06T08:00:00.000Z' }));
    expect(screen.queryByText(/选择合并后的评分表/)).not.toBeInTheDocument();
    const user = setupUser();
    await user.click(screen.getByRole('checkbox', { name: '附件中加入自评与核定对照表' }));
    await user.click(screen.getByRole('button', { name: '导出附件（含佐证材料清单）' }));
    expect(fake.callsOf('annexWithEvidence')).toEqual([[undefined, { comparison: true }]]);
    await waitFor(() => expect(screen.getByText(/附件已在新工作簿中打开（草稿，含佐证材料清单）/)).toBeInTheDocument());
    expect(screen.getByText(/附件末尾已加入「自评与核定对照表」/)).toBeInTheDocument();
  });
});

describe('the page: a merged workbook opened in file mode', () => {
  /** A page controller (browser host) with the 自评 methods. */
  class PageController extends SelfController {
    selfAssessmentNeedsWorkbook = true;
    constructor() {
      super();
      this.hostInfo = { mode: 'browser', apiVersion: null, displayLanguage: 'zh-CN' };
    }
  }
  const item = { key: 'U0003|六', unit: '县公安局', item: '六 信用报告', self: 3, verified: 2, difference: -1, reason: '' };

  test('its 核查清单 has 核减原因 boxes and the write button, as after 收回自评表', () => {
    const fake = new PageController();
    renderApp({ controller: fake });
    const bytes = new ArrayBuffer(8);
    act(() =>
      fake.setStatus({
        bound: true,
        rubric: hengdong,
        units: [unit('县公安局')],
        review: [item],
        reviewSource: { name: '衡东-已收回自评.xlsx', bytes },
      }),
    );
    expect(screen.getByRole('textbox', { name: '县公安局 · 六 信用报告 的核减原因' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '写入核减原因并下载评分表' })).toBeInTheDocument();
  });

  test('without the file held (a status from elsewhere) the list stays read-only', () => {
    const fake = new PageController();
    renderApp({ controller: fake });
    act(() => fake.setStatus({ bound: true, rubric: hengdong, units: [unit('县公安局')], review: [item] }));
    expect(screen.queryByRole('textbox', { name: /核减原因/ })).not.toBeInTheDocument();
    expect(screen.getByText('缺核减原因')).toBeInTheDocument();
  });
});
