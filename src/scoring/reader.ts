/**
 * The parsed inputs of the item being scored, by field slot (the field's position in the
 * indicator). Every field is parsed up front so that a bad value is reported even where the rule
 * ends up not needing it; a blank is recorded only when the rule reads it, so a field a gate makes
 * irrelevant does not make the item incomplete. The caller discards the score when anything was
 * recorded (an item is then incomplete or invalid, never 0).
 *
 * One Reader is reused for every item of a unit: scoring 1,000 units × 25 items allocated a
 * reader, a Map and result objects per item before, and the collector's time showed it.
 */
import type { Field } from '../rubric/schema';
import { ZERO, type Rational } from './exact';
import { Rational as RationalClass } from './rational';
import { BLANK as BLANK_VALUE, Invalid, parseValue, type FieldValue, type RawValue } from './values';

const OK = 0;
const BLANK = 1;
const INVALID = 2;

/** Values found by a sequence of reason pieces (Reader.walk). */
export class PieceTrie<T> {
  /** The pieces that follow, and their nodes: a few each, scanned (identical strings compare at once). */
  readonly pieces: string[] = [];
  readonly nodes: PieceTrie<T>[] = [];
  value: T | undefined = undefined;
}

export class Reader {
  private fields: readonly Field[] = [];
  private readonly status: number[] = [];
  private readonly values: (FieldValue | undefined)[] = [];
  /** Slots read while blank, in reading order. */
  readonly blank: number[] = [];
  readonly invalid: { field: Field; message: string }[] = [];
  /** Fields with a value (valid or not), for progress. */
  filled = 0;
  /**
   * The pieces of the item's reason, said by the rules as they evaluate (a composite's parts say
   * theirs in turn) and joined once by reason(): one flat string per item and no intermediate
   * strings, where joining per rule copied a composite's text twice.
   */
  private readonly pieces: string[] = [];
  private said = 0;
  private showsValues = false;
  private readonly joinBuffers: string[][] = [];
  /**
   * Slot of the field the item's maximum is read from (朝阳: the office sets the points), or −1:
   * a limit read from a bad value proves nothing about the score checked against it.
   */
  limitSlot = -1;
  /** The exact score and maximum of the item scored last (null when it has none). */
  score: Rational | null = null;
  max: Rational | null = null;

  load(fields: readonly Field[], raw: Record<string, RawValue>): void {
    this.fields = fields;
    this.said = 0;
    this.showsValues = false;
    // Overwritten by index, never truncated: truncating frees the backing store and every item
    // would grow it again.
    if (this.blank.length > 0) this.blank.length = 0;
    if (this.invalid.length > 0) this.invalid.length = 0;
    this.filled = 0;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      const v = parseValue(f, raw[f.id]);
      if (v === BLANK_VALUE) {
        this.status[i] = BLANK;
        this.values[i] = undefined;
      } else if (v instanceof Invalid) {
        this.status[i] = INVALID;
        this.values[i] = undefined;
        this.filled++;
        this.invalid.push({ field: f, message: v.message });
      } else {
        this.status[i] = OK;
        this.values[i] = v;
        this.filled++;
      }
    }
  }

  /** Adds a piece to the item's reason. */
  say(piece: string): void {
    this.pieces[this.said++] = piece;
  }

  /** Adds a piece that shows a typed value (a count, a ratio, a score): the reason is then the unit's own. */
  sayValue(piece: string): void {
    this.pieces[this.said++] = piece;
    this.showsValues = true;
  }

  /**
   * Whether the reason is made only of texts the rubric fixes (labels, 是/否, levels, conditions met,
   * and the points they add up to): such an item has few possible results, the same for every unit.
   */
  saidOnlyRubricTexts(): boolean {
    return !this.showsValues;
  }

  /**
   * The node of `trie` for the pieces said so far, made on the way when `grow` allows; null when
   * absent. Pieces that only the rubric fixes are the same few strings unit after unit: walking
   * them is cheaper than joining them and hashing the fresh reason.
   */
  walk<T>(trie: PieceTrie<T>, grow: boolean): PieceTrie<T> | null {
    let node = trie;
    for (let i = 0; i < this.said; i++) {
      const piece = this.pieces[i];
      const known = node.pieces;
      let next: PieceTrie<T> | undefined;
      for (let k = 0; k < known.length; k++)
        if (known[k] === piece) {
          next = node.nodes[k];
          break;
        }
      if (next === undefined) {
        if (!grow) return null;
        next = new PieceTrie<T>();
        known.push(piece);
        node.nodes.push(next);
      }
      node = next;
    }
    return node;
  }

  /** The item's reason: its pieces joined. */
  reason(): string {
    const n = this.said;
    if (n === 1) return this.pieces[0];
    // Joined through an array of exactly n slots, kept per n: setting the buffer's length instead
    // made V8 trim and regrow its backing store item after item.
    let buf = this.joinBuffers[n];
    if (buf === undefined) this.joinBuffers[n] = buf = new Array<string>(n).fill('');
    for (let i = 0; i < n; i++) buf[i] = this.pieces[i];
    return buf.join('');
  }

  field(slot: number): Field {
    return this.fields[slot];
  }

  private read(slot: number): FieldValue | undefined {
    const st = this.status[slot];
    if (st === OK) return this.values[slot];
    if (st === BLANK && !this.blank.includes(slot)) this.blank.push(slot);
    return undefined;
  }

  /** The parsed value, or a neutral placeholder after recording the field as blank. */
  yesno(slot: number): boolean {
    return this.read(slot) === true;
  }

  num(slot: number): Rational {
    const v = this.read(slot);
    return v instanceof RationalClass ? v : ZERO;
  }

  choice(slot: number): string {
    const v = this.read(slot);
    return typeof v === 'string' ? v : '';
  }

  /** Whether anything was typed in the field, valid or not. */
  isFilled(slot: number): boolean {
    return this.status[slot] !== BLANK;
  }

  /** The parsed value of a valid field, without recording anything (undefined when blank or invalid). */
  value(slot: number): FieldValue | undefined {
    return this.status[slot] === OK ? this.values[slot] : undefined;
  }

  /** Whether the field holds a valid value (read without recording a blank). */
  hasValue(slot: number): boolean {
    return this.status[slot] === OK;
  }

  /** Records a value the rule cannot accept (e.g. a manual score above its maximum); the item becomes invalid. */
  reject(slot: number, message: string): void {
    // A limit computed from a blank (朝阳: the office has not set the item's points yet) proves nothing,
    // nor one typed wrong (its own error is reported).
    if (this.blank.length > 0) return;
    if (this.limitSlot >= 0 && this.status[this.limitSlot] !== OK) return;
    const f = this.fields[slot];
    if (!this.invalid.some((x) => x.field === f)) this.invalid.push({ field: f, message });
  }
}
