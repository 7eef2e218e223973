/**
 * Plans: JSON-serialisable data, validated with field-path errors, compiled
 * once against a currency.
 *
 * A plan has an activity rule (a personal-volume threshold, on QV or CV), a
 * rounding mode, a rank ladder, measures (per-member numbers computed with
 * the ranks: legs, lines, …), enrolment packages, an ordered list of
 * components and caps. Compiling converts every money field
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
import { decimalField, uniqueNames } from "../validate/fields.js";
import { checkOptions, componentTypes } from "../validate/options.js";
import { ComponentFieldError, type AnyComponentType, type CompileContext, type CompiledComponent, type CompiledRate, type ComponentType, type PlacementNeed } from "./contract.js";
import { capsSchema, compileCaps, type CompiledCaps } from "./caps.js";
import { compileRanks, ranksSchema, type CompiledRank } from "./ranks.js";
import { rankTable } from "./rank-table.js";
import { compileMeasures, dependsOnRanks, measuresSchema, measureUnit, type CompiledMeasure } from "./measures.js";
import { personalVolumeField, type VolumeKind } from "./volume.js";
import type { PublishedValue, ValueUnit } from "./contract.js";
import { renameDeprecated } from "./renamed.js";
import { BUILT_IN_COMPONENTS, type BuiltInComponentType } from "./components/index.js";
import type { ReadonlyDeep } from "../util/frozen.js";

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
    if (!parsed.success) {
      for (const issue of flattenUnions(parsed.error.issues)) {
        ctx.addIssue({ ...issue, code: "custom", path: issue.path, message: issue.code === "unrecognized_keys" ? `unknown key(s) ${(issue as { keys: string[] }).keys.map((k) => JSON.stringify(k)).join(", ")}` : issue.message } as never);
      }
    }
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
          /** Personal volume (own + personal customers' orders, in currency units) needed to be active this period. */
          minPv: decimalField({ min: "0", maxPlaces: 4, what: 'a volume like "100"' }).default("100"),
          /** Which volume `minPv` tests: QV (default) or CV. */
          volume: personalVolumeField(),
        })
        .strict()
        .prefault({}),
      /** The rank ladder, lowest rank first (see ranks.ts). */
      ranks: ranksSchema.default([]),
      /** Per-member measures computed with the ranks (see measures.ts). */
      measures: measuresSchema.default([]),
      /** Enrolment packages, lowest first: names, and the volume a package counts for where a component pays by package. */
      packages: z
        .array(
          z
            .object({
              name: z.string().min(1).max(100),
              /** The package's volume (currency units), for components that pay "as if the order were of this package". */
              volume: decimalField({ min: "0", maxPlaces: 4, what: 'a volume like "100"' }).optional(),
            })
            .strict(),
        )
        .max(255)
        .superRefine((list, ctx) => void uniqueNames(list, ctx, "package", "packages"))
        .default([]),
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

type Issue = z.core.$ZodIssue;

/**
 * Issues with each failed union (a rate or a rate table) replaced by the
 * issues of the branch that got furthest into the value (ties: the first),
 * so that errors name the field inside a table rather than "Invalid input".
 */
function flattenUnions(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "invalid_union" || !("errors" in issue) || issue.errors.length === 0) return [issue];
    const depth = (branch: readonly Issue[]) => Math.max(...branch.map((i) => i.path.length));
    const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
    return flattenUnions(best).map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as Issue);
  });
}

/**
 * A component's plan entry as a user writes it: its schema's input type,
 * read-only. For a type whose schema's input type is not known (a schema
 * typed `z.ZodType<X>`, or a registry of `AnyComponentType`), any entry with
 * a `type`.
 *
 * @example
 * const streak: ComponentInputOf<typeof activeStreak> = { type: "activeStreak", name: "streak" };
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ComponentInputOf<T extends AnyComponentType> = T extends ComponentType<any, any, any, any, infer Entry> ? (unknown extends Entry ? UntypedComponentInput : ReadonlyDeep<Entry>) : never;

/** A plan entry of a component type whose schema's input type is unknown: a `type`, an optional `name`, anything else. */
export interface UntypedComponentInput {
  readonly type: string;
  readonly name?: string;
  readonly [field: string]: unknown;
}

/** The names of the built-in component types (`"unilevel"`, `"binary"`, …). */
export type ComponentTypeName = ComponentInputOf<BuiltInComponentType>["type"];

/**
 * A built-in component's plan entry: the union of every built-in type's
 * schema input, discriminated by `type` (so an editor completes each type's
 * fields, and a misspelt field is a compile error). `ComponentInput<"unilevel">`
 * is one type's entry.
 *
 * @example
 * const levels: ComponentInput<"unilevel"> = { type: "unilevel", rates: ["0.08", "0.05"], compression: "none" };
 */
export type ComponentInput<K extends ComponentTypeName = ComponentTypeName> = Extract<ComponentInputOf<BuiltInComponentType>, { readonly type: K }>;

/**
 * A plan as a user writes it (a JSON file, or the same object in
 * TypeScript): the plan schema's input type, read-only, its components the
 * built-in entries ({@link ComponentInput}) and those of the custom
 * component types `Custom` (`PlanInput<typeof myType>`, a union for several).
 *
 * @example
 * const plan: PlanInput = { activity: { minPv: "100" }, components: [{ type: "unilevel", rates: ["0.08", "0.05"] }] };
 * const custom: PlanInput<typeof activeStreak> = { components: [{ type: "activeStreak", name: "streak" }] };
 */
export interface PlanInput<out Custom extends AnyComponentType = never> extends ReadonlyDeep<Omit<z.input<typeof planSchema>, "components">> {
  /** The components, paid in this order (a matching bonus after what it matches). */
  readonly components: readonly (ComponentInput | ComponentInputOf<Custom>)[];
}

/** A validated plan compiled against a currency: run it with either engine. */
export interface CompiledPlan {
  readonly [COMPILED]: true;
  readonly name: string;
  readonly rounding: RoundingMode;
  /** The currency the money fields were converted for (ISO 4217), and its minor-unit digits. */
  readonly currency: string;
  readonly digits: number;
  /** Personal volume needed to be active, minor units. */
  readonly minPv: number;
  /** Which volume the activity rule tests. */
  readonly activityKind: VolumeKind;
  /** The rank ladder in minor units, lowest first. */
  readonly ranks: readonly CompiledRank[];
  /** The plan's measures, in order. */
  readonly measures: readonly CompiledMeasure[];
  /** Enrolment packages, lowest first: 1-based numbers, volumes in minor units (-1 where none is given). */
  readonly packages: readonly { readonly name: string; readonly number: number; readonly volume: number }[];
  /** Every per-member value a component or rank rule may read, by name, with its unit. */
  readonly values: ReadonlyMap<string, ValueUnit>;
  /** Components whose exact accrual (`<name>.earned`) something reads: the engines keep it. */
  readonly keepEarned: readonly string[];
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
  readonly input: PlanInput<AnyComponentType>;
  readonly componentTypes: readonly AnyComponentType[];
}

/** Options of {@link compilePlan}; `Custom`: the custom component types the plan may use. */
export interface CompileOptions<Custom extends AnyComponentType = AnyComponentType> {
  /** The currency the plan's money fields are in (ISO 4217). Default `"USD"`. */
  readonly currency?: string;
  /** Component types beyond the built-in ones (custom components). */
  readonly components?: readonly Custom[];
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
export function compilePlan<Custom extends AnyComponentType = never>(input: PlanInput<NoInfer<Custom>> | CompiledPlan, options: CompileOptions<Custom> = {}): CompiledPlan {
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

function compileOnce(input: PlanInput<AnyComponentType>, options: CompileOptions): CompiledPlan {
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
  const rankNames = plan.ranks.map((r) => r.name);
  const measures = compileMeasures(plan.measures, money, (n) => (rankNames.includes(n) ? rankNames.indexOf(n) + 1 : undefined), rankNames, fail);
  const packageNames = plan.packages.map((p) => p.name);
  const packages = plan.packages.map((p, i) => ({ name: p.name, number: i + 1, volume: p.volume === undefined ? -1 : money(p.volume, `packages[${i}].volume`) }));

  // Every readable value, with the time it becomes available in a period: the plan's measures
  // (0; those counting legs by rank with the ranks, RANKED), a measure-stage component k's values
  // (1 + k), `rank` (RANKED), a paying component k's values and exact accrual (PAYING + 1 + k).
  // A reader at time t reads values available before t.
  const RANKED = 1000;
  const PAYING = 2000;
  const registry = new Map<string, { unit: ValueUnit; time: number; rank: number }>();
  for (const m of measures) registry.set(m.name, { unit: measureUnit(m), time: dependsOnRanks(m) ? RANKED : 0, rank: m.kind === "legs" ? m.rank : 0 });
  registry.set("rank", { unit: "count", time: RANKED, rank: 0 });
  const published: PublishedValue[][] = parsed.map(({ def, input: componentInput, name }, k) => {
    const list = def.publishes?.(componentInput) ?? [];
    const stage = def.stage ?? "pay";
    list.forEach((v, i) => {
      if (!/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(v.name) || v.name === "earned" || list.findIndex((x) => x.name === v.name) < i) {
        fail(`components[${k}]`, `the component type ${JSON.stringify(def.type)} publishes a value named ${JSON.stringify(v.name)}: expected unique names like "rate" (a letter, then letters, digits, _ or -), not "earned"`);
      }
    });
    list.forEach((v) => registry.set(`${name}.${v.name}`, { unit: v.unit, time: stage === "measure" ? 1 + k : PAYING + 1 + k, rank: 0 }));
    if (stage === "pay") registry.set(`${name}.earned`, { unit: "money", time: PAYING + 1 + k, rank: 0 });
    return [...list];
  });
  const scale = 10 ** places;
  // Ranks read measures and measure-stage values (rank-dependent measures with the cycle check in compileRanks).
  const ranks = compileRanks(
    plan.ranks,
    money,
    fail,
    (n) => {
      const v = registry.get(n);
      return v && n !== "rank" && (v.time < RANKED || (v.time === RANKED && v.rank > 0)) ? { unit: v.unit, rank: v.rank } : undefined;
    },
    scale,
  );
  const keepEarned = new Set<string>();
  const rankNumber = (name: string, field: string): number => {
    const at = rankNames.indexOf(name);
    if (at < 0) {
      throw new ComponentFieldError(field, `expected one of the plan's ranks (${rankNames.map((n) => JSON.stringify(n)).join(", ") || "none defined"}), got ${JSON.stringify(name)}`);
    }
    return at + 1;
  };
  const packageNumber = (name: string, field: string): number => {
    const at = packageNames.indexOf(name);
    if (at < 0) {
      throw new ComponentFieldError(field, `expected one of the plan's packages (${packageNames.map((n) => JSON.stringify(n)).join(", ") || "none defined"}), got ${JSON.stringify(name)}`);
    }
    return at + 1;
  };
  const components: CompiledComponent[] = [];
  parsed.forEach(({ def, input: componentInput, name }, k) => {
    const stage = def.stage ?? "pay";
    const now = stage === "measure" ? 1 + k : PAYING + 1 + k;
    const context: CompileContext = {
      name,
      index: k,
      rate,
      scale,
      places,
      packageNames,
      packageVolumes: [0, ...packages.map((p) => p.volume)],
      packageNumber,
      value(valueName, field) {
        const v = registry.get(valueName);
        if (!v || v.time >= now) {
          const readable = [...registry].filter(([, x]) => x.time < now).map(([n]) => JSON.stringify(n));
          const why = !v ? "no such value" : v.time === RANKED ? "it is only known once ranks are" : "it is published by this component or a later one";
          throw new ComponentFieldError(field, `expected a value available before this component (${readable.join(", ") || "none"}), got ${JSON.stringify(valueName)} (${why})`);
        }
        if (valueName.endsWith(".earned")) keepEarned.add(valueName.slice(0, -".earned".length));
        return { name: valueName, unit: v.unit };
      },
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
        stage,
        publishes: published[k]!,
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
    activityKind: plan.activity.volume.kind,
    ranks,
    measures,
    packages,
    values: new Map([...registry].map(([n, v]) => [n, v.unit])),
    keepEarned: [...keepEarned],
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
