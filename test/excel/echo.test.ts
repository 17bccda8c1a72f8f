import { EchoFilter } from '../../src/excel/echo';
import { parseAddress } from '../../src/excel/address';

describe('parseAddress', () => {
  it('reads cells, areas, sheet-qualified and whole rows', () => {
    expect(parseAddress('B7')).toEqual({ fromRow: 6, toRow: 6, fromCol: 1, toCol: 1 });
    expect(parseAddress("'县 公安局'!B7:D9")).toEqual({ fromRow: 6, toRow: 8, fromCol: 1, toCol: 3 });
    expect(parseAddress('AA10')).toEqual({ fromRow: 9, toRow: 9, fromCol: 26, toCol: 26 });
    expect(parseAddress('5:6')?.fromRow).toBe(4);
    expect(parseAddress('??')).toBeNull();
  });
});

describe('EchoFilter', () => {
  it('an event over cells the add-in wrote is an echo, once', () => {
    const t = 0;
    const f = new EchoFilter(() => t);
    f.record('s1', 6, 8, 2); // I7:J7
    expect(f.isEcho('s1', 'I7:J7')).toBe(true);
    expect(f.isEcho('s1', 'I7')).toBe(false); // consumed
  });
  it('a block write (rows × columns) echoes as one event over the block', () => {
    const f = new EchoFilter(() => 0);
    f.record('s1', 6, 8, 2, 3); // I7:J9
    expect(f.isEcho('s1', 'I7:J10')).toBe(false); // row 10 was not written
    expect(f.isEcho('s1', 'I7:J9')).toBe(true);
    expect(f.isEcho('s1', 'J9')).toBe(false); // consumed
  });
  it('a user edit touching any cell not written is not an echo', () => {
    const f = new EchoFilter(() => 0);
    f.record('s1', 6, 8, 1);
    expect(f.isEcho('s1', 'H7:I7')).toBe(false);
    expect(f.isEcho('s2', 'I7')).toBe(false);
    expect(f.isEcho('s1', 'I7')).toBe(true);
  });
  it('remembered cells expire', () => {
    let t = 0;
    const f = new EchoFilter(() => t);
    f.record('s1', 0, 0);
    t = 60_000;
    expect(f.isEcho('s1', 'A1')).toBe(false);
  });
});
