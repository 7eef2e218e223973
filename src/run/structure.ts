/**
 * A plan states the structure it needs (the placement tree of its binary or
 * matrix components); the runner gives the world that structure before any
 * work. The world never reads the plan: the runner reads both and decides.
 *
 * @module
 */
import { describePlacement, type CompiledPlan } from "../plan/plan.js";
import { resolveScenario, type Scenario } from "../world/scenario.js";
import { DownlineInputError } from "../validate/errors.js";

/**
 * The scenario the plans run on: as given when it already has the placement
 * tree they need (or they need none); with that tree added when it has none —
 * a binary tree filled by `spillover`, a W-wide matrix filled under each
 * sponsor — and otherwise a {@link DownlineInputError} naming the plan's
 * component and the scenario's `placement`, before any work. Plans run
 * together (one world) must need the same tree.
 *
 * @example
 * const scenario = resolveScenario({ months: 1 });
 * scenarioForPlans(scenario, [compilePlan(PRESETS.binary)]).spec.placement // => { kind: "binary", mode: "spillover" }
 */
export function scenarioForPlans(scenario: Scenario, plans: readonly CompiledPlan[]): Scenario {
  let needed: { need: NonNullable<CompiledPlan["needs"]["placement"]>; plan: CompiledPlan } | undefined;
  for (const plan of plans) {
    const need = plan.needs.placement;
    if (!need) continue;
    if (!needed) needed = { need, plan };
    else if (describePlacement(need) !== describePlacement(needed.need)) {
      throw new DownlineInputError("options", [
        {
          path: "plans",
          message: `expected plans that pay on the same placement tree (one world has one), but plan ${JSON.stringify(needed.plan.name)} needs ${describePlacement(needed.need)} and plan ${JSON.stringify(plan.name)} ${describePlacement(need)}`,
        },
      ]);
    }
  }
  if (!needed) return scenario;
  const { need, plan } = needed;
  const have = scenario.spec.placement;
  if (!have) {
    const placement = need.kind === "binary" ? { kind: "binary" as const, mode: "spillover" as const } : { kind: "matrix" as const, width: need.width, spillover: "sponsor" as const };
    return resolveScenario({ ...scenario.spec, placement });
  }
  if (have.kind === need.kind && (have.kind === "binary" || have.width === (need as { width: number }).width)) return scenario;
  throw new DownlineInputError("scenario", [
    {
      path: "placement",
      message: `expected ${describePlacement(need)} for plan ${JSON.stringify(plan.name)} (its components[${need.component}], ${plan.components[need.component]!.type}), got ${describePlacement(have)} in scenario ${JSON.stringify(scenario.spec.name)}`,
    },
  ]);
}
