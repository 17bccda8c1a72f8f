/**
 * Which ExcelApi requirement sets the host supports. The add-in needs 1.8 (Office 2019); newer
 * APIs (page layout 1.9, collection-level change events 1.9, triggerSource 1.14) are used only
 * when `isSetSupported` says so.
 */
export const MIN_API = '1.8';
const KNOWN = [
  '1.20',
  '1.19',
  '1.18',
  '1.17',
  '1.16',
  '1.15',
  '1.14',
  '1.13',
  '1.12',
  '1.11',
  '1.10',
  '1.9',
  '1.8',
  '1.7',
  '1.6',
  '1.5',
  '1.4',
  '1.3',
  '1.2',
  '1.1',
];

export interface ApiLevel {
  /** Highest ExcelApi version the host reports, or null outside Office. */
  version: string | null;
  supports(version: string): boolean;
}

export function detectApiLevel(): ApiLevel {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const req = office?.context?.requirements;
  if (!req) return { version: null, supports: () => false };
  const supports = (v: string) => {
    try {
      return req.isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };
  return { version: KNOWN.find(supports) ?? null, supports };
}
