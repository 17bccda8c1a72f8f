/**
 * PLACEHOLDER task pane. Another engineer replaces this component with the real scoring pane;
 * it exists only so the build, the dev server and the end-to-end harness have something to show.
 */
import { Body1, FluentProvider, Title2, webLightTheme } from '@fluentui/react-components';

export function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Title2 as="h1" block>信用建设考核评分</Title2>
        <Body1 as="p" block>（占位页面：评分面板尚在开发中。Placeholder: the scoring pane is not built yet.）</Body1>
      </main>
    </FluentProvider>
  );
}
