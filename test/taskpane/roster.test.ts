import { nameKey, parseRosterText, resolveRoster, rosterToText } from '../../src/taskpane/roster';

const ONE = [{ id: '成员单位', label: '县社会信用体系建设领导小组成员单位' }];
const TWO = [
  { id: '成员单位', label: '市社会信用体系建设工作领导小组成员单位' },
  { id: '县区', label: '县（市）区人民政府' },
];

describe('parseRosterText', () => {
  test('one name per line; CRLF; trailing blank lines dropped; full-width spaces trimmed', () => {
    expect(parseRosterText('县发改局\r\n\u3000县公安局 \r\n\r\n  \n')).toEqual([
      { line: 1, name: '县发改局', groupText: null },
      { line: 2, name: '县公安局', groupText: null },
    ]);
    expect(parseRosterText('')).toEqual([]);
    expect(parseRosterText('\n\n')).toEqual([]);
  });

  test('tab-separated name and group (pasted from two Excel columns); extra columns ignored', () => {
    expect(parseRosterText('市发改委\t成员单位\n朝阳县\t县区\t备注\n北票市\t\n')).toEqual([
      { line: 1, name: '市发改委', groupText: '成员单位' },
      { line: 2, name: '朝阳县', groupText: '县区' },
      { line: 3, name: '北票市', groupText: null },
    ]);
  });

  test('blank lines in the middle are kept (they are reported as empty names)', () => {
    expect(parseRosterText('\nA\n\nB').map((l) => l.name)).toEqual(['', 'A', '', 'B']);
  });
});

describe('resolveRoster', () => {
  test('empty and duplicate names, with line numbers, sorted by line', () => {
    const r = resolveRoster(parseRosterText('A\n\nB\nA\n县（市）局\n县(市) 局\n\tX'), ONE, '成员单位');
    expect(r.issues).toEqual([
      { kind: 'duplicate', name: 'A', lines: [1, 4] },
      { kind: 'empty', line: 2 },
      { kind: 'duplicate', name: '县（市）局', lines: [5, 6] },
      { kind: 'empty', line: 7 },
    ]);
    expect(r.entries.map((e) => e.name)).toEqual(['A', 'B', 'A', '县（市）局', '县(市) 局']);
  });

  test('groups: per-unit override > pasted group (id or label) > default', () => {
    const lines = parseRosterText('市发改委\n朝阳县\t县（市）区人民政府\n北票市\t县区\n市公安局\t成员单位');
    const r = resolveRoster(lines, TWO, '成员单位', { [nameKey('市公安局')]: '县区' });
    expect(r.issues).toEqual([]);
    expect(r.entries).toEqual([
      { name: '市发改委', group: '成员单位' },
      { name: '朝阳县', group: '县区' },
      { name: '北票市', group: '县区' },
      { name: '市公安局', group: '县区' },
    ]);
  });

  test('unknown pasted groups are issues; an override settles them', () => {
    const lines = parseRosterText('北票市\t乡镇');
    expect(resolveRoster(lines, TWO, '成员单位').issues).toEqual([{ kind: 'unknownGroup', line: 1, group: '乡镇' }]);
    expect(resolveRoster(lines, TWO, '成员单位', { 北票市: '县区' }).issues).toEqual([]);
  });

  test('without a rubric (no groups) pasted groups are not judged yet', () => {
    expect(resolveRoster(parseRosterText('A\tB'), [], '').issues).toEqual([]);
  });
});

test('rosterToText writes names only for one group, name<TAB>group for several', () => {
  const entries = [
    { name: 'A', group: '成员单位' },
    { name: 'B', group: '县区' },
  ];
  expect(rosterToText(entries, ONE)).toBe('A\nB');
  expect(rosterToText(entries, TWO)).toBe('A\t成员单位\nB\t县区');
  expect(resolveRoster(parseRosterText(rosterToText(entries, TWO)), TWO, '成员单位').entries).toEqual(entries);
});
