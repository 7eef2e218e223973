/**
 * The compiled settings of the differential component: what its fast kernel
 * and its reference rule read.
 *
 * @module
 */
import type { CompiledRateTable } from "../../rate-tables.js";
import type { VolumeKind } from "../../volume.js";

/** Compiled settings: what both engines read. */
export interface DifferentialSettings {
  /** Each member's rate: a table by rank, rank × measure, or the earner's package. */
  readonly rate: CompiledRateTable;
  /** The volume the rates apply to. */
  readonly basis: VolumeKind;
  /** Whether the member credited with an order earns on it (her own rate is the first on its way up). */
  readonly includeOwn: boolean;
  /** Payable depth by paid-as rank (index 0: no rank), or undefined for unlimited depth. */
  readonly depthByRank?: readonly number[];
  /** Only members active this period earn (and count as paid). */
  readonly requireActive: boolean;
}
