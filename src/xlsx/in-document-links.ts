/**
 * Hyperlinks to another sheet of the same workbook, written as Excel and LibreOffice write them:
 * `<hyperlink ref="B5" location="'县发改局'!A1"/>`, nothing else. exceljs also gives every such link
 * an external relationship whose target is the location text, and Excel and LibreOffice then follow
 * that target as a file name (LibreOffice turns it into `../../'县发改局'!A1`, a broken file link).
 * This pass drops the relationship from links that have a location. Plain text edits of the
 * worksheet parts: no formula, nothing else changes.
 */
export async function inDocumentLinks(buffer: ArrayBuffer): Promise<ArrayBuffer> {
  const JSZip = (await import(/* webpackChunkName: "exceljs" */ 'jszip')).default;
  const zip = await JSZip.loadAsync(buffer);
  let changed = false;
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async('string');
    const dropped: string[] = [];
    const out = xml.replace(/<hyperlink ([^>]*?)\/>/g, (link, attrs: string) => {
      const id = / r:id="([^"]+)"/.exec(` ${attrs}`)?.[1];
      if (!id || !/\blocation="/.test(attrs)) return link;
      dropped.push(id);
      return `<hyperlink ${attrs.replace(/\s*r:id="[^"]+"/, '').trim()}/>`;
    });
    if (!dropped.length) continue;
    changed = true;
    zip.file(path, out);
    const relsPath = path.replace(/^xl\/worksheets\//, 'xl/worksheets/_rels/') + '.rels';
    const rels = await zip.file(relsPath)?.async('string');
    if (rels)
      zip.file(
        relsPath,
        rels.replace(/<Relationship [^>]*?Id="([^"]+)"[^>]*\/>/g, (rel, id: string) => (dropped.includes(id) ? '' : rel)),
      );
  }
  return changed ? zip.generateAsync({ type: 'arraybuffer', compression: 'DEFLATE' }) : buffer;
}
