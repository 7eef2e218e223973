/**
 * Pool (leadership pool): a share of the company's CV for the period, split
 * among qualifying distributors by shares.
 *
 * The pool is `rate × total CV` (total CV = the PV of all current members,
 * which counts every order once), rounded once to the minor unit. A member
 * qualifies with the shares of the highest listed rank at or below her
 * paid-as rank (and, by default, only when active: `qualification.active`). The pool is split in
 * proportion to shares by the largest-remainder method, to the minor unit:
 * everybody gets the floor of her exact share, and the cents left over go one
 * each to the largest remainders, ties to the lower member index (money/allocate). So the
 * payouts sum to the pool exactly; when nobody qualifies, the whole pool is
 * breakage.
 *
 * The component writes whole minor units itself (`writes: "minor"`): its
 * headline is the rounded pool.
 *
 * @module
 */
import { z } from "zod";
import { componentName, rateField } from "../../../validate/fields.js";
import { defineComponent } from "../../contract.js";
import { basisField } from "../../volume.js";
import { activeQualification, REQUIRES_ACTIVE_RENAMED } from "../shared/qualification.js";
import { poolKernel } from "./fast.js";
import { poolRule } from "./reference.js";
import type { PoolSettings } from "./settings.js";
export type { PoolSettings } from "./settings.js";

/** Most shares one rank may carry: any whole number held exactly (the split is exact past 2^53: money/allocate). */
export const MAX_POOL_SHARES = Number.MAX_SAFE_INTEGER;

const schema = z
  .object({
    type: z.literal("pool"),
    name: componentName().optional(),
    /** Share of the period's total CV that goes into the pool. */
    rate: rateField(),
    /** Shares by rank name; a member holds the shares of the highest listed rank at or below her paid-as rank. */
    shares: z
      .array(
        z
          .object({
            rank: z.string().min(1),
            shares: z.number().int().min(1).max(MAX_POOL_SHARES),
          })
          .strict(),
      )
      .min(1)
      .max(64),
    /** The volume it pays on: CV (default) or QV. */
    basis: basisField(),
    /** `active` (default true): only distributors who are active this period qualify. */
    qualification: activeQualification(true),
  })
  .strict();

/**
 * The pool component type (`type: "pool"`).
 *
 * @example
 * // 0.25% of the period's CV, shared among Diamonds (1 share) and Crown Diamonds (2).
 * { type: "pool", rate: "0.0025", shares: [{ rank: "Diamond", shares: 1 }, { rank: "Crown Diamond", shares: 2 }] }
 */
export const pool = defineComponent({
  type: "pool",
  schema,
  writes: "minor",
  renamed: [REQUIRES_ACTIVE_RENAMED],
  rates: (input) => [input.rate],
  compile: (input, ctx): PoolSettings => ({
    rate: ctx.rate(input.rate),
    sharesByRank: ctx.byRank(input.shares.map((s) => ({ rank: s.rank, value: s.shares })), 0, "shares"),
    requireActive: input.qualification.active,
    basis: input.basis,
    rounding: ctx.rounding,
  }),
  fast: poolKernel,
  reference: poolRule,
  // Income: a share of the company's volume for ranks her group's volume earns: leveraged.
  income: "leveraged",
});
