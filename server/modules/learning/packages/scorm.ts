import { attr, child, children, parseXml, text, type XmlNode, XmlProblem } from "./xml.js";

/**
 * The content of a SCORM 1.2 or 2004 `imsmanifest.xml`: the default
 * organisation's activity tree with each leaf's launch file, and what the
 * runtime needs (mastery score, time limit, data from LMS, sequencing). The
 * manifest is checked against the package's files: every item's resource
 * must exist and every launchable file must be in the package.
 */
export type ScormVersion = "scorm12" | "scorm2004";

export interface ScormItem {
  identifier: string;
  title: string;
  /** Launch path inside the package, with the item's parameters; null for a cluster. */
  launch: string | null;
  scormType: "sco" | "asset" | null;
  isVisible: boolean;
  /** SCORM 1.2 adlcp:masteryscore (0..100). */
  masteryScore: number | null;
  /** SCORM 2004 imsss:minNormalizedMeasure of the primary objective when satisfiedByMeasure (-1..1). */
  scaledPassingScore: number | null;
  dataFromLms: string | null;
  timeLimitAction: string | null;
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
}

export class ManifestProblem extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const REPEATING = ["organization", "item", "resource", "file", "dependency", "objective", "langstring"];

export function parseScormManifest(xml: string, files: ReadonlySet<string>): ScormManifest {
  let doc: XmlNode;
  try {
    doc = parseXml(xml, REPEATING);
  } catch (err) {
    throw new ManifestProblem(`imsmanifest.xml is not well-formed XML: ${err instanceof XmlProblem ? err.message : String(err)}`, "imsmanifest.xml");
  }
  const manifest = child(doc, "manifest");
  if (!manifest) throw new ManifestProblem("imsmanifest.xml has no <manifest> root", "manifest");
  const identifier = attr(manifest, "identifier") ?? "";
  const schemaVersion = text(child(child(manifest, "metadata"), "schemaversion"))?.trim() ?? null;
  const version = detectVersion(xml, schemaVersion);

  const resources = new Map<string, XmlNode>();
  const resourcesNode = child(manifest, "resources");
  const resourcesBase = attr(resourcesNode, "base") ?? "";
  for (const r of children(resourcesNode, "resource")) {
    const id = attr(r, "identifier");
    if (!id) throw new ManifestProblem("A <resource> has no identifier", "resource");
    resources.set(id, r);
  }

  const orgs = children(child(manifest, "organizations"), "organization");
  if (orgs.length === 0) throw new ManifestProblem("The manifest has no <organization>: nothing to launch", "organizations");
  const defaultId = attr(child(manifest, "organizations"), "default");
  const org = (defaultId ? orgs.find((o) => attr(o, "identifier") === defaultId) : undefined) ?? orgs[0];
  if (defaultId && attr(org, "identifier") !== defaultId) throw new ManifestProblem(`The default organisation "${defaultId}" does not exist`, "organizations");

  const launchable: ScormItem[] = [];
  const seen = new Set<string>();
  const build = (node: XmlNode, isOrg: boolean): ScormItem => {
    const id = attr(node, "identifier");
    if (!id) throw new ManifestProblem(`An ${isOrg ? "<organization>" : "<item>"} has no identifier`, "item");
    if (seen.has(id)) throw new ManifestProblem(`The identifier "${id}" is used twice`, "item");
    seen.add(id);
    const kids = children(node, "item").map((c) => build(c, false));
    const ref = isOrg ? undefined : attr(node, "identifierref");
    let launch: string | null = null;
    let scormType: ScormItem["scormType"] = null;
    if (ref) {
      const res = resources.get(ref);
      if (!res) throw new ManifestProblem(`Item "${id}" refers to the missing resource "${ref}"`, "identifierref");
      const href = attr(res, "href");
      const type = (attr(res, "scormType") ?? attr(res, "scormtype") ?? "").toLowerCase();
      scormType = type === "sco" ? "sco" : type === "asset" ? "asset" : null;
      if (!href) throw new ManifestProblem(`Resource "${ref}" has no launch file (href)`, "href");
      launch = joinLaunch(resourcesBase + (attr(res, "base") ?? ""), href, attr(node, "parameters"));
      if (!/^[a-z][a-z0-9+.-]*:/i.test(launch)) {
        const file = launch.replace(/[?#].*$/, "");
        if (!files.has(decodeURIComponentSafe(file)) && !files.has(file))
          throw new ManifestProblem(`The launch file "${file}" of item "${id}" is not in the package`, "href");
      }
    } else if (!isOrg && kids.length === 0) {
      throw new ManifestProblem(`Item "${id}" has neither a resource nor child items`, "item");
    }
    const seq = child(node, "sequencing");
    const primary = child(child(seq, "objectives"), "primaryObjective");
    const satisfiedByMeasure = attr(primary, "satisfiedByMeasure") === "true";
    const minMeasure = text(child(primary, "minNormalizedMeasure"));
    const cm = child(seq, "controlMode");
    const threshold = child(node, "completionThreshold");
    const item: ScormItem = {
      identifier: id,
      title: text(child(node, "title"))?.trim() || id,
      launch,
      scormType,
      isVisible: attr(node, "isvisible") !== "false",
      masteryScore: numberOrNull(text(child(node, "masteryscore"))),
      scaledPassingScore: satisfiedByMeasure ? numberOrNull(minMeasure) : null,
      dataFromLms: text(child(node, "dataFromLMS")) ?? text(child(node, "datafromlms")) ?? null,
      timeLimitAction: text(child(node, "timeLimitAction")) ?? text(child(node, "timelimitaction")) ?? null,
      completionThreshold: numberOrNull(attr(threshold, "minProgressMeasure") ?? text(threshold)),
      controlMode: cm ? { choice: attr(cm, "choice") !== "false", flow: attr(cm, "flow") === "true", choiceExit: attr(cm, "choiceExit") !== "false" } : null,
      children: kids,
    };
    if (launch) launchable.push(item);
    return item;
  };
  const organization = build(org, true);
  if (launchable.length === 0) throw new ManifestProblem("The organisation launches nothing", "organization");
  launchable.sort((a, b) => order(organization, a) - order(organization, b));
  return {
    version,
    schemaVersion,
    identifier,
    title: organization.title,
    organization,
    launchable,
  };
}

function detectVersion(xml: string, schemaVersion: string | null): ScormVersion {
  if (schemaVersion === "1.2" || /adlcp_rootv1p2/.test(xml)) return "scorm12";
  if (schemaVersion && /2004|CAM 1\.3/i.test(schemaVersion)) return "scorm2004";
  if (/adlcp_v1p3|imsss/.test(xml)) return "scorm2004";
  if (schemaVersion === null) return "scorm12";
  throw new ManifestProblem(`Unknown SCORM version "${schemaVersion}"`, "schemaversion");
}

function joinLaunch(base: string, href: string, parameters: string | undefined): string {
  const path = /^[a-z][a-z0-9+.-]*:/i.test(href) ? href : `${base}${href}`.replace(/^\.\//, "");
  if (!parameters) return path;
  // IMS CP: parameters start with "?" or "#", or are appended with "&" when the href has a query.
  const p = parameters.trim();
  if (p.startsWith("#")) return path.includes("#") ? path : `${path}${p}`;
  const query = p.replace(/^[?&]/, "");
  if (!query) return path;
  return path.includes("?") ? `${path}&${query}` : `${path}?${query}`;
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
