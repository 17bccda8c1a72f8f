/** @jest-environment jsdom */
import './setup-dom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, screen, waitFor } from '@testing-library/react';
import { FakeController, FakeFileController } from './fake-controller';
import { renderApp, setupUser } from './render-app';

describe('host states', () => {
  test("'excel-too-old' says what is needed (ExcelApi 1.8 shown by WebView2, as the legacy-Office message says), offers the web page, and shows the detected version", () => {
    const fake = new FakeController();
    fake.hostInfo = { mode: 'excel-too-old', apiVersion: '1.7', displayLanguage: 'zh-CN' };
    renderApp({ controller: fake });
    expect(screen.getByRole('heading', { level: 2, name: 'Excel 版本过低，无法使用本加载项' })).toBeInTheDocument();
    const body = screen.getByText(/本加载项需要 ExcelApi 1\.8 及以上，并由 Microsoft Edge WebView2 显示/);
    expect(body).toHaveTextContent(/Microsoft 365.*Office 2021.*装有 WebView2 运行时的 Office 2019.*Excel 网页版/);
    // Where the add-in cannot run, the page can: the message offers it.
    expect(body).toHaveTextContent(/在浏览器中打开本工具的网页.*生成评分表、计分并导出附件/);
    // The old-Office message of taskpane.html states the same requirement in the same words.
    const html = readFileSync(join(__dirname, '../../src/taskpane/taskpane.html'), 'utf8');
    expect(html).toContain(
      '本加载项需要 ExcelApi 1.8 及以上，并由 Microsoft Edge WebView2 显示：Microsoft 365、Office 2021 或更高版本、装有 WebView2 运行时的 Office 2019，或 Excel 网页版。',
    );
    expect(html).toMatch(/不升级也能完成全部工作：在 Chrome、Edge 等浏览器中打开本工具的网页/);
    expect(screen.getByText('检测到的版本：ExcelApi 1.7')).toBeInTheDocument();
    // Nothing else to do in this host.
    expect(screen.queryByRole('heading', { name: '选择评分细则' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '生成评分表' })).not.toBeInTheDocument();
  });

  test("'excel-too-old' without a version says it is unknown; English too", async () => {
    const user = setupUser();
    const fake = new FakeController();
    fake.hostInfo = { mode: 'excel-too-old', apiVersion: null, displayLanguage: 'zh-CN' };
    renderApp({ controller: fake });
    expect(screen.getByText('检测到的版本：ExcelApi 未知')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByText('Detected version: ExcelApi unknown')).toBeInTheDocument();
    expect(screen.getByText(/needs ExcelApi 1\.8 or later, shown by Microsoft Edge WebView2/)).toBeInTheDocument();
  });

  test("'browser' says the page is outside Excel and is a complete tool; without scoreFile, file mode is said to be unavailable", () => {
    const fake = new FakeController();
    fake.hostInfo = { mode: 'browser', apiVersion: null, displayLanguage: 'zh-CN' };
    renderApp({ controller: fake });
    expect(screen.getByText('当前页面不是在 Excel 中打开的')).toBeInTheDocument();
    expect(screen.getByText('当前版本未提供文件模式，请在 Excel 中使用本加载项。')).toBeInTheDocument();
    expect(screen.queryByLabelText('选择已填写的评分表（.xlsx）')).not.toBeInTheDocument();
    // The whole workflow is offered: rubric, roster, 生成评分表 (which downloads the blank workbook).
    expect(screen.getByRole('heading', { name: '选择评分细则' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '生成评分表' })).toBeInTheDocument();
    expect(screen.getByText(/没有 Excel 也能完成全部工作/)).toBeInTheDocument();
  });

  test("'browser' with scoreFile: a filled .xlsx is scored and the downloads are explained", async () => {
    const user = setupUser();
    const fake = new FakeFileController();
    fake.hostInfo = { mode: 'browser', apiVersion: null, displayLanguage: 'zh-CN' };
    renderApp({ controller: fake });
    const input = screen.getByLabelText('选择已填写的评分表（.xlsx）');
    expect(input).toHaveAttribute('accept', expect.stringContaining('.xlsx'));
    expect(input).toHaveAccessibleDescription('计分完成后，浏览器会下载两个文件：计分后的评分表和考核结果附件。');

    const file = new File([new Uint8Array([80, 75, 3, 4])], '衡东2020评分表.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    await user.upload(input, file);
    await waitFor(() => expect(fake.callsOf('scoreFile')).toHaveLength(1));
    expect((fake.callsOf('scoreFile')[0][0] as File).name).toBe('衡东2020评分表.xlsx');
    expect(screen.getByText('正在计分…')).toBeInTheDocument();
    await act(async () => fake.scoreFileDeferred!.resolve());
    expect(await screen.findByText('「衡东2020评分表.xlsx」已计分，请在浏览器的下载列表中查看评分表和附件。')).toBeInTheDocument();

    await user.upload(input, file);
    await waitFor(() => expect(fake.callsOf('scoreFile')).toHaveLength(2));
    await act(async () => fake.scoreFileDeferred!.reject(new Error('这不是本加载项生成的评分表（缺少「_细则」工作表）。')));
    expect(await screen.findByText('计分失败')).toBeInTheDocument();
    expect(screen.getByText('这不是本加载项生成的评分表（缺少「_细则」工作表）。')).toBeInTheDocument();
  });
});
