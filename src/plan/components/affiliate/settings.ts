/**
 * The compiled settings of the affiliate component: what its fast kernel and its
 * reference rule read.
 *
 * @module
 */
import type { CompiledRate } from "../../contract.js";

/** Compiled settings: what both engines read. */
export interface AffiliateSettings {
  /** Level 1 first. */
  readonly rates: readonly CompiledRate[];
  readonly mode: "recurring" | "firstOrder";
  readonly basis: "price" | "cv";
  readonly stepDown?: { readonly afterPeriods: number; readonly rates: readonly CompiledRate[] };
  readonly requireActive: boolean;
}
