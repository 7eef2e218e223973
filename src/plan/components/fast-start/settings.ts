/**
 * The compiled settings of the fast-start component: what its fast kernel and its
 * reference rule read.
 *
 * @module
 */
import type { CompiledRate } from "../../contract.js";

/** Compiled settings: what both engines read. */
export interface FastStartSettings {
  readonly rates: readonly CompiledRate[];
  readonly periods: number;
  readonly volume: "pv" | "own";
  readonly requireActive: boolean;
}
