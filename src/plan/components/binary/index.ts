/**
 * Binary: two legs in a placement tree of width 2 (slot 0 is the left leg,
 * slot 1 the right). Each period, for each current member m:
 *
 * - Leg volumes. `L` = this period's PV of her whole left placement subtree
 *   (the subtree under her slot-0 child, all depths) + her left carryover;
 *   `R` likewise on the right. A member who quit keeps her position: her own
 *   volume stops, her placement downline's keeps flowing up through it.
 * - Pay rule. `weakLeg`: the paired volume `P = min(L, R)` pays `rate × P`.
 *   `cycles`: `n = min(floor(L / left), floor(R / right))` cycles, each paying
 *   `value` (money, major units) or `rate × min(left, right)`. The value or rate
 *   may depend on her paid-as rank (`payByRank`, what a cycle or a unit of
 *   paired volume pays by rank: the highest listed rank at or below hers, else
 *   `pay`'s own `value` or `rate`). When every rank that should be paid is
 *   listed, `pay` needs no value or rate of its own: a member below every
 *   listed rank is then not qualified (`valueByRank` is the old name of
 *   `payByRank`, read with a deprecation message until 0.2.x).
 * - First cycle (`pay.firstCycle: { larger, smaller }`, cycles only): until
 *   she is first paid a cycle, a member's first cycle takes `larger`
 *   from one leg and `smaller` from the other, either way (the leg with more
 *   volume gives `larger`; ties: the left), and pays like any cycle; later
 *   cycles, in the same period too, are `left` : `right`. So "first pair 2:1
 *   either way, then 1:1" is `left: "100", right: "100", firstCycle: {
 *   larger: "200", smaller: "100" }`. Whether she has been paid a cycle is
 *   kept from period to period.
 * - Qualification. With `qualification.active` she must be active; with
 *   `qualification.sponsoredEachSide` she needs, on each leg, at least one
 *   active member she personally sponsors (current sponsor tree). An
 *   unqualified member earns nothing and nothing is paired: both legs carry
 *   over whole (subject to the flush rules); what she would have earned is
 *   breakage.
 * - Caps (per member, per period). `cap.cycles` (cycles) or `cap.maxPaired`
 *   (weak leg: paired volume) limit what is paid; `cap.amount` limits the
 *   money (the excess is not paid). With `overCap: "flush"` (default) all the
 *   paired volume leaves both legs; with `"carry"` only the volume paid leaves
 *   them: the capped cycles (or paired volume), and under an amount cap only
 *   the cycles (volume) needed to reach it, the last possibly paid in part.
 * - Carryover, after paying: a quit member's legs are emptied; with
 *   `carryover.flushWhenInactive` (default) so are an inactive member's; with
 *   `carryover.flushAfterPeriods: N` a member who has not been paid a cycle (or
 *   paired volume) for N consecutive periods (counted since her last cycle, last
 *   such flush or joining) has her legs emptied; then each leg is cut to
 *   `carryover.cap`. The cut and flushed volume is lost.
 *
 * Headline: what the pay rule (at each member's rank) would pay every current
 * member on this period's `L` and `R` if everybody qualified and no cap
 * applied (before this period's flushes). Volumes are in the currency's units
 * (major, like `activity.minPv`); volumes and amounts finer than the plan's
 * currency are plan errors when it is compiled.
 *
 * @module
 */
import { z } from "zod";
import { amountField, compareDecimal, componentName, decimalField, rateField } from "../../../validate/fields.js";
import { ComponentFieldError, defineComponent, type CompiledRate } from "../../contract.js";
import { basisField } from "../../volume.js";
import { binaryKernel } from "./fast.js";
import { binaryRule } from "./reference.js";
import type { BinarySettings } from "./settings.js";
export type { BinarySettings } from "./settings.js";
export { binaryPlacement } from "./settings.js";

/** A volume in the currency's major units (`"200"`), like `activity.minPv`. */
const volumeField = () => decimalField({ min: "0", max: "10000000", maxPlaces: 4, what: 'a volume like "200"' });
/** A volume that must be above zero (a cycle's side). */
const positiveVolume = () => volumeField().refine((v) => compareDecimal(v, "0") > 0, { message: "expected a volume above 0" });

const schema = z
  .object({
    type: z.literal("binary"),
    name: componentName().optional(),
    /** How paired volume pays. */
    pay: z.discriminatedUnion("kind", [
      z
        .object({
          /** `rate × min(L, R)`: paired volume units. */
          kind: z.literal("weakLeg"),
          /** The rate of paired volume; optional when `payByRank` lists every rank paid. */
          rate: rateField().optional(),
        })
        .strict(),
      z
        .object({
          /** Cycles of `left` : `right` volume. */
          kind: z.literal("cycles"),
          left: positiveVolume(),
          right: positiveVolume(),
          /** Money per cycle, major units (`"20.00"`); or give `rate`. */
          value: amountField().optional(),
          /** Share of the smaller side of a cycle paid per cycle; or give `value`. */
          rate: rateField().optional(),
          /** A member's first cycle ever: `larger` from one leg and `smaller` from the other, either way. */
          firstCycle: z.object({ larger: positiveVolume(), smaller: positiveVolume() }).strict().optional(),
        })
        .strict(),
    ]),
    /** What a cycle (value or rate) or a unit of paired volume (rate) pays by the earner's paid-as rank: the highest listed rank at or below hers, else `pay`'s. */
    payByRank: z
      .array(z.object({ rank: z.string().min(1), value: amountField().optional(), rate: rateField().optional() }).strict())
      .min(1)
      .max(64)
      .optional(),
    /** Per member and period. */
    cap: z
      .object({
        /** Most cycles paid (cycles only). */
        cycles: z.number().int().min(0).max(1_000_000_000).optional(),
        /** Most paired volume paid (weakLeg only). */
        maxPaired: volumeField().optional(),
        /** Most money paid, major units. */
        amount: amountField().optional(),
      })
      .strict()
      .optional(),
    /** The volume it pays on: CV (default) or QV. */
    basis: basisField(),
    /** Volume paired beyond a cap: `"flush"`ed from both legs (default) or `"carry"`ed. */
    overCap: z.enum(["carry", "flush"]).default("flush"),
    carryover: z
      .object({
        /** Most volume carried per leg; the rest is flushed. */
        cap: volumeField().optional(),
        /** Empty an inactive member's legs at the end of the period. */
        flushWhenInactive: z.boolean().default(true),
        /** Empty the legs of a member not paid a cycle for this many consecutive periods. */
        flushAfterPeriods: z.number().int().min(1).max(10_000).optional(),
      })
      .strict()
      .prefault({}),
    qualification: z
      .object({
        /** She must be active this period. */
        active: z.boolean().default(true),
        /** She needs an active personally sponsored member in each leg. */
        sponsoredEachSide: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
  })
  .strict();

/**
 * The binary component type (`type: "binary"`). It keeps each member's left
 * and right carryover and her periods without a cycle.
 *
 * @example
 * { type: "binary", pay: { kind: "cycles", left: "200", right: "200", value: "20.00" }, cap: { cycles: 100 } }
 */
export const binary = defineComponent({
  type: "binary",
  schema,
  renamed: [{ from: "valueByRank", to: "payByRank", until: "0.2" }],
  rates: (input) => [
    ...(input.pay.rate === undefined ? [] : [input.pay.rate]),
    ...(input.payByRank ?? []).flatMap((v) => (v.rate === undefined ? [] : [v.rate])),
  ],
  compile(input, ctx): BinarySettings {
    const pay = input.pay;
    const byRank = input.payByRank ?? [];
    // What a cycle (or paired volume) pays: a money value (cycles) or a rate; from pay, else from payByRank.
    const base = pay.kind === "cycles" ? (pay.value !== undefined ? "value" : pay.rate !== undefined ? "rate" : undefined) : pay.rate !== undefined ? "rate" : undefined;
    if (pay.kind === "cycles" && pay.value !== undefined && pay.rate !== undefined) {
      throw new ComponentFieldError("pay", "expected at most one of value (money per cycle) or rate (share of the cycle's smaller side)");
    }
    if (base === undefined && byRank.length === 0) {
      throw new ComponentFieldError("pay", pay.kind === "cycles" ? "expected value or rate (or payByRank listing what each rank's cycle pays)" : "expected rate (or payByRank listing each rank's rate)");
    }
    const byValue = base === "value" || (base === undefined && pay.kind === "cycles" && byRank[0]!.value !== undefined);
    const listed = byRank.map((v, k) => {
      const given = byValue ? v.value : v.rate;
      const other = byValue ? v.rate : v.value;
      if (given === undefined || other !== undefined) {
        throw new ComponentFieldError(`payByRank[${k}]`, `expected ${byValue ? "a value (the plan pays cycles by value)" : "a rate (the plan pays by rate)"} and nothing else`);
      }
      return { rank: v.rank, given, k };
    });
    if (pay.kind === "cycles" && pay.firstCycle && compareDecimal(pay.firstCycle.larger, pay.firstCycle.smaller) < 0) {
      throw new ComponentFieldError("pay.firstCycle.larger", `expected at least smaller (${pay.firstCycle.smaller}), got ${pay.firstCycle.larger}`);
    }
    const cap = input.cap ?? {};
    if (cap.cycles !== undefined && pay.kind !== "cycles") throw new ComponentFieldError("cap.cycles", "expected cap.maxPaired for a weakLeg binary (it pays volume, not cycles)");
    if (cap.maxPaired !== undefined && pay.kind !== "weakLeg") throw new ComponentFieldError("cap.maxPaired", "expected cap.cycles for a cycles binary");
    const optional = (text: string | undefined, field: string): number => (text === undefined ? Infinity : ctx.money(text, field));
    const left = pay.kind === "cycles" ? ctx.money(pay.left, "pay.left") : 0;
    const right = pay.kind === "cycles" ? ctx.money(pay.right, "pay.right") : 0;
    const capAmount = optional(cap.amount, "cap.amount");
    let valueByRank: number[] | undefined;
    let rateByRank: CompiledRate[] | undefined;
    let perUnitScaled: number[];
    // Without a base, a rank below every listed one is not qualified (and pays nothing).
    const unlisted = base === undefined;
    let qualifiedByRank: boolean[] = [];
    if (byValue) {
      const table = ctx.byRank(listed.map((l) => ({ rank: l.rank, value: ctx.money(l.given, `payByRank[${l.k}].value`) })), unlisted || pay.kind !== "cycles" ? -1 : ctx.money(pay.value!, "pay.value"), "payByRank");
      qualifiedByRank = table.map((v) => v >= 0);
      valueByRank = table.map((v) => Math.max(v, 0));
      perUnitScaled = valueByRank.map((v) => v * ctx.scale);
    } else {
      const table = ctx.byRank(listed.map((l) => ({ rank: l.rank, value: ctx.rate(l.given) })), unlisted ? undefined : ctx.rate(pay.rate!), "payByRank");
      qualifiedByRank = table.map((r) => r !== undefined);
      rateByRank = table.map((r) => r ?? ctx.rate("0"));
      // weakLeg: per volume unit; cycles by rate: rate × the cycle's smaller side.
      perUnitScaled = rateByRank.map((r) => (pay.kind === "cycles" ? r.scaled * Math.min(left, right) : r.scaled));
    }
    const firstCycle = pay.kind === "cycles" && pay.firstCycle ? { larger: ctx.money(pay.firstCycle.larger, "pay.firstCycle.larger"), smaller: ctx.money(pay.firstCycle.smaller, "pay.firstCycle.smaller") } : undefined;
    return {
      name: ctx.name,
      kind: pay.kind,
      left,
      right,
      ...(valueByRank ? { valueByRank } : {}),
      ...(rateByRank ? { rateByRank } : {}),
      qualifiedByRank,
      ...(firstCycle ? { firstCycle } : {}),
      perUnitScaled,
      capCycles: cap.cycles ?? Infinity,
      capPaired: optional(cap.maxPaired, "cap.maxPaired"),
      capAmount,
      capAmountScaled: capAmount * ctx.scale,
      overCap: input.overCap,
      carryCap: optional(input.carryover.cap, "carryover.cap"),
      flushWhenInactive: input.carryover.flushWhenInactive,
      flushAfterPeriods: input.carryover.flushAfterPeriods ?? Infinity,
      requireActive: input.qualification.active,
      sponsoredEachSide: input.qualification.sponsoredEachSide,
      basis: input.basis,
    };
  },
  fast: binaryKernel,
  reference: binaryRule,
  // Income: her placement legs' volume (her own PV is in neither leg): leveraged.
  income: "leveraged",
  placement: () => ({ kind: "binary" }),
});
