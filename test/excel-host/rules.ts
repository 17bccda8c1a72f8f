/** Excel's naming and value rules: sheet names, defined names, colours, enumerated format values. */
import { looksLikeCellReference } from './addresses';
import { RichApiError, invalidArgument, richError } from './errors';

/** Throws InvalidArgument / ItemAlreadyExists exactly where Excel refuses a sheet name. */
export function checkSheetName(name: unknown, others: string[], location: string): string {
  if (typeof name !== 'string') throw invalidArgument('name', location);
  if (name.length === 0 || name.length > 31) throw invalidArgument('name', location);
  if (/[:\\/?*[\]]/.test(name)) throw invalidArgument('name', location);
  if (name.startsWith("'") || name.endsWith("'")) throw invalidArgument('name', location);
  if (name.toLowerCase() === 'history') throw invalidArgument('name', location);
  const lower = name.toLowerCase();
  if (others.some((o) => o.toLowerCase() === lower)) throw richError('ItemAlreadyExists', undefined, location);
  return name;
}

/**
 * Defined names (and table names): start with a letter, "_" or "\", then letters, digits, ".", "_", "\";
 * no spaces; at most 255 characters; not a cell reference (A1, R1C1, "R", "C"); not TRUE/FALSE.
 */
export function isValidDefinedName(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (looksLikeCellReference(name)) return false;
  if (/^(true|false)$/i.test(name)) return false;
  return true;
}

export function checkDefinedName(name: unknown, taken: string[], location: string): string {
  if (!isValidDefinedName(name)) throw invalidArgument('name', location);
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) throw richError('ItemAlreadyExists', undefined, location);
  return name;
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  purple: '#800080',
  gray: '#808080',
  grey: '#808080',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  darkgray: '#A9A9A9',
  silver: '#C0C0C0',
  lime: '#00FF00',
  aqua: '#00FFFF',
  cyan: '#00FFFF',
  magenta: '#FF00FF',
  fuchsia: '#FF00FF',
  navy: '#000080',
  teal: '#008080',
  maroon: '#800000',
  olive: '#808000',
  pink: '#FFC0CB',
  lightblue: '#ADD8E6',
  lightgreen: '#90EE90',
  lightyellow: '#FFFFE0',
  darkred: '#8B0000',
  darkgreen: '#006400',
  darkblue: '#00008B',
  brown: '#A52A2A',
  gold: '#FFD700',
};

/** Accepts "#RRGGBB", "#RGB" and HTML colour names like "red"; returns "#RRGGBB" upper-case like Excel reports it. */
export function normalizeColor(color: unknown, location: string): string {
  if (typeof color !== 'string') throw invalidArgument('color', location);
  const m = /^#([0-9a-fA-F]{6})$/.exec(color.trim());
  if (m) return `#${m[1].toUpperCase()}`;
  const short = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(color.trim());
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase();
  const named = NAMED_COLORS[color.trim().toLowerCase()];
  if (named) return named;
  throw invalidArgument('color', location);
}

export function checkEnum<T extends string>(value: unknown, allowed: readonly T[], what: string, location: string): T {
  if (typeof value === 'string') {
    const hit = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (hit) return hit;
  }
  throw invalidArgument(what, location);
}

export const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'] as const;
export const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'] as const;
export const BORDER_INDEX = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
] as const;
export const BORDER_STYLE = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'] as const;
export const BORDER_WEIGHT = ['Hairline', 'Thin', 'Medium', 'Thick'] as const;
export const UNDERLINE = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'] as const;
export const VISIBILITY = ['Visible', 'Hidden', 'VeryHidden'] as const;

export function checkNumber(v: unknown, what: string, location: string, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw invalidArgument(what, location);
  return v;
}

export function checkBoolean(v: unknown, what: string, location: string): boolean {
  if (typeof v !== 'boolean') throw invalidArgument(what, location);
  return v;
}

export function isRichApiError(e: unknown): e is RichApiError {
  return e instanceof RichApiError;
}
