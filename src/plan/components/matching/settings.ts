/**
 * The compiled settings of the matching component: what its fast kernel and its
 * reference rule read.
 *
 * @module
 */
import type { CompiledRate } from "../../contract.js";

/** Compiled settings: what both engines read. */
export interface MatchingSettings {
  /** Names of the matched components (all earlier in the plan). */
  readonly components: readonly string[];
  readonly rates: readonly CompiledRate[];
  readonly requireActive: boolean;
  /** 1-based rank number the earner's paid-as rank must reach; 0 when there is no rank requirement. */
  readonly minRank: number;
}
