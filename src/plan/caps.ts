/**
 * Caps: limits applied after every component has paid, in this order:
 *
 * 1. `perMember`: a member's total from the capped components in a period is at
 *    most `amount`; over it, her lines are scaled down to exactly `amount`,
 *    pro rata, by largest remainder.
 * 2. `payout`: the period's total payout is at most `share` × the period's CV
 *    (rounded once, by the plan's rounding mode). Over it, the capped
 *    components' lines are scaled by one factor so that the total is exactly
 *    the cap: each line becomes ⌊line × A / S⌋ (A what the capped components may
 *    pay, S what they would), and the cents left are given, one each, to the
 *    lines with the largest remainders (ties: earlier component, then lower
 *    member). If the uncapped components alone exceed the cap, the capped ones
 *    pay nothing.
 *
 * What caps remove is reported per component (`capped`), apart from breakage:
 * `paid + capped + breakage` is the headline.
 *
 * Caps concern what the company pays: components paid by customers (retail
 * profit) are neither counted in the payout nor scaled, and may not be listed.
 * Components that read earlier components' pay (a matching bonus) read it
 * before caps.
 *
 * @module
 */
import { z } from "zod";
import { ExactDecimal } from "../money/exact.js";
import { amountField, componentName, rateField } from "../validate/fields.js";

export const capsSchema = z
  .object({
    payout: z
      .object({
        /** At most this share of the period's CV is paid out. */
        share: rateField(),
        /** Components scaled when the cap binds (default: all). */
        components: z.array(componentName()).min(1).optional(),
      })
      .strict()
      .optional(),
    perMember: z
      .object({
        /** At most this much a member, per period, from the capped components (major units). */
        amount: amountField(),
        components: z.array(componentName()).min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type CapsSpec = z.output<typeof capsSchema>;

/** Caps in minor units, components by index in the plan. */
export interface CompiledCaps {
  /** Indices of the components the company pays: what the payout cap counts. */
  readonly company: readonly number[];
  readonly payout?: { readonly share: InstanceType<typeof ExactDecimal>; readonly components: readonly number[] };
  readonly perMember?: { readonly amount: number; readonly components: readonly number[] };
}

/**
 * Compiles caps: `money(text, path)` converts an amount to minor units (a value
 * finer than the currency is reported by the converter), `fail(path, message)`
 * reports any other problem.
 */
export function compileCaps(
  caps: CapsSpec | undefined,
  components: readonly { readonly name: string; readonly paidBy: "company" | "customer" }[],
  money: (text: string, path: string) => number,
  fail: (path: string, message: string) => void,
): CompiledCaps {
  const componentNames = components.map((c) => c.name);
  const company = components.flatMap((c, k) => (c.paidBy === "customer" ? [] : [k]));
  if (!caps) return { company };
  // Component indices, in plan order (the tie-break order), each once.
  const indices = (names: readonly string[] | undefined, path: string): number[] => {
    if (names === undefined) return [...company];
    const found = new Set<number>();
    names.forEach((n, k) => {
      const at = componentNames.indexOf(n);
      if (at < 0) fail(`${path}[${k}]`, `expected one of the plan's components (${componentNames.map((c) => JSON.stringify(c)).join(", ")}), got ${JSON.stringify(n)}`);
      else if (!company.includes(at)) fail(`${path}[${k}]`, `expected a component the company pays; ${JSON.stringify(n)} is paid by customers`);
      else found.add(at);
    });
    return [...found].sort((a, b) => a - b);
  };
  const out: { company: readonly number[]; payout?: CompiledCaps["payout"]; perMember?: CompiledCaps["perMember"] } = { company };
  if (caps.payout) out.payout = { share: new ExactDecimal(caps.payout.share), components: indices(caps.payout.components, "caps.payout.components") };
  if (caps.perMember) {
    out.perMember = { amount: money(caps.perMember.amount, "caps.perMember.amount"), components: indices(caps.perMember.components, "caps.perMember.components") };
  }
  return out;
}
