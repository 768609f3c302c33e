import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * A cmi5 course structure (`cmi5.xml`, cmi5 section 13): the course, its
 * objectives, blocks and assignable units, checked as the specification
 * requires: IRIs for ids, ids unique in the structure, moveOn and
 * launchMethod from their vocabularies, a masteryScore between 0 and 1,
 * objective references that name an objective, and a url for every AU that
 * is in the package when relative (or absolute http(s) for a remote AU).
 * Namespaces are resolved: elements of other namespaces (extensions,
 * section 13.1.5) are ignored, whatever their prefix; leading and trailing
 * whitespace is removed from every value (section 13.1).
 */
export type MoveOn = "Passed" | "Completed" | "CompletedAndPassed" | "CompletedOrPassed" | "NotApplicable";
const MOVE_ON: readonly MoveOn[] = ["Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable"];

export interface LangString {
  lang: string;
  value: string;
}

export interface Cmi5Au {
  id: string;
  title: LangString[];
  description: LangString[];
  /** Relative to the package (path segments URL-encoded, the AU's own query and fragment kept), or absolute (a remote AU). */
  url: string;
  remote: boolean;
  moveOn: MoveOn;
  masteryScore: number | null;
  launchMethod: "AnyWindow" | "OwnWindow";
  launchParameters: string | null;
  entitlementKey: string | null;
  activityType: string | null;
  /** Ids of the objectives the AU references. */
  objectives?: string[];
  /** Ids of the blocks the AU sits in, outermost first. */
  blocks: string[];
}

export interface Cmi5Block {
  id: string;
  title: LangString[];
  description?: LangString[];
  objectives?: string[];
  /** Ids of the blocks this block sits in, outermost first. */
  blocks: string[];
}

export interface Cmi5Objective {
  id: string;
  title: LangString[];
  description: LangString[];
}

export interface Cmi5Course {
  id: string;
  title: LangString[];
  description: LangString[];
  objectives?: Cmi5Objective[];
  aus: Cmi5Au[];
  blocks: Cmi5Block[];
}

export class Cmi5Problem extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const CMI5_NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";
/** The names of the launch parameters (section 8.1); an AU's own query string may not use them. */
export const LAUNCH_PARAMETER_NAMES = ["endpoint", "fetch", "actor", "registration", "activityId"] as const;

/** An element with its namespace resolved. */
interface El {
  local: string;
  ns: string | null;
  attrs: Record<string, string>;
  kids: El[];
  text: string;
}

type Raw = Record<string, unknown>;

function toElements(nodes: unknown, scope: Record<string, string>): El[] {
  if (!Array.isArray(nodes)) return [];
  const out: El[] = [];
  for (const node of nodes as Raw[]) {
    const name = Object.keys(node).find((k) => k !== ":@");
    if (!name || name === "#text" || name.startsWith("?") || name.startsWith("!")) continue;
    const rawAttrs = (node[":@"] ?? {}) as Record<string, unknown>;
    const inner = { ...scope };
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawAttrs)) {
      const key = k.replace(/^@/, "");
      const value = String(v).trim();
      if (key === "xmlns") inner[""] = value;
      else if (key.startsWith("xmlns:")) inner[key.slice(6)] = value;
      else if (!key.includes(":") || key === "xml:lang") attrs[key] = value;
    }
    const colon = name.indexOf(":");
    const prefix = colon < 0 ? "" : name.slice(0, colon);
    const ns = inner[prefix] ?? (prefix === "" ? null : `unbound:${prefix}`);
    const kids = node[name];
    const text = Array.isArray(kids)
      ? (kids as Raw[])
          .filter((k) => typeof k["#text"] === "string")
          .map((k) => k["#text"])
          .join("")
      : "";
    out.push({ local: colon < 0 ? name : name.slice(colon + 1), ns: ns === "" ? null : ns, attrs, kids: toElements(kids, inner), text: text.trim() });
  }
  return out;
}

/** Elements of the course structure: in the cmi5 namespace, or in none at all (a hand-written file without xmlns). */
const own = (e: El) => e.ns === CMI5_NS || e.ns === null;
const kidsOf = (e: El | undefined, local: string) => (e ? e.kids.filter((k) => own(k) && k.local === local) : []);
const kidOf = (e: El | undefined, local: string) => kidsOf(e, local)[0];

function parseDocument(xml: string): El {
  const source = xml.replace(/^\uFEFF/, "");
  if (/<!ENTITY/i.test(source)) throw new Cmi5Problem("cmi5.xml is not well-formed XML: entity declarations are not allowed", "cmi5.xml");
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new Cmi5Problem(`cmi5.xml is not well-formed XML: line ${valid.err.line}: ${valid.err.msg}`, "cmi5.xml");
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    removeNSPrefix: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    htmlEntities: false,
  });
  const root = toElements(parser.parse(source), {})[0];
  if (root?.local !== "courseStructure") throw new Cmi5Problem("cmi5.xml has no <courseStructure> root", "courseStructure");
  if (!own(root)) throw new Cmi5Problem(`<courseStructure> must be in the namespace ${CMI5_NS}, not ${root.ns}`, "courseStructure");
  return root;
}

/**
 * `files`: the package's file paths; null for a cmi5.xml uploaded alone
 * (then every AU must be remote, section 14.2).
 */
export function parseCmi5(xml: string, files: ReadonlySet<string> | null): Cmi5Course {
  const root = parseDocument(xml);
  const course = kidOf(root, "course");
  if (!course) throw new Cmi5Problem("cmi5.xml has no <course>", "course");
  const ids = new Set<string>();
  const claim = (id: string, what: string) => {
    if (ids.has(id)) throw new Cmi5Problem(`The id ${id} is used twice in the course structure (${what})`, what);
    ids.add(id);
  };
  const courseId = requireIri(course.attrs.id, "course id");
  claim(courseId, "course");
  const objectives = kidsOf(kidOf(root, "objectives"), "objective").map((o) => {
    const id = requireIri(o.attrs.id, "objective id");
    claim(id, "objective");
    return { id, title: langStrings(kidOf(o, "title"), `objective ${id} title`, false), description: langStrings(kidOf(o, "description"), "", false) };
  });
  const known = new Set(objectives.map((o) => o.id));
  const references = (e: El, owner: string): string[] =>
    kidsOf(kidOf(e, "objectives"), "objective").map((o) => {
      const ref = requireIri(o.attrs.idref, `objective reference of ${owner}`);
      if (!known.has(ref)) throw new Cmi5Problem(`${owner} refers to the objective ${ref}, which the course structure does not define`, "objectives");
      return ref;
    });
  const result: Cmi5Course = {
    id: courseId,
    title: langStrings(kidOf(course, "title"), "course title", true),
    description: langStrings(kidOf(course, "description"), "course description", false),
    objectives,
    aus: [],
    blocks: [],
  };

  const walk = (node: El, path: string[]) => {
    for (const e of node.kids) {
      if (!own(e)) continue;
      if (e.local === "au") {
        const au = readAu(e, path, files, references);
        claim(au.id, "au");
        result.aus.push(au);
      } else if (e.local === "block") {
        const id = requireIri(e.attrs.id, "block id");
        claim(id, "block");
        const before = result.aus.length;
        result.blocks.push({
          id,
          title: langStrings(kidOf(e, "title"), `block ${id} title`, true),
          description: langStrings(kidOf(e, "description"), "", false),
          objectives: references(e, `The block ${id}`),
          blocks: path,
        });
        walk(e, [...path, id]);
        if (result.aus.length === before) throw new Cmi5Problem(`The block ${id} holds no assignable unit (<au>)`, "block");
      }
    }
  };
  walk(root, []);
  if (result.aus.length === 0) throw new Cmi5Problem("The course has no assignable unit (<au>)", "au");
  return result;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function readAu(au: El, blocks: string[], files: ReadonlySet<string> | null, references: (e: El, owner: string) => string[]): Cmi5Au {
  const id = requireIri(au.attrs.id, "AU id");
  const moveOn = au.attrs.moveOn || "NotApplicable";
  if (!MOVE_ON.includes(moveOn as MoveOn)) throw new Cmi5Problem(`AU ${id}: moveOn "${moveOn}" is not one of ${MOVE_ON.join(", ")}`, "moveOn");
  const launchMethod = au.attrs.launchMethod || "AnyWindow";
  if (launchMethod !== "AnyWindow" && launchMethod !== "OwnWindow")
    throw new Cmi5Problem(`AU ${id}: launchMethod "${launchMethod}" must be AnyWindow or OwnWindow`, "launchMethod");
  const masteryRaw = au.attrs.masteryScore;
  let masteryScore: number | null = null;
  if (masteryRaw !== undefined) {
    masteryScore = Number(masteryRaw);
    if (!DECIMAL.test(masteryRaw) || !(masteryScore >= 0 && masteryScore <= 1)) {
      throw new Cmi5Problem(`AU ${id}: masteryScore "${masteryRaw}" must be a decimal from 0 to 1`, "masteryScore");
    }
    masteryScore = Math.abs(masteryScore); // "-0" is 0
  }
  const activityType = au.attrs.activityType || null;
  if (activityType !== null) requireIri(activityType, `activityType of AU ${id}`);
  const { url, remote } = auUrl(id, kidOf(au, "url")?.text ?? "", files);
  return {
    id,
    title: langStrings(kidOf(au, "title"), `AU ${id} title`, true),
    description: langStrings(kidOf(au, "description"), "", false),
    url,
    remote,
    moveOn: moveOn as MoveOn,
    masteryScore,
    launchMethod,
    launchParameters: kidOf(au, "launchParameters")?.text || null,
    entitlementKey: kidOf(au, "entitlementKey")?.text || null,
    activityType,
    objectives: references(au, `AU ${id}`),
    blocks,
  };
}

/** The AU's url checked (section 13.1.4 url, section 14) and normalised for launch. */
function auUrl(id: string, raw: string, files: ReadonlySet<string> | null): { url: string; remote: boolean } {
  const url = raw.trim();
  if (!url) throw new Cmi5Problem(`AU ${id} has no <url>`, "url");
  const hash = url.indexOf("#");
  const beforeHash = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? "" : url.slice(hash);
  const q = beforeHash.indexOf("?");
  const query = q < 0 ? "" : beforeHash.slice(q + 1);
  const taken = [...new URLSearchParams(query).keys()].filter((k) => (LAUNCH_PARAMETER_NAMES as readonly string[]).includes(k));
  if (taken.length > 0) throw new Cmi5Problem(`AU ${id}: the url's query string uses the launch parameter name "${taken[0]}"`, "url");
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:") || !parsed.host) {
      throw new Cmi5Problem(`AU ${id}: the url "${url}" must be relative to the package or an absolute http or https URL`, "url");
    }
    return { url, remote: true };
  }
  if (files === null)
    throw new Cmi5Problem(
      `AU ${id}: the url "${url}" is relative, but no package files were uploaded (a cmi5.xml alone needs absolute http or https URLs)`,
      "url",
    );
  const rawPath = q < 0 ? beforeHash : beforeHash.slice(0, q);
  let decoded = rawPath;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    decoded = rawPath;
  }
  const segments = decoded
    .replace(/^\/+/, "")
    .split("/")
    .filter((s) => s !== "." && s !== "");
  if (segments.includes("..") || rawPath.startsWith("//")) throw new Cmi5Problem(`AU ${id}: the url "${url}" leaves the package`, "url");
  let file = segments.join("/");
  if (!files.has(file)) {
    const lower = file.toLowerCase();
    const alike = [...files].filter((f) => f.toLowerCase() === lower);
    if (alike.length !== 1) throw new Cmi5Problem(`AU ${id}: the launch file "${file}" is not in the package`, "url");
    file = alike[0];
  }
  const encoded = file
    .split("/")
    .map((s) => encodeURIComponent(s))
    .join("/");
  return { url: `${encoded}${query ? `?${query}` : ""}${fragment}`, remote: false };
}

function langStrings(node: El | undefined, what: string, required: boolean): LangString[] {
  const list = kidsOf(node, "langstring")
    .map((l) => ({ lang: (l.attrs.lang || l.attrs["xml:lang"] || "und").trim(), value: l.text.replace(/\s+/g, " ").trim() }))
    .filter((l) => l.value !== "");
  if (required && list.length === 0) throw new Cmi5Problem(`The ${what} is missing`, what);
  return list;
}

function requireIri(value: string | undefined, what: string): string {
  const v = (value ?? "").trim();
  if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i.test(v)) {
    throw new Cmi5Problem(v ? `The ${what} must be an IRI, got "${v}"` : `The ${what} is missing`, what);
  }
  return v;
}

const primary = (tag: string) => {
  const p = tag.toLowerCase().split(/[-_]/)[0];
  return p === "in" ? "id" : p; // "in" is the withdrawn code for Indonesian, still written by some tools
};

/**
 * The text for a reader: the wanted language (when given), else Bahasa
 * Indonesia, else English, else the first one.
 */
export function pickLang(list: readonly LangString[], lang?: string): string {
  const order = [...(lang ? [primary(lang)] : []), "id", "en"];
  for (const want of order) {
    const found = list.find((l) => primary(l.lang) === want && l.value);
    if (found) return found.value;
  }
  return list.find((l) => l.value)?.value ?? "";
}

/** The course's title for the catalogue (Indonesian first, else English, else the first), or its id. */
export function cmi5Title(course: Pick<Cmi5Course, "id" | "title">, lang?: string): string {
  return pickLang(course.title, lang) || course.id;
}
