/**
 * The built-in component types: one folder each, one line each here.
 *
 * @module
 */
import type { AnyComponentType } from "../contract.js";
import { customerCommission } from "./customer-commission/index.js";
import { unilevel } from "./unilevel/index.js";
import { stairstep } from "./stairstep/index.js";
import { differential } from "./differential/index.js";
import { groupVolume } from "./group-volume/index.js";
import { generation } from "./generation/index.js";
import { matching } from "./matching/index.js";
import { pool } from "./pool/index.js";
import { fastStart } from "./fast-start/index.js";
import { rankAdvancement } from "./rank-advancement/index.js";
import { affiliate } from "./affiliate/index.js";
import { retailProfit } from "./retail-profit/index.js";
import { matrix } from "./matrix/index.js";
import { binary } from "./binary/index.js";

/** The built-in component types with their own types (their plan entries' input types). */
const BUILT_INS = [
  customerCommission,
  unilevel,
  stairstep,
  differential,
  groupVolume,
  generation,
  matching,
  pool,
  fastStart,
  rankAdvancement,
  affiliate,
  retailProfit,
  matrix,
  binary,
] as const satisfies readonly AnyComponentType[];

/** The built-in component types, in the order the plan schema lists them. */
export const BUILT_IN_COMPONENTS: readonly AnyComponentType[] = BUILT_INS;

/** Any one of the built-in component types, with its own types. */
export type BuiltInComponentType = (typeof BUILT_INS)[number];
