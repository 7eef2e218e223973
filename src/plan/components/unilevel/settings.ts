/**
 * The compiled settings of the unilevel component: what its fast kernel and its
 * reference rule read.
 *
 * @module
 */
import type { CompiledRateTable } from "../../rate-tables.js";
import type { VolumeKind } from "../../volume.js";

/** Compiled settings: what both engines read. */
export interface UnilevelSettings {
  /** Each level's rate (level 1 first): a constant or a table read at the earner (and, by package, at the buyer). */
  readonly rates: readonly CompiledRateTable[];
  readonly compression: "dynamic" | "none";
  /** Payable levels by paid-as rank number (index 0: no rank); every level when absent. */
  readonly depthByRank?: readonly number[];
  /** The volume the rates apply to. */
  readonly basis: VolumeKind;
  /**
   * When set, only package fees pay, each counted as the plan's volume of
   * this package: the buyer's (the one the fee is for), the earner's, or the
   * lower of the two.
   */
  readonly packageVolume?: "buyer" | "earner" | "lower";
  /** The plan's package volumes in minor units by number (index 0: none, 0). */
  readonly packageVolumes: readonly number[];
  /** The plan's package names, lowest first (to read the network's). */
  readonly packageNames: readonly string[];
  /** Per package number (index 0: none): 1 where a holder may earn; absent: everyone. */
  readonly eligiblePackages?: readonly number[];
}
