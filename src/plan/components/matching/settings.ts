/**
 * The compiled settings of the matching component: what its fast kernel and its
 * reference rule read.
 *
 * @module
 */
import type { RoundingMode } from "../../../money/round.js";
import type { CompiledRateTable } from "../../rate-tables.js";

/** How the earner's value compares to the matched member's. */
export type CompareOp = "atMost" | "below" | "equal" | "atLeast" | "above";

/** Compiled settings: what both engines read. */
export interface MatchingSettings {
  /** Names of the matched components (all earlier in the plan). */
  readonly components: readonly string[];
  /** The match rate of each generation (generation 1 first), each a rate table read at the earner. */
  readonly rates: readonly CompiledRateTable[];
  readonly requireActive: boolean;
  /** 1-based rank number the earner's paid-as rank must reach; 0 when there is no rank requirement. */
  readonly minRank: number;
  /** What is matched: the amounts paid (rounded) or the exact accruals. */
  readonly on: "paid" | "exact";
  /** Whether a member's own match counts in what her uplines match. */
  readonly cascade: boolean;
  /** Conditions between earner and matched member: value (`rank` or a value name) and the earner's side of the comparison. */
  readonly compare: readonly { readonly value: string; readonly earner: CompareOp }[];
  /** The plan's scale (10^places): a cascaded match is carried to 1/scale of a minor unit. */
  readonly scale: number;
  readonly places: number;
  readonly rounding: RoundingMode;
}
