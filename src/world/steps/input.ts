/**
 * The per-period input of a world step: the one narrow way in from outside.
 *
 * @module
 */

/**
 * What a world step may be told about the period before it (DESIGN: "the
 * world reads last period's earnings through one narrow, optional input; it
 * still never reads the plan"). It is the seam for income feedback: no step
 * reads it yet, so passing it changes nothing today; income-dependent
 * attrition will.
 */
export interface WorldStepInput {
  /**
   * Each member's realized earnings of the previous period, in minor units,
   * indexed by member (entries past the array's end read as 0).
   */
  readonly income?: Float64Array;
}

/** No input: what {@link stepWorld} runs with when given none. */
export const NO_INPUT: WorldStepInput = Object.freeze({});
