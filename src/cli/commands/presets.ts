/**
 * `downline presets`: the preset plans, one line each, with the business
 * each is written for.
 *
 * @module
 */
import { PRESETS, PRESET_SCENARIOS, type PresetName } from "../../plan/presets.js";
import { resolveScenario } from "../../world/scenario.js";
import type { CommandIo } from "../common.js";
import { choice } from "../options.js";
import { formatTable } from "../table.js";

/** One preset, described. */
interface PresetLine {
  readonly name: PresetName;
  readonly plan: string;
  readonly components: readonly string[];
  readonly business: string;
  readonly period: "month" | "week";
  readonly periods: number;
  readonly distributors: number;
}

/** Every preset, described from its plan and its scenario. */
export function presetLines(): PresetLine[] {
  return (Object.keys(PRESETS) as PresetName[]).map((name) => {
    const plan = PRESETS[name];
    const scenario = resolveScenario(PRESET_SCENARIOS[name]);
    return {
      name,
      plan: plan.name ?? name,
      components: (plan.components ?? []).map((c) => String((c as { name?: unknown; type?: unknown }).name ?? (c as { type?: unknown }).type)),
      business: scenario.spec.name,
      period: scenario.spec.period,
      periods: scenario.periods,
      distributors: scenario.spec.start.network?.distributors ?? 0,
    };
  });
}

/** `downline presets`: a line per preset (table), or the list as JSON. */
export async function presetsCommand(options: { readonly format?: string }, io: CommandIo): Promise<number> {
  const format = choice(options.format, "--format", ["table", "json"] as const, "table");
  const lines = presetLines();
  if (format === "json") {
    io.out(JSON.stringify(lines, null, 2) + "\n");
    return 0;
  }
  io.out(
    formatTable(
      ["Preset", "Plan", "Components", "Its business (downline run NAME)"],
      lines.map((l) => [l.name, l.plan, l.components.join(", "), `${l.business}: ${l.distributors.toLocaleString("en-US")} distributors, ${l.periods} ${l.period}s`]),
      4,
    ) + "\n",
  );
  return 0;
}
