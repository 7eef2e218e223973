/**
 * The compiled settings of the group-volume component: what its fast kernel
 * and its reference rule read.
 *
 * @module
 */
import type { CompiledRateTable } from "../../rate-tables.js";
import type { VolumeKind } from "../../volume.js";

/** Compiled settings: what both engines read. */
export interface GroupVolumeSettings {
  /** Each member's rate: a table by rank, rank × measure, or her package. */
  readonly rate: CompiledRateTable;
  /** The volume paid on. */
  readonly basis: VolumeKind;
  /** Whether her own volume is part of her group volume (else her downline's only). */
  readonly includeOwn: boolean;
  readonly requireActive: boolean;
}
