/**
 * Stairstep (differential) bonus with an optional breakaway: Amway's
 * performance bonus and the "stairstep breakaway" plans built on it.
 *
 * **Rates.** `rates` lists paid-as ranks, lowest first, each with its stairstep
 * rate; rates must not decrease with rank. A member's rate is the rate of the
 * highest listed rank at or below her paid-as rank, 0 if there is none (a
 * member with no rank earns nothing; activity counts through the ladder, whose
 * ranks require it unless a rank says `active: false`).
 *
 * **Differential**, per order (volume V credited to member m): walk up from m
 * herself through the current upline tree, keeping `paidRate`, the highest
 * rate already paid on V (0 at first). Each member u on the way earns
 * `(rate(u) − paidRate) × V` when positive, then `paidRate = max(paidRate,
 * rate(u))`. So m earns her own rate on her personal volume, and the total
 * paid on V is the highest rate on the way: an upline whose rate is not above
 * what was paid below her earns nothing on that volume.
 *
 * **Breakaway** (optional). The walk stops at the first member b at or above m
 * whose paid-as rank is at least `breakaway.rank` (b earns her differential
 * first): V breaks away, and no one above b earns a differential on it.
 * Instead the g-th member strictly above b with rank at least the breakaway
 * rank (b being generation 0) earns `generations[g-1] × V`, for g up to
 * `generations.length`; members below the breakaway rank on the way are
 * passed over. Breakaway volume leaves the group only for this component's
 * payouts: GV for rank qualification stays the whole downline.
 *
 * **Headline**: `(top rate + Σ generations) × V` for every order, the most one
 * order can pay (the differential on V is at most the top rate; the
 * generations at most their sum). Breakage is the part of the top rate that
 * no member up to the breakaway (or the top of the tree) reaches, and every
 * generation that has no qualified member to take it.
 *
 * @example
 * // Ranks R1..R4 at 5/10/15/20%, breakaway at R4 (4%, 2% on two generations).
 * const stairstepInput = {
 *   type: "stairstep",
 *   rates: [{ rank: "R1", rate: "0.05" }, { rank: "R2", rate: "0.10" }, { rank: "R3", rate: "0.15" }, { rank: "R4", rate: "0.20" }],
 *   breakaway: { rank: "R4", generations: ["0.04", "0.02"] },
 * };
 * // An R3 member earns 15% on her own PV and 15% − 5% = 10% on an R1 downline's.
 *
 * @module
 */
import { z } from "zod";
import { compareDecimal, componentName, rateField } from "../../../validate/fields.js";
import { ComponentFieldError, defineComponent } from "../../contract.js";
import { basisField } from "../../volume.js";
import { stairstepKernel } from "./fast.js";
import { stairstepRule } from "./reference.js";
import type { StairstepRate, StairstepSettings } from "./settings.js";
export type { StairstepRate, StairstepSettings } from "./settings.js";

const rankName = () => z.string().min(1).max(100);

const schema = z
  .object({
    type: z.literal("stairstep"),
    name: componentName().optional(),
    /** Stairstep rate of each paid-as rank, lowest rank first; rates never decrease. */
    rates: z
      .array(z.object({ rank: rankName(), rate: rateField() }).strict())
      .min(1)
      .max(64)
      .superRefine((steps, ctx) => {
        for (let i = 1; i < steps.length; i++) {
          const [prev, step] = [steps[i - 1]!, steps[i]!];
          if (compareDecimal(step.rate, prev.rate) < 0) {
            ctx.addIssue({
              code: "custom",
              path: [i, "rate"],
              message: `expected at least ${prev.rate}, the rate of the lower rank ${JSON.stringify(prev.rank)} (stairstep rates must not decrease with rank), got ${step.rate}`,
            });
          }
        }
      }),
    /** The volume it pays on: CV (default) or QV. */
    basis: basisField(),
    /** From this paid-as rank up, a member's volume breaks away; her qualified uplines earn generation rates on it instead. */
    breakaway: z
      .object({
        rank: rankName(),
        /** Rate of generation 1 (the first breakaway-qualified member above), 2, … */
        generations: z.array(rateField()).min(1).max(64),
      })
      .strict()
      .optional(),
  })
  .strict();

/** The stairstep differential with breakaway (see the module documentation for the definition). */
export const stairstep = defineComponent({
  type: "stairstep",
  schema,
  rates: (input) => [...input.rates.map((r) => r.rate), ...(input.breakaway?.generations ?? [])],
  compile(input, ctx): StairstepSettings {
    const steps: StairstepRate[] = input.rates.map((r, i) => ({ rank: ctx.rankNumber(r.rank, `rates[${i}].rank`), rankName: r.rank, rate: ctx.rate(r.rate) }));
    for (let i = 1; i < steps.length; i++) {
      if (steps[i]!.rank <= steps[i - 1]!.rank) {
        throw new ComponentFieldError(
          `rates[${i}].rank`,
          `expected the ranks lowest first, each once: ${JSON.stringify(steps[i]!.rankName)} is not above ${JSON.stringify(steps[i - 1]!.rankName)} (listed before it)`,
        );
      }
    }
    const rateByRank = ctx.byRank(steps.map((s) => ({ rank: s.rankName, value: s.rate })), ctx.rate("0"), "rates");
    if (!input.breakaway) return { rates: steps, rateByRank, basis: input.basis };
    const breakaway = {
      rank: ctx.rankNumber(input.breakaway.rank, "breakaway.rank"),
      rankName: input.breakaway.rank,
      generations: input.breakaway.generations.map(ctx.rate),
    };
    return { rates: steps, rateByRank, breakaway, basis: input.basis };
  },
  fast: stairstepKernel,
  reference: stairstepRule,
  // Income: leveraged, all of it. Her differential on her own PV (own orders and her customers') is in it too: it is paid at the rate her rank reaches, and telling it apart would need that rate member by member; the README says so.
  income: "leveraged",
});
