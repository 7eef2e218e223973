/**
 * The compiled settings of the generation component: what its fast kernel and its
 * reference rule read.
 *
 * @module
 */
import type { VolumeKind } from "../../volume.js";
import type { CompiledRate } from "../../contract.js";

/** Compiled settings: what both engines read. */
export interface GenerationSettings {
  /** The volume the component pays on: CV (default) or QV. */
  readonly basis: VolumeKind;
  /** 1-based rank number from which a member is a leader. */
  readonly leaderRank: number;
  readonly leaderRankName: string;
  /** Generation 1 first. */
  readonly rates: readonly CompiledRate[];
}
