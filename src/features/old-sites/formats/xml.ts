import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../../lib/errors';

/**
 * XML of exports and feeds, read with fast-xml-parser (pure JavaScript, no DOM — Workers have none). Entity
 * declarations are refused before parsing: exports never need them, and expanding them is how an XML bomb works.
 */
const REPEATED = new Set(['item', 'entry', 'wp:author', 'wp:postmeta', 'wp:comment', 'wp:category', 'category', 'link', 'author']);

export type XmlNode = Record<string, unknown>;

export function parseXml(text: string, what: string): XmlNode {
  if (/<!ENTITY/i.test(text)) throw new AppError('validation', `Berkas ${what} memuat deklarasi ENTITY; berkas seperti itu tidak dibaca.`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => REPEATED.has(name),
  });
  try {
    const out = parser.parse(text, true) as XmlNode;
    if (!out || typeof out !== 'object') throw new Error('empty');
    return out;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('validation', `Berkas ${what} tidak dapat dibaca sebagai XML. Periksa bahwa berkasnya lengkap (tidak terpotong).`);
  }
}

/** Text of an element ('' when absent), whether it came as a string, a CDATA section or an element with attributes. */
export function text(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return text(node[0]);
  if (typeof node === 'object') return text((node as XmlNode)['#text']);
  return '';
}

export function attr(node: unknown, name: string): string {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return '';
  return text((node as XmlNode)[`@_${name}`]);
}

export function list(node: unknown): XmlNode[] {
  if (node === undefined || node === null) return [];
  return (Array.isArray(node) ? node : [node]).filter((n): n is XmlNode => typeof n === 'object' && n !== null);
}
