/** Minimal XML well-formedness check for custom XML parts; returns the root element's namespace URI. */
import { invalidArgument } from './errors';

export function checkXml(xml: unknown, location: string): string {
  if (typeof xml !== 'string') throw invalidArgument('xml', location);
  const body = xml
    .replace(/^\uFEFF/, '')
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '');
  const tag = /<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  const stack: string[] = [];
  let roots = 0;
  let ns = '';
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(body))) {
    const between = body.slice(last, m.index);
    if (/[<>]/.test(between) || (stack.length === 0 && between.trim() !== '')) throw invalidArgument('xml', location);
    last = tag.lastIndex;
    const [, close, name, attrs, selfClose] = m;
    if (close) {
      if (stack.pop() !== name) throw invalidArgument('xml', location);
      continue;
    }
    if (stack.length === 0) {
      roots++;
      const prefix = name.includes(':') ? name.split(':')[0] : '';
      const attr = new RegExp(`xmlns${prefix ? ':' + prefix : ''}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
      ns = attr ? (attr[2] ?? attr[3] ?? '') : '';
    }
    if (!selfClose) stack.push(name);
  }
  if (/[<>]/.test(body.slice(last)) || body.slice(last).trim() !== '' || stack.length > 0 || roots !== 1)
    throw invalidArgument('xml', location);
  return ns;
}
