/**
 * The compiled settings of the binary component: what its fast kernel and its
 * reference rule read.
 *
 * @module
 */
import type { VolumeKind } from "../../volume.js";
import type { CompiledRate } from "../../contract.js";
import type { PlacementTree } from "../../../world/network.js";

/**
 * Compiled settings: what both engines read. Volumes and amounts in minor
 * units; `Infinity` where there is no cap or flush.
 */
export interface BinarySettings {
  /** The volume the component pays on: CV (default) or QV. */
  readonly basis: VolumeKind;
  /** The component's name, for error messages. */
  readonly name: string;
  readonly kind: "weakLeg" | "cycles";
  /** Cycle sides (cycles; 0 for weakLeg). */
  readonly left: number;
  readonly right: number;
  /** Per paid-as rank number (index 0: none): the money per cycle, when cycles pay a value. */
  readonly valueByRank?: readonly number[];
  /** Per paid-as rank number (index 0: none): the rate, for weakLeg or cycles paying a rate. */
  readonly rateByRank?: readonly CompiledRate[];
  /** Per paid-as rank number: whether a member of that rank may be paid (false below every listed rank when `pay` gives no base). */
  readonly qualifiedByRank: readonly boolean[];
  /** A member's first cycle ever: `larger` from one leg, `smaller` from the other, either way (minor units). */
  readonly firstCycle?: { readonly larger: number; readonly smaller: number };
  /** Per paid-as rank number: what one cycle (or one paired volume unit) pays, in 1/scale minor units (fast engine). */
  readonly perUnitScaled: readonly number[];
  readonly capCycles: number;
  readonly capPaired: number;
  readonly capAmount: number;
  /** `capAmount` in 1/scale minor units. */
  readonly capAmountScaled: number;
  readonly overCap: "carry" | "flush";
  readonly carryCap: number;
  readonly flushWhenInactive: boolean;
  readonly flushAfterPeriods: number;
  readonly requireActive: boolean;
  readonly sponsoredEachSide: boolean;
}

/**
 * The network's placement tree, checked: both engines throw the same errors
 * when it is missing or not binary.
 */
export function binaryPlacement(network: { readonly placement?: PlacementTree }, name: string): PlacementTree {
  const placement = network.placement;
  if (!placement) throw new Error(`downline/engine: ${name}: a binary component needs a placement tree: give the scenario a placement mode`);
  if (placement.width !== 2) {
    throw new Error(`downline/engine: ${name}: a binary component needs a placement tree of width 2, but the network's is ${placement.width} wide`);
  }
  return placement;
}
