/**
 * A run's memory, estimated before any allocation, and refused when over its
 * budget: the world's arrays at the projected peak (world/estimate.ts), each
 * plan's engine and member totals, and each plan's ledger when kept. The same
 * check gates `simulate`, `simulatePlans` and the command line.
 *
 * @module
 */
import { engineBytesPerMember, REFERENCE_BYTES_PER_MEMBER, REFERENCE_HEAP_BUDGET } from "../engine/footprint.js";
import { memberTotalsBytesPerMember } from "../analysis/member-totals.js";
import { DownlineInputError } from "../validate/errors.js";
import type { CompiledPlan } from "../plan/plan.js";
import { checkBudget, formatBytes, memberFields, projectWorld, worldParts, type BudgetPart, type WorldEstimate } from "../world/estimate.js";
import { ordersCarryQv, type Scenario } from "../world/scenario.js";

/** Arrays sized through util/grow: 1.25× what they hold. */
const FITTED_SLACK = 1.25;

/** A ledger line: payee (Int32) and amount (Float64); period and component are the chunk's. */
export const LEDGER_BYTES_PER_LINE = Int32Array.BYTES_PER_ELEMENT + Float64Array.BYTES_PER_ELEMENT;

/** A run's estimate: the world's projection, and every part's bytes with the fields that drive it. */
export interface RunEstimate {
  readonly world: WorldEstimate;
  readonly parts: readonly BudgetPart[];
  /** The parts' sum, in bytes. */
  readonly bytes: number;
  /** Ledger lines at most, all plans together (0 without the ledger). */
  readonly ledgerLines: number;
  /** The reference engine's objects on the JavaScript heap, all plans together (0 on the fast engine). */
  readonly heapBytes: number;
}

/**
 * Estimates a run's memory from its resolved scenario and compiled plans:
 * the world at its projected peak, and per plan its engine's arrays, its
 * member totals and (when kept) its ledger, at most one line per current
 * member, component and period. Custom collectors are not counted.
 *
 * @example
 * estimateRun(resolveScenario(DEFAULT_SCENARIO), [compilePlan(DEFAULT_PLAN)], { engine: "fast", ledger: true }).bytes // => 20161489.5 (about 19 MiB)
 */
export function estimateRun(scenario: Scenario, plans: readonly CompiledPlan[], options: { engine: "fast" | "reference"; ledger: boolean }): RunEstimate {
  const world = projectWorld(scenario);
  const parts = worldParts(scenario, world);
  // Per-member parts scale with the members, so they have the members' drivers, in proportion.
  const perMemberFields = memberFields(parts);
  let ledgerLines = 0;
  for (const plan of plans) {
    const perMember = engineBytesPerMember(plan, options.engine, { qv: ordersCarryQv(scenario.spec) }) + memberTotalsBytesPerMember(plan.components.length);
    parts.push({ what: `engine and member totals of "${plan.name}"`, bytes: world.members * perMember * FITTED_SLACK, fields: perMemberFields });
    if (options.ledger) {
      const lines = world.memberPeriods * plan.components.length;
      ledgerLines += lines;
      parts.push({
        what: `ledger of "${plan.name}"`,
        bytes: lines * LEDGER_BYTES_PER_LINE,
        fields: [["months", 1], ...perMemberFields],
        remedy: "ledger: false, or no --ledger, keeps every total without it",
      });
    }
  }
  const heapBytes = options.engine === "reference" ? plans.length * world.members * REFERENCE_BYTES_PER_MEMBER : 0;
  return { world, parts, bytes: parts.reduce((s, p) => s + p.bytes, 0), ledgerLines, heapBytes };
}

/**
 * Throws one `DownlineInputError` (from `"scenario"`, at the field that drives
 * the estimate most) when the run's estimate is over `budget` bytes: the
 * message states the estimate, the peak counts, the largest parts and the
 * fields that drive them. Nothing has been allocated yet. A reference run
 * whose objects would pass {@link REFERENCE_HEAP_BUDGET} is refused whatever
 * the budget.
 */
export function checkRunBudget(estimate: RunEstimate, scenario: Scenario, budget: number): void {
  if (estimate.heapBytes > REFERENCE_HEAP_BUDGET) {
    const memberField = scenario.spec.start.network ? "start.network.distributors" : "market.prospects";
    throw new DownlineInputError("scenario", [
      {
        path: estimate.world.marketExhausted ? "market.prospects" : memberField,
        message:
          `the reference engine would build about ${formatBytes(estimate.heapBytes)} of objects for an estimated peak of ` +
          `${estimate.world.members.toLocaleString("en-US")} members, over its ${formatBytes(REFERENCE_HEAP_BUDGET)} ` +
          `(about ${Math.floor(REFERENCE_HEAP_BUDGET / REFERENCE_BYTES_PER_MEMBER).toLocaleString("en-US")} members): it is for small worlds; use the fast engine`,
      },
    ]);
  }
  if (budget === Infinity) return;
  checkBudget(scenario, estimate.world, estimate.parts, budget);
}
