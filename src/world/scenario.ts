/**
 * The scenario: plain data describing the world (market, recruiting, customers,
 * distributors), with realistic defaults, validated before any work.
 *
 * Defaults follow the public figures in the project's domain reference:
 * about 70% of distributors never sponsor anyone, first-year attrition about
 * 63% (1 − 0.92^12: 8%/month), later 4%/month; subscription customers churn
 * 8%/month in their first three months, then 5%; activity is reached by a
 * 100 CV order.
 *
 * A hazard step `{ fromMonth: m, monthly: h }` is the chance of leaving at the
 * end of tenure month m (0-based) and later ones until the next step: a
 * member who joined in period j faces month 0's hazard at the start of period
 * j + 1.
 *
 * @module
 */
import type { ReadonlyDeep } from "../util/frozen.js";
import { z } from "zod";
import { toMinor, minorDigits, isCurrencyCode } from "../money/amount.js";
import { parseWith } from "../validate/errors.js";
import { amountField, compareDecimal, decimalField, perMonthRate, probabilityField, uniqueNames } from "../validate/fields.js";
import { compilePeople, type PeopleTables } from "./people.js";
import { ROLES } from "./roles.js";
import { attritionMultipliersSchema, expensesSchema, fadeSchema, removedField, rolesSchema, stoppingSchema } from "./scenario-people.js";

/** A hazard by tenure: each step holds from its `fromMonth` until the next step's. */
const hazardSteps = () =>
  z
    .array(z.object({ fromMonth: z.number().int().min(0).max(1200), monthly: probabilityField() }).strict())
    .min(1)
    .superRefine((steps, ctx) => {
      if (steps[0] && steps[0].fromMonth !== 0) {
        ctx.addIssue({ code: "custom", path: [0, "fromMonth"], message: `expected 0 (the first step starts at tenure 0), got ${steps[0].fromMonth}` });
      }
      for (let i = 1; i < steps.length; i++) {
        if (steps[i]!.fromMonth <= steps[i - 1]!.fromMonth) {
          ctx.addIssue({
            code: "custom",
            path: [i, "fromMonth"],
            message: `expected a month after ${steps[i - 1]!.fromMonth} (steps in increasing order), got ${steps[i]!.fromMonth}`,
          });
        }
      }
    });

/** A distribution of order values in major units. */
const valueDistribution = () =>
  z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("fixed"), value: amountField() }).strict(),
    z
      .object({
        kind: z.literal("choice"),
        values: z.array(amountField()).min(1),
        weights: z.array(z.number().min(0).max(1e12)).min(1).optional(),
        /** Each value's own CV (a product's commissionable volume, currency units) instead of price × `cvRatio`. */
        cv: z.array(amountField()).min(1).optional(),
        /** Each value's own QV (a product's qualifying volume) instead of price × `qvRatio`. */
        qv: z.array(amountField()).min(1).optional(),
      })
      .strict()
      .superRefine((d, ctx) => {
        if (d.weights && d.weights.length !== d.values.length) {
          ctx.addIssue({ code: "custom", path: ["weights"], message: `expected ${d.values.length} weights (one per value), got ${d.weights.length}` });
        } else if (d.weights && !d.weights.some((w) => w > 0)) {
          ctx.addIssue({ code: "custom", path: ["weights"], message: "expected at least one positive weight" });
        }
        for (const key of ["cv", "qv"] as const) {
          const list = d[key];
          if (list && list.length !== d.values.length) {
            ctx.addIssue({ code: "custom", path: [key], message: `expected ${d.values.length} ${key.toUpperCase()} values (one per value), got ${list.length}` });
          }
        }
      }),
    z
      .object({
        kind: z.literal("lognormal"),
        mean: amountField(),
        sd: amountField(),
        min: amountField().optional(),
        max: amountField().optional(),
      })
      .strict()
      .superRefine((d, ctx) => {
        if (compareDecimal(d.mean, "0") === 0) ctx.addIssue({ code: "custom", path: ["mean"], message: "expected a positive mean, got 0" });
        if (d.min !== undefined && d.max !== undefined && compareDecimal(d.min, d.max) > 0) {
          ctx.addIssue({ code: "custom", path: ["min"], message: `expected min ≤ max, got ${d.min} > ${d.max}` });
        }
      }),
  ]);

/** Fields of 0.1.0's Poisson recruitment, replaced by roles: an error naming the replacement. */
const removedRecruitmentFields = {
  builderShare: removedField("roles replace builders: write distributors.roles.builder.share"),
  builderRate: removedField("roles replace builders: write distributors.roles.builder.recruitRate"),
  otherRate: removedField("roles replace builders: write distributors.roles.<role>.recruitRate"),
};

/**
 * How members recruit. A member's recruiting effort this period is her effort
 * (fade × not stopped) if her role recruits (`recruitRate` > 0), else 0.
 *
 * - `poisson`: her recruits are Poisson at her role's `recruitRate` × effort;
 * - `uniform` attachment: `rate` × effort for every member whose role
 *   recruits: each newcomer's sponsor drawn among the recruiting members in
 *   proportion to their effort (the same as `poisson` with every recruiting
 *   role's rate set to `rate`);
 * - `preferential` attachment: the same total, `rate` × the sum of recruiting
 *   efforts, with each newcomer's sponsor drawn in proportion to recruiting
 *   effort × (1 + current frontline).
 *
 * `rate` (default 0.35, the builders' recruit rate) is recruits a month per
 * recruiting member at full effort (in 0.1.0 it was per member: with the
 * default roles, 30% recruit).
 */
const recruitment = z.discriminatedUnion("model", [
  z.object({ model: z.literal("poisson"), ...removedRecruitmentFields }).strict(),
  z.object({ model: z.literal("uniform"), rate: perMonthRate().default(0.35), ...removedRecruitmentFields }).strict(),
  z.object({ model: z.literal("preferential"), rate: perMonthRate().default(0.35), ...removedRecruitmentFields }).strict(),
]);

export const scenarioSchema = z
  .object({
    name: z.string().min(1).default("default"),
    currency: z.string().refine(isCurrencyCode, { message: "expected an ISO 4217 currency code like \"USD\"" }).default("USD"),
    months: z.number().int().min(1).max(1200).default(36),
    period: z.enum(["month", "week"]).default("month"),
    start: z
      .object({
        /**
         * Members with no upline at the top of the tree, held for the company
         * (`World.company`): they never quit, never stop, pay no expenses, and
         * build at full effort (role builder, no fade).
         */
        founders: z.number().int().min(1).max(100_000).default(1),
        /**
         * A generated mature network to start from (default: 5,000
         * distributors with 1.5 customers each, the default world); `null`
         * for founders alone.
         */
        network: z
          .object({
            distributors: z.number().int().min(1).max(50_000_000),
            customersPerDistributor: z.number().min(0).max(1000).default(1.5),
          })
          .strict()
          .nullable()
          .default({ distributors: 5000, customersPerDistributor: 1.5 }),
        /**
         * The company accounts' own business at full effort (default: the
         * builder role's rates and hours): an info product's creator selling
         * to her audience acquires far more customers than any affiliate.
         * Rates are a month, like the roles'.
         */
        company: z
          .object({
            hoursPerWeek: z.number().min(0).max(168).optional(),
            recruitRate: perMonthRate().optional(),
            acquisitionRate: perMonthRate().optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .superRefine((start, ctx) => {
        if (start.network && start.network.distributors * start.network.customersPerDistributor > 200_000_000) {
          ctx.addIssue({
            code: "custom",
            path: ["network", "customersPerDistributor"],
            message: `expected at most 200,000,000 starting customers (distributors × customersPerDistributor), got ${start.network.distributors * start.network.customersPerDistributor}`,
          });
        }
        if (start.network && start.founders > start.network.distributors) {
          ctx.addIssue({
            code: "custom",
            path: ["founders"],
            message: `expected at most start.network.distributors (${start.network.distributors}), got ${start.founders}`,
          });
        }
      })
      .prefault({}),
    market: z
      .object({
        /** People who could ever join or buy; recruiting and acquisition slow as it empties. */
        prospects: z.number().int().min(0).max(2_000_000_000).default(250_000),
      })
      .strict()
      .prefault({}),
    recruitment: recruitment.prefault({ model: "poisson" }),
    customers: z
      .object({
        acquisitionRate: removedField("acquisition is by role: write distributors.roles.<role>.acquisitionRate"),
        churn: hazardSteps().default([
          { fromMonth: 0, monthly: 0.08 },
          { fromMonth: 3, monthly: 0.05 },
        ]),
        /** Each customer's subscription value, drawn when she is acquired. */
        orderValue: valueDistribution().default({ kind: "choice", values: ["39.00", "59.00", "99.00"], weights: [3, 4, 2] }),
        /**
         * When a distributor quits, her customers: `moveUp` to her nearest
         * remaining upline (default); `moveUpToWorking` to her nearest upline
         * who is still working — effort above 0 and a role that acquires
         * customers — else to her nearest remaining upline; or `churn` (lost).
         */
        orphans: z.enum(["moveUp", "moveUpToWorking", "churn"]).default("moveUp"),
        /**
         * How often a subscription renews: every `month` (default; in weekly
         * periods, in the week each new month of tenure starts), or every
         * `week` (weekly periods only: a weekly-billed subscription renews
         * every period).
         */
        renewEvery: z.enum(["month", "week"]).default("month"),
        /**
         * One-time buyers: this `share` of new customers buys once, in the
         * period she is acquired, at a value drawn from `orderValue`, and never
         * subscribes (she uses up a prospect and is not a customer after the
         * period: `WorldPeriodStats.oneTimeSales` counts her, within
         * `newCustomers`). Starting customers are all subscribers.
         */
        oneTime: z
          .object({
            share: probabilityField(),
            orderValue: valueDistribution(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .prefault({}),
    distributors: z
      .object({
        /** Chance that a distributor places her own order (autoship) in a month. */
        orderProbability: probabilityField().default(0.65),
        orderValue: valueDistribution().default({ kind: "choice", values: ["75.00", "125.00", "200.00"], weights: [3, 5, 2] }),
        attrition: hazardSteps().default([
          { fromMonth: 0, monthly: 0.08 },
          { fromMonth: 12, monthly: 0.04 },
        ]),
        roles: rolesSchema.prefault({}),
        effortFade: fadeSchema,
        attritionMultipliers: attritionMultipliersSchema,
      })
      .strict()
      .prefault({}),
    stopping: stoppingSchema,
    expenses: expensesSchema,
    /**
     * The placement tree binary and matrix plans pay on, built as members join
     * (see placement.ts); none by default.
     */
    placement: z
      .discriminatedUnion("kind", [
        z
          .object({
            kind: z.literal("binary"),
            mode: z.enum(["extremeLeft", "extremeRight", "alternate", "weakerLegCount", "weakerLegVolume", "spillover"]).default("spillover"),
          })
          .strict(),
        z
          .object({
            kind: z.literal("matrix"),
            /** At least 2: a one-wide "matrix" is a single line. */
            width: z.number().int().min(2).max(20),
            spillover: z.enum(["sponsor", "company"]).default("sponsor"),
          })
          .strict(),
      ])
      .optional(),
    /**
     * Commissionable value (CV) as a share of an order's price. Each order's CV is
     * rounded half-even to the minor unit once, when the order is placed: CV is a
     * volume figure, and payouts are then computed exactly on it.
     */
    cvRatio: decimalField({ min: "0", max: "1" }).default("0.8"),
    /**
     * Qualifying volume (QV, PV) as a share of an order's price, rounded like
     * CV. Absent: an order's QV is its CV (one volume, as before volume kinds).
     */
    qvRatio: decimalField({ min: "0", max: "1" }).optional(),
    /**
     * Enrolment packages: each member holds one, drawn when she joins from her
     * own identity key (keyed draw: traits, k = 1) with these weights. A
     * member who joins during the run pays her package's fee in her join
     * period: an own order of `price`, with its own `cv` and `qv` (currency
     * units; absent: price × the ratios). Members present at the start hold a
     * package but paid before period 0.
     */
    packages: z
      .array(
        z
          .object({
            name: z.string().min(1).max(100),
            price: amountField(),
            cv: amountField().optional(),
            qv: amountField().optional(),
            weight: z.number().min(0).max(1e12).default(1),
          })
          .strict(),
      )
      .min(1)
      .max(255)
      .superRefine((list, ctx) => {
        uniqueNames(list, ctx, "package", "packages");
        if (!list.some((p) => p.weight > 0)) ctx.addIssue({ code: "custom", path: [], message: "expected at least one package with a positive weight" });
      })
      .optional(),
  })
  .strict()
  .superRefine(
    (spec, ctx) => {
      // Amounts must fit the currency's minor unit: "9.999" is not a USD amount.
      const digits = minorDigits(spec.currency);
      const check = (d: ScenarioSpec["customers"]["orderValue"], at: readonly PropertyKey[]) => {
        const amounts: [string, PropertyKey[]][] =
          d.kind === "fixed"
            ? [[d.value, ["value"]]]
            : d.kind === "choice"
              ? d.values.map((v, i) => [v, ["values", i]] as [string, PropertyKey[]])
              : ([[d.mean, ["mean"]], [d.sd, ["sd"]], [d.min, ["min"]], [d.max, ["max"]]].filter(([v]) => v !== undefined) as [string, PropertyKey[]][]);
        for (const [value, path] of amounts) {
          if (toMinor(value, digits) === undefined) {
            ctx.addIssue({ code: "custom", path: [...at, ...path], message: `expected an amount with at most ${digits} decimals for ${spec.currency}, got ${value}` });
          }
        }
      };
      check(spec.customers.orderValue, ["customers", "orderValue"]);
      if (spec.customers.oneTime) check(spec.customers.oneTime.orderValue, ["customers", "oneTime", "orderValue"]);
      if (spec.customers.renewEvery === "week" && spec.period !== "week") {
        ctx.addIssue({ code: "custom", path: ["customers", "renewEvery"], message: `expected "month" when period is "${spec.period}" (a weekly renewal needs period: "week"), got "week"` });
      }
      check(spec.distributors.orderValue, ["distributors", "orderValue"]);
      const valued: [PropertyKey[], ScenarioSpec["customers"]["orderValue"]][] = [
        [["customers", "orderValue"], spec.customers.orderValue],
        [["distributors", "orderValue"], spec.distributors.orderValue],
      ];
      if (spec.customers.oneTime) valued.push([["customers", "oneTime", "orderValue"], spec.customers.oneTime.orderValue]);
      for (const [at, d] of valued) {
        if (d.kind !== "choice") continue;
        for (const key of ["cv", "qv"] as const) {
          d[key]?.forEach((v, i) => {
            if (toMinor(v, digits) === undefined) ctx.addIssue({ code: "custom", path: [...at, key, i], message: `expected a volume with at most ${digits} decimals for ${spec.currency}, got ${v}` });
          });
        }
      }
      spec.packages?.forEach((p, i) => {
        for (const key of ["price", "cv", "qv"] as const) {
          const v = p[key];
          if (v !== undefined && toMinor(v, digits) === undefined) {
            ctx.addIssue({ code: "custom", path: ["packages", i, key], message: `expected an amount with at most ${digits} decimals for ${spec.currency}, got ${v}` });
          }
        }
      });
      const amount = (value: string, path: PropertyKey[]) => {
        if (toMinor(value.replace(/^-/, ""), digits) === undefined) {
          ctx.addIssue({ code: "custom", path, message: `expected an amount with at most ${digits} decimals for ${spec.currency}, got ${value}` });
        }
      };
      const e = spec.expenses;
      amount(e.signUpFee, ["expenses", "signUpFee"]);
      amount(e.starterKit, ["expenses", "starterKit"]);
      amount(e.annualRenewal, ["expenses", "annualRenewal"]);
      for (const r of ROLES) amount(e.monthlyCosts[r], ["expenses", "monthlyCosts", r]);
      spec.distributors.attritionMultipliers.byNetIncome.forEach((m, k) =>
        amount(m.minNet, ["distributors", "attritionMultipliers", "byNetIncome", k, "minNet"]),
      );
      // Founders are company-held: a stopping rule cannot list one. (Read defensively: `stopping`
      // and `start` may have failed their own checks; those are reported already.)
      const founders = spec.start?.founders;
      if (!Array.isArray(spec.stopping) || typeof founders !== "number") return;
      spec.stopping.forEach((rule, k) => {
        if (rule?.kind !== "members" || !Array.isArray(rule.members)) return;
        rule.members.forEach((m, j) => {
          if (typeof m === "number" && m < founders) {
            ctx.addIssue({
              code: "custom",
              path: ["stopping", k, "members", j],
              message: `expected a member who is not a founder (index ≥ start.founders = ${founders}: founders are company-held and never stop), got ${m}`,
            });
          }
        });
      });
    },
    // Runs even when unrelated fields failed, so one error names every bad field.
    {
      when: (payload) =>
        typeof payload.value === "object" &&
        payload.value !== null &&
        !Array.isArray(payload.value) &&
        !payload.issues.some((i) => ["currency", "period", "customers", "distributors", "expenses", "packages"].includes(String(i.path?.[0]))),
    },
  );

/**
/**
 * Whether a scenario gives orders a QV of their own (a QV ratio, products'
 * — one-time buyers' included — or packages' QV); else an order's QV is its
 * CV, and the world's QV columns are its CV columns.
 */
export function ordersCarryQv(spec: ScenarioSpec): boolean {
  const listsQv = (d: ScenarioSpec["customers"]["orderValue"]) => d.kind === "choice" && d.qv !== undefined;
  return (
    spec.qvRatio !== undefined ||
    listsQv(spec.customers.orderValue) ||
    listsQv(spec.distributors.orderValue) ||
    (spec.customers.oneTime !== undefined && listsQv(spec.customers.oneTime.orderValue)) ||
    (spec.packages ?? []).some((p) => p.qv !== undefined)
  );
}

/**
 * A scenario as a user writes it: the scenario schema's input type, every
 * field optional, read-only at every depth (so that frozen scenarios such as
 * `DEFAULT_SCENARIO` are accepted). A misspelt field is a compile error.
 */
export type ScenarioInput = ReadonlyDeep<z.input<typeof scenarioSchema>>;
/** A scenario with every default filled in. */
export type ScenarioSpec = z.output<typeof scenarioSchema>;

/** A value distribution in minor units, ready to draw from. */
export type ValueDraw =
  | { readonly kind: "fixed"; readonly value: number }
  | {
      readonly kind: "choice";
      readonly values: Float64Array;
      readonly cumulative: Float64Array;
      /** Each value's own CV and QV (minor units), when the scenario lists them. */
      readonly cv?: Float64Array;
      readonly qv?: Float64Array;
    }
  | { readonly kind: "lognormal"; readonly mu: number; readonly sigma: number; readonly min: number; readonly max: number };

/** A resolved scenario: the validated spec plus what the world needs precomputed. */
export interface Scenario {
  readonly spec: ScenarioSpec;
  /** Minor-unit digits of the currency (2 for USD). */
  readonly digits: number;
  /** Periods to run: `months`, or `floor(months × 52 / 12)` weeks. */
  readonly periods: number;
  readonly customerValue: ValueDraw;
  readonly distributorValue: ValueDraw;
  /** One-time buyers: their share of new customers and their order's value (absent: every customer subscribes). */
  readonly oneTime?: { readonly share: number; readonly value: ValueDraw };
  /** Roles, effort, stopping, expenses and attrition multipliers, compiled (see people.ts). */
  readonly people: PeopleTables;
  /** Enrolment packages in minor units (fee, CV, QV; -1 where the ratio applies), with cumulative draw weights; none when the scenario has none. */
  readonly packages?: {
    readonly names: readonly string[];
    readonly price: Float64Array;
    readonly cv: Float64Array;
    readonly qv: Float64Array;
    readonly cumulative: Float64Array;
  };
}

/**
 * Validates a scenario and fills in its defaults; throws a
 * {@link DownlineInputError} naming every bad field.
 *
 * @example
 * resolveScenario({ months: 12 }).periods // => 12
 * resolveScenario({ months: 12, period: "week" }).periods // => 52
 */
export function resolveScenario(input: ScenarioInput | Scenario = {}): Scenario {
  if (RESOLVED.has(input)) return input as Scenario;
  // Something shaped like a resolved scenario but not made here (a copy, or a forged `periods`) is resolved again from its spec.
  return resolveSpec(isScenario(input) ? input.spec : input);
}

function resolveSpec(input: unknown): Scenario {
  const parsed = parseWith("scenario", scenarioSchema, input);
  // A partial scenario is the default world with the given fields changed: named so, when it has no name of its own.
  const spec = hasOwnName(input) ? parsed : { ...parsed, name: defaultName(input) };
  const digits = minorDigits(spec.currency);
  const periods = spec.period === "month" ? spec.months : Math.floor((spec.months * 52) / 12);
  const scenario: Scenario = {
    spec,
    digits,
    periods,
    customerValue: compileValue(spec.customers.orderValue, digits),
    distributorValue: compileValue(spec.distributors.orderValue, digits),
    ...(spec.customers.oneTime && spec.customers.oneTime.share > 0 ? { oneTime: { share: spec.customers.oneTime.share, value: compileValue(spec.customers.oneTime.orderValue, digits) } } : {}),
    people: compilePeople({ ...spec.distributors, company: spec.start.company, stopping: spec.stopping, expenses: spec.expenses }, digits, spec.period === "month" ? 1 : 12 / 52),
    ...(spec.packages ? { packages: compilePackages(spec.packages, digits) } : {}),
  };
  RESOLVED.add(scenario);
  return scenario;
}

/** The packages in minor units, with cumulative weights (the schema has checked every amount fits). */
function compilePackages(list: NonNullable<ScenarioSpec["packages"]>, digits: number): NonNullable<Scenario["packages"]> {
  const minor = (text: string | undefined) => (text === undefined ? -1 : toMinor(text, digits)!);
  const total = list.reduce((sum, p) => sum + p.weight, 0);
  const cumulative = new Float64Array(list.length);
  let run = 0;
  list.forEach((p, i) => {
    run += p.weight;
    cumulative[i] = run / total;
  });
  cumulative[list.length - 1] = 1;
  return {
    names: list.map((p) => p.name),
    price: Float64Array.from(list, (p) => minor(p.price)),
    cv: Float64Array.from(list, (p) => minor(p.cv)),
    qv: Float64Array.from(list, (p) => minor(p.qv)),
    cumulative,
  };
}

function hasOwnName(input: unknown): boolean {
  return typeof input === "object" && input !== null && Object.prototype.hasOwnProperty.call(input, "name");
}

/**
 * The name of a scenario given without one: "default", or "default, with"
 * the fields it changes (their paths, at most six named).
 *
 * @example
 * defaultName({ months: 24, start: { network: { distributors: 2000 } } }) // => "default, with months, start.network.distributors"
 */
export function defaultName(input: unknown): string {
  const paths: string[] = [];
  const stack: [unknown, string][] = [[input, ""]];
  while (stack.length > 0 && paths.length <= 6) {
    const [value, path] = stack.pop()!;
    if (typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype) {
      const keys = Object.keys(value).reverse();
      for (const key of keys) stack.push([(value as Record<string, unknown>)[key], path === "" ? key : `${path}.${key}`]);
    } else if (path !== "" && path !== "name" && value !== undefined) paths.push(path);
  }
  if (paths.length === 0) return "default";
  return `default, with ${paths.slice(0, 6).join(", ")}${paths.length > 6 ? ", …" : ""}`;
}

/** The scenarios `resolveScenario` made: only these are trusted as resolved. */
const RESOLVED = new WeakSet<object>();

function isScenario(input: unknown): input is Scenario {
  return typeof input === "object" && input !== null && "spec" in input && "periods" in input && "digits" in input;
}

/** A validated value distribution in minor units (the schema has checked every amount fits). */
function compileValue(d: ScenarioSpec["customers"]["orderValue"], digits: number): ValueDraw {
  const minor = (text: string) => toMinor(text, digits)!;
  switch (d.kind) {
    case "fixed":
      return { kind: "fixed", value: minor(d.value) };
    case "choice": {
      const values = Float64Array.from(d.values, minor);
      const weights = d.weights ?? d.values.map(() => 1);
      const total = weights.reduce((s, w) => s + w, 0);
      const cumulative = new Float64Array(weights.length);
      let run = 0;
      weights.forEach((w, i) => {
        run += w;
        cumulative[i] = run / total;
      });
      cumulative[cumulative.length - 1] = 1;
      return {
        kind: "choice",
        values,
        cumulative,
        ...(d.cv ? { cv: Float64Array.from(d.cv, minor) } : {}),
        ...(d.qv ? { qv: Float64Array.from(d.qv, minor) } : {}),
      };
    }
    case "lognormal": {
      const mean = minor(d.mean);
      const sd = minor(d.sd);
      // Parameters of the underlying normal that give this mean and sd.
      const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
      return {
        kind: "lognormal",
        mu: Math.log(mean) - sigma2 / 2,
        sigma: Math.sqrt(sigma2),
        min: d.min === undefined ? 0 : minor(d.min),
        max: d.max === undefined ? Number.MAX_SAFE_INTEGER : minor(d.max),
      };
    }
  }
}
