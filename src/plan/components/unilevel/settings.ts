/**
 * The compiled settings of the unilevel component: what its fast kernel and its
 * reference rule read.
 *
 * @module
 */
import type { CompiledRate } from "../../contract.js";

/** Compiled settings: what both engines read. */
export interface UnilevelSettings {
  readonly rates: readonly CompiledRate[];
  readonly compression: "dynamic" | "none";
  /** Payable levels by paid-as rank number (index 0: no rank); every level when absent. */
  readonly depthByRank?: readonly number[];
}
