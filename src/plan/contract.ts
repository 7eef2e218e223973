/**
 * The component contract of the fast engine. A component type is one file: its
 * schema, how it compiles, and how it accrues exact amounts on a period. The
 * engine knows this contract, not the types.
 *
 * @module
 */
import type { z } from "zod";
import type { Decimal } from "decimal.js";
import type { PeriodNetwork } from "../world/network.js";
import type { RoundingMode } from "../money/round.js";

/** A rate compiled for both engines: exact decimal and integer units at the plan's scale. */
export interface CompiledRate {
  /** The rate as written, normalised (`"0.05"`). */
  readonly text: string;
  /** The exact value, for the reference engine. */
  readonly value: Decimal;
  /** `value × 10^places`, an integer: the fast engine's multiplier. */
  readonly units: number;
}

/** What the fast engine knows of a period when components accrue. Arrays are read-only to components. */
export interface FastPeriod {
  readonly network: PeriodNetwork;
  /** Personal volume: own CV + personal customers' CV, minor units. */
  readonly pv: Float64Array;
  /** Group volume: PV of the member and her whole downline, minor units. */
  readonly gv: Float64Array;
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
  /** Sum of `network.customerCv` over all members. */
  readonly customerCvTotal: number;
  /**
   * What the components that ran before this one paid this period, rounded,
   * by component name (a matching bonus reads these). Components run in plan order.
   */
  readonly paid: ReadonlyMap<string, Float64Array>;
  /** 10^places: amounts accrue in units of 1/scale minor units. */
  readonly scale: number;
  /** Minor-unit digits of the run's currency (2 for USD): converts money settings to minor units. */
  readonly digits: number;
  /** The plan's rounding mode, for components that round themselves (`units: "minor"`). */
  readonly rounding: RoundingMode;
}

/** A compiled component the fast engine can run. */
export interface FastComponent {
  readonly type: string;
  readonly name: string;
  /**
   * Adds each payee's exact amount for the period, in units of 10^-places minor
   * units (integers, exact while below 2^53), into `amounts` (zeroed by the
   * engine). Returns what the component's headline rates would pay, in the
   * same units, for breakage.
   */
  accrue(period: FastPeriod, amounts: Float64Array): bigint;
  /**
   * `"minor"`: the component writes amounts already in whole minor units and
   * returns its headline in minor units (a pool split by largest remainder, a
   * fixed bonus). Default `"scaled"`: units of 10^-places minor units, rounded
   * by the engine.
   */
  readonly units?: "scaled" | "minor";
}

/**
 * A component type: its plan-file schema and its compiler. `compile` receives
 * the validated input and the plan's rate scale.
 */
export interface ComponentType<S extends z.ZodType = z.ZodType> {
  readonly type: string;
  readonly schema: S;
  /** The rates the component uses, so the plan can choose one exact scale for all of them. */
  rates(input: z.output<S>): readonly string[];
  compile(input: z.output<S> & { name: string }, rate: (text: string) => CompiledRate, context: CompileContext): CompiledComponent;
}

/** What a component can ask of the plan while it compiles. */
export interface CompileContext {
  /**
   * The 1-based number of a rank of the plan's ladder, by name. An unknown name
   * is reported as a field-path error at the component's `field` (e.g. `"rates[2].rank"`).
   */
  rankNumber(name: string, field: string): number;
  /** The names of the plan's ranks, lowest first. */
  readonly rankNames: readonly string[];
  /** The names of the components before this one in the plan, in order. */
  readonly earlierComponents: readonly string[];
  /** The plan's rounding mode (for components that round themselves). */
  readonly rounding: RoundingMode;
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

/** A component compiled from a plan: its settings for the reference engine, and its fast form. */
export interface CompiledComponent {
  readonly type: string;
  readonly name: string;
  /**
   * Who pays it: `"company"` (default: commissions and bonuses) or `"customer"`
   * (retail profit: the margin the customer pays the distributor). Period rows
   * count the two apart, so payout ratios are the company's.
   */
  readonly paidBy?: "company" | "customer";
  /** The validated settings, rates exact: what the reference engine reads. */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly fast: FastComponent;
}
