/**
 * A small subset of Excel number formatting, for `range.text`: General, "@", "0", "0.00", "#,##0.00", "0%",
 * literal text in quotes, up to four ";" sections, and y/m/d h:mm:ss date codes. Anything fancier falls back to General.
 */
import { CellValue } from './values';

export function formatGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    return n
      .toExponential(5)
      .toUpperCase()
      .replace(/\.?0+E/, 'E')
      .replace(/E([+-])(\d)$/, (_m, sign: string, digit: string) => `E${sign}0${digit}`);
  }
  const s = Number(n.toPrecision(10)).toString();
  return s.length > 11 ? Number(n.toPrecision(9)).toString() : s;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < fmt.length) {
      cur += ch + fmt[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function stripLiterals(section: string): { prefix: string; core: string; suffix: string } {
  // Removes colour/condition brackets, keeps quoted text and escaped characters as literal prefix/suffix.
  const s = section.replace(/\[[^\]]*\]/g, '');
  let prefix = '';
  let suffix = '';
  let core = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    let lit: string | null = null;
    if (ch === '"') {
      const end = s.indexOf('"', i + 1);
      lit = s.slice(i + 1, end < 0 ? s.length : end);
      i = end < 0 ? s.length : end;
    } else if (ch === '\\') {
      lit = s[++i] ?? '';
    } else if (ch === '_') {
      i++;
      lit = ' ';
    } else if (!/[0#?.,%Ee+-]/.test(ch) || (ch === '-' && core === '')) {
      lit = ch === '*' ? (i++, '') : ch;
    }
    if (lit !== null) {
      if (core === '') prefix += lit;
      else suffix += lit;
    } else core += ch;
  }
  return { prefix, core, suffix };
}

function formatNumberCore(n: number, core: string): string {
  if (core === '') return '';
  const percent = (core.match(/%/g) ?? []).length;
  let x = n * Math.pow(100, percent);
  const body = core.replace(/%/g, '');
  const dot = body.indexOf('.');
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const fracPart = dot < 0 ? '' : body.slice(dot + 1);
  const decimals = (fracPart.match(/[0#?]/g) ?? []).length;
  const minDecimals = (fracPart.match(/0/g) ?? []).length;
  const grouping = intPart.includes(',') && /[0#?],[0#?]/.test(intPart);
  const minInt = (intPart.match(/0/g) ?? []).length;
  x = Math.abs(x);
  let fixed = x.toFixed(decimals);
  let [i, f = ''] = fixed.split('.');
  while (f.length > minDecimals && f.endsWith('0')) f = f.slice(0, -1);
  if (i === '0' && minInt === 0) i = '';
  while (i.length < minInt) i = '0' + i;
  if (grouping) i = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  fixed = f.length > 0 ? `${i}.${f}` : decimals > 0 && fracPart.includes('0') ? `${i}.` : i;
  return fixed + '%'.repeat(percent);
}

function formatDate(serial: number, section: string): string {
  const ms = Math.round(serial * 86400000) + Date.UTC(1899, 11, 30);
  const d = new Date(ms);
  const tokens = section.replace(/\[[^\]]*\]/g, '').replace(/"([^"]*)"/g, '$1');
  const hasHour = /h/i.test(tokens);
  return tokens.replace(/yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|AM\/PM/gi, (tok, offset: number) => {
    const t = tok.toLowerCase();
    const pad = (v: number) => String(v).padStart(2, '0');
    switch (t) {
      case 'yyyy':
        return String(d.getUTCFullYear());
      case 'yy':
        return pad(d.getUTCFullYear() % 100);
      case 'mm':
      case 'm': {
        const minuteContext = hasHour && /h[^a-z]*$/i.test(tokens.slice(0, offset));
        if (minuteContext) return t === 'mm' ? pad(d.getUTCMinutes()) : String(d.getUTCMinutes());
        return t === 'mm' ? pad(d.getUTCMonth() + 1) : String(d.getUTCMonth() + 1);
      }
      case 'mmm':
      case 'mmmm':
        return String(d.getUTCMonth() + 1) + '月';
      case 'dd':
        return pad(d.getUTCDate());
      case 'd':
        return String(d.getUTCDate());
      case 'hh':
        return pad(d.getUTCHours());
      case 'h':
        return String(d.getUTCHours());
      case 'ss':
        return pad(d.getUTCSeconds());
      case 's':
        return String(d.getUTCSeconds());
      default:
        return tok;
    }
  });
}

export function isDateFormat(fmt: string): boolean {
  const s = fmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '');
  return /[ymdhs]/i.test(s) && !/[0#]/.test(s);
}

/** The text Excel would display for a cell with this number format (no column-width "###" truncation). */
export function formatCellText(c: CellValue | undefined, numberFormat: string): string {
  if (!c || c.v === null) return '';
  if (c.err) return String(c.v);
  if (typeof c.v === 'boolean') return c.v ? 'TRUE' : 'FALSE';
  const sections = splitSections(numberFormat || 'General');
  if (typeof c.v === 'string') {
    const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => s.includes('@'));
    return textSection ? textSection.replace(/"([^"]*)"/g, '$1').replace('@', c.v) : c.v;
  }
  const n = c.v;
  let section = sections[0];
  let negativeHandled = false;
  if (n < 0 && sections.length >= 2) {
    section = sections[1];
    negativeHandled = true;
  } else if (n === 0 && sections.length >= 3) section = sections[2];
  if (/^general$/i.test(section.trim()) || section.trim() === '') return formatGeneral(negativeHandled ? Math.abs(n) : n);
  if (section.trim() === '@') return formatGeneral(n);
  if (isDateFormat(section)) return formatDate(n, section);
  const { prefix, core, suffix } = stripLiterals(section);
  const sign = n < 0 && !negativeHandled ? '-' : '';
  return `${sign}${prefix}${formatNumberCore(n, core)}${suffix}`;
}
