/**
 * What an engine keeps per member, in bytes: its own arrays, the
 * qualifier's, each component kernel's state (measured on the kernel's own
 * arrays, so custom components count too), and the caps' scratch. The
 * runner multiplies it by the projected members before any allocation
 * (run/budget.ts).
 *
 * @module
 */
import type { CompiledPlan } from "../plan/plan.js";
import { componentReadsGroupVolumes, componentReadsPackages } from "../plan/reads.js";

/** Element types of the engine's typed arrays. */
type Column = Int32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor;

/** The fast engine's own arrays per member (fast.ts, and the qualifier's ranks); each component adds one `Float64Array` of amounts. */
export const FAST_ENGINE_COLUMNS: Readonly<Record<string, Column>> = {
  pv: Float64Array,
  active: Uint8Array,
  activeUpline: Int32Array,
  title: Uint8Array,
  rank: Uint8Array,
};

/** The engine's personal QV, apart from the PV only when orders carry a QV of their own. */
export const QV_COLUMNS: Readonly<Record<string, Column>> = { ownQv: Float64Array };

/** Each member's package in the plan's numbering, only when a component reads packages. */
export const PACKAGE_COLUMNS: Readonly<Record<string, Column>> = { memberPackage: Uint8Array };

/**
 * The qualifier's volume arrays per member (qualify.ts), only when the plan
 * has ranks or measures or a component reads group volumes; each distinct
 * leg threshold adds an `Int32Array`, each max-share rank a `Float64Array`.
 */
export const QUALIFIER_COLUMNS: Readonly<Record<string, Column>> = {
  gv: Float64Array,
  ownGqv: Float64Array,
  largestLeg: Float64Array,
  frontline: Int32Array,
  subtreeRank: Uint8Array,
};

/**
 * What the reference engine adds per member, measured: each period it builds
 * an object per member (exact decimals, frontline lists) and a record per
 * order, about 1.4 KB a member on the heap (50,000 members, default and
 * wellness plans); counted as 2 KiB.
 */
export const REFERENCE_BYTES_PER_MEMBER = 2048;

/**
 * The most the reference engine's objects may take: 1 GiB, about 520,000
 * members. They live on the JavaScript heap, whose limit (2–4 GB by default,
 * whatever the machine) no budget can raise, and running out of it is a
 * fatal error, not an exception; the reference engine is the definition of
 * the rules, for small worlds (it pays 1,000,000 members in minutes a
 * period).
 */
export const REFERENCE_HEAP_BUDGET = 1024 ** 3;

const bytesOf = (columns: Readonly<Record<string, Column>>) => Object.values(columns).reduce((s, c) => s + c.BYTES_PER_ELEMENT, 0);

/** A prime, so that a kernel's fixed-size arrays (a few rates) are never taken for per-member ones. */
const PROBE = 997;

/** Bytes per member of the typed arrays in a kernel's state: those whose length is a multiple of `capacity`. */
function stateBytes(state: unknown, capacity: number): number {
  let bytes = 0;
  const stack: unknown[] = [state];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== "object" || v === null || seen.has(v)) continue;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      const length = (v as unknown as { length?: number }).length ?? 0;
      if (length > 0 && length % capacity === 0) bytes += v.byteLength / capacity;
      continue;
    }
    // A few levels at most (arrays of arrays, a scratch object): a kernel's state is small.
    if (seen.size > 1000) break;
    for (const child of Object.values(v)) stack.push(child);
  }
  return bytes;
}

/**
 * Bytes per member of a kernel's state, measured on its own arrays: created
 * for {@link PROBE} members (then grown to twice that, if it grows), every
 * typed array whose length is a multiple of the member count counted.
 */
function kernelBytesPerMember(component: CompiledPlan["components"][number]): number {
  const fast = component.definition.fast;
  const state = fast.state(component.settings, PROBE);
  const created = stateBytes(state, PROBE);
  if (!fast.grow) return created;
  fast.grow(state, 2 * PROBE);
  return Math.max(created, stateBytes(state, 2 * PROBE));
}

/**
 * Bytes per member that an engine for `plan` keeps (`"fast"`), or that the
 * reference engine builds each period besides ({@link REFERENCE_BYTES_PER_MEMBER},
 * on the JavaScript heap: see `REFERENCE_HEAP_BUDGET`), on a world whose
 * orders carry a QV of their own or not (`qv`, default false). Arrays are
 * sized at 1.25× the members, as `util/grow` sizes them; that slack is the
 * caller's to add.
 *
 * @example
 * engineBytesPerMember(compilePlan(DEFAULT_PLAN), "fast") // => 51 (15 own, 16 amounts, 20 the unilevel's level buffers and active list)
 */
export function engineBytesPerMember(plan: CompiledPlan, kind: "fast" | "reference", options: { readonly qv?: boolean } = {}): number {
  let bytes = bytesOf(FAST_ENGINE_COLUMNS) + Float64Array.BYTES_PER_ELEMENT * plan.components.length;
  if (options.qv) bytes += bytesOf(QV_COLUMNS);
  if (plan.packages.length > 0 || plan.components.some(componentReadsPackages)) bytes += bytesOf(PACKAGE_COLUMNS);
  // Volumes, legs and measures: every period with ranks or measures, else only when a component reads them.
  const volumes = plan.ranks.length > 0 || plan.measures.length > 0 || plan.components.some(componentReadsGroupVolumes);
  if (volumes) bytes += bytesOf(QUALIFIER_COLUMNS);
  const gvThresholds = new Set(plan.ranks.flatMap((r) => r.legs.filter((l) => l.minGv >= 0).map((l) => l.minGv)));
  const rankThresholds = new Set(plan.ranks.flatMap((r) => r.legs.filter((l) => l.rank > 0).map((l) => l.rank)));
  const shareRanks = plan.ranks.filter((r) => r.legCap !== Infinity).length;
  bytes += Int32Array.BYTES_PER_ELEMENT * (gvThresholds.size + rankThresholds.size) + Float64Array.BYTES_PER_ELEMENT * shareRanks;
  // The plan's measures (a value each), and the children index that lines and capped leg volumes read.
  bytes += Float64Array.BYTES_PER_ELEMENT * plan.measures.length;
  if (plan.measures.some((m) => m.kind === "qualifiedLines" || m.kind === "legVolume")) bytes += 2 * Int32Array.BYTES_PER_ELEMENT;
  for (const c of plan.components) {
    bytes += kernelBytesPerMember(c);
    // What it publishes (a value each), and its exact accrual when a later component reads it.
    bytes += Float64Array.BYTES_PER_ELEMENT * (c.publishes.length + (plan.keepEarned.includes(c.name) ? 1 : 0));
  }
  // The payout cap's scratch: a line per paid member and capped component, and the split's two arrays per line.
  if (plan.caps.payout) bytes += 3 * Float64Array.BYTES_PER_ELEMENT * plan.caps.payout.components.length;
  return kind === "reference" ? bytes + REFERENCE_BYTES_PER_MEMBER : bytes;
}
