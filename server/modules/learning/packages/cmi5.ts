import { attr, child, children, parseXml, text, type XmlNode, XmlProblem } from "./xml.js";

/**
 * A cmi5 course structure (`cmi5.xml`, cmi5 section 13): the course, its
 * blocks and assignable units, checked as the specification requires: IRIs
 * for ids, unique ids, moveOn and launchMethod from their vocabularies, a
 * masteryScore between 0 and 1, a url for every AU that is in the package
 * when relative (or absolute http(s) for a remote AU).
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
  /** Relative to the package, or absolute (a remote AU). */
  url: string;
  remote: boolean;
  moveOn: MoveOn;
  masteryScore: number | null;
  launchMethod: "AnyWindow" | "OwnWindow";
  launchParameters: string | null;
  entitlementKey: string | null;
  activityType: string | null;
  /** Ids of the blocks the AU sits in, outermost first. */
  blocks: string[];
}

export interface Cmi5Block {
  id: string;
  title: LangString[];
  blocks: string[];
}

export interface Cmi5Course {
  id: string;
  title: LangString[];
  description: LangString[];
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

const NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";
const REPEATING = ["au", "block", "langstring", "objective", "objectives"];

/** `files`: the package's file paths; null for a cmi5.xml uploaded alone (then every AU must be remote). */
export function parseCmi5(xml: string, files: ReadonlySet<string> | null): Cmi5Course {
  let doc: XmlNode;
  try {
    doc = parseXml(xml, REPEATING);
  } catch (err) {
    throw new Cmi5Problem(`cmi5.xml is not well-formed XML: ${err instanceof XmlProblem ? err.message : String(err)}`, "cmi5.xml");
  }
  const root = child(doc, "courseStructure");
  if (!root) throw new Cmi5Problem("cmi5.xml has no <courseStructure> root", "courseStructure");
  const rootTag = /<(?:[\w.-]+:)?courseStructure\b[^>]*>/.exec(xml)?.[0] ?? "";
  if (!rootTag.includes(`"${NS}"`) && !rootTag.includes(`'${NS}'`))
    throw new Cmi5Problem(`<courseStructure> must be in the namespace ${NS}`, "courseStructure");
  const course = child(root, "course");
  if (!course) throw new Cmi5Problem("cmi5.xml has no <course>", "course");
  const courseId = requireIri(attr(course, "id"), "course id");
  const ids = new Set<string>([courseId]);
  const result: Cmi5Course = {
    id: courseId,
    title: langStrings(child(course, "title"), "course title", true),
    description: langStrings(child(course, "description"), "course description", false),
    aus: [],
    blocks: [],
  };

  const walk = (node: XmlNode, path: string[]) => {
    for (const au of children(node, "au")) result.aus.push(readAu(au, path, ids, files));
    for (const block of children(node, "block")) {
      const id = requireIri(attr(block, "id"), "block id");
      if (ids.has(id)) throw new Cmi5Problem(`The id ${id} is used twice`, "block");
      ids.add(id);
      result.blocks.push({ id, title: langStrings(child(block, "title"), "block title", true), blocks: path });
      walk(block, [...path, id]);
    }
  };
  walk(root, []);
  if (result.aus.length === 0) throw new Cmi5Problem("The course has no assignable unit (<au>)", "au");
  return result;
}

function readAu(au: XmlNode, blocks: string[], ids: Set<string>, files: ReadonlySet<string> | null): Cmi5Au {
  const id = requireIri(attr(au, "id"), "AU id");
  if (ids.has(id)) throw new Cmi5Problem(`The id ${id} is used twice`, "au");
  ids.add(id);
  const moveOnRaw = attr(au, "moveOn") ?? "NotApplicable";
  if (!MOVE_ON.includes(moveOnRaw as MoveOn)) throw new Cmi5Problem(`AU ${id}: moveOn "${moveOnRaw}" is not one of ${MOVE_ON.join(", ")}`, "moveOn");
  const launchMethod = attr(au, "launchMethod") ?? "AnyWindow";
  if (launchMethod !== "AnyWindow" && launchMethod !== "OwnWindow")
    throw new Cmi5Problem(`AU ${id}: launchMethod must be AnyWindow or OwnWindow`, "launchMethod");
  const masteryRaw = attr(au, "masteryScore");
  let masteryScore: number | null = null;
  if (masteryRaw !== undefined) {
    masteryScore = Number(masteryRaw);
    if (!/^\s*[0-9]*\.?[0-9]+\s*$/.test(masteryRaw) || !(masteryScore >= 0 && masteryScore <= 1)) {
      throw new Cmi5Problem(`AU ${id}: masteryScore must be a decimal from 0 to 1`, "masteryScore");
    }
  }
  const url = text(child(au, "url"))?.trim();
  if (!url) throw new Cmi5Problem(`AU ${id} has no <url>`, "url");
  const remote = /^[a-z][a-z0-9+.-]*:/i.test(url);
  if (remote) {
    if (!/^https?:\/\//i.test(url)) throw new Cmi5Problem(`AU ${id}: a remote url must be http or https`, "url");
  } else {
    const file = url.replace(/[?#].*$/, "").replace(/^\.\//, "");
    if (files === null) throw new Cmi5Problem(`AU ${id}: the url "${url}" is relative, but no package files were uploaded`, "url");
    if (file.startsWith("/") || file.split("/").includes("..")) throw new Cmi5Problem(`AU ${id}: the url "${url}" leaves the package`, "url");
    if (!files.has(file)) throw new Cmi5Problem(`AU ${id}: the launch file "${file}" is not in the package`, "url");
  }
  const activityType = attr(au, "activityType") ?? null;
  if (activityType !== null) requireIri(activityType, "AU activityType");
  return {
    id,
    title: langStrings(child(au, "title"), `AU ${id} title`, true),
    description: langStrings(child(au, "description"), `AU ${id} description`, false),
    url: url.replace(/^\.\//, ""),
    remote,
    moveOn: moveOnRaw as MoveOn,
    masteryScore,
    launchMethod,
    launchParameters: text(child(au, "launchParameters")) ?? null,
    entitlementKey: text(child(au, "entitlementKey")) ?? null,
    activityType,
    blocks,
  };
}

function langStrings(node: XmlNode | undefined, what: string, required: boolean): LangString[] {
  const list = children(node, "langstring").map((l) => ({ lang: attr(l, "lang") ?? "und", value: (text(l) ?? "").replace(/\s+/g, " ").trim() }));
  if (required && list.length === 0) throw new Cmi5Problem(`The ${what} is missing`, what);
  return list;
}

function requireIri(value: string | undefined, what: string): string {
  if (!value || !/^[a-z][a-z0-9+.-]*:[^\s]+$/i.test(value)) throw new Cmi5Problem(`The ${what} must be an IRI, got "${value ?? ""}"`, what);
  return value;
}

/** The title in the wanted language, else the first one. */
export function pickLang(list: LangString[], lang: string): string {
  return (list.find((l) => l.lang.toLowerCase().startsWith(lang.toLowerCase())) ?? list[0])?.value ?? "";
}
