/**
 * The compiled settings of the rank-advancement component: what its fast kernel and its
 * reference rule read.
 *
 * @module
 */

/** Compiled settings: what both engines read. */
export interface RankAdvancementSettings {
  /** The bonus for reaching each rank number (index 0: none), minor units; 0 where there is none. */
  readonly bonusByRank: readonly number[];
  readonly requireActive: boolean;
}
