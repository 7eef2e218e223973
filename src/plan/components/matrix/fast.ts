/**
 * The forced matrix on the fast engine: level-by-level passes up the placement tree.
 *
 * @module
 */
import type { FastKernel } from "../../contract.js";
import { createLevelState, growLevelBuffers, payLevels, type LevelState } from "../shared/level-passes.js";
import { matrixPlacement, type MatrixSettings } from "./settings.js";

export const matrixKernel: FastKernel<MatrixSettings, LevelState> = {
  state: createLevelState,
  grow: (state, capacity) => growLevelBuffers(state.buffers, capacity),
  accrue(s, state, p, amounts) {
    const { parent } = matrixPlacement(p.network, s.name, s.width);
    const { size, members, memberCount } = p.network;
    // Every index passes volume up, not only current members: a quitter keeps her
    // position and her placement downline's volume climbs through it. Only current
    // members earn: a quitter's position passes volume, its level is breakage.
    payLevels(
      {
        size,
        parent,
        passers: undefined,
        passerCount: size,
        earners: members,
        earnerCount: memberCount,
        pv: s.basis === "qv" ? p.qv : p.pv,
        rates: state.rates,
        requireActive: s.requireActive,
        active: p.active,
        payable: state.payable,
        rank: p.rank,
      },
      state.buffers,
      amounts,
    );
    // Headline: every level of every order paid, levels above the top included.
    return BigInt(s.basis === "qv" ? p.qvTotal : p.pvTotal) * state.rateSum;
  },
};
