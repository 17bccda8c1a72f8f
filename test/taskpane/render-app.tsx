/**
 * Renders the task pane for tests. Griffel (Fluent's CSS-in-JS) normally inserts several hundred
 * style rules; jsdom's getComputedStyle re-matches all of them on every call, which makes role
 * queries take seconds. Tests do not need the styles (jsdom has no layout), so by default the
 * renderer drops them: class names are still applied, and the UA stylesheet (e.g. [hidden]) still
 * works; the theme's CSS variables are dropped too. `withStyles: true` keeps Fluent's real styles (used by the accessibility check).
 */
import { render } from '@testing-library/react';
import { RendererProvider, createDOMRenderer } from '@fluentui/react-components';
import userEvent from '@testing-library/user-event';
import { App, type AppProps } from '../../src/taskpane/App';

export function renderApp(props: AppProps, options: { withStyles?: boolean } = {}) {
  const renderer = createDOMRenderer(document, options.withStyles ? {} : { unstable_filterCSSRule: () => false });
  const result = render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      <App {...props} />
    </RendererProvider>,
  );
  if (!options.withStyles) dropThemeRules();
  return result;
}

/**
 * FluentProvider writes its theme (≈600 CSS variables in one rule) into its own <style> tag; jsdom
 * re-parses that rule on every getComputedStyle of every element below the provider (≈4 ms each).
 * Nothing reads the variables once the component rules are dropped, so remove it too. The tag is
 * written once per provider mount (and again only if the theme changes, which App never does).
 */
function dropThemeRules() {
  document.querySelectorAll<HTMLStyleElement>('style[id^="fui-FluentProvider"]').forEach((tag) => {
    const sheet = tag.sheet;
    while (sheet && sheet.cssRules.length > 0) sheet.deleteRule(0);
  });
}

/** userEvent without the per-event pointer-events check (one getComputedStyle per ancestor per event). */
export function setupUser() {
  return userEvent.setup({ pointerEventsCheck: 0 });
}
