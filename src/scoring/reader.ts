/**
 * The parsed inputs of one item, read by its rule. Every field is parsed up front so that a bad
 * value is reported even where the rule ends up not needing it; a blank is recorded only when the
 * rule reads it, so a field a gate makes irrelevant does not make the item incomplete. The caller
 * discards the score when anything was recorded (an item is then incomplete or invalid, never 0).
 */
import type { Field } from '../rubric/schema';
import { ZERO } from './exact';
import { Rational } from './rational';
import { parseFieldValue, type Parsed, type RawValue } from './values';

export class ItemReader {
  /** The parse of each field, in the fields' order. */
  private readonly parsed: Parsed[];
  /** Fields read while blank, in reading order. */
  readonly blank: Field[] = [];
  /** Fields typed wrong, or refused by the rule (reject). */
  readonly invalid: { field: Field; message: string }[] = [];
  /** Fields with a value (valid or not), for progress. */
  readonly filled: number;

  /**
   * `limitField`: the field the item's maximum is read from (朝阳: the office sets the points), if
   * any; a limit read from a blank or a bad value proves nothing about a score checked against it.
   */
  constructor(
    readonly fields: readonly Field[],
    raw: Record<string, RawValue>,
    private readonly limitField?: string,
  ) {
    this.parsed = fields.map((f) => parseFieldValue(f, raw[f.id]));
    let filled = 0;
    this.parsed.forEach((p, i) => {
      if (p.status !== 'blank') filled++;
      if (p.status === 'invalid') this.invalid.push({ field: fields[i], message: p.message });
    });
    this.filled = filled;
  }

  field(id: string): Field {
    return this.fields[this.slot(id)];
  }

  private slot(id: string): number {
    const i = this.fields.findIndex((f) => f.id === id);
    if (i < 0) throw new Error(`rubric bug: field ${id} is not an input of this indicator`); // prevented by validateRubric
    return i;
  }

  /** A field's label without its 是否 prefix, as used in reasons. */
  label(id: string): string {
    const label = this.field(id).label;
    return label.startsWith('是否') ? label.slice(2) : label;
  }

  /** The value, or undefined after recording a blank field as read. */
  private read(id: string) {
    const i = this.slot(id);
    const p = this.parsed[i];
    if (p.status === 'ok') return p.value;
    if (p.status === 'blank' && !this.blank.includes(this.fields[i])) this.blank.push(this.fields[i]);
    return undefined;
  }

  /** The parsed value, or a neutral placeholder (否, 0, no choice) after recording the field as blank. */
  yesno(id: string): boolean {
    return this.read(id) === true;
  }
  num(id: string): Rational {
    const v = this.read(id);
    return v instanceof Rational ? v : ZERO;
  }
  choice(id: string): string {
    const v = this.read(id);
    return typeof v === 'string' ? v : '';
  }

  /** The value of a valid field, without recording anything (undefined when blank or invalid). */
  value(id: string) {
    const p = this.parsed[this.slot(id)];
    return p.status === 'ok' ? p.value : undefined;
  }
  hasValue(id: string): boolean {
    return this.parsed[this.slot(id)].status === 'ok';
  }
  isFilled(id: string): boolean {
    return this.parsed[this.slot(id)].status !== 'blank';
  }

  /** Records a value the rule cannot accept (a manual score above its maximum); the item becomes invalid. */
  reject(id: string, message: string): void {
    if (this.blank.length > 0) return;
    if (this.limitField !== undefined && !this.hasValue(this.limitField)) return;
    const f = this.field(id);
    if (!this.invalid.some((x) => x.field === f)) this.invalid.push({ field: f, message });
  }
}
