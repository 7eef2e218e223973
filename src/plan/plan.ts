/**
 * Plans: JSON-serialisable data, validated with field-path errors, compiled once.
 *
 * A plan has an activity rule (PV threshold), a rounding mode, and an ordered
 * list of components. Rates are exact decimals; the compiled plan holds each
 * rate both as a decimal (reference engine) and as an integer at one common
 * scale (fast engine).
 *
 * @module
 */
import { z } from "zod";
import type { Decimal } from "decimal.js";
import { ExactDecimal } from "../money/exact.js";
import { parseDecimal, unitsAt } from "../money/decimal.js";
import { ROUNDING_MODES, type RoundingMode } from "../money/round.js";
import { DownlineInputError, parseWith } from "../validate/errors.js";
import { decimalField } from "../validate/fields.js";
import { ComponentFieldError, type CompileContext, type CompiledComponent, type CompiledRate, type ComponentType } from "./contract.js";
import { capsSchema, compileCaps, type CapsSpec, type CompiledCaps } from "./caps.js";
import { compileRanks, ranksSchema, type CompiledRank, type RankInput } from "./ranks.js";
import { BUILT_IN_COMPONENTS } from "./components/index.js";

const COMPILED = Symbol.for("downline.compiledPlan");

/** Builds the plan schema for a set of component types. */
export function planSchemaFor(types: readonly ComponentType[]) {
  const known = types.map((t) => t.type);
  const component = z.looseObject({ type: z.string() }).superRefine((value, ctx) => {
    const def = types.find((t) => t.type === value.type);
    if (!def) {
      ctx.addIssue({
        code: "custom",
        path: ["type"],
        message: `expected a component type (${known.map((k) => JSON.stringify(k)).join(", ")}), got ${JSON.stringify(value.type)}`,
      });
      return;
    }
    const parsed = def.schema.safeParse(value);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: "custom", path: issue.path, message: issue.code === "unrecognized_keys" ? `unknown key(s) ${(issue as { keys: string[] }).keys.map((k) => JSON.stringify(k)).join(", ")}` : issue.message } as never);
  });
  return z
    .object({
      /** An editor's pointer to the plan JSON Schema; ignored. */
      $schema: z.string().optional(),
      name: z.string().min(1).default("plan"),
      /** How each payout is rounded to the minor unit, per payee, per component, per period. */
      rounding: z.enum(ROUNDING_MODES as [RoundingMode, ...RoundingMode[]]).default("halfEven"),
      activity: z
        .object({
          /** PV (own + personal customers' CV, in currency units) needed to be active this period. */
          minPv: decimalField({ min: "0", maxPlaces: 4, what: 'a volume like "100"' }).default("100"),
        })
        .strict()
        .prefault({}),
      /** The rank ladder, lowest rank first (see ranks.ts). */
      ranks: ranksSchema.default([]),
      /** Payout caps, applied after the components (see caps.ts). */
      caps: capsSchema.optional(),
      components: z.array(component).min(1).max(64),
    })
    .strict()
    .superRefine((plan, ctx) => {
      if (!Array.isArray(plan.components)) return;
      const seen = new Map<string, number>();
      plan.components.forEach((c, i) => {
        if (typeof c !== "object" || c === null || typeof c.type !== "string") return;
        const name = typeof c.name === "string" ? c.name : c.type;
        const first = seen.get(name);
        if (first !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["components", i, "name"],
            message: `expected a unique component name, but ${JSON.stringify(name)} is also components[${first}]'s (give one a "name")`,
          });
        } else seen.set(name, i);
      });
    }, { when: (payload) => typeof payload.value === "object" && payload.value !== null && Array.isArray((payload.value as { components?: unknown }).components) });
}

/** The plan file schema with the built-in component types. */
export const planSchema = planSchemaFor(BUILT_IN_COMPONENTS);

/** A plan as a user writes it (a JSON file, or the same object in TypeScript). */
export interface PlanInput {
  name?: string;
  rounding?: RoundingMode;
  activity?: { minPv?: string | number };
  ranks?: readonly RankInput[];
  caps?: {
    payout?: { share: string | number; components?: readonly string[] };
    perMember?: { amount: string | number; components?: readonly string[] };
  };
  components: ReadonlyArray<{ type: string; name?: string; [key: string]: unknown }>;
}

/** A validated, compiled plan: run it with either engine. */
export interface CompiledPlan {
  readonly [COMPILED]: true;
  readonly name: string;
  readonly rounding: RoundingMode;
  /** PV needed to be active, exact, in currency (major) units. */
  readonly minPv: Decimal;
  /** The rank ladder as validated (volumes in major units), lowest first. */
  readonly ranks: z.output<typeof ranksSchema>;
  /** Caps as validated (amounts in major units); see {@link planCaps}. */
  readonly caps?: CapsSpec;
  /** Digits after the point of every rate's integer form: amounts accrue in 10^-places minor units. */
  readonly places: number;
  readonly components: readonly CompiledComponent[];
  /** The plan as validated, defaults filled in (JSON-serialisable). */
  readonly source: Readonly<Record<string, unknown>>;
  /**
   * The same plan compiled anew: components with state of their own (titles
   * already rewarded, carryover). Each engine pays its own fresh copy, so two
   * engines on one compiled plan never share state.
   */
  fresh(): CompiledPlan;
}

/** Options of {@link compilePlan}. */
export interface CompileOptions {
  /** Component types beyond the built-in ones (custom components). */
  readonly components?: readonly ComponentType[];
}

/**
 * Validates a plan and compiles it; throws a {@link DownlineInputError} naming
 * every bad field before any work.
 *
 * @example
 * const plan = compilePlan({ components: [{ type: "unilevel", rates: ["0.08", "0.05", "0.04"] }] });
 * plan.components[0].name // => "unilevel"
 */
export function compilePlan(input: PlanInput | CompiledPlan, options: CompileOptions = {}): CompiledPlan {
  if (isCompiledPlan(input)) return input;
  const compiled = compileOnce(input, options);
  return compiled;
}

function compileOnce(input: PlanInput, options: CompileOptions): CompiledPlan {
  const types = [...BUILT_IN_COMPONENTS, ...(options.components ?? [])];
  const schema = options.components ? planSchemaFor(types) : planSchema;
  const plan = parseWith("plan", schema, input);
  const parsed = plan.components.map((c) => {
    const def = types.find((t) => t.type === c.type)!;
    const settings = def.schema.parse(c) as Record<string, unknown>;
    return { def, settings: { ...settings, name: (settings.name as string | undefined) ?? c.type } };
  });
  const texts = parsed.flatMap(({ def, settings }) => def.rates(settings as never));
  const places = texts.reduce((m, t) => Math.max(m, parseDecimal(t)!.places), 0);
  const rate = (text: string): CompiledRate => {
    const units = unitsAt(parseDecimal(text)!, places)!;
    return { text, value: new ExactDecimal(text), units: Number(units) };
  };
  const rankNames = plan.ranks.map((r) => r.name);
  const componentNames = parsed.map((p) => p.settings.name);
  for (const [cap, at] of [[plan.caps?.payout, "payout"], [plan.caps?.perMember, "perMember"]] as const) {
    cap?.components?.forEach((name, k) => {
      if (!componentNames.includes(name)) {
        throw new DownlineInputError("plan", [
          { path: `caps.${at}.components[${k}]`, message: `expected one of the plan's components (${componentNames.map((c) => JSON.stringify(c)).join(", ")}), got ${JSON.stringify(name)}` },
        ]);
      }
    });
  }
  const components = parsed.map(({ def, settings }, k) => {
    const context: CompileContext = {
      rankNames,
      rounding: plan.rounding,
      earlierComponents: parsed.slice(0, k).map((p) => p.settings.name),
      rankNumber(name, field) {
        const at = rankNames.indexOf(name);
        if (at < 0) {
          throw new ComponentFieldError(field, `expected one of the plan's ranks (${rankNames.map((n) => JSON.stringify(n)).join(", ") || "none defined"}), got ${JSON.stringify(name)}`);
        }
        return at + 1;
      },
    };
    try {
      return def.compile(settings as never, rate, context);
    } catch (e) {
      if (e instanceof ComponentFieldError) throw new DownlineInputError("plan", [{ path: `components[${k}].${e.field}`, message: e.message }]);
      throw e;
    }
  });
  const names = components.map((c) => c.name);
  if (new Set(names).size !== names.length) {
    throw new DownlineInputError("plan", [{ path: "components", message: `expected unique component names, got ${names.join(", ")}` }]);
  }
  return {
    [COMPILED]: true,
    name: plan.name,
    rounding: plan.rounding,
    minPv: new ExactDecimal(plan.activity.minPv),
    ranks: plan.ranks,
    ...(plan.caps ? { caps: plan.caps } : {}),
    places,
    components,
    source: { ...plan, components: parsed.map((p) => p.settings) },
    fresh: () => compileOnce(input, options),
  };
}

/**
 * The plan's activity threshold in minor units of a currency with `digits`
 * decimals; throws a {@link DownlineInputError} if the threshold has more
 * decimals than the currency (both engines read it through here).
 *
 * @example
 * activityThreshold(compilePlan({ components: [{ type: "unilevel", rates: ["0.05"] }] }), 2) // => 10000
 */
export function activityThreshold(plan: CompiledPlan, digits: number): number {
  const minor = plan.minPv.times(new ExactDecimal(10).pow(digits));
  if (!minor.isInteger()) {
    throw new DownlineInputError("plan", [
      { path: "activity.minPv", message: `expected at most ${digits} decimals for this currency, got ${plan.minPv.toString()}` },
    ]);
  }
  return minor.toNumber();
}

/**
 * The plan's rank ladder in minor units of a currency with `digits` decimals;
 * throws a {@link DownlineInputError} if a volume has more decimals than the
 * currency (both engines read it through here).
 */
export function rankLadder(plan: CompiledPlan, digits: number): CompiledRank[] {
  return asPlanError(() => compileRanks(plan.ranks, digits));
}

/** The plan's caps in minor units of a currency with `digits` decimals (both engines read them through here). */
export function planCaps(plan: CompiledPlan, digits: number): CompiledCaps {
  return asPlanError(() => compileCaps(plan.caps, plan.components, digits));
}

/** Runs a compile step whose RangeErrors read `path: message`, reporting them as plan errors. */
function asPlanError<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const [path, message] = e.message.split(/: (.*)/s);
    throw new DownlineInputError("plan", [{ path: path!, message: message ?? "" }]);
  }
}

/** Whether a value is a plan already compiled by {@link compilePlan}. */
export function isCompiledPlan(value: unknown): value is CompiledPlan {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[COMPILED] === true;
}
