/**
 * The compiled settings of the retail-profit component: what its fast kernel and its
 * reference rule read.
 *
 * @module
 */
import type { CompiledRate } from "../../contract.js";

/** Compiled settings: what both engines read. */
export interface RetailProfitSettings {
  readonly discount: CompiledRate;
  readonly requireActive: boolean;
}
