/**
 * The compiled settings of the customer-commission component: what its fast kernel and its
 * reference rule read.
 *
 * @module
 */
import type { CompiledRate } from "../../contract.js";

/** Compiled settings: what both engines read. */
export interface CustomerCommissionSettings {
  readonly rate: CompiledRate;
  readonly requireActive: boolean;
}
