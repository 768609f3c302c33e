import { at, expectIri, expectObject, expectString, extensions, fail, type JsonObject, languageMap, onlyKeys, type V } from "./primitives.js";

const COMPONENTS: Record<string, readonly string[]> = {
  "true-false": [],
  choice: ["choices"],
  "fill-in": [],
  "long-fill-in": [],
  matching: ["source", "target"],
  performance: ["steps"],
  sequencing: ["choices"],
  likert: ["scale"],
  numeric: [],
  other: [],
};
const ALL_COMPONENTS = ["choices", "scale", "source", "target", "steps"];

function components(v: V, value: unknown): void {
  if (!Array.isArray(value)) fail(v, "must be an array of interaction components");
  const seen = new Set<string>();
  value.forEach((c, i) => {
    const cv = at(v, i);
    const obj = expectObject(cv, c);
    onlyKeys(cv, obj, ["id", "description"]);
    const id = expectString(at(cv, "id"), obj.id);
    if (/\s/.test(id) || id === "") fail(at(cv, "id"), "must be a non-empty string without spaces");
    if (seen.has(id)) fail(at(cv, "id"), "must be unique within the list");
    seen.add(id);
    if (obj.description !== undefined) languageMap(at(cv, "description"), obj.description);
  });
}

export function activityDefinition(v: V, value: unknown): void {
  const def = expectObject(v, value);
  onlyKeys(v, def, ["name", "description", "type", "moreInfo", "extensions", "interactionType", "correctResponsesPattern", ...ALL_COMPONENTS]);
  if (def.name !== undefined) languageMap(at(v, "name"), def.name);
  if (def.description !== undefined) languageMap(at(v, "description"), def.description);
  if (def.type !== undefined) expectIri(at(v, "type"), def.type);
  if (def.moreInfo !== undefined) expectIri(at(v, "moreInfo"), def.moreInfo);
  if (def.extensions !== undefined) extensions(at(v, "extensions"), def.extensions);
  const type = def.interactionType;
  if (type === undefined) {
    if (def.correctResponsesPattern !== undefined) fail(at(v, "correctResponsesPattern"), "needs an interactionType");
    for (const k of ALL_COMPONENTS) if (def[k] !== undefined) fail(at(v, k), "needs an interactionType");
    return;
  }
  if (typeof type !== "string" || !(type in COMPONENTS)) fail(at(v, "interactionType"), "is not a known interaction type");
  const allowed = COMPONENTS[type];
  for (const k of ALL_COMPONENTS) {
    if (def[k] === undefined) continue;
    if (!allowed.includes(k)) fail(at(v, k), `is not allowed for interactionType "${type}"`);
    components(at(v, k), def[k]);
  }
  if (def.correctResponsesPattern !== undefined) {
    const pv = at(v, "correctResponsesPattern");
    if (!Array.isArray(def.correctResponsesPattern)) fail(pv, "must be an array of strings");
    def.correctResponsesPattern.forEach((p, i) => {
      expectString(at(pv, i), p);
    });
  }
}

export function activity(v: V, value: unknown): JsonObject {
  const obj = expectObject(v, value);
  onlyKeys(v, obj, ["objectType", "id", "definition"]);
  if (obj.objectType !== undefined && obj.objectType !== "Activity") fail(at(v, "objectType"), 'must be "Activity"');
  expectIri(at(v, "id"), obj.id);
  if (obj.definition !== undefined) activityDefinition(at(v, "definition"), obj.definition);
  return obj;
}
