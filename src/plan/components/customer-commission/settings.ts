/**
 * The compiled settings of the customer-commission component: what its fast kernel and its
 * reference rule read.
 *
 * @module
 */
import type { VolumeKind } from "../../volume.js";
import type { CompiledRate } from "../../contract.js";

/** Compiled settings: what both engines read. */
export interface CustomerCommissionSettings {
  /** The volume the component pays on: CV (default) or QV. */
  readonly basis: VolumeKind;
  readonly rate: CompiledRate;
  readonly requireActive: boolean;
}
