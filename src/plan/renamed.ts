/**
 * Renamed plan-file fields: a component type lists its old field names
 * (`ComponentType.renamed`); a plan that still uses one is read as if it used
 * the new name, with a deprecation message naming both. Old names are
 * accepted for one minor version (the CHANGELOG's migration note lists them).
 *
 * @module
 */
import type { InputIssue } from "../validate/errors.js";
import type { AnyComponentType } from "./contract.js";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The plan input with every deprecated field of its components moved to its
 * new name (copies along the changed paths only; the input is not touched),
 * and a warning per move. When both names are given the old one is left in
 * place, so the schema reports it as an unknown key.
 */
export function renameDeprecated<T>(input: T, types: readonly AnyComponentType[]): { value: T; warnings: InputIssue[] } {
  const warnings: InputIssue[] = [];
  if (!isRecord(input) || !Array.isArray(input.components)) return { value: input, warnings };
  let changed = false;
  const components = input.components.map((raw: unknown, k: number) => {
    if (!isRecord(raw)) return raw;
    const def = types.find((t) => t.type === raw.type);
    if (!def?.renamed) return raw;
    let out: Record<string, unknown> = raw;
    for (const { from, to, until } of def.renamed) {
      const fromPath = from.split(".");
      const toPath = to.split(".");
      const old = read(out, fromPath);
      if (old === undefined) continue;
      const message = `deprecated: write ${JSON.stringify(to)} instead (the old name is accepted until version ${until}.x)`;
      warnings.push({ path: `components[${k}].${from}`, message });
      if (read(out, toPath) !== undefined) continue;
      out = write(remove(out, fromPath), toPath, old);
      changed = true;
    }
    return out;
  });
  return { value: changed ? ({ ...input, components } as T) : input, warnings };
}

function read(obj: Record<string, unknown>, path: readonly string[]): unknown {
  let v: unknown = obj;
  for (const key of path) {
    if (!isRecord(v) || !Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = v[key];
  }
  return v;
}

/** A copy of `obj` without the field at `path` (copying the objects on the way). */
function remove(obj: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  const [head, ...rest] = path as [string, ...string[]];
  const copy = { ...obj };
  if (rest.length === 0) delete copy[head];
  else if (isRecord(copy[head])) copy[head] = remove(copy[head] as Record<string, unknown>, rest);
  return copy;
}

/** A copy of `obj` with `value` at `path`, creating objects on the way (a non-object on the way is left for the schema to report). */
function write(obj: Record<string, unknown>, path: readonly string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path as [string, ...string[]];
  const copy = { ...obj };
  if (rest.length === 0) copy[head] = value;
  else {
    const inner = copy[head];
    if (inner === undefined) copy[head] = write({}, rest, value);
    else if (isRecord(inner)) copy[head] = write(inner, rest, value);
  }
  return copy;
}
