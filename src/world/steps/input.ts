/**
 * The per-period input of a world step: the one narrow way in from outside.
 *
 * @module
 */

/**
 * What a world step may be told about the period before it (DESIGN: "the
 * world reads last period's earnings through one narrow, optional input; it
 * still never reads the plan"): realized outcomes, never rules. Every field
 * is optional; the world reads `income` and `rank` only when the scenario
 * has attrition multipliers for them (`distributors.attritionMultipliers`),
 * so a default world steps identically whatever it is told.
 */
export interface WorldStepInput {
  /**
   * Each member's realized income of the previous period, in minor units,
   * indexed by member (entries past the array's end read as 0): what the
   * runner counts as earned (commissions, and retail profit if it counts
   * it). The world subtracts the expenses and required purchases it charged
   * her that period to get her net income (`byNetIncome` multipliers).
   */
  readonly income?: Float64Array;
  /**
   * Each member's paid-as rank number of the previous period (the plan's
   * ladder position; 0 for none), indexed by member (entries past the end
   * read as 0), for the `byRank` multipliers.
   */
  readonly rank?: Uint8Array;
  /**
   * The market's saturation to use this period instead of the world's own
   * (a number in [0, 1]): for a twin run fed the base run's
   * `WorldPeriodStats.saturation`, so that the two runs differ only where the
   * changed behaviour reaches (saturation couples every member through this
   * one number per period). Prospects are still counted down as people join.
   */
  readonly saturation?: number;
}

/** No input: what {@link stepWorld} runs with when given none. */
export const NO_INPUT: WorldStepInput = Object.freeze({});
