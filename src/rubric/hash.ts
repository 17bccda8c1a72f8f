/**
 * A content hash of a rubric, stored in workbooks so that a workbook made with another version of
 * a rubric is detected. FNV-1a 64-bit over canonical JSON (keys sorted): small, synchronous and
 * identical in the browser and Node. It detects edits; it is not a security measure.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * FNV-1a 64-bit in two 32-bit halves: h × prime (2^40 + 0x1b3) mod 2^64 is h × 0x1b3 plus the low
 * word shifted into the high one. The same digits as BigInt arithmetic, about twenty times faster
 * (the loader hashes every rubric it accepts, including every one received in a workbook).
 */
export function contentHash(value: unknown): string {
  const bytes = new TextEncoder().encode(canonicalJson(value));
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]) >>> 0;
    const low = lo * 0x1b3; // < 2^41: exact in a double
    const carry = Math.floor(low / 0x100000000);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
