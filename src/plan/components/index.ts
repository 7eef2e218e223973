import type { ComponentType } from "../contract.js";
import { customerCommission } from "./customer-commission.js";
import { unilevel } from "./unilevel.js";
import { stairstep } from "./stairstep.js";
import { generation } from "./generation.js";
import { matching } from "./matching.js";
import { pool } from "./pool.js";
import { fastStart } from "./fast-start.js";
import { rankAdvancement } from "./rank-advancement.js";
import { affiliate } from "./affiliate.js";
import { retailProfit } from "./retail-profit.js";
import { matrix } from "./matrix.js";
import { binary } from "./binary.js";

export { customerCommission, type CustomerCommissionSettings } from "./customer-commission.js";
export { unilevel, type UnilevelSettings } from "./unilevel.js";
export { stairstep, type StairstepSettings, type StairstepRate } from "./stairstep.js";
export { generation, type GenerationSettings } from "./generation.js";
export { matching, type MatchingSettings } from "./matching.js";
export { pool, sharesByRank, MAX_POOL_SHARES, type PoolSettings } from "./pool.js";
export { fastStart, type FastStartSettings } from "./fast-start.js";
export { rankAdvancement, type RankAdvancementSettings } from "./rank-advancement.js";
export { affiliate, type AffiliateSettings } from "./affiliate.js";
export { retailProfit, type RetailProfitSettings } from "./retail-profit.js";
export { matrix, type MatrixSettings } from "./matrix.js";
export { binary, type BinarySettings } from "./binary.js";

/** The built-in component types, by type name. */
export const BUILT_IN_COMPONENTS: readonly ComponentType[] = [
  customerCommission,
  unilevel,
  stairstep,
  generation,
  matching,
  pool,
  fastStart,
  rankAdvancement,
  affiliate,
  retailProfit,
  matrix,
  binary,
] as unknown as ComponentType[];
