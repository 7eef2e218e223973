/**
 * The unilevel on the fast engine: level-by-level passes up the compressed
 * (active uplines) or the full upline tree.
 *
 * @module
 */
import type { FastKernel } from "../../contract.js";
import { createLevelState, growLevelBuffers, payLevels, type LevelState } from "../shared/level-passes.js";
import type { UnilevelSettings } from "./settings.js";

export const unilevelKernel: FastKernel<UnilevelSettings, LevelState> = {
  state: createLevelState,
  grow: (state, capacity) => growLevelBuffers(state.buffers, capacity),
  accrue(s, state, p, amounts) {
    const { size, members, memberCount } = p.network;
    const dynamic = s.compression === "dynamic";
    // The tree the levels climb: active uplines only (compressed), or every upline;
    // with compression every upline reached is active, so no activity check is needed.
    payLevels(
      {
        size,
        parent: dynamic ? p.activeUpline : p.network.upline,
        passers: members,
        passerCount: memberCount,
        earners: members,
        earnerCount: memberCount,
        pv: p.pv,
        rates: state.rates,
        requireActive: !dynamic,
        active: p.active,
        payable: state.payable,
        rank: p.rank,
      },
      state.buffers,
      amounts,
    );
    return BigInt(p.pvTotal) * state.rateSum;
  },
};
