/**
 * Matching bonus (check match): a share of what the members below a distributor
 * earned this period from chosen earlier components, by generation.
 *
 * Generation 1 is her frontline (the members whose current upline, after
 * roll-up of quitters, is she), generation 2 their frontline, and so on: no
 * compression, so an unqualified upline still holds her generation and her
 * share is breakage. A member's matched earnings are the sum of what the
 * chosen components paid her this period, each already rounded to the cent,
 * before the plan's caps (caps apply after every component). The component must
 * come after every component it matches (they run in plan order).
 *
 * Headline: what the rates would pay if every upline who exists at each
 * generation qualified. Generations above the top of the tree are not part of
 * the headline (nobody could have been paid them).
 *
 * @module
 */
import { z } from "zod";
import { componentName, rateField } from "../../validate/fields.js";
import { ComponentFieldError, type ComponentType, type CompiledRate } from "../contract.js";

const schema = z
  .object({
    type: z.literal("matching"),
    name: componentName().optional(),
    /** Names of earlier components whose payouts are matched. */
    components: z
      .array(componentName())
      .min(1)
      .max(64)
      .superRefine((names, ctx) => {
        // Listing a component twice would match its earnings twice: surely a typo.
        names.forEach((n, i) => {
          const first = names.indexOf(n);
          if (first < i) ctx.addIssue({ code: "custom", path: [i], message: `expected distinct components, but ${JSON.stringify(n)} is also components[${first}]` });
        });
      }),
    /** Match rate per generation, generation 1 (her frontline) first. */
    rates: z.array(rateField()).min(1).max(64),
    /** Pay only distributors who are active this period; an inactive one's match is breakage. */
    requiresActive: z.boolean().default(true),
    /** Pay only distributors whose paid-as rank is at least this rank (by name); others' match is breakage. */
    minRank: z.string().min(1).optional(),
  })
  .strict();

/** Settings the reference engine reads. */
export interface MatchingSettings {
  /** Names of the matched components (all earlier in the plan). */
  readonly components: readonly string[];
  readonly rates: readonly CompiledRate[];
  readonly requiresActive: boolean;
  /** 1-based rank number the earner's paid-as rank must reach; 0 when there is no rank requirement. */
  readonly minRank: number;
}

/**
 * The matching component type.
 *
 * @example
 * compilePlan({ activity: { minPv: "0" }, components: [
 *   { type: "customerCommission", name: "retail", rate: "0.5" },
 *   { type: "matching", components: ["retail"], rates: ["0.10", "0.07"] }] }, { components: [matching] })
 *   .components[1].name // => "matching"
 */
export const matching: ComponentType<typeof schema> = {
  type: "matching",
  schema,
  rates: (input) => input.rates,
  compile(input, rate, context) {
    input.components.forEach((name, i) => {
      if (!context.earlierComponents.includes(name)) {
        const earlier = context.earlierComponents.map((n) => JSON.stringify(n)).join(", ");
        throw new ComponentFieldError(
          `components[${i}]`,
          `expected a component that comes before this one in the plan (${earlier || "none does"}), got ${JSON.stringify(name)}`,
        );
      }
    });
    const settings: MatchingSettings = {
      components: [...input.components],
      rates: input.rates.map(rate),
      requiresActive: input.requiresActive,
      minRank: input.minRank === undefined ? 0 : context.rankNumber(input.minRank, "minRank"),
    };
    const units = Float64Array.from(settings.rates, (r) => r.units);
    const unitsBig = settings.rates.map((r) => BigInt(r.units));
    const depth = units.length;
    const { requiresActive, minRank, components } = settings;
    // Earnings climbing the tree: the previous generation's and the current one's, per member.
    let levelA = new Float64Array(0);
    let levelB = new Float64Array(0);
    return {
      type: "matching",
      name: input.name,
      settings: settings as unknown as Record<string, unknown>,
      fast: {
        type: "matching",
        name: input.name,
        accrue(p, amounts) {
          const { size, members, memberCount, upline } = p.network;
          const { active, rank } = p;
          if (levelA.length < size) {
            levelA = new Float64Array(Math.ceil(size * 1.25));
            levelB = new Float64Array(levelA.length);
          }
          // Generation 0: each member's own rounded earnings from the matched components.
          let below = levelA;
          let here = levelB;
          for (let idx = 0; idx < memberCount; idx++) below[members[idx]!] = 0;
          for (const name of components) {
            const paid = p.paid.get(name);
            if (!paid) continue; // the plan checked the name; a component that paid nothing may be absent
            for (let idx = 0; idx < memberCount; idx++) {
              const i = members[idx]!;
              below[i]! += paid[i]!;
            }
          }
          // Generation k of member j = the sum of generation k−1 of the members whose upline
          // is j: one pass per generation, each member writing her upline only (no walks up
          // the tree per member, no recursion). Sums of whole cents are exact.
          let headline = 0n;
          for (let k = 0; k < depth; k++) {
            for (let idx = 0; idx < memberCount; idx++) here[members[idx]!] = 0;
            let moved = 0;
            for (let idx = 0; idx < memberCount; idx++) {
              const i = members[idx]!;
              const v = below[i]!;
              if (v === 0) continue;
              const j = upline[i]!;
              if (j >= 0) {
                here[j]! += v;
                moved += v;
              }
            }
            if (moved === 0) break;
            if (!(moved <= Number.MAX_SAFE_INTEGER)) {
              throw new RangeError(`downline/engine: ${input.name}: matched earnings in period ${p.network.period} are beyond exact range`);
            }
            // Every upline who holds generation k counts in the headline; only qualified ones are paid.
            headline += BigInt(moved) * unitsBig[k]!;
            const u = units[k]!;
            for (let idx = 0; idx < memberCount; idx++) {
              const j = members[idx]!;
              const v = here[j]!;
              if (v !== 0 && (!requiresActive || active[j] === 1) && rank[j]! >= minRank) amounts[j]! += v * u;
            }
            const t = below;
            below = here;
            here = t;
          }
          return headline;
        },
      },
    };
  },
};
