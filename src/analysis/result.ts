/**
 * The result of a run under one plan: what the runner returns and what
 * analysis functions and writers read.
 *
 * @module
 */
import type { ScenarioSpec } from "../world/scenario.js";
import type { Ledger } from "./ledger.js";
import type { MemberColumns } from "./member-totals.js";
import type { MemberRow } from "./member-rows.js";
import type { PeriodRow } from "./period-rows.js";
import type { MemberPeriods } from "./member-periods.js";

/**
 * The outcome of a run under one plan. Money in integer minor units.
 * `Collected` holds the results of the run's extra collectors, by name.
 */
export interface SimulationResult<Collected extends Readonly<Record<string, unknown>> = Readonly<Record<string, unknown>>> {
  readonly seed: number | string;
  readonly scenario: ScenarioSpec;
  /** Minor-unit digits of the scenario's currency. */
  readonly digits: number;
  readonly plan: {
    readonly name: string;
    readonly components: readonly string[];
    /** The rank ladder's names, lowest first (rank r is `ranks[r - 1]`); absent in results built by hand. */
    readonly ranks?: readonly string[];
    readonly source: Readonly<Record<string, unknown>>;
  };
  readonly engine: "fast" | "reference";
  readonly periods: PeriodRow[];
  /** Per-member results as typed-array columns (index = member). */
  readonly memberColumns: MemberColumns;
  /** Per-member results as records: built from `memberColumns` on first access, then kept. */
  readonly members: MemberRow[];
  /** Empty when the run was asked not to keep it. */
  readonly ledger: Ledger;
  /** Per-member, per-period results, when the run was asked to keep them (`memberPeriods` option). */
  readonly memberPeriods?: MemberPeriods;
  /** The results of the collectors given in the run's `collectors` option, by their names. */
  readonly collected: Collected;
}
