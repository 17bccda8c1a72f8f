/** @jest-environment jsdom */
import './setup-dom';
import { screen } from '@testing-library/react';
import { FakeController } from './fake-controller';
import { renderApp, setupUser } from './render-app';

function withLanguage(displayLanguage: string) {
  const fake = new FakeController();
  fake.hostInfo = { ...fake.hostInfo, displayLanguage };
  return fake;
}

describe('language', () => {
  test.each([
    ['zh-CN', '信用建设考核评分'],
    ['zh-TW', '信用建设考核评分'],
    ['ZH-hk', '信用建设考核评分'],
    ['en-US', 'Credit Assessment Scoring'],
    ['en-GB', 'Credit Assessment Scoring'],
    ['fr-FR', 'Credit Assessment Scoring'],
    ['', 'Credit Assessment Scoring'],
  ])('displayLanguage %p → %p', (lang, title) => {
    renderApp({ controller: withLanguage(lang) });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(title);
  });

  test('the 中文 / English toggle changes the visible text and the lang attribute', async () => {
    const user = setupUser();
    const { container } = renderApp({ controller: withLanguage('zh-CN') });
    const zh = screen.getByRole('button', { name: '中文' });
    const en = screen.getByRole('button', { name: 'English' });
    expect(screen.getByRole('group', { name: '界面语言' })).toContainElement(zh);
    expect(zh).toHaveAttribute('aria-pressed', 'true');
    expect(en).toHaveAttribute('aria-pressed', 'false');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(container.querySelector('[lang="zh-CN"]')).toContainElement(screen.getByRole('heading', { level: 1 }));
    expect(screen.getByRole('heading', { name: '被考核单位名单' })).toBeInTheDocument();

    await user.click(en);
    expect(en).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement.lang).toBe('en-US');
    expect(document.title).toBe('Credit Assessment Scoring');
    expect(container.querySelector('[lang="en-US"]')).toContainElement(screen.getByRole('heading', { level: 1 }));
    expect(screen.getByRole('heading', { name: 'Assessed units' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Choose a rubric' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create scoring workbook' })).toBeInTheDocument();
    expect(screen.queryByText('被考核单位名单')).not.toBeInTheDocument();
    // The buttons name their language in that language.
    expect(screen.getByRole('button', { name: '中文' })).toHaveAttribute('lang', 'zh-CN');

    await user.click(screen.getByRole('button', { name: '中文' }));
    expect(screen.getByRole('heading', { name: '被考核单位名单' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  test('no Chinese is left in the English UI chrome (controller messages excepted)', async () => {
    const user = setupUser();
    renderApp({ controller: withLanguage('en-US') });
    await user.click(screen.getByRole('combobox', { name: 'Rubric' }));
    await user.click(await screen.findByRole('option', { name: /衡东县/ }));
    await user.click(screen.getByRole('button', { name: 'Notes on the rules (25)' }));
    expect(screen.getAllByText('General', { selector: '.fui-Badge' }).length).toBeGreaterThan(0);
    expect(screen.getAllByText('Item 三.1', { selector: '.fui-Badge' }).length).toBeGreaterThan(0);
    const labels = Array.from(
      document.querySelectorAll('h1, h2, h3, label, button:not([role="combobox"]):not(.fui-AccordionHeader__button)'),
    )
      .map((e) => e.textContent ?? '')
      .filter((t) => t && t !== '中文');
    const chinese = labels.filter((t) => /[\u4e00-\u9fff]/.test(t));
    expect(chinese).toEqual([]);
  });
});
