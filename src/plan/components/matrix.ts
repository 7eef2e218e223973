/**
 * Forced matrix: level rates down to depth D on the placement tree. Each
 * order's volume (the member's PV) pays `rates[k-1]` to her k-th placement
 * ancestor, k = 1 … D (D = `rates.length`); volume more than D levels below a
 * position pays it nothing.
 *
 * A level is a position in the matrix, so there is no compression: a level held
 * by a member who quit, or by an inactive member when `requiresActive` is set
 * (the default), is breakage, and so is a level above the top of the tree. A
 * member who quit keeps her position: her own volume stops, her placement
 * downline's still flows up through it.
 *
 * Payable depth by rank (`depthByRank`): a position holder is paid on level k
 * only if k is within her payable depth, the `levels` of the highest `byRank`
 * entry at or below her paid-as rank, else `base` (as the unilevel's `depth`).
 * Beyond it the level's share is breakage.
 *
 * @module
 */
import { z } from "zod";
import { componentName, rateField } from "../../validate/fields.js";
import type { ComponentType, CompiledRate } from "../contract.js";
import type { PlacementTree } from "../../world/network.js";
import { createLevelPasses } from "./level-passes.js";

/** Deepest matrix a plan may pay: a level is one pass over the network in the fast engine. */
const MAX_DEPTH = 32;

const schema = z
  .object({
    type: z.literal("matrix"),
    name: componentName().optional(),
    /** Rate per level: level 1 is the member's placement parent, level 2 that position's parent, ... */
    rates: z.array(rateField()).min(1).max(MAX_DEPTH),
    /** The matrix width W the plan is written for; the network's placement tree must have it. */
    width: z.number().int().min(2).max(255),
    /** Pay a position holder only when she is active this period (default); otherwise her level is breakage. */
    requiresActive: z.boolean().default(true),
    /** Payable depth by paid-as rank; without it every level is payable. */
    depthByRank: z
      .object({
        /** Levels payable to members below every listed rank (or with no rank). */
        base: z.number().int().min(0).max(MAX_DEPTH),
        byRank: z.array(z.object({ rank: z.string().min(1), levels: z.number().int().min(0).max(MAX_DEPTH) }).strict()).default([]),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Settings the reference engine reads. */
export interface MatrixSettings {
  /** The component's name, for errors about the network. */
  readonly name: string;
  readonly rates: readonly CompiledRate[];
  readonly width: number;
  readonly requiresActive: boolean;
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

/**
 * The forced-matrix component type (`type: "matrix"`).
 *
 * @example
 * // A 3×7 matrix: 1% on level 1, 5% on levels 2–7, paid to active members only.
 * { type: "matrix", width: 3, rates: ["0.01", "0.05", "0.05", "0.05", "0.05", "0.05", "0.05"] }
 */
export const matrix: ComponentType<typeof schema> = {
  type: "matrix",
  schema,
  rates: (input) => input.rates,
  compile(input, rate, context) {
    let depthByRank: number[] | undefined;
    if (input.depthByRank) {
      // depthByRank[r]: levels of the highest listed rank ≤ r, else base.
      const listed = input.depthByRank.byRank.map((d, k) => ({ rank: context.rankNumber(d.rank, `depthByRank.byRank[${k}].rank`), levels: d.levels }));
      depthByRank = [];
      for (let r = 0; r <= context.rankNames.length; r++) {
        let levels = input.depthByRank.base;
        let best = 0;
        for (const d of listed) if (d.rank <= r && d.rank > best) [best, levels] = [d.rank, d.levels];
        depthByRank.push(levels);
      }
    }
    const settings: MatrixSettings = {
      name: input.name,
      rates: input.rates.map(rate),
      width: input.width,
      requiresActive: input.requiresActive,
      ...(depthByRank ? { depthByRank } : {}),
    };
    const payable = Uint8Array.from(depthByRank ?? [MAX_DEPTH]);
    const limited = depthByRank !== undefined;
    const units = Float64Array.from(settings.rates, (r) => r.units);
    const rateSum = settings.rates.reduce((s, r) => s + BigInt(r.units), 0n);
    const all = !input.requiresActive;
    const passLevels = createLevelPasses();
    return {
      type: "matrix",
      name: input.name,
      settings: settings as unknown as Record<string, unknown>,
      fast: {
        type: "matrix",
        name: input.name,
        accrue(p, amounts) {
          const { parent } = matrixPlacement(p.network, input.name, input.width);
          const { size, members, memberCount } = p.network;
          // Every index passes volume up, not only current members: a quitter keeps her
          // position and her placement downline's volume climbs through it. Only current
          // members earn: a quitter's position passes volume, its level is breakage.
          passLevels(
            {
              size,
              parent,
              passers: undefined,
              passerCount: size,
              earners: members,
              earnerCount: memberCount,
              pv: p.pv,
              units,
              requireActive: !all,
              active: p.active,
              payable: limited ? payable : undefined,
              rank: p.rank,
            },
            amounts,
          );
          // Headline: every level of every order paid, levels above the top included.
          return BigInt(p.pvTotal) * rateSum;
        },
      },
    };
  },
};
