/**
 * The world's behaviours, one file each, and the order a period runs them in.
 *
 * Each step is one function over the world's arrays, `(world, input) => void`:
 * it reads and writes the state and adds its counts to the period's tally.
 * The order matters and is part of the model:
 *
 * 1. `attrition` — members who joined before this period may quit (reading
 *    last period's income, expenses and required purchases, when multipliers are set);
 * 2. `rollUp` — their downlines move to the nearest remaining upline; they leave the current list;
 * 3. `effort` — each current member's effort and hours this period (fade by tenure, stops);
 * 4. `existingCustomers` — orphans move up (or are lost), customers churn, the rest renew;
 * 5. `recruiting` — members current before this step sponsor newcomers (who get their effort);
 * 6. `acquisition` — every current distributor, newcomers included, acquires customers (first orders);
 * 7. `ownOrders` — distributors' own orders on their renewal periods;
 * 8. `expenses` — sign-up, kit, renewal, business costs and required purchases of the period;
 * 9. `placementVolume` — the period's volume into the placement tree (weaker leg by volume).
 *
 * So a quitter's customers are already with her upline when they renew (to
 * a working upline: effort is known by then), a newcomer can acquire
 * customers and order in the period she joins, no one quits in the period
 * she joins, and attrition reads the expenses of the previous period before
 * this period's are written.
 *
 * Every draw is keyed by (seed, concern, identity, period): reordering the
 * steps or adding one would change what happens, but never which uniform a
 * given member or customer draws.
 *
 * @module
 */
import type { WorldState } from "../state.js";
import { acquisition } from "./acquisition.js";
import { attrition } from "./attrition.js";
import { existingCustomers } from "./customers.js";
import { effort } from "./effort.js";
import { expenses } from "./expenses.js";
import type { WorldStepInput } from "./input.js";
import { ownOrders } from "./own-orders.js";
import { placementVolume } from "./placement-volume.js";
import { recruiting } from "./recruiting.js";
import { rollUp } from "./roll-up.js";

export type { WorldStepInput } from "./input.js";
export { NO_INPUT } from "./input.js";
export { acquisition, attrition, effort, existingCustomers, expenses, ownOrders, placementVolume, recruiting, rollUp };

/** One behaviour of the world. */
export type WorldStep = (world: WorldState, input: WorldStepInput) => void;

/** The steps of one period, in the order `stepWorld` (world.ts) runs them. */
export const WORLD_STEPS: readonly { readonly name: string; readonly run: WorldStep }[] = [
  { name: "attrition", run: attrition },
  { name: "rollUp", run: rollUp },
  { name: "effort", run: effort },
  { name: "existingCustomers", run: existingCustomers },
  { name: "recruiting", run: recruiting },
  { name: "acquisition", run: acquisition },
  { name: "ownOrders", run: ownOrders },
  { name: "expenses", run: expenses },
  { name: "placementVolume", run: placementVolume },
];
