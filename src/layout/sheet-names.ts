/**
 * Excel's worksheet-name rules: at most 31 characters, none of : \ / ? * [ ], not starting or ending
 * with an apostrophe, not empty, not "History" (reserved), unique regardless of case. Unit names
 * are shortened and de-duplicated to fit; the full name stays in the sheet's title.
 */
export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;

export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return '工作表名称不能为空';
  if ([...name].length > MAX_SHEET_NAME) return `工作表名称不能超过 ${MAX_SHEET_NAME} 个字符`;
  if (/[:\\/?*[\]]/.test(name)) return '工作表名称不能包含 : \\ / ? * [ ]';
  if (name.startsWith("'") || name.endsWith("'")) return '工作表名称不能以单引号开头或结尾';
  if (name.toLowerCase() === 'history') return '“History” 是 Excel 保留的工作表名称';
  return null;
}

/** Truncates by characters (code points), so a CJK name is never cut inside a surrogate pair. */
function truncate(name: string, max: number): string {
  const chars = [...name];
  return chars.length <= max ? name : chars.slice(0, max).join('');
}

// eslint-disable-next-line no-control-regex -- control characters are not allowed in sheet names: removed
const CONTROL_CHARACTERS = /[\u0000-\u001f]/g;

function clean(name: string): string {
  let s = name.replace(FORBIDDEN, '_').replace(CONTROL_CHARACTERS, '').trim();
  s = s.replace(/^'+/, '').replace(/'+$/, '');
  if (s === '') s = '单位';
  if (s.toLowerCase() === 'history') s = `${s}_`;
  return s;
}

/**
 * Allocates sheet names for the wanted names, in order, avoiding `reserved` (case-insensitive).
 * Collisions get a suffix "(2)", "(3)" … within the 31-character limit.
 */
export function allocateSheetNames(wanted: string[], reserved: string[] = []): string[] {
  const taken = new Set(reserved.map((r) => r.toLowerCase()));
  return wanted.map((w) => {
    const base = truncate(clean(w), MAX_SHEET_NAME);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`;
      name = truncate(base, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

/** A sheet name as it must be written inside a formula or defined-name reference. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
