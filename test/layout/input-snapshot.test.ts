/**
 * The _cs_inputs snapshot as pure data: the input cells of a unit table, the sheet's lines read
 * back, and the 变更记录 rows between a snapshot and the inputs now.
 */
import type { SheetIndex } from '../../src/layout/binding';
import {
  INPUTS_MARKER,
  inputSlots,
  parseSnapshot,
  snapshotChanges,
  snapshotLines,
  type UnitInputsNow,
} from '../../src/layout/input-snapshot';
import { loadBuiltin } from '../../src/rubric/catalog';

const { rubric } = loadBuiltin('hengdong-2020-members');

/** A table: role row, then 一's item row, 五's item row and the 加分 / 弄虚作假 result rows. */
const index = (self: boolean): SheetIndex => ({
  cols: new Map([
    ['input', 3],
    ['key', 5],
    ...(self
      ? ([
          ['selfInput', 6],
          ['selfScore', 7],
          ['evidence', 8],
        ] as [string, number][])
      : []),
  ]),
  rows: new Map([
    ['c|一', 1],
    ['i|一|leader', 2],
    ['i|五|commitments', 3],
    ['t|bonus', 4],
    ['t|fraud', 5],
  ]),
  keyCol: 5,
});

const unit = (texts: Record<string, string>, self = false): UnitInputsNow => ({
  key: 'u0',
  name: '县发改局',
  inputs: inputSlots(index(self)).map((s) => ({ ...s, text: texts[`${s.column}|${s.rowKey}`] ?? '' })),
});

describe('input snapshot', () => {
  it('lists the 核定 inputs, and the 自评 inputs and each item’s 佐证材料 where the 自评 columns were added', () => {
    expect(inputSlots(index(false)).map((s) => `${s.column}|${s.rowKey}`)).toEqual([
      '核定填报|i|一|leader',
      '核定填报|i|五|commitments',
      '核定填报|t|bonus',
      '核定填报|t|fraud',
    ]);
    const withSelf = inputSlots(index(true)).map((s) => `${s.column}|${s.rowKey}@${s.col}`);
    // 弄虚作假 is the team's finding: no 自评 of it.
    expect(withSelf.slice(4)).toEqual([
      '自评填报|i|一|leader@6',
      '自评填报|i|五|commitments@6',
      '自评填报|t|bonus@6',
      '佐证材料|i|一|leader@8',
      '佐证材料|i|五|commitments@8',
    ]);
  });

  it('reads its lines back, and has none without the marker or for a damaged line', () => {
    const now = unit({ '核定填报|i|一|leader': '是', '核定填报|i|五|commitments': '3' });
    const lines = snapshotLines([now]);
    expect(lines[0]).toBe(INPUTS_MARKER);
    const back = parseSnapshot(lines)!;
    expect(back.get('u0')!.values).toEqual({ 核定填报: { 'i|一|leader': '是', 'i|五|commitments': '3' } });
    expect(parseSnapshot(lines.slice(1))).toBeNull();
    expect(parseSnapshot([INPUTS_MARKER, '{"key":"u0",'])!.size).toBe(0);
  });

  it('gives one row per value changed, set or cleared, and none for a unit the snapshot does not hold', () => {
    const before = parseSnapshot(
      snapshotLines([unit({ '核定填报|i|一|leader': '是', '核定填报|i|五|commitments': '3', '自评填报|t|bonus': '1' }, true)]),
    )!;
    const now = unit(
      { '核定填报|i|一|leader': '否', '自评填报|t|bonus': '1', '佐证材料|i|五|commitments': '台账第 2 页', '核定填报|t|fraud': '是' },
      true,
    );
    const rows = snapshotChanges(rubric, before, [now], 'a.xlsx');
    expect(rows.map((r) => [r.column, r.item.split(' ')[0], r.field, r.old, r.now, r.file])).toEqual([
      ['核定填报', '一', expect.any(String), '是', '否', 'a.xlsx'],
      ['核定填报', '五', expect.any(String), '3', '', 'a.xlsx'],
      ['核定填报', '弄虚作假', '弄虚作假', '', '是', 'a.xlsx'],
      ['佐证材料', '五', '佐证材料', '', '台账第 2 页', 'a.xlsx'],
    ]);
    expect(snapshotChanges(rubric, new Map(), [now])).toEqual([]);
  });

  it('logs no row for the same value spelt otherwise, and compares a text the field cannot read as text', () => {
    const before = parseSnapshot(
      snapshotLines([unit({ '核定填报|i|一|leader': '是', '核定填报|i|五|commitments': '3', '核定填报|t|bonus': '1' })]),
    )!;
    // 是 → 有 (both read as yes), 3 → 3项 (the field's unit), 1 → 1.0 (a 加分 of 1 point): the same inputs.
    const retyped = unit({ '核定填报|i|一|leader': '有', '核定填报|i|五|commitments': '3项', '核定填报|t|bonus': '1.0' });
    expect(snapshotChanges(rubric, before, [retyped])).toEqual([]);
    // 3 → 三项 is not a count the field reads: a change of text, logged as typed.
    const unreadable = unit({ '核定填报|i|一|leader': '是', '核定填报|i|五|commitments': '三项', '核定填报|t|bonus': '1' });
    expect(snapshotChanges(rubric, before, [unreadable]).map((r) => [r.old, r.now])).toEqual([['3', '三项']]);
  });
});
