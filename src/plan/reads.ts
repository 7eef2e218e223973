/**
 * What a compiled plan's fast kernels read of a period beyond the members'
 * volumes, so that a runner can leave out what nobody reads (the world's
 * order columns are its largest per-period arrays).
 *
 * @module
 */
import type { CompiledPlan } from "./plan.js";
import type { CompiledComponent } from "./contract.js";
import { affiliate } from "./components/affiliate/index.js";
import { retailProfit } from "./components/retail-profit/index.js";
import { unilevel } from "./components/unilevel/index.js";
import { BUILT_IN_COMPONENTS } from "./components/index.js";
import { differential } from "./components/differential/index.js";
import { groupVolume } from "./components/group-volume/index.js";
import { matching } from "./components/matching/index.js";
import type { UnilevelSettings } from "./components/unilevel/settings.js";

/**
 * Whether the component's fast kernel reads the period's single orders (the
 * network's order columns): the affiliate tiers and retail profit always, a
 * unilevel paying on package fees; the other built-ins read volumes only. A
 * custom component (not built in) is assumed to read them.
 */
export function componentReadsOrders(component: CompiledComponent): boolean {
  const type = component.definition;
  if (type === affiliate || type === retailProfit) return true;
  if (type === unilevel) return (component.settings as UnilevelSettings).packageVolume !== undefined;
  return !BUILT_IN_COMPONENTS.includes(type);
}

/**
 * Whether the component's fast kernel reads members' group volumes or legs
 * (`gv`, `gqv`, `largestLeg`, `frontline`), which the fast engine otherwise
 * computes only for ranks and measures: the group volume component does; a
 * custom component is assumed to.
 */
export function componentReadsGroupVolumes(component: CompiledComponent): boolean {
  const type = component.definition;
  return type === groupVolume || !BUILT_IN_COMPONENTS.includes(type);
}

/**
 * Whether the component's fast kernel reads members' enrolment packages
 * (`period.package`): the differential, group volume and matching always, a
 * unilevel with rates or eligibility by package or paying on package fees; a
 * custom component is assumed to.
 */
export function componentReadsPackages(component: CompiledComponent): boolean {
  const type = component.definition;
  if (type === differential || type === groupVolume || type === matching) return true;
  if (type === unilevel) {
    const s = component.settings as UnilevelSettings;
    return s.eligiblePackages !== undefined || s.packageVolume !== undefined || s.rates.some((t) => t.byBuyer || !t.constant);
  }
  return !BUILT_IN_COMPONENTS.includes(type);
}

/**
 * Whether a plan paid by the fast engine reads the period's single orders
 * (see {@link componentReadsOrders}).
 *
 * @example
 * planReadsOrders(compilePlan({ components: [{ type: "unilevel", rates: ["0.05"] }] })) // => false
 */
export function planReadsOrders(plan: CompiledPlan): boolean {
  return plan.components.some(componentReadsOrders);
}

/**
 * Whether splitting the plan's pay into kinds of income (the member-period
 * income columns, analysis/income-split.ts) reads the period's single
 * orders: a component whose `income` rule is a weights function does — the
 * built-in ones (customer commission, retail profit, affiliate) tell a
 * customer's first order from a renewal order by order; a custom one is
 * assumed to. A component of one kind reads nothing.
 *
 * @example
 * planIncomeReadsOrders(compilePlan({ components: [{ type: "customerCommission", rate: "0.2" }] })) // => true
 */
export function planIncomeReadsOrders(plan: CompiledPlan): boolean {
  return plan.components.some((c) => typeof c.definition.income === "function");
}
