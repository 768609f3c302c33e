import { agentKey } from "./validate/actors.js";
import { isObject, type Json, type JsonObject } from "./validate/primitives.js";

/**
 * The filterable facts of a statement, as rows of the statement index:
 * a = agent as actor or object, A = any related agent (includes a),
 * c = activity as object, C = any related activity (includes c),
 * v = verb, r = registration.
 */
export function statementFacts(s: JsonObject): [string, string][] {
  const facts = new Map<string, [string, string]>();
  const add = (kind: string, value: string | null) => {
    if (value !== null) facts.set(`${kind}\u0000${value}`, [kind, value]);
  };
  const agentFacts = (who: Json | undefined, direct: boolean) => {
    if (!isObject(who)) return;
    const key = agentKey(who);
    if (direct) add("a", key);
    add("A", key);
    if (Array.isArray(who.member)) for (const m of who.member) if (isObject(m)) add("A", agentKey(m));
  };
  const activityFacts = (a: Json | undefined, direct: boolean) => {
    if (!isObject(a) || typeof a.id !== "string") return;
    if (direct) add("c", a.id);
    add("C", a.id);
  };
  const contextFacts = (c: Json | undefined) => {
    if (!isObject(c)) return;
    agentFacts(c.instructor, false);
    agentFacts(c.team, false);
    if (Array.isArray(c.contextAgents)) for (const x of c.contextAgents) if (isObject(x)) agentFacts(x.agent, false);
    if (Array.isArray(c.contextGroups)) for (const x of c.contextGroups) if (isObject(x)) agentFacts(x.group, false);
    if (isObject(c.contextActivities)) {
      for (const list of Object.values(c.contextActivities)) {
        for (const a of Array.isArray(list) ? list : [list]) activityFacts(a, false);
      }
    }
  };
  const objectFacts = (o: Json | undefined, direct: boolean) => {
    if (!isObject(o)) return;
    if (o.objectType === undefined || o.objectType === "Activity") activityFacts(o, direct);
    else if (o.objectType === "Agent" || o.objectType === "Group") agentFacts(o, direct);
  };
  agentFacts(s.actor, true);
  objectFacts(s.object, true);
  agentFacts(s.authority, false);
  contextFacts(s.context);
  if (isObject(s.verb) && typeof s.verb.id === "string") add("v", s.verb.id);
  if (isObject(s.context) && typeof s.context.registration === "string") add("r", s.context.registration.toLowerCase());
  const sub = s.object;
  if (isObject(sub) && sub.objectType === "SubStatement") {
    agentFacts(sub.actor, false);
    objectFacts(sub.object, false);
    contextFacts(sub.context);
  }
  return [...facts.values()];
}
