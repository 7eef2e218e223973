/**
 * The scenario's fields about members as people: roles and effort, stopping,
 * expenses and who stays. Their schemas live here, apart from the market and
 * the customers (scenario.ts), so each default sits next to its rule and the
 * source of its figure.
 *
 * Sources: the project's domain reference (docs: `shared/domain/REFERENCE.md`)
 * where it has a figure; otherwise the default is a judgment and says so.
 *
 * @module
 */
import { z } from "zod";
import { amountField, compareDecimal, decimalField, perMonthRate, probabilityField } from "../validate/fields.js";

/** One role's parameters. Rates are at full effort and an untouched market. */
const role = (defaults: { share: number; hoursPerWeek: number; recruitRate: number; acquisitionRate: number }) =>
  z
    .object({
      /** Share of newcomers who take this role (the three shares sum to 1). */
      share: probabilityField().default(defaults.share),
      /** Hours of work a week at full effort (what "income per hour" divides by). */
      hoursPerWeek: z.number().min(0).max(168).default(defaults.hoursPerWeek),
      /**
       * Recruits per month at full effort under the `poisson` recruitment
       * model; under `uniform` and `preferential` attachment, only whether the
       * role recruits at all (above 0) — their `rate` is the model's.
       */
      recruitRate: perMonthRate().default(defaults.recruitRate),
      /** New customers per month at full effort. */
      acquisitionRate: perMonthRate().default(defaults.acquisitionRate),
    })
    .strict()
    .prefault({});

/**
 * `distributors.roles`. Defaults:
 *
 * - builder share 0.30: the domain reference says 70–75% of distributors
 *   never sponsor anyone (Herbalife 71%, doTERRA 74%); with 30% builders,
 *   some of whom quit or fade before they sponsor, about 78% of the default
 *   world's members never sponsor (0.1.0's world: the same).
 * - builder recruit rate 0.42 a month: 0.1.0's `builderRate` 0.35 divided by
 *   the mature network's mean effort under the default fade (about 0.84), so
 *   that the default world recruits as 0.1.0's did (0.105 recruits per
 *   distributor a month, nearly twice the mature network's attrition: a
 *   business that grows, then slows as its market empties).
 * - consumer share 0.60, the majority (the reference: 85% joined mainly for
 *   the product discount; some of them still sell or sponsor, hence not 85%);
 *   consumers have no rates and no hours.
 * - seller share 0.10: no figure in the reference (a judgment).
 * - acquisition 0.6 a month for sellers, 0.28 for builders: no figure in the
 *   reference; chosen so that the network-wide inflow of customers
 *   (0.1 × 0.6 + 0.3 × 0.28 = 0.144 per distributor at full effort, 0.12 at
 *   the mean effort of 0.84) stays at 0.1.0's 0.12 per distributor a month.
 * - hours 0 / 5 / 10 a week: no figure in the reference (a judgment: a
 *   part-time business).
 */
export const rolesSchema = z
  .object({
    consumer: role({ share: 0.6, hoursPerWeek: 0, recruitRate: 0, acquisitionRate: 0 }),
    seller: role({ share: 0.1, hoursPerWeek: 5, recruitRate: 0, acquisitionRate: 0.6 }),
    builder: role({ share: 0.3, hoursPerWeek: 10, recruitRate: 0.42, acquisitionRate: 0.28 }),
  })
  .strict()
  .superRefine((roles, ctx) => {
    const sum = roles.consumer.share + roles.seller.share + roles.builder.share;
    if (Math.abs(sum - 1) > 1e-9) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: `expected the role shares to sum to 1, got ${roles.consumer.share} + ${roles.seller.share} + ${roles.builder.share} = ${sum}`,
      });
    }
  });

/**
 * `distributors.effortFade`: the share of her role's full effort a member
 * gives by tenure month, steps `{ fromMonth, factor }` with factor in [0, 1],
 * each holding from its `fromMonth` until the next step's (the first at
 * month 0). The default fades gently — 1 in year 1, 0.8 in year 2, 0.6
 * after — a judgment: the reference shows activity falling with tenure
 * (Young Living 2018: 47% of 2017 enrollees and 63% of 2016 enrollees bought
 * nothing) but has no figure for effort itself.
 */
export const fadeSchema = z
  .array(z.object({ fromMonth: z.number().int().min(0).max(1200), factor: z.number().min(0).max(1) }).strict())
  .min(1)
  .superRefine((list, ctx) => {
    if (list[0] && list[0].fromMonth !== 0) {
      ctx.addIssue({ code: "custom", path: [0, "fromMonth"], message: `expected 0 (the first step starts at tenure 0), got ${list[0].fromMonth}` });
    }
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.fromMonth <= list[i - 1]!.fromMonth) {
        ctx.addIssue({
          code: "custom",
          path: [i, "fromMonth"],
          message: `expected a month after ${list[i - 1]!.fromMonth} (steps in increasing order), got ${list[i]!.fromMonth}`,
        });
      }
    }
  })
  .default([
    { fromMonth: 0, factor: 1 },
    { fromMonth: 12, factor: 0.8 },
    { fromMonth: 24, factor: 0.6 },
  ]);

/**
 * A signed amount of money in major units (`"-25.00"`, `0.01`): an amount
 * (see `amountField`) with an optional minus sign. Output: the normalised
 * text, sign first.
 */
export function signedAmountField() {
  const unsigned = amountField();
  return z.union([z.string(), z.number()]).transform((value, ctx) => {
    const negative = typeof value === "number" ? value < 0 : value.trim().startsWith("-");
    const magnitude = typeof value === "number" ? Math.abs(value) : value.trim().replace(/^-/, "");
    const parsed = unsigned.safeParse(magnitude);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
      return z.NEVER;
    }
    return negative && compareDecimal(parsed.data, "0") !== 0 ? `-${parsed.data}` : parsed.data;
  });
}

/** Strictly increasing by `key`, compared with `compare`. */
function increasing<T>(key: string & keyof T, compare: (a: T[keyof T], b: T[keyof T]) => number) {
  return (list: readonly T[], ctx: z.RefinementCtx) => {
    for (let i = 1; i < list.length; i++) {
      if (compare(list[i]![key], list[i - 1]![key]) <= 0) {
        ctx.addIssue({ code: "custom", path: [i, key], message: `expected a ${key} above ${String(list[i - 1]![key])} (entries in increasing order), got ${String(list[i]![key])}` });
      }
    }
  };
}

/** Compares two signed decimal texts exactly. */
export function compareSigned(a: string, b: string): number {
  const na = a.startsWith("-");
  const nb = b.startsWith("-");
  if (na !== nb) return na ? -1 : 1;
  const c = compareDecimal(na ? a.slice(1) : a, nb ? b.slice(1) : b);
  return na ? -c : c;
}

/** A hazard multiplier: the base hazard times it, capped at 1. */
const multiplier = () => z.number().min(0).max(1000);

/**
 * `distributors.attritionMultipliers`: income feedback on who stays. The
 * attrition hazard of a member is multiplied by the entry of each list that
 * applies to her (the last entry whose threshold she reaches; none below the
 * first: multiplier 1), the product capped at 1.
 *
 * - `byNetIncome`: `{ minNet, multiplier }`, thresholds in money per month
 *   (signed; in weekly runs compared with a week's net income × 52 / 12),
 *   ascending. Net income of the previous period = the income the world is
 *   told (`WorldStepInput.income`) − her expenses − her required purchases of
 *   that period.
 * - `byRank`: `{ minRank, multiplier }`, ascending: her paid-as rank number
 *   of the previous period (`WorldStepInput.rank`; the plan's ladder
 *   position, 0 for none).
 *
 * Default: both empty — no feedback, the input is ignored, and one world
 * serves every plan (DESIGN: with feedback off, one world serves all plans).
 */
export const attritionMultipliersSchema = z
  .object({
    byNetIncome: z
      .array(z.object({ minNet: signedAmountField(), multiplier: multiplier() }).strict())
      .superRefine(increasing<{ minNet: string; multiplier: number }>("minNet", (a, b) => compareSigned(a as string, b as string)))
      .default([]),
    byRank: z
      .array(z.object({ minRank: z.number().int().min(0).max(255), multiplier: multiplier() }).strict())
      .superRefine(increasing<{ minRank: number; multiplier: number }>("minRank", (a, b) => (a as number) - (b as number)))
      .default([]),
  })
  .strict()
  .prefault({});

/** What a stopped member keeps, per rule (the rule that stops her first decides). */
const stopOptions = {
  /** Her own monthly order: she keeps ordering (default), or stops with her effort. */
  ownOrder: z.enum(["keep", "stop"]).default("keep"),
  /**
   * The attrition hazard after the stop: `exempt` (default: she keeps her
   * account, as the counterfactual "what if I stop working" asks) or
   * `hazard` (she may still quit, at the tenure hazard).
   */
  attrition: z.enum(["exempt", "hazard"]).default("exempt"),
};

/** A period of the run (≥ 0). */
const runPeriod = () => z.number().int().min(0).max(1_000_000);

/**
 * `stopping`: rules saying who stops all effort, and from when. Default none.
 *
 * - `{ kind: "tenure", share, atMonth }`: a share of members (a keyed draw
 *   per member and rule) stop at tenure month `atMonth` (from the first
 *   period of that tenure month: her join period + atMonth in months,
 *   + ⌈13 × atMonth / 3⌉ in weeks) — members of a generated start network
 *   whose tenure is already past it have stopped before period 0;
 * - `{ kind: "cohort", joinedFrom, joinedTo, fromPeriod, share = 1 }`:
 *   members who joined in periods joinedFrom…joinedTo (negative: a generated
 *   start network) stop from `fromPeriod` (or from joining, if later);
 * - `{ kind: "members", members, fromPeriod }`: members by index stop from
 *   `fromPeriod` (or from joining, if later); an index nobody reaches does
 *   nothing. Founders are company-held and never stop.
 *
 * A member matched by several rules stops at the earliest; that rule's
 * `ownOrder` and `attrition` apply to her.
 */
export const stoppingSchema = z
  .array(
    z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("tenure"), share: probabilityField(), atMonth: z.number().int().min(0).max(1200), ...stopOptions }).strict(),
      z
        .object({
          kind: z.literal("cohort"),
          joinedFrom: z.number().int().min(-1_000_000).max(1_000_000),
          joinedTo: z.number().int().min(-1_000_000).max(1_000_000),
          fromPeriod: runPeriod(),
          share: probabilityField().default(1),
          ...stopOptions,
        })
        .strict()
        .superRefine((r, ctx) => {
          if (r.joinedTo < r.joinedFrom) ctx.addIssue({ code: "custom", path: ["joinedTo"], message: `expected at least joinedFrom (${r.joinedFrom}), got ${r.joinedTo}` });
        }),
      z
        .object({
          kind: z.literal("members"),
          members: z.array(z.number().int().min(0).max(50_000_000)).min(1),
          fromPeriod: runPeriod(),
          ...stopOptions,
        })
        .strict(),
    ]),
  )
  .max(100)
  .default([]);

/** An amount per role, per month. */
const perRole = (defaults: { consumer: string; seller: string; builder: string }) =>
  z
    .object({
      consumer: amountField().default(defaults.consumer),
      seller: amountField().default(defaults.seller),
      builder: amountField().default(defaults.builder),
    })
    .strict()
    .prefault({});

/** A share in [0, 1], exact (a decimal, as `cvRatio`). */
const share = () => decimalField({ min: "0", max: "1", maxPlaces: 6 });

/**
 * `expenses`: what membership costs a distributor, in major units of the
 * scenario's currency (each checked against its minor unit). Founders are
 * company-held and pay none.
 *
 * - `signUpFee` "35.00" (the reference: doTERRA's $35 and Young Living's $35
 *   enrollment) and `starterKit` "100.00" (the reference: Mary Kay $100,
 *   within Young Living's $35–265 and below doTERRA's $150–550 kits), both
 *   in her join period;
 * - `annualRenewal` "25.00" at each new year of tenure (months 12, 24, …;
 *   in weeks, the week a new tenure year starts) — no figure in the
 *   reference (a judgment);
 * - `monthlyCosts` by role, each month of tenure (in weeks, the week a new
 *   tenure month starts) while her effort is above 0: consumer "0.00",
 *   seller "20.00", builder "50.00" — samples, a website, travel: no figure
 *   in the reference (a judgment). A stopped member pays none; she still
 *   pays the renewal (she keeps her account);
 * - `requiredPurchases.wouldBuyAnyway`: the share of her own orders' price she
 *   would have bought anyway (one share, or one per role); the rest counts
 *   as a required purchase. Default consumer 1 (she buys for herself: the
 *   reference, 85% joined mainly for the discount), seller and builder 0.5
 *   (they order to stay active; a judgment).
 */
export const expensesSchema = z
  .object({
    signUpFee: amountField().default("35.00"),
    starterKit: amountField().default("100.00"),
    annualRenewal: amountField().default("25.00"),
    monthlyCosts: perRole({ consumer: "0.00", seller: "20.00", builder: "50.00" }),
    requiredPurchases: z
      .object({
        wouldBuyAnyway: z
          .union([
            share(),
            z.object({ consumer: share().default("1"), seller: share().default("0.5"), builder: share().default("0.5") }).strict(),
          ])
          .default({ consumer: "1", seller: "0.5", builder: "0.5" }),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

/**
 * A field that no longer exists: any value is an error naming what replaced
 * it (so an old scenario fails with one clear line per old field rather than
 * an "unknown key").
 */
export function removedField(replacement: string) {
  return z
    .undefined({ error: () => `removed in 0.2.0: ${replacement} (see the CHANGELOG's migration note)` })
    .optional();
}


/** The people fields of a validated scenario, as `compilePeople` reads them. */
export interface PeopleSpec {
  readonly roles: z.output<typeof rolesSchema>;
  /** `start.company`: the company accounts' own rates and hours (each defaults to the builder's). */
  readonly company?: { readonly hoursPerWeek?: number | undefined; readonly recruitRate?: number | undefined; readonly acquisitionRate?: number | undefined } | undefined;
  readonly effortFade: z.output<typeof fadeSchema>;
  readonly attritionMultipliers: z.output<typeof attritionMultipliersSchema>;
  readonly stopping: z.output<typeof stoppingSchema>;
  readonly expenses: z.output<typeof expensesSchema>;
}
