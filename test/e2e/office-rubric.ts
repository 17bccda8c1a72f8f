/**
 * A new rubric an office writes in the 细则定义 sheet from blank: 4 categories of 5 indicators (20),
 * 5 分 each, in four plain rule kinds. Typed cell by cell in the e2e tests (the pane's sheet through
 * the in-memory host; the page's downloaded file through exceljs).
 */
type Cell = string | number | null;

/** Row 2 on of 细则定义, columns A–O (层级 … 档次表); the rest of the columns stay empty. */
export function indicatorRows(): Cell[][] {
  const rows: Cell[][] = [];
  const cats = ['一', '二', '三', '四'];
  const names = ['组织领导', '制度建设', '信息归集', '信用应用'];
  cats.forEach((cat, c) => {
    rows.push(['类别', cat, cat, names[c], 25]);
    for (let i = 1; i <= 5; i++) {
      const id = `${cat}.${i}`;
      // Indicator i of each category: 1 做到即得分, 2 按个数计分 (1 分/篇, 上限 5), 3 分档计分 on a percent, 4 and 5 考核组评分.
      const common: Cell[] = ['指标', id, String(i), `${names[c]}第${i}项`, 5, `${names[c]}第${i}项的考核内容`];
      if (i === 1) rows.push([...common, '完成的得5分', 'done｜是否完成｜是否', '做到即得分', 'done', 5]);
      else if (i === 2) rows.push([...common, '每报送1篇得1分，最高5分', 'n｜报送篇数｜个数', '按个数计分', 'n', 1, null, null, 5]);
      else if (i === 3)
        rows.push([
          ...common,
          '完成率90%以上得5分，60%以上得3分',
          'rate｜完成率｜百分比',
          '分档计分',
          'rate',
          null,
          null,
          null,
          null,
          '≥90:5；≥60且<90:3；<60:0',
        ]);
      else rows.push([...common, '考核组评分', 'score｜考核组评分｜得分', '考核组评分', 'score']);
    }
  });
  return rows;
}

/** Column B of 考核办法 (the rows the blank sheet asks for), by row number. */
export const METHOD_VALUES: Record<number, Cell> = {
  2: 'testcity-2026-office',
  4: '测试市',
  5: 2026,
  6: '测试市2026年度社会信用体系建设工作考核办法',
  7: '测信用办〔2026〕1号',
  8: '测试市社会信用体系建设领导小组办公室',
  9: '测试市2026年考核办法（本办自定）',
  11: '测试市2026年度社会信用体系建设工作考核指标',
  12: '市直部门',
  25: '优秀≥90；良好≥80；合格≥60；不合格',
  29: '市直部门｜市直部门｜表彰=先进单位:1',
};

/**
 * One unit's answers (indicator id → field → value) and the score the method gives:
 * per category: 一 done 5 + n 3 篇 × 1 = 3 + rate 95% ≥ 90 → 5 + scores 4 + 4.5 = 21.5;
 * the four categories alike → 21.5 × 4 = 86 → 良好 (≥80, <90).
 */
export function unitAnswers(): [indicatorId: string, fieldId: string, value: string | number][] {
  const out: [string, string, string | number][] = [];
  for (const cat of ['一', '二', '三', '四'])
    out.push(
      [`${cat}.1`, 'done', '是'],
      [`${cat}.2`, 'n', 3],
      [`${cat}.3`, 'rate', '95%'],
      [`${cat}.4`, 'score', 4],
      [`${cat}.5`, 'score', 4.5],
    );
  return out;
}
export const EXPECTED_FINAL = 86;
export const EXPECTED_BAND = '良好';
