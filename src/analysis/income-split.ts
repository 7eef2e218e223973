/**
 * Each member's pay of a period split into kinds of income — active,
 * residual, leveraged and unclassified — exactly, from the payout's
 * per-component amounts and the period's network (see the component
 * contract's notes, "What kind of income it pays").
 *
 * A component of one kind adds her whole amount to it. A component with a
 * weights function has it write the period's per-member weights, and her
 * amount is split in proportion by the one largest-remainder rule
 * (money/allocate: whole minor units, the parts summing to the amount, the
 * leftover units to the largest remainders, ties in the order active,
 * residual, leveraged). A component without `income`, a member paid with
 * all her weights 0, or a negative amount goes to unclassified: never
 * guessed. So the four parts of every member sum exactly to what she was
 * paid, company-paid and customer-paid components alike.
 *
 * @module
 */
import { allocateInto, createAllocationScratch } from "../money/allocate.js";
import type { CompiledPlan } from "../plan/plan.js";
import type { IncomeKind, IncomeWeights } from "../plan/contract.js";
import type { PeriodNetwork } from "../world/network.js";
import type { PeriodPayout } from "../engine/payout.js";

/** The four kinds a member's pay is split into: the three of {@link IncomeKind}, and what no rule classifies. */
export type IncomeClass = IncomeKind | "unclassified";

/** The kinds, in the order the columns and the tie rule use. */
export const INCOME_CLASSES: readonly IncomeClass[] = Object.freeze(["active", "residual", "leveraged", "unclassified"]);

/** One period's split, indexed by member (entries of the period's current members only): minor units. */
export interface IncomeSplit {
  readonly active: Float64Array;
  readonly residual: Float64Array;
  readonly leveraged: Float64Array;
  readonly unclassified: Float64Array;
}

/** Splits a plan's payouts, period after period, reusing its arrays (grown, never allocated per member). */
export interface IncomeSplitter {
  /** The period's split; its arrays are valid until the next call. */
  split(network: PeriodNetwork, payout: PeriodPayout): IncomeSplit;
}

const CLASS_INDEX: Readonly<Record<IncomeKind, number>> = { active: 0, residual: 1, leveraged: 2 };
const UNCLASSIFIED = 3;
const WEIGHTED = -1;

/** Scales whole weights whose sum passes 2^53 down by a power of two (exact), so that they can be split exactly. */
function fitWeights(w: Float64Array): void {
  const total = w[0]! + w[1]! + w[2]!;
  if (total <= Number.MAX_SAFE_INTEGER) return;
  // Dividing by a power of two is exact; the floors keep proportions to 1 part in 2^51.
  const f = 2 ** (Math.ceil(Math.log2(total)) - 52);
  for (let k = 0; k < 3; k++) w[k] = Math.floor(w[k]! / f);
}

/**
 * The splitter of a compiled plan's payouts (see the module notes).
 *
 * @example
 * const splitter = incomeSplitter(plan);
 * const s = splitter.split(network, engine.pay(network));
 * s.active[3] + s.residual[3] + s.leveraged[3] + s.unclassified[3] // => member 3's pay, every component, to the cent
 */
export function incomeSplitter(plan: CompiledPlan): IncomeSplitter {
  const components = plan.components;
  const kinds = components.map((c) => {
    const rule = c.definition.income;
    if (rule === undefined) return UNCLASSIFIED;
    return typeof rule === "function" ? WEIGHTED : CLASS_INDEX[rule];
  });
  let columns = [new Float64Array(0), new Float64Array(0), new Float64Array(0), new Float64Array(0)];
  let weights: IncomeWeights = { active: new Float64Array(0), residual: new Float64Array(0), leveraged: new Float64Array(0) };
  const w = new Float64Array(3);
  const parts = new Float64Array(3);
  const scratch = createAllocationScratch();
  return {
    split(network, payout) {
      const size = Math.max(network.size, payout.size);
      if (columns[0]!.length < size) columns = columns.map(() => new Float64Array(Math.ceil(size * 1.25)));
      const { members, memberCount: count } = payout;
      for (const col of columns) for (let k = 0; k < count; k++) col[members[k]!] = 0;
      components.forEach((component, c) => {
        const amounts = payout.amounts[c]!;
        const kind = kinds[c]!;
        if (kind !== WEIGHTED) {
          const into = columns[kind]!;
          for (let k = 0; k < count; k++) into[members[k]!]! += amounts[members[k]!]!;
          return;
        }
        if (weights.active.length < size) {
          const n = Math.ceil(size * 1.25);
          weights = { active: new Float64Array(n), residual: new Float64Array(n), leveraged: new Float64Array(n) };
        } else {
          weights.active.fill(0, 0, size);
          weights.residual.fill(0, 0, size);
          weights.leveraged.fill(0, 0, size);
        }
        const rule = component.definition.income as (settings: unknown, network: PeriodNetwork, weights: IncomeWeights) => void;
        rule(component.settings, network, weights);
        for (let k = 0; k < count; k++) {
          const i = members[k]!;
          const amount = amounts[i]!;
          if (amount === 0) continue;
          w[0] = weights.active[i]!;
          w[1] = weights.residual[i]!;
          w[2] = weights.leveraged[i]!;
          for (let j = 0; j < 3; j++) {
            const x = w[j]!;
            if (!(Number.isInteger(x) && x >= 0)) {
              throw new RangeError(`downline/analysis: income weights of component "${component.name}": expected whole numbers ≥ 0, got ${x} (${INCOME_CLASSES[j]}) for member ${i} in period ${network.period}`);
            }
          }
          fitWeights(w);
          if (amount < 0 || w[0]! + w[1]! + w[2]! === 0) {
            columns[UNCLASSIFIED]![i]! += amount;
            continue;
          }
          allocateInto(amount, w, 3, parts, scratch);
          columns[0]![i]! += parts[0]!;
          columns[1]![i]! += parts[1]!;
          columns[2]![i]! += parts[2]!;
        }
      });
      return { active: columns[0]!, residual: columns[1]!, leveraged: columns[2]!, unclassified: columns[3]! };
    },
  };
}
