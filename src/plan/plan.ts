/**
 * Plans: JSON-serialisable data, validated with field-path errors, compiled
 * once against a currency.
 *
 * A plan has an activity rule (PV threshold), a rounding mode, a rank ladder,
 * an ordered list of components and caps. Compiling converts every money field
 * (thresholds, rank volumes, caps, bonus amounts, cycle values) to integer minor
 * units of the currency, so that a value finer than the currency (10.005 USD)
 * is a field-path error before any work; every rate is held both as an exact
 * decimal (reference engine) and as an integer at one common scale (fast
 * engine).
 *
 * @module
 */
import { z } from "zod";
import { ExactDecimal } from "../money/exact.js";
import { parseDecimal, unitsAt } from "../money/decimal.js";
import { isCurrencyCode, minorDigits, toMinor } from "../money/amount.js";
import { ROUNDING_MODES, type RoundingMode } from "../money/round.js";
import { checkShape, DownlineInputError, parseWith, type InputIssue } from "../validate/errors.js";
import { decimalField } from "../validate/fields.js";
import { checkOptions, componentTypes } from "../validate/options.js";
import { ComponentFieldError, type AnyComponentType, type CompileContext, type CompiledComponent, type CompiledRate, type PlacementNeed } from "./contract.js";
import { capsSchema, compileCaps, type CompiledCaps } from "./caps.js";
import { compileRanks, ranksSchema, type CompiledRank, type RankInput } from "./ranks.js";
import { rankTable } from "./rank-table.js";
import { renameDeprecated } from "./renamed.js";
import { BUILT_IN_COMPONENTS } from "./components/index.js";

const COMPILED = Symbol.for("downline.compiledPlan");

/** Builds the plan schema for a set of component types. */
export function planSchemaFor(types: readonly AnyComponentType[]) {
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
  $schema?: string;
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

/** A validated plan compiled against a currency: run it with either engine. */
export interface CompiledPlan {
  readonly [COMPILED]: true;
  readonly name: string;
  readonly rounding: RoundingMode;
  /** The currency the money fields were converted for (ISO 4217), and its minor-unit digits. */
  readonly currency: string;
  readonly digits: number;
  /** PV needed to be active, minor units. */
  readonly minPv: number;
  /** The rank ladder in minor units, lowest first. */
  readonly ranks: readonly CompiledRank[];
  /** Caps in minor units, components by index. */
  readonly caps: CompiledCaps;
  /** Digits after the point of every rate's integer form: amounts accrue in 10^-places minor units. */
  readonly places: number;
  readonly components: readonly CompiledComponent[];
  /** The plan as validated, defaults filled in, deprecated names replaced (JSON-serialisable). */
  readonly source: Readonly<Record<string, unknown>>;
  /**
   * The structure the plan needs from the world: the placement tree its binary
   * or matrix components pay on (and which component asked for it first).
   */
  readonly needs: { readonly placement?: PlacementNeed & { readonly component: number } };
  /** Deprecated field names the input used, each with its replacement: show them to the user. */
  readonly warnings: readonly InputIssue[];
  /** The plan as given, and the component types it was compiled with (to compile it again for another currency). */
  readonly input: PlanInput;
  readonly componentTypes: readonly AnyComponentType[];
}

/** Options of {@link compilePlan}. */
export interface CompileOptions {
  /** The currency the plan's money fields are in (ISO 4217). Default `"USD"`. */
  readonly currency?: string;
  /** Component types beyond the built-in ones (custom components). */
  readonly components?: readonly AnyComponentType[];
}

/**
 * Validates a plan and compiles it against a currency; throws a
 * {@link DownlineInputError} naming every bad field before any work. A plan
 * compiled for another currency (or without the custom component types given
 * now) is compiled again from its input.
 *
 * @example
 * const plan = compilePlan({ components: [{ type: "unilevel", rates: ["0.08", "0.05", "0.04"] }] });
 * plan.components[0].name // => "unilevel"
 * compilePlan({ components: [{ type: "customerCommission", rate: "0.2" }], activity: { minPv: "100" } }, { currency: "JPY" }).minPv // => 100
 */
export function compilePlan(input: PlanInput | CompiledPlan, options: CompileOptions = {}): CompiledPlan {
  checkOptions("compilePlan", COMPILE_OPTIONS, options);
  if (isCompiledPlan(input)) {
    const extra = (options.components ?? []).filter((t) => !input.componentTypes.includes(t));
    if ((options.currency === undefined || options.currency === input.currency) && extra.length === 0) return input;
    return compileOnce(input.input, { currency: options.currency ?? input.currency, components: [...input.componentTypes, ...extra] });
  }
  return compileOnce(input, options);
}

/** compilePlan's options: the currency is checked as a currency code below. */
const COMPILE_OPTIONS = { currency: z.unknown(), components: componentTypes().optional() };

function compileOnce(input: PlanInput, options: CompileOptions): CompiledPlan {
  const currency = options.currency ?? "USD";
  if (typeof currency !== "string" || !isCurrencyCode(currency)) {
    throw new DownlineInputError("options", [{ path: "currency", message: `expected an ISO 4217 currency code like "USD", got ${JSON.stringify(currency)}` }]);
  }
  const digits = minorDigits(currency);
  const custom = options.components ?? [];
  const types = [...BUILT_IN_COMPONENTS, ...custom.filter((t) => !BUILT_IN_COMPONENTS.includes(t))];
  // Depth, cycles, sizes and prototype keys first: nothing below walks an unchecked input.
  checkShape("plan", input);
  const { value: renamed, warnings } = renameDeprecated(input, types);
  const schema = custom.length > 0 ? planSchemaFor(types) : planSchema;
  const plan = parseWith("plan", schema, renamed);
  const parsed = plan.components.map((c) => {
    const def = types.find((t) => t.type === c.type)!;
    const settings = def.schema.parse(c) as Record<string, unknown>;
    return { def, input: settings, name: (settings.name as string | undefined) ?? c.type };
  });
  const texts = parsed.flatMap(({ def, input }) => def.rates(input));
  const places = texts.reduce((m, t) => Math.max(m, parseDecimal(t)!.places), 0);
  const rate = (text: string): CompiledRate => {
    const scaled = unitsAt(parseDecimal(text)!, places)!;
    return { text, value: new ExactDecimal(text), scaled: Number(scaled) };
  };
  const issues: InputIssue[] = [];
  const fail = (path: string, message: string): void => void issues.push({ path, message });
  const finer = (text: string) => `expected at most ${digits} decimals for ${currency}, got ${text}`;
  // Plan-level money: every problem is collected, so one error names them all.
  const money = (text: string, path: string): number => {
    const minor = toMinor(text, digits);
    if (minor === undefined) {
      fail(path, finer(text));
      return 0;
    }
    return minor;
  };
  const minPv = money(plan.activity.minPv, "activity.minPv");
  const ranks = compileRanks(plan.ranks, money, fail);
  const rankNames = plan.ranks.map((r) => r.name);
  const rankNumber = (name: string, field: string): number => {
    const at = rankNames.indexOf(name);
    if (at < 0) {
      throw new ComponentFieldError(field, `expected one of the plan's ranks (${rankNames.map((n) => JSON.stringify(n)).join(", ") || "none defined"}), got ${JSON.stringify(name)}`);
    }
    return at + 1;
  };
  const components: CompiledComponent[] = [];
  parsed.forEach(({ def, input: componentInput, name }, k) => {
    const context: CompileContext = {
      name,
      index: k,
      rate,
      scale: 10 ** places,
      money(text, field) {
        const minor = toMinor(text, digits);
        if (minor === undefined) throw new ComponentFieldError(field, finer(text));
        return minor;
      },
      rankNumber,
      byRank(listed, base, field) {
        const seen = new Map<number, number>();
        const numbered = listed.map((entry, i) => {
          const number = rankNumber(entry.rank, `${field}[${i}].rank`);
          const first = seen.get(number);
          if (first !== undefined) throw new ComponentFieldError(`${field}[${i}].rank`, `expected each rank at most once, but ${JSON.stringify(entry.rank)} is also ${field}[${first}].rank`);
          seen.set(number, i);
          return { rank: number, value: entry.value };
        });
        return rankTable(numbered, rankNames.length, base);
      },
      rankNames,
      earlierComponents: parsed.slice(0, k).map((p) => p.name),
      rounding: plan.rounding,
      currency,
      digits,
    };
    try {
      components.push({
        type: def.type,
        name,
        paidBy: def.paidBy ?? "company",
        writes: def.writes ?? "scaled",
        settings: def.compile(componentInput, context),
        definition: def,
      });
    } catch (e) {
      if (!(e instanceof ComponentFieldError)) throw e;
      fail(`components[${k}].${e.field}`, e.message);
    }
  });
  // One placement tree per world: every component that pays on one must need the same.
  let placement: (PlacementNeed & { component: number }) | undefined;
  components.forEach((c, k) => {
    const need = c.definition.placement?.(c.settings);
    if (!need) return;
    if (!placement) placement = { ...need, component: k };
    else if (describePlacement(need) !== describePlacement(placement)) {
      fail(`components[${k}]`, `expected the same placement tree as components[${placement.component}] (${describePlacement(placement)}), got ${describePlacement(need)}: a world has one placement tree`);
    }
  });
  const caps = compileCaps(plan.caps, parsed.map((p) => ({ name: p.name, paidBy: p.def.paidBy ?? "company" })), money, fail);
  if (issues.length > 0) throw new DownlineInputError("plan", issues);
  return {
    [COMPILED]: true,
    name: plan.name,
    rounding: plan.rounding,
    currency,
    digits,
    minPv,
    ranks,
    caps,
    places,
    components,
    needs: placement ? { placement } : {},
    source: { ...plan, components: parsed.map((p) => ({ ...p.input, name: p.name })) },
    warnings,
    input,
    componentTypes: types.slice(BUILT_IN_COMPONENTS.length),
  };
}

/**
 * A placement tree in words, for messages.
 *
 * @example
 * describePlacement({ kind: "matrix", width: 3 }) // => "a 3-wide matrix"
 */
export function describePlacement(p: PlacementNeed | { readonly kind: "binary" | "matrix"; readonly width?: number }): string {
  return p.kind === "binary" ? "a binary tree" : `a ${p.width}-wide matrix`;
}

/** Whether a value is a plan already compiled by {@link compilePlan}. */
export function isCompiledPlan(value: unknown): value is CompiledPlan {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[COMPILED] === true;
}
