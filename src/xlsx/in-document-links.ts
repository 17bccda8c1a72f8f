/**
 * Hyperlinks to another sheet of the same workbook, written as Excel and LibreOffice write them:
 * `<hyperlink ref="B5" location="'县发改局'!A1"/>`, nothing else. exceljs also gives every such link
 * an external relationship whose target is the location text, and Excel and LibreOffice then follow
 * that target as a file name (LibreOffice turns it into `../../'县发改局'!A1`, a broken file link).
 * This pass drops the relationship from links that have a location. Plain text edits of the
 * worksheet parts before they are compressed (zip-writer.ts): no formula, nothing else changes.
 */
import type { Part } from './zip-writer';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export function inDocumentLinks(parts: Part[]): Part[] {
  const out = parts.slice();
  const index = new Map(parts.map((p, i) => [p.name, i]));
  parts.forEach((part, i) => {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(part.name)) return;
    const dropped: string[] = [];
    const xml = decoder.decode(part.data).replace(/<hyperlink ([^>]*?)\/>/g, (link, attrs: string) => {
      const id = / r:id="([^"]+)"/.exec(` ${attrs}`)?.[1];
      if (!id || !/\blocation="/.test(attrs)) return link;
      dropped.push(id);
      return `<hyperlink ${attrs.replace(/\s*r:id="[^"]+"/, '').trim()}/>`;
    });
    if (!dropped.length) return;
    out[i] = { name: part.name, data: encoder.encode(xml) };
    const r = index.get(part.name.replace(/^xl\/worksheets\//, 'xl/worksheets/_rels/') + '.rels');
    if (r === undefined) return;
    const rels = decoder
      .decode(parts[r].data)
      .replace(/<Relationship [^>]*?Id="([^"]+)"[^>]*\/>/g, (rel, id: string) => (dropped.includes(id) ? '' : rel));
    out[r] = { name: parts[r].name, data: encoder.encode(rels) };
  });
  return out;
}
