/**
 * The compiled settings of the stairstep component: what its fast kernel and its
 * reference rule read.
 *
 * @module
 */
import type { VolumeKind } from "../../volume.js";
import type { CompiledRate } from "../../contract.js";

/** One step of the stairstep, rank resolved. */
export interface StairstepRate {
  /** 1-based rank number in the plan's ladder. */
  readonly rank: number;
  readonly rankName: string;
  readonly rate: CompiledRate;
}

/** Compiled settings: what both engines read. */
export interface StairstepSettings {
  /** The volume the component pays on: CV (default) or QV. */
  readonly basis: VolumeKind;
  /** Ascending ranks, non-decreasing rates. */
  readonly rates: readonly StairstepRate[];
  /** Each paid-as rank's rate (index 0: no rank): the highest listed step at or below it, else 0. */
  readonly rateByRank: readonly CompiledRate[];
  readonly breakaway?: {
    /** 1-based rank number from which volume breaks away. */
    readonly rank: number;
    readonly rankName: string;
    readonly generations: readonly CompiledRate[];
  };
}
