/**
 * Walks of a JSON value for tests that check what an answer leaves out: a
 * check on the values themselves, not on the text (a temperature of 38.2 must
 * not be "found" inside a timestamp such as 17:41:38.249Z).
 */

/** Every key anywhere in a JSON value. */
export function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

/** Every number, string and boolean anywhere in a JSON value. */
export function valuesOf(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) valuesOf(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) valuesOf(v, out);
  else out.push(value);
  return out;
}
