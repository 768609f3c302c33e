import { attr, child, children, parseXml, text, type XmlNode, XmlProblem } from "./xml.js";

/**
 * The content of a SCORM 1.2 or 2004 `imsmanifest.xml`: the default
 * organisation's activity tree with each leaf's launch file, and what the
 * runtime needs (mastery score, time limit, data from LMS, sequencing). The
 * manifest is checked against the package's files: every item's resource
 * must exist and every launch file must be in the package. Names are read
 * without their namespace prefix and in any letter case (`adlcp:scormtype`
 * in 1.2, `adlcp:scormType` in 2004). What is odd but harmless (a listed
 * file missing from the zip, a default organisation that does not exist) is
 * kept in `warnings` rather than refused.
 */
export type ScormVersion = "scorm12" | "scorm2004";

export interface ScormItem {
  identifier: string;
  title: string;
  /** Launch URL relative to the package (path segments URL-encoded), with the item's parameters; null for a cluster. */
  launch: string | null;
  scormType: "sco" | "asset" | null;
  isVisible: boolean;
  /** SCORM 1.2 adlcp:masteryscore (0..100). */
  masteryScore: number | null;
  /** SCORM 2004 imsss:minNormalizedMeasure of the primary objective when satisfiedByMeasure (-1..1). */
  scaledPassingScore: number | null;
  dataFromLms: string | null;
  timeLimitAction: string | null;
  /** SCORM 1.2 adlcp:maxtimeallowed, or SCORM 2004 attemptAbsoluteDurationLimit, as written. */
  maxTimeAllowed: string | null;
  completionThreshold: number | null;
  /** SCORM 2004 controlMode of this activity, when given. */
  controlMode: { choice: boolean; flow: boolean; choiceExit: boolean } | null;
  children: ScormItem[];
}

export interface ScormManifest {
  version: ScormVersion;
  /** "1.2", "2004 3rd Edition", "CAM 1.3", ... as written. */
  schemaVersion: string | null;
  identifier: string;
  title: string;
  organization: ScormItem;
  /** The leaves that launch something, in tree order. */
  launchable: ScormItem[];
  /** What was accepted although not as the specification has it, for the author to see. */
  warnings: string[];
}

export class ManifestProblem extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const REPEATING = ["organization", "item", "resource", "file", "dependency", "objective", "langstring", "sequencing", "manifest"];
const MAX_WARNINGS = 20;

export function parseScormManifest(xml: string, files: ReadonlySet<string>): ScormManifest {
  let doc: XmlNode;
  try {
    doc = parseXml(xml, REPEATING, { foldCase: true });
  } catch (err) {
    throw new ManifestProblem(`imsmanifest.xml is not well-formed XML: ${err instanceof XmlProblem ? err.message : String(err)}`, "imsmanifest.xml");
  }
  const manifest = child(doc, "manifest");
  if (!manifest) throw new ManifestProblem("imsmanifest.xml has no <manifest> root", "manifest");
  const warnings: string[] = [];
  const warn = (m: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(m);
    else if (warnings.length === MAX_WARNINGS) warnings.push("More problems of the same kinds were left out");
  };
  const identifier = attr(manifest, "identifier") ?? "";
  const schemaVersion = text(child(child(manifest, "metadata"), "schemaversion"))?.trim() || null;
  const version = detectVersion(xml, schemaVersion);
  const index = fileIndex(files);

  // Resources of the manifest and of any sub-manifest, each with its xml:base chain.
  const resources = new Map<string, { node: XmlNode; base: string }>();
  const collect = (m: XmlNode, base: string) => {
    const mBase = joinBase(base, attr(m, "base"));
    const rs = child(m, "resources");
    const rsBase = joinBase(mBase, attr(rs, "base"));
    for (const r of children(rs, "resource")) {
      const id = attr(r, "identifier");
      if (!id) throw new ManifestProblem("A <resource> has no identifier", "resource");
      if (!resources.has(id)) resources.set(id, { node: r, base: joinBase(rsBase, attr(r, "base")) });
    }
    for (const sub of children(m, "manifest")) collect(sub, mBase);
  };
  collect(manifest, "");
  checkResourceFiles(resources, index, warn);

  const sequencingCollection = new Map<string, XmlNode>();
  for (const s of children(child(manifest, "sequencingcollection"), "sequencing")) {
    const id = attr(s, "id");
    if (id) sequencingCollection.set(id, s);
  }

  const orgsNode = child(manifest, "organizations");
  const orgs = children(orgsNode, "organization");
  if (orgs.length === 0) throw new ManifestProblem("The manifest has no <organization>: nothing to launch", "organizations");
  const defaultId = attr(orgsNode, "default")?.trim();
  let org = defaultId ? orgs.find((o) => attr(o, "identifier") === defaultId) : undefined;
  if (!org) {
    if (defaultId) warn(`The default organisation "${defaultId}" does not exist; the first organisation is used`);
    org = orgs[0];
  }

  const launchable: ScormItem[] = [];
  const seen = new Set<string>();
  const build = (node: XmlNode, isOrg: boolean): ScormItem => {
    const id = attr(node, "identifier")?.trim();
    if (!id) throw new ManifestProblem(`An ${isOrg ? "<organization>" : "<item>"} has no identifier`, "item");
    if (seen.has(id)) throw new ManifestProblem(`The identifier "${id}" is used twice`, "item");
    seen.add(id);
    const kids = children(node, "item").map((c) => build(c, false));
    const ref = isOrg ? undefined : attr(node, "identifierref")?.trim();
    let launch: string | null = null;
    let scormType: ScormItem["scormType"] = null;
    if (ref) {
      const res = resources.get(ref);
      if (!res) throw new ManifestProblem(`Item "${id}" refers to the missing resource "${ref}"`, "identifierref");
      const href = attr(res.node, "href")?.trim();
      const type = (attr(res.node, "scormtype") ?? "").trim().toLowerCase();
      scormType = type === "sco" ? "sco" : type === "asset" ? "asset" : null;
      if (!href) throw new ManifestProblem(`Resource "${ref}" has no launch file (href)`, "href");
      launch = resolveLaunch(res.base, href, attr(node, "parameters"), index, id);
    } else if (!isOrg && kids.length === 0) {
      warn(`Item "${id}" has neither a resource nor child items; it launches nothing`);
    }
    const seq = effectiveSequencing(child(node, "sequencing"), sequencingCollection);
    const item: ScormItem = {
      identifier: id,
      title: text(child(node, "title"))?.trim() || id,
      launch,
      scormType,
      isVisible: bool(attr(node, "isvisible"), true),
      masteryScore: numberOrNull(text(child(node, "masteryscore"))),
      scaledPassingScore: scaledPassingScore(seq("objectives")),
      dataFromLms: text(child(node, "datafromlms")) ?? null,
      timeLimitAction: text(child(node, "timelimitaction"))?.trim() || null,
      maxTimeAllowed: text(child(node, "maxtimeallowed"))?.trim() || attr(seq("limitconditions"), "attemptabsolutedurationlimit")?.trim() || null,
      completionThreshold: completionThreshold(child(node, "completionthreshold")),
      controlMode: controlMode(seq("controlmode")),
      children: kids,
    };
    if (launch) launchable.push(item);
    return item;
  };
  const organization = build(org, true);
  if (launchable.length === 0) throw new ManifestProblem("The organisation launches nothing: no item refers to a resource", "organization");
  launchable.sort((a, b) => order(organization, a) - order(organization, b));
  return { version, schemaVersion, identifier, title: organization.title, organization, launchable, warnings };
}

/** SCORM 1.2 unless the schema version or the namespaces say 2004. */
function detectVersion(xml: string, schemaVersion: string | null): ScormVersion {
  const v = (schemaVersion ?? "").toLowerCase();
  if (/2004|cam\s*1\.3|(^|[^\d.])1\.3($|[^\d])/.test(v)) return "scorm2004";
  if (/(^|[^\d.])1\.[012]($|[^\d])/.test(v)) return "scorm12";
  if (/adlcp_rootv1p2/i.test(xml)) return "scorm12";
  if (/adlcp_v1p3|imsss_v1p0|adlseq_v1p3|adlnav_v1p3|imscp_v1p1\b/i.test(xml)) return "scorm2004";
  if (schemaVersion === null || /imscp_rootv1p1p2/i.test(xml)) return "scorm12";
  throw new ManifestProblem(`Unknown SCORM version "${schemaVersion}" (expected 1.2 or 2004)`, "schemaversion");
}

/** xml:base values chain as folders (a base without a final "/" still names a folder). */
function joinBase(base: string, next: string | undefined): string {
  const b = next?.trim().replace(/\\/g, "/");
  if (!b) return base;
  const folder = b.endsWith("/") ? b : `${b}/`;
  return isUrl(folder) || folder.startsWith("/") ? folder : `${base}${folder}`;
}

/** Package paths looked up as written, URL-decoded, or differing only in letter case or Unicode normal form. */
function fileIndex(files: ReadonlySet<string>) {
  const loose = new Map<string, string>();
  for (const f of files) {
    const key = f.normalize("NFC").toLowerCase();
    if (!loose.has(key)) loose.set(key, f);
  }
  return (path: string): string | undefined => {
    for (const p of [path, decodeURIComponentSafe(path)]) {
      if (files.has(p)) return p;
      const hit = loose.get(p.normalize("NFC").toLowerCase());
      if (hit) return hit;
    }
    return undefined;
  };
}
type FileIndex = ReturnType<typeof fileIndex>;

/** A path inside the package with "." and ".." resolved, or null when it leaves the package. */
function packagePath(base: string, href: string): string | null {
  const joined = `${base}${href}`.replace(/\\/g, "/");
  if (joined.startsWith("/")) return null;
  const out: string[] = [];
  for (const s of joined.split("/")) {
    if (s === "" || s === ".") continue;
    if (s === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(s);
  }
  return out.join("/");
}

function resolveLaunch(base: string, rawHref: string, parameters: string | undefined, index: FileIndex, itemId: string): string {
  const cut = rawHref.search(/[?#]/);
  const hrefPath = cut < 0 ? rawHref : rawHref.slice(0, cut);
  const suffix = cut < 0 ? "" : rawHref.slice(cut);
  if (isUrl(rawHref) || isUrl(base)) return withParameters(isUrl(rawHref) ? rawHref : `${base}${rawHref}`, parameters);
  const path = packagePath(base, hrefPath);
  if (path === null || path === "") throw new ManifestProblem(`The launch file "${base}${hrefPath}" of item "${itemId}" is outside the package`, "href");
  const file = index(path);
  if (!file) throw new ManifestProblem(`The launch file "${path}" of item "${itemId}" is not in the package`, "href");
  const encoded = file
    .split("/")
    .map((s) => encodeURIComponent(s))
    .join("/");
  return withParameters(`${encoded}${suffix}`, parameters);
}

/** IMS CP parameters: "#x" unless the href has a fragment; "?a=b" or "&a=b" joined to the href's query, before its fragment. */
function withParameters(href: string, parameters: string | undefined): string {
  const p = parameters?.trim();
  if (!p) return href;
  const hash = href.indexOf("#");
  const main = hash < 0 ? href : href.slice(0, hash);
  const fragment = hash < 0 ? "" : href.slice(hash);
  if (p.startsWith("#")) return fragment ? href : `${href}${p}`;
  const query = p.replace(/^[?&]+/, "");
  if (!query) return href;
  return `${main}${main.includes("?") ? "&" : "?"}${query}${fragment}`;
}

/** Files a resource lists, and dependencies, that are not in the package: warned, since many LMSs never look at them. */
function checkResourceFiles(resources: Map<string, { node: XmlNode; base: string }>, index: FileIndex, warn: (m: string) => void): void {
  for (const [id, { node, base }] of resources) {
    for (const f of children(node, "file")) {
      const href = attr(f, "href")?.trim();
      if (!href || isUrl(href)) continue;
      const path = packagePath(joinBase(base, attr(f, "base")), href.replace(/[?#].*$/, ""));
      if (path === null || !index(path)) warn(`Resource "${id}" lists the file "${href}", which is not in the package`);
    }
    for (const d of children(node, "dependency")) {
      const ref = attr(d, "identifierref")?.trim();
      if (ref && !resources.has(ref)) warn(`Resource "${id}" depends on the missing resource "${ref}"`);
    }
  }
}

/** An item's imsss:sequencing, completed by the shared one it refers to (IDRef); its own elements win. */
function effectiveSequencing(own: XmlNode | undefined, collection: Map<string, XmlNode>): (name: string) => XmlNode | undefined {
  const idRef = attr(own, "idref");
  const shared = idRef ? collection.get(idRef) : undefined;
  return (name) => child(own, name) ?? child(shared, name);
}

function scaledPassingScore(objectives: XmlNode | undefined): number | null {
  const primary = child(objectives, "primaryobjective");
  if (!primary || !bool(attr(primary, "satisfiedbymeasure"), false)) return null;
  // minNormalizedMeasure defaults to 1.0 (SCORM 2004 sequencing).
  const min = text(child(primary, "minnormalizedmeasure"));
  return min === undefined ? 1 : numberOrNull(min);
}

/** 3rd edition: the threshold is the element's text; 4th edition: minProgressMeasure (default 1) when completedByMeasure. */
function completionThreshold(node: XmlNode | undefined): number | null {
  if (!node) return null;
  const byMeasure = attr(node, "completedbymeasure");
  if (byMeasure !== undefined) return bool(byMeasure, false) ? (numberOrNull(attr(node, "minprogressmeasure")) ?? 1) : null;
  return numberOrNull(text(node)) ?? numberOrNull(attr(node, "minprogressmeasure"));
}

function controlMode(cm: XmlNode | undefined): ScormItem["controlMode"] {
  if (!cm) return null;
  return { choice: bool(attr(cm, "choice"), true), flow: bool(attr(cm, "flow"), false), choiceExit: bool(attr(cm, "choiceexit"), true) };
}

/** xs:boolean: "true", "false", "1", "0" (any case, spaces ignored); the default otherwise. */
function bool(v: string | undefined, fallback: boolean): boolean {
  const s = v?.trim().toLowerCase();
  if (s === "true" || s === "1") return true;
  if (s === "false" || s === "0") return false;
  return fallback;
}

function isUrl(s: string): boolean {
  // Two letters at least: "C:" is a drive, not a scheme.
  return /^[a-z][a-z0-9+.-]+:/i.test(s) || s.startsWith("//");
}

function order(root: ScormItem, target: ScormItem): number {
  let i = 0;
  let found = -1;
  const walk = (n: ScormItem) => {
    if (n === target) found = i;
    i++;
    for (const c of n.children) walk(c);
  };
  walk(root);
  return found;
}

function numberOrNull(v: string | undefined): number | null {
  if (v === undefined || v.trim() === "") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
