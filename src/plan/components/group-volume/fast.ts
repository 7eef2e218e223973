/**
 * The group volume bonus on the fast engine: one pass over the members.
 *
 * @module
 */
import type { FastKernel } from "../../contract.js";
import { columnValues, rateRow, scaledRate } from "../../rate-tables.js";
import type { GroupVolumeSettings } from "./settings.js";

export const groupVolumeKernel: FastKernel<GroupVolumeSettings, undefined> = {
  state: () => undefined,
  accrue(s, _state, p, amounts) {
    const { members, memberCount } = p.network;
    const own = s.basis === "qv" ? p.qv : p.pv;
    const group = s.basis === "qv" ? p.gqv : p.gv;
    const column = columnValues(s.rate, p.values);
    const { rank, active } = p;
    const pkg = p.package;
    let headlineLow = 0; // exact partial sum, moved into headline before it nears 2^53
    let headline = 0n;
    for (let idx = 0; idx < memberCount; idx++) {
      const i = members[idx]!;
      const v = s.includeOwn ? group[i]! : group[i]! - own[i]!;
      if (v === 0) continue;
      const a = v * scaledRate(s.rate, rateRow(s.rate, rank[i]!, pkg[i]!, pkg[i]!), column ? column[i]! : 0);
      if (a === 0) continue;
      if (headlineLow + a > 2 ** 52) {
        headline += BigInt(headlineLow);
        headlineLow = 0;
      }
      headlineLow += a;
      if (!s.requireActive || active[i] === 1) amounts[i]! += a;
    }
    return headline + BigInt(headlineLow);
  },
};
