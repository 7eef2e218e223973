/**
 * What every command shares: where its output goes, its memory budget, the
 * estimate checked against it, and how a run reports progress.
 *
 * @module
 */
import { checkRunBudget, estimateRun } from "../run/budget.js";
import type { CompiledPlan } from "../plan/plan.js";
import type { Scenario } from "../world/scenario.js";
import { defaultMemoryBudget, parseMemory } from "./memory-budget.js";
import { reading, type PlanOnScenario } from "./inputs.js";

/** Where a command writes: its output (stdout), its problems and warnings (stderr), and the stream a progress bar may use. */
export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly progressStream: NodeJS.WriteStream;
}

/** `--memory`, or half the machine's memory. */
export const memoryBudget = (memory: string | undefined): number => (memory === undefined ? defaultMemoryBudget() : parseMemory(memory));

/** Runs of the same world and placement tree share one simulation: the groups, in first-seen order. */
export function groupByWorld(items: readonly PlanOnScenario[]): PlanOnScenario[][] {
  const groups = new Map<string, PlanOnScenario[]>();
  for (const item of items) {
    const key = JSON.stringify(item.scenario.spec);
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  return [...groups.values()];
}

/**
 * The same memory check as the library's, before any output is opened: each
 * group of plans sharing a world is one run; `concurrent` runs at once
 * (worker threads) share the budget.
 */
export function checkBudget(groups: readonly PlanOnScenario[][], budget: number, options: { engine: "fast" | "reference"; ledger: boolean; months: boolean; concurrent?: number }): { bytes: number; scenario: Scenario; plans: CompiledPlan[] } {
  const share = Math.max(1, Math.floor(budget / Math.max(1, options.concurrent ?? 1)));
  let largest: { bytes: number; scenario: Scenario; plans: CompiledPlan[] } | undefined;
  for (const group of groups) {
    const scenario = group[0]!.scenario;
    const plans = group.map((g) => g.compiled);
    const estimate = estimateRun(scenario, plans, { engine: options.engine, ledger: options.ledger });
    reading(group[0]!.scenarioArg.file, () => checkRunBudget(estimate, scenario, share), options.months);
    if (!largest || estimate.bytes > largest.bytes) largest = { bytes: estimate.bytes, scenario, plans };
  }
  return largest!;
}

/** The files a command read (for the outputs' "not an input" check). */
export const inputFiles = (items: readonly PlanOnScenario[]): string[] => [...new Set(items.flatMap((i) => [i.plan.file, i.scenarioArg.file]).filter((f): f is string => f !== undefined))];
