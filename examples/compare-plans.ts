/**
 * Compare the preset plans over 20 seeds — each on the default world and on
 * the business it is written for — then print the comparison, the paired
 * differences on the default world, and one income disclosure.
 *
 *   npx tsx examples/compare-plans.ts            # 20 seeds, the full worlds (about a minute on 2 cores)
 *   npx tsx examples/compare-plans.ts --seeds 5
 *
 * On the default world every preset sees the very same events seed by seed
 * (common random numbers), so their paired differences are much tighter
 * than their own intervals. On their own businesses the worlds differ, so
 * those are compared by their own intervals only.
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PRESETS, PRESET_SCENARIOS, DEFAULT_SCENARIO, type PresetName, type ScenarioInput } from "../src/index.js";
import { comparePlans, type PlanComparison } from "../src/parallel/index.js";
import { comparisonMarkdown, disclosureMarkdown } from "../src/output/markdown.js";

/** How big a run: the defaults are the presets' own worlds; tests shrink them. */
export interface ExampleOptions {
  readonly seeds?: number;
  /** Override every world's months and starting distributors (small runs, tests). */
  readonly months?: number;
  readonly distributors?: number;
  /** Worker threads (default: the machine's). */
  readonly workers?: number;
  /** Print (default true). */
  readonly print?: boolean;
}

/** A world resized for a quick run. */
function sized(scenario: ScenarioInput, options: ExampleOptions): ScenarioInput {
  if (options.months === undefined && options.distributors === undefined) return scenario;
  const network = scenario.start?.network;
  return {
    ...scenario,
    ...(options.months !== undefined ? { months: options.months } : {}),
    ...(options.distributors !== undefined && network ? { start: { ...scenario.start, network: { ...network, distributors: options.distributors } } } : {}),
    ...(options.distributors !== undefined ? { market: { prospects: options.distributors * 50 } } : {}),
  };
}

export async function main(options: ExampleOptions = {}): Promise<{ comparison: PlanComparison; markdown: string }> {
  const names = Object.keys(PRESETS) as PresetName[];
  const world = sized(DEFAULT_SCENARIO, options);
  const comparison = await comparePlans({
    plans: [
      ...names.map((name) => ({ plan: PRESETS[name], scenario: world, label: name })),
      ...names.map((name) => ({ plan: PRESETS[name], scenario: sized(PRESET_SCENARIOS[name], options), label: name })),
    ],
    seeds: options.seeds ?? 20,
    disclosures: true,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    onProgress: ({ done, total }) => {
      if (options.print !== false && process.stderr.isTTY) process.stderr.write(`\rruns ${done}/${total}`);
    },
  });
  // One disclosure: the wellness preset on its own business, first seed.
  const own = comparison.arms.find((a) => a.plan === "wellness-unilevel" && a.world !== "default")!;
  const disclosure = comparison.disclosures.find((d) => d.plan === own.plan && d.world === own.world && d.seed === comparison.seeds[0])!.disclosure;
  const markdown = [
    "# The presets compared",
    "",
    comparisonMarkdown(comparison, { differences: false }),
    "## Paired differences on the default world (wellness-unilevel − each other preset)",
    "",
    comparisonMarkdown(
      { ...comparison, differences: comparison.differences.filter((d) => d.planA === "wellness-unilevel") },
      { summary: false, metrics: ["payoutRatio", "breakageShare", "zeroEarnerShare", "medianGross", "gini", "netProfitShare"] },
    ),
    disclosureMarkdown(disclosure),
  ].join("\n");
  if (options.print !== false) {
    if (process.stderr.isTTY) process.stderr.write("\n");
    console.log(markdown);
  }
  return { comparison, markdown };
}

// Run directly (`npx tsx examples/compare-plans.ts`), not when imported (the tests):
// compared as paths, so a folder with a space or a symlink in its path is fine.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const k = process.argv.indexOf("--seeds");
  await main(k > 0 ? { seeds: Number(process.argv[k + 1]) } : {});
}
