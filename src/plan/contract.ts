/**
 * The component contract. A component type is one unit in one folder
 * (`src/plan/components/<name>/`): its plan-file schema, how it compiles to
 * plain typed settings in minor units, the fast engine's kernel with explicit
 * state, and the reference rule that defines it. Both engines know this
 * contract, not the types.
 *
 * ## Adding a component: the checklist
 *
 * 1. Create `src/plan/components/<name>/` with
 *    - `index.ts`: the zod `schema` (a `type` literal, an optional `name`, the
 *      fields; `qualification: { active, ... }` and `depth: { base, byRank }`
 *      where those ideas apply, as in the other components), the `Settings`
 *      interface, `compile(input, ctx)` returning the settings — every rate
 *      through `ctx.rate`, every amount or volume through `ctx.money(text,
 *      field)`, every rank through `ctx.rankNumber` or `ctx.byRank` — and the
 *      `ComponentType` value made with {@link defineComponent};
 *    - `fast.ts`: `state(settings, capacity)` (typed arrays sized for
 *      `capacity` members), `grow(state, capacity)` when it has any, and
 *      `accrue(settings, state, period, amounts)`: no allocation per member,
 *      no recursion, exact integer amounts in units of 1/scale minor units
 *      (or whole minor units with `writes: "minor"`), returning the headline;
 *    - `reference.ts`: the rule in exact decimals, order by order or member
 *      by member, written to be read: it is the definition.
 * 2. Add one line to `BUILT_IN_COMPONENTS` in `src/plan/components/index.ts`.
 * 3. Add hand-computed cases (`test/spec/<name>.cases.ts`, arithmetic in the
 *    comments) run on both engines, and a property test against the reference
 *    engine (`test/engine/<name>.property.test.ts`).
 * 4. Regenerate `schema/plan.schema.json` (`npx tsx scripts/write-plan-schema.ts`)
 *    and document the rule in the README's component list.
 *
 * 5. If it reads a rate anywhere, accept a rate table (`rateTableField()`
 *    in the schema, `compileRateTable` in `compile`, `rateTableTexts` in
 *    `rates`); if it pays on volume, a `basis` (`basisField()`: CV or QV).
 * 6. If later components need something it computes, publish it (below)
 *    rather than passing it any other way.
 * 7. Say what kind of income it pays (`income`, below): `"active"`,
 *    `"residual"` or `"leveraged"` for all of it, or a weights function when
 *    its pay mixes kinds member by member; add it to the README's table of
 *    kinds (Compare plans: income decomposition), saying why.
 *    Leave it out only where no kind fits: its pay is then reported as
 *    unclassified, never guessed.
 *
 * A custom component (outside this repository) is the same object, passed to
 * `compilePlan(plan, { components: [myType] })` or `simulate({ components })`:
 * it runs on both engines.
 *
 * ## Components talk through the engine: published values
 *
 * A component may publish per-member values (`publishes(input)` declares
 * them: a local name and a {@link ValueUnit}); the engine owns their arrays,
 * zeroes them every period, hands them to the kernel (`accrue`'s fifth
 * argument, in declaration order) and takes them from the reference rule
 * (`ReferenceAccrual.published`, by local name). Later components, rate
 * tables (`column`) and, for a component of `stage: "measure"`, rank rules
 * read them by their full name `<component>.<name>` (through
 * `ctx.value(name, field)` at compile time, which reports an unknown or not
 * yet published name as a field-path error; `period.values` at run time).
 * Every component that pays also has `<component>.earned`: its exact accrual
 * of the period, before rounding (unit `money`), kept only when something
 * reads it. Values are exact: counts and volumes are integers; money and
 * rates are integers at the plan's scale in the fast engine (value × scale)
 * and exact decimals in the reference engine. Nothing else may carry state
 * from one component to another (no module-level maps keyed on the period).
 *
 * A component of `stage: "measure"` runs before ranks are qualified, pays
 * nothing, and publishes values rank rules can test (`ranks[k].measures`):
 * a custom rank or measure that feeds the built-in rules. It sees volumes,
 * legs and the plan's measures (those that do not depend on ranks), not ranks.
 *
 * ## What kind of income it pays: `income`
 *
 * The income decomposition (`incomeDecomposition`, the `income*` columns of
 * `memberPeriods`) splits every member's pay into **active** income (one-time,
 * for new effort: a fast start, a new customer's first order, a rank bonus),
 * **residual** income (recurring, on orders of her own customers acquired in
 * earlier periods) and **leveraged** income (from her downline's orders and
 * work). A component says which with `income`:
 *
 * - one {@link IncomeKind} for all its pay (a unilevel: `"leveraged"`);
 * - or a function `(settings, network, weights)` that writes each member's
 *   {@link IncomeWeights} for the period: the bases the rule pays her on
 *   (order volume or price, × the rate where rates differ between the
 *   kinds). Her paid amount of the component is split in proportion, to the
 *   cent, by the one largest-remainder rule (money/allocate: ties in the
 *   order active, residual, leveraged), so the parts sum exactly to what she
 *   was paid, caps included. One pass over the period's orders or members:
 *   no allocation per member, no recursion. Weights are whole numbers ≥ 0; a
 *   member paid with all her weights 0 has that pay unclassified.
 *
 * A component without `income` (a custom one) is reported as
 * **unclassified**: a fourth kind, so that nothing is guessed.
 *
 * @module
 */
import type { z } from "zod";
import type { Decimal } from "decimal.js";
import type { OrderRecord, PeriodNetwork, PlacementTree } from "../world/network.js";
import type { RoundingMode } from "../money/round.js";

/** A rate compiled for both engines: exact decimal and integer at the plan's scale. */
export interface CompiledRate {
  /** The rate as written, normalised (`"0.05"`). */
  readonly text: string;
  /** The exact value, for the reference engine. */
  readonly value: Decimal;
  /** `value × 10^places`, an integer: the fast engine's multiplier (amounts accrue in 1/scale minor units). */
  readonly scaled: number;
}

/**
 * The unit of a per-member value (a measure, or a value a component
 * publishes): `count` (a whole number: legs, lines, a rank number), `volume`
 * (minor units, like PV), `money` (an exact amount of money: minor units in
 * the reference engine, minor units × the plan's scale in the fast engine),
 * `rate` (an exact rate: a decimal in the reference engine, rate × scale in
 * the fast engine).
 */
export type ValueUnit = "count" | "volume" | "money" | "rate";

/** A value a component publishes: its local name (the full name is `<component>.<name>`) and its unit. */
export interface PublishedValue {
  readonly name: string;
  readonly unit: ValueUnit;
}

/** What the fast engine knows of a period when components accrue. Arrays are read-only to components. */
export interface FastPeriod {
  readonly network: PeriodNetwork;
  /** Personal volume: own CV + personal customers' CV, minor units. */
  readonly pv: Float64Array;
  /** Group volume: PV of the member and her whole downline, minor units. */
  readonly gv: Float64Array;
  /** Personal qualifying volume: own QV + personal customers' QV (the same array as `pv` when orders carry no QV). */
  readonly qv: Float64Array;
  /** Group qualifying volume (the same array as `gv` when orders carry no QV). */
  readonly gqv: Float64Array;
  /** Each member's enrolment package: its 1-based number in the plan's `packages`, 0 for none (or a package the plan does not list). */
  readonly package: Uint8Array;
  /**
   * Per-member values by name: the plan's measures, values published by the
   * components that ran before (`<component>.<name>`), and the exact accrual
   * of earlier components that something reads (`<component>.earned`). Units
   * as declared ({@link ValueUnit}). A component reads only names its
   * `compile` resolved through `ctx.value`.
   */
  readonly values: ReadonlyMap<string, Float64Array>;
  /** GV of the member's largest leg (the subtree under one frontline member); 0 without legs. */
  readonly largestLeg: Float64Array;
  /** Number of current frontline (level-1) members: her legs. */
  readonly frontline: Int32Array;
  /** Paid-as rank this period: 1-based position in the plan's ladder, 0 for none. */
  readonly rank: Uint8Array;
  /** Title: the highest paid-as rank ever reached, this period included. */
  readonly title: Uint8Array;
  /** 1 where the member is qualified by the plan's activity rule this period. */
  readonly active: Uint8Array;
  /** Nearest upline that is active this period, or -1: the dynamic-compression tree. */
  readonly activeUpline: Int32Array;
  /** Sum of `pv` over all members. */
  readonly pvTotal: number;
  /** Sum of `qv` over all members. */
  readonly qvTotal: number;
  /** Sum of `network.customerCv` over all members. */
  readonly customerCvTotal: number;
  /**
   * What the components that ran before this one paid this period, rounded,
   * by component name (a matching bonus reads these). Components run in plan order.
   */
  readonly paid: ReadonlyMap<string, Float64Array>;
  /** 10^places: amounts accrue in units of 1/scale minor units. */
  readonly scale: number;
  /** The plan's rounding mode, for components that round themselves (`writes: "minor"`). */
  readonly rounding: RoundingMode;
}

/** A member as the reference engine sees her in one period. */
export interface ReferenceMember {
  readonly id: number;
  /** Current upline, -1 at the top. */
  readonly upline: number;
  readonly alive: boolean;
  ownCv: Decimal;
  customerCv: Decimal;
  /** Own CV + personal customers' CV. */
  pv: Decimal;
  /** PV of the member and of everyone below her. */
  gv: Decimal;
  /** Own QV + personal customers' QV (each order's QV, its CV when it has none). */
  qv: Decimal;
  /** QV of the member and of everyone below her. */
  gqv: Decimal;
  /** Her enrolment package's number in the plan's `packages` (1-based), 0 for none. */
  package: number;
  /** Current members she sponsors (after roll-up): the roots of her legs. */
  readonly frontline: number[];
  /** Alive and PV at least the plan's threshold. */
  active: boolean;
  /** Paid-as rank this period (1-based; 0 for none). */
  rank: number;
  /** Highest paid-as rank ever, this period included. */
  title: number;
}

/** What the reference engine knows of a period when rules accrue. */
export interface ReferencePeriod {
  readonly period: number;
  readonly members: readonly ReferenceMember[];
  readonly orders: readonly OrderRecord[];
  /** What the components that ran before paid this period, rounded, by component name then payee. */
  readonly paid: ReadonlyMap<string, ReadonlyMap<number, number>>;
  /**
   * Per-member values by name (see {@link FastPeriod.values}), exact, in
   * natural units: counts, volumes and money in minor units, rates as
   * decimals. A member without an entry has 0.
   */
  readonly values: ReadonlyMap<string, ReadonlyMap<number, Decimal>>;
  /** Join period of each member, by id. */
  readonly joinPeriod: (member: number) => number;
  /** The plan's rounding mode. */
  readonly rounding: RoundingMode;
  /** The placement tree, when the network has one (binary and matrix plans). */
  readonly placement?: PlacementTree;
}

/** Unrounded amounts per payee (minor units), and the headline amount. */
export interface ReferenceAccrual {
  readonly payees: Map<number, Decimal>;
  readonly headline: Decimal;
  /** The values the component publishes, by local name, then member (natural units; absent members: 0). */
  readonly published?: ReadonlyMap<string, ReadonlyMap<number, Decimal>>;
}

/** A value name resolved at compile time: its unit. */
export interface ValueInfo {
  readonly name: string;
  readonly unit: ValueUnit;
}

/** What a component can ask of the plan while it compiles. */
export interface CompileContext {
  /** The component's name (its `name`, else its type). */
  readonly name: string;
  /** The component's position in the plan (`components[index]`). */
  readonly index: number;
  /** An exact rate at the plan's scale (the text is one the component listed in `rates`). */
  rate(text: string): CompiledRate;
  /** 10^places, the plan's scale: fast-engine amounts accrue in 1/scale minor units (a rate's `scaled` is rate × scale). */
  readonly scale: number;
  /**
   * An amount or volume in major units of the run's currency (`"250.00"`,
   * `"100"`) as integer minor units. A value finer than the currency (10.005
   * USD) is reported as a field-path error at `field` (e.g.
   * `"bonuses[2].amount"`), before any work.
   */
  money(text: string, field: string): number;
  /**
   * The 1-based number of a rank of the plan's ladder, by name. An unknown name
   * is reported as a field-path error at the component's `field` (e.g. `"rates[2].rank"`).
   */
  rankNumber(name: string, field: string): number;
  /**
   * A table by paid-as rank number (index 0: no rank … the ladder's top): the
   * value of the highest listed rank at or below each rank, else `base`. A rank
   * listed twice is reported at `field[k].rank`.
   *
   * @example
   * // ranks A, B, C; listed B → 3:  [base, base, 3, 3]
   */
  byRank<T>(listed: readonly { readonly rank: string; readonly value: T }[], base: T, field: string): T[];
  /** The names of the plan's ranks, lowest first. */
  readonly rankNames: readonly string[];
  /** The names of the plan's enrolment packages, lowest first. */
  readonly packageNames: readonly string[];
  /** Each package's volume in minor units by package number (index 0: none, 0), -1 where the plan gives none. */
  readonly packageVolumes: readonly number[];
  /**
   * The 1-based number of a package of the plan's `packages`, by name; an
   * unknown name is reported at `field`.
   */
  packageNumber(name: string, field: string): number;
  /**
   * A per-member value this component may read, by name: a plan measure,
   * `rank`, or a value published by a component before this one
   * (`<component>.<name>`, `<component>.earned`). An unknown name, or one not
   * available yet, is reported at `field`. The engine then keeps the value
   * for this component.
   */
  value(name: string, field: string): ValueInfo;
  /** Digits after the point of the plan's scale: `scale` is 10^places. */
  readonly places: number;
  /** The names of the components before this one in the plan, in order. */
  readonly earlierComponents: readonly string[];
  /** The plan's rounding mode (for components that round themselves). */
  readonly rounding: RoundingMode;
  /** The currency the plan is compiled for (ISO 4217) and its minor-unit digits. */
  readonly currency: string;
  readonly digits: number;
}

/** Thrown by a component's compile to report a bad field; the plan adds the component's path. */
export class ComponentFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The fast engine's side of a component: a kernel over typed arrays with explicit state. */
export interface FastKernel<Settings, State> {
  /** The state the kernel keeps between periods, plus its scratch, sized for `capacity` members. */
  state(settings: Settings, capacity: number): State;
  /** Grows the state to `capacity` members (never shrinks), keeping what it carries. */
  grow?(state: State, capacity: number): void;
  /**
   * Adds each payee's exact amount for the period into `amounts` (zeroed by the
   * engine; at least `network.size` long, and `state` sized at least as much):
   * in units of 1/scale minor units, integers exact below 2^53 (or whole minor
   * units with `writes: "minor"`). Returns what the component's headline rates
   * would pay, in the same units, for breakage. `published` holds the arrays of
   * the values the component declared in `publishes`, in that order, zeroed by
   * the engine: the kernel writes each member's value there.
   */
  accrue(settings: Settings, state: State, period: FastPeriod, amounts: Float64Array, published: readonly Float64Array[]): bigint;
}

/** The reference engine's side: the rule that defines the component. */
export interface ReferenceRule<Settings, RefState> {
  /** The rule's own state, kept from period to period (titles rewarded, carryover). */
  state?(settings: Settings): RefState;
  /** Unrounded amounts per payee and the headline, in minor units. */
  accrue(settings: Settings, state: RefState, period: ReferencePeriod): ReferenceAccrual;
}

/**
 * The placement tree a component needs (binary and matrix plans pay on one):
 * the runner supplies it to a scenario that has none, and refuses a scenario
 * whose placement tree is of another kind or width, before any work.
 */
export type PlacementNeed = { readonly kind: "binary" } | { readonly kind: "matrix"; readonly width: number };

/** A renamed plan-file field, accepted under its old name with a deprecation message for one minor version. */
export interface RenamedField {
  /** Old path within the component (`"requiresActive"`, `"stepDown.afterMonths"`). */
  readonly from: string;
  /** New path within the component (`"qualification.active"`). */
  readonly to: string;
  /** The last version line that accepts the old name (`"0.2"`). */
  readonly until: string;
}

/**
 * A component type: plan-file schema, compiler, fast kernel and reference rule.
 * `Input` is the validated plan-file entry, `Settings` the compiled settings
 * (plain data in minor units and compiled rates), `State` the fast kernel's
 * state, `RefState` the reference rule's, `Entry` the entry as a user writes
 * it (the schema's input type: what `PlanInput<typeof myComponent>` accepts).
 */
export interface ComponentType<Input = unknown, Settings = unknown, State = unknown, RefState = unknown, Entry = unknown> {
  readonly type: string;
  /** The plan-file entry's schema: a `type` literal, an optional `name`, the fields. */
  readonly schema: z.ZodType<Input, Entry>;
  /** The rates the component uses, so the plan can choose one exact scale for all of them. */
  rates(input: Input): readonly string[];
  /** Plain typed settings from the validated input: rates, money and ranks resolved through `ctx`. */
  compile(input: Input, ctx: CompileContext): Settings;
  /** Who pays it: the company (default: commissions and bonuses) or the customer (retail profit). */
  readonly paidBy?: "company" | "customer";
  /**
   * `"minor"`: the kernel writes whole minor units and returns its headline in
   * minor units (a pool split to the cent, a fixed bonus). Default `"scaled"`:
   * units of 1/scale minor units, rounded by the engine, once per payee.
   */
  readonly writes?: "scaled" | "minor";
  readonly fast: FastKernel<Settings, State>;
  readonly reference: ReferenceRule<Settings, RefState>;
  /** The placement tree the component pays on, if any (binary, matrix): the plan states it, the runner supplies or checks it. */
  placement?(settings: Settings): PlacementNeed;
  /** Fields renamed since an earlier version (old names accepted with a deprecation message). */
  readonly renamed?: readonly RenamedField[];
  /**
   * The per-member values the component publishes, from its validated input
   * (local names; others read them as `<component>.<name>`). Declared before
   * compiling, so that rank rules and later components can be checked against them.
   */
  publishes?(input: Input): readonly PublishedValue[];
  /**
   * `"measure"`: runs before ranks are qualified, pays nothing, publishes
   * values rank rules may test (a custom rank or measure). Default `"pay"`.
   */
  readonly stage?: "measure" | "pay";
  /**
   * What kind of income its pay is, for the income decomposition: one
   * {@link IncomeKind}, or a function writing per-member weights (see the
   * module notes). Absent: unclassified.
   */
  readonly income?: IncomeRule<Settings>;
}

/**
 * A kind of income, for the income decomposition: `active` (one-time, for new
 * effort), `residual` (recurring, on her own customers acquired in earlier
 * periods), `leveraged` (from her downline's orders and work).
 */
export type IncomeKind = "active" | "residual" | "leveraged";

/**
 * Per-member weights of the three kinds of income in one period, written by a
 * component's `income` function: arrays zeroed by the caller, at least
 * `network.size` long, indexed by member. Whole numbers ≥ 0 (a basis in minor
 * units, × a scaled rate where the kinds are paid at different rates).
 */
export interface IncomeWeights {
  readonly active: Float64Array;
  readonly residual: Float64Array;
  readonly leveraged: Float64Array;
}

/**
 * How a component's pay divides between kinds of income: one kind for all
 * of it, or per-member weights written from the period's network (see the
 * module notes, "What kind of income it pays").
 *
 * @example
 * // All of a unilevel's pay comes from the downline's orders:
 * const unilevelIncome: IncomeRule<unknown> = "leveraged";
 * // A commission on customers' orders: first orders are active, renewals residual.
 * const customerIncome: IncomeRule<unknown> = (_settings, network, weights) => {
 *   const o = orderColumns(network);
 *   for (let k = 0; k < o.orderCount; k++) {
 *     if (o.orderCustomer[k]! < 0) continue;
 *     const into = o.orderCustomerJoin[k] === network.period ? weights.active : weights.residual;
 *     into[o.orderMember[k]!]! += o.orderCv[k]!;
 *   }
 * };
 */
export type IncomeRule<Settings> = IncomeKind | ((settings: Settings, network: PeriodNetwork, weights: IncomeWeights) => void);

/** Any component type, as registries and compiled plans hold them (their own types erased). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyComponentType = ComponentType<any, any, any, any, any>;

/**
 * Declares a component type with its types checked together: `compile`'s
 * settings are what the kernel and the rule receive, the kernel's `state` what
 * it gets back each period.
 */
export function defineComponent<Input, Settings, State = undefined, RefState = undefined, Entry = unknown>(
  definition: ComponentType<Input, Settings, State, RefState, Entry>,
): ComponentType<Input, Settings, State, RefState, Entry> {
  return definition;
}

/** A component compiled from a plan: its type and its settings. */
export interface CompiledComponent<Settings = unknown> {
  readonly type: string;
  readonly name: string;
  /** Who pays it (see {@link ComponentType.paidBy}). */
  readonly paidBy: "company" | "customer";
  readonly writes: "scaled" | "minor";
  /** When it runs: before ranks (`"measure"`, pays nothing) or in plan order after them (`"pay"`). */
  readonly stage: "measure" | "pay";
  /** The values it publishes (local names, in the order the kernel receives their arrays). */
  readonly publishes: readonly PublishedValue[];
  /** The compiled settings: what the kernel and the reference rule read. */
  readonly settings: Settings;
  readonly definition: AnyComponentType;
}
