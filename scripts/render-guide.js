/**
 * The user guide (docs/用户指南.md) as a page of the built site, help/index.html, so that the 帮助 link of
 * the task pane and the page opens it offline (file://, intranet). Markdown through `marked`; the
 * guide's screenshots (docs/screenshots/*.png, written by the e2e tests) are copied beside it by
 * webpack.config.js. The page has the same Content-Security-Policy as the pane: no script at all.
 */
'use strict';

// marked 15: the last major with a CommonJS build (16+ ship ES modules only, which jest cannot require).
const { marked } = require('marked');

const STYLE = `
  body { font-family: 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif; line-height: 1.7;
         color: #242424; max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
  h3 { font-size: 1.1rem; } img { max-width: 100%; border: 1px solid #ccc; }
  code, pre { font-family: Consolas, 'Noto Sans Mono CJK SC', monospace; background: #f5f5f5; }
  pre { padding: .75rem; overflow-x: auto; } table { border-collapse: collapse; }
  td, th { border: 1px solid #ccc; padding: .25rem .5rem; vertical-align: top; }`;

/**
 * A line break inside a Chinese paragraph is no space: browsers would show one ("填写后 自动计分").
 * Joins a line ending in a Chinese character or punctuation with a next line that starts with one
 * (which is never a list, table, heading or code line), outside fenced code.
 */
function joinChineseLines(markdown) {
  const cjk = '\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef';
  const join = new RegExp(`([${cjk}])\\n(?=[${cjk}])`, 'g');
  return markdown
    .split(/(^```[\s\S]*?^```)/m)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(join, '$1')))
    .join('');
}

function renderGuide(markdown, { title = '使用指南 · 信用建设考核评分', csp } = {}) {
  const body = marked.parse(joinChineseLines(markdown), { async: false });
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
${csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}" />\n` : ''}<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

module.exports = { renderGuide, joinChineseLines };
