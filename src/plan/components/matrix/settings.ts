/**
 * The compiled settings of the matrix component: what its fast kernel and its
 * reference rule read.
 *
 * @module
 */
import type { VolumeKind } from "../../volume.js";
import type { CompiledRate } from "../../contract.js";
import type { PlacementTree } from "../../../world/network.js";

/** Compiled settings: what both engines read. */
export interface MatrixSettings {
  /** The volume the component pays on: CV (default) or QV. */
  readonly basis: VolumeKind;
  /** The component's name, for errors about the network. */
  readonly name: string;
  readonly rates: readonly CompiledRate[];
  readonly width: number;
  readonly requireActive: boolean;
  /** Payable levels by paid-as rank number (index 0: no rank); every level when absent. */
  readonly depthByRank?: readonly number[];
}

/**
 * The network's placement tree, checked against the plan: both engines throw
 * the same errors when it is missing or of another width.
 *
 * @example
 * matrixPlacement({ placement: undefined }, "matrix", 3) // throws: … needs a placement tree …
 */
export function matrixPlacement(network: { readonly placement?: PlacementTree }, name: string, width: number): PlacementTree {
  const placement = network.placement;
  if (!placement) {
    throw new Error(`downline/engine: ${name}: a matrix component needs a placement tree: give the scenario a placement mode`);
  }
  if (placement.width !== width) {
    throw new Error(`downline/engine: ${name}: the plan's matrix is ${width} wide, but the network's placement tree is ${placement.width} wide`);
  }
  return placement;
}
