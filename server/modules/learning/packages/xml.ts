import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * Parsing manifests: namespaces prefixes dropped (`adlcp:scormType` reads as
 * `scormType`), attributes under `@`, text under `#text`, and the elements
 * that may repeat always arrays. Only the predefined entities
 * are expanded; a document declaring its own is refused.
 */
export type XmlNode = Record<string, unknown>;

export class XmlProblem extends Error {}

export function parseXml(text: string, repeating: readonly string[]): XmlNode {
  const source = text.replace(/^\uFEFF/, "");
  // No entity declarations: the five predefined entities are all a manifest needs.
  if (/<!ENTITY/i.test(source)) throw new XmlProblem("Entity declarations are not allowed");
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new XmlProblem(`Line ${valid.err.line}: ${valid.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => repeating.includes(name),
  });
  return parser.parse(source) as XmlNode;
}

export function child(node: unknown, name: string): XmlNode | undefined {
  if (!isNode(node)) return undefined;
  const v = node[name];
  if (Array.isArray(v)) return isNode(v[0]) ? v[0] : undefined;
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
