import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * Parsing manifests: namespaces prefixes dropped (`adlcp:scormType` reads as
 * `scormType`, `<imscp:manifest>` as `manifest`), attributes under `@`, text
 * under `#text`, and the elements that may repeat always arrays. With
 * `foldCase`, element and attribute names are read in lower case, so
 * `adlcp:scormtype` and `adlcp:scormType` are the same name. Only the
 * predefined entities are expanded; a document declaring its own is refused
 * (no external entities, no entity expansion), whatever else its DOCTYPE says.
 */
export type XmlNode = Record<string, unknown>;

export class XmlProblem extends Error {}

export function parseXml(text: string, repeating: readonly string[], opts: { foldCase?: boolean } = {}): XmlNode {
  const source = text.replace(/^\uFEFF/, "");
  // No entity declarations: the five predefined entities are all a manifest needs.
  if (/<!ENTITY/i.test(source)) throw new XmlProblem("Entity declarations are not allowed");
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new XmlProblem(`Line ${valid.err.line}: ${valid.err.msg}`);
  const fold = opts.foldCase ? (n: string) => n.toLowerCase() : (n: string) => n;
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    transformTagName: fold,
    transformAttributeName: fold,
    isArray: (name) => repeating.includes(name),
  });
  return parser.parse(source) as XmlNode;
}

/**
 * The text of an XML file read from its bytes: a byte order mark decides
 * first (UTF-8, UTF-16 LE or BE), then UTF-16 without a mark is recognised by
 * its zero bytes, then the declared encoding (ISO-8859-1, windows-1252, ...).
 * A file declared UTF-16 whose bytes are plainly 8-bit is read as UTF-8, and
 * bytes that are not valid UTF-8 fall back to windows-1252, as authoring
 * tools on Windows write them.
 */
export function decodeXml(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return decode("utf-8", buf.subarray(3));
  if (buf[0] === 0xff && buf[1] === 0xfe) return decode("utf-16le", buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return decode("utf-16be", buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0x3c && buf[1] === 0x00) return decode("utf-16le", buf);
  if (buf.length >= 2 && buf[0] === 0x00 && buf[1] === 0x3c) return decode("utf-16be", buf);
  const head = buf.subarray(0, 200).toString("latin1");
  const declared = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1]?.toLowerCase();
  if (declared && !/^(utf-?8|utf-?16.*|ucs-?2|unicode)$/.test(declared)) {
    try {
      return new TextDecoder(declared).decode(buf);
    } catch {
      // An encoding name Node does not know: read the bytes as below.
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder("windows-1252").decode(buf);
  }
}

function decode(encoding: string, buf: Buffer): string {
  return new TextDecoder(encoding).decode(buf);
}

export function child(node: unknown, name: string): XmlNode | undefined {
  if (!isNode(node)) return undefined;
  const v = node[name];
  if (Array.isArray(v)) return isNode(v[0]) ? v[0] : typeof v[0] === "string" ? { "#text": v[0] } : undefined;
  if (isNode(v)) return v;
  if (typeof v === "string") return { "#text": v };
  return undefined;
}

export function children(node: unknown, name: string): XmlNode[] {
  if (!isNode(node)) return [];
  const v = node[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.map((x) => (isNode(x) ? x : { "#text": typeof x === "string" ? x : "" }));
}

export function attr(node: unknown, name: string): string | undefined {
  if (!isNode(node)) return undefined;
  const v = node[`@${name}`];
  return typeof v === "string" ? v : undefined;
}

export function text(node: unknown): string | undefined {
  if (typeof node === "string") return node;
  if (!isNode(node)) return undefined;
  const v = node["#text"];
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

function isNode(v: unknown): v is XmlNode {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
