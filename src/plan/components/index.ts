import type { ComponentType } from "../contract.js";
import { customerCommission } from "./customer-commission.js";
import { unilevel } from "./unilevel.js";

export { customerCommission, type CustomerCommissionSettings } from "./customer-commission.js";
export { unilevel, type UnilevelSettings } from "./unilevel.js";

/** The built-in component types, by type name. */
export const BUILT_IN_COMPONENTS: readonly ComponentType[] = [customerCommission, unilevel] as unknown as ComponentType[];
