/** Requirement-set gating: members above the host's ExcelApi version throw ApiNotFound, as office-js does. */
import { API_SETS } from './api-sets';
import { RichApiError } from './errors';

export const SUPPORTED_VERSIONS = [
  '1.1',
  '1.2',
  '1.3',
  '1.4',
  '1.5',
  '1.6',
  '1.7',
  '1.8',
  '1.9',
  '1.10',
  '1.11',
  '1.12',
  '1.13',
  '1.14',
  '1.15',
  '1.16',
  '1.17',
  '1.18',
  '1.19',
  '1.20',
] as const;
export type ApiVersion = (typeof SUPPORTED_VERSIONS)[number];

/**
 * "1.10" → [1, 10], parsed once per version string: every proxy property access and method call
 * checks its member's version, and splitting the strings on each check was a good part of what an
 * edit round of the live session spent in the host's proxies (bench/profile-edit.ts).
 */
const parsedVersions = new Map<string, readonly [number, number]>();
function parseVersion(v: string): readonly [number, number] {
  let p = parsedVersions.get(v);
  if (!p) {
    const [major, minor = 0] = v.split('.').map(Number);
    parsedVersions.set(v, (p = [major, minor]));
  }
  return p;
}

export function compareVersions(a: string, b: string): number {
  const [a1, a2] = parseVersion(a);
  const [b1, b2] = parseVersion(b);
  return a1 - b1 || a2 - b2;
}

/** Office.context.requirements.isSetSupported semantics for ExcelApi (other sets: false). */
export function isSetSupported(hostVersion: string, name: string, version?: string | number): boolean {
  if (name.toLowerCase() !== 'excelapi') return false;
  if (version === undefined || version === null || version === '') return true;
  return compareVersions(hostVersion, String(version)) >= 0;
}

export function memberVersion(member: string): string {
  return API_SETS[member] ?? '1.1';
}

export function supports(hostVersion: string, member: string): boolean {
  return compareVersions(hostVersion, memberVersion(member)) >= 0;
}

export function apiNotFound(member: string, version: string): RichApiError {
  return new RichApiError(
    'ApiNotFound',
    `The method or property ${member} is part of the ExcelApi ${version} requirement set, which is not available in your version of Excel.`,
    member,
  );
}

/** Throws ApiNotFound when `member` ("Range.getCellProperties") needs a newer ExcelApi than the host offers. */
export function requireApi(hostVersion: string, member: string, version = memberVersion(member)): void {
  if (compareVersions(hostVersion, version) < 0) throw apiNotFound(member, version);
}
