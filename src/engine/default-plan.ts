import type { PlanInput } from "../plan/plan.js";
import { deepFreeze } from "../util/frozen.js";

/**
 * The default plan: a wellness-style unilevel. 20% customer commission on the CV
 * of personal customers' orders; 8/5/4/4/4% on levels 1–5 with dynamic
 * compression; active at 100 PV. (Unilevel rates as in Young Living's
 * published plan.) Frozen all the way down: copy it to change it
 * (`{ ...DEFAULT_PLAN, name: "mine" }`).
 *
 * @example
 * simulate({ plan: DEFAULT_PLAN }).plan.components // => ["customer", "unilevel"]
 */
export const DEFAULT_PLAN: PlanInput = deepFreeze({
  name: "Default unilevel",
  rounding: "halfEven",
  activity: { minPv: "100" },
  components: [
    { type: "customerCommission", name: "customer", rate: "0.20" },
    { type: "unilevel", name: "unilevel", rates: ["0.08", "0.05", "0.04", "0.04", "0.04"], compression: "dynamic" },
  ],
} satisfies PlanInput);
