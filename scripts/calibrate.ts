/**
 * `npm run calibrate [-- --seeds N] [--months N] [--out FILE]`: the default
 * world and each preset's business, run over several seeds, against the
 * public record (REFERENCE_RANGES, from shared/domain/REFERENCE.md): per
 * business and figure, the mean over seeds, the range over seeds, the
 * reference range and whether the mean is inside it. Writes Markdown to
 * stdout (and to FILE with --out).
 *
 * Each run is the business's own scenario and plan (the default world with
 * the default plan), `months` long (default 36), seeds 1…N (default 5).
 * Figures are those of `calibrationFigures` (the last year's earnings over
 * participants, company accounts left out).
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import {
  calibrationFigures,
  DEFAULT_PLAN,
  DEFAULT_SCENARIO,
  PRESET_SCENARIOS,
  PRESETS,
  REFERENCE_RANGES,
  simulate,
  type CalibrationFigures,
  type PlanInput,
  type ReferenceRange,
  type ScenarioInput,
} from "../src/index.js";

const { values } = parseArgs({
  options: {
    seeds: { type: "string", default: "5" },
    months: { type: "string", default: "36" },
    out: { type: "string" },
  },
});
const seeds = Number(values.seeds);
const months = Number(values.months);
if (!Number.isInteger(seeds) || seeds < 1 || seeds > 100) throw new Error(`--seeds: expected a whole number from 1 to 100, got ${values.seeds}`);
if (!Number.isInteger(months) || months < 13 || months > 120) throw new Error(`--months: expected a whole number from 13 to 120, got ${values.months}`);

/** The businesses: the default world, then each preset on its own. Affiliate programs are not network marketing. */
const BUSINESSES: { name: string; scenario: ScenarioInput; plan: PlanInput; mlm: boolean }[] = [
  { name: "default world, default plan", scenario: DEFAULT_SCENARIO, plan: DEFAULT_PLAN, mlm: true },
  ...Object.entries(PRESETS).map(([name, plan]) => ({
    name,
    scenario: PRESET_SCENARIOS[name as keyof typeof PRESETS],
    plan,
    mlm: !name.includes("affiliate") && name !== "info-product",
  })),
];

const COLUMNS = ["earnings", "retailProfit", "expenses", "requiredPurchases"] as const;

/** A run's calibration figures, and two figures that explain a payout: the plan's headline ÷ CV, and the share of members active under the plan. */
function figuresOf(scenario: ScenarioInput, plan: PlanInput, seed: number): { figures: CalibrationFigures; headlineOfCv: number; activeShare: number } {
  const weekly = scenario.period === "week";
  const periods = weekly ? Math.floor((months * 52) / 12) : months;
  const year = weekly ? 52 : 12;
  const r = simulate({ scenario: { ...scenario, months }, plan, seed, ledger: false, memberPeriods: { from: periods - year, columns: [...COLUMNS] } });
  const sum = (f: (p: (typeof r.periods)[number]) => number) => r.periods.reduce((s, p) => s + f(p), 0);
  return {
    figures: calibrationFigures(r),
    headlineOfCv: sum((p) => p.payout + p.capped + p.breakage) / sum((p) => p.cv),
    activeShare: sum((p) => p.active) / sum((p) => p.members),
  };
}
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const meanOf = (vs: number[]) => vs.reduce((s, v) => s + v, 0) / vs.length;

const shown = (range: ReferenceRange, v: number): string => {
  if (Number.isNaN(v)) return "—";
  return range.unit === "share" ? `${(v * 100).toFixed(1)}%` : `$${Math.round(v / 100).toLocaleString("en-US")}`;
};
const bound = (range: ReferenceRange, v: number | null): string => (v === null ? "" : range.unit === "share" ? `${Math.round(v * 100)}%` : `$${v.toLocaleString("en-US")}`);

const started = performance.now();
const lines: string[] = [];
lines.push(`Calibration: ${seeds} seeds (1–${seeds}), ${months} months each; the last year's figures over participants (company accounts left out). Mean over seeds [min–max].`, "");
const verdicts: string[] = [];
for (const b of BUSINESSES) {
  const all = Array.from({ length: seeds }, (_, k) => figuresOf(b.scenario, b.plan, k + 1));
  const runs = all.map((x) => x.figures);
  lines.push(`### ${b.name}${b.mlm ? "" : " (an affiliate program: the network-marketing ranges do not apply)"}`, "");
  lines.push("| figure | simulated | reference | in range |", "|---|---:|---:|---|");
  for (const range of REFERENCE_RANGES) {
    const vs = runs.map((f) => f[range.figure]).filter((v) => !Number.isNaN(v));
    const mean = vs.length === 0 ? NaN : vs.reduce((s, v) => s + v, 0) / vs.length;
    const min = Math.min(...vs);
    const max = Math.max(...vs);
    const applies = b.mlm || !range.mlmOnly;
    const scale = range.unit === "money" ? 100 : 1;
    const inside = !Number.isNaN(mean) && (range.low === null || mean >= range.low * scale) && (range.high === null || mean <= range.high * scale);
    const verdict = !applies ? "n/a" : Number.isNaN(mean) ? "—" : inside ? "yes" : mean < (range.low ?? -Infinity) * scale ? "below" : "above";
    if (applies && (verdict === "below" || verdict === "above")) verdicts.push(`${b.name}: ${range.label} ${shown(range, mean)} is ${verdict} ${bound(range, range.low)}–${bound(range, range.high)}`);
    lines.push(`| ${range.label} | ${shown(range, mean)} [${shown(range, min)}–${shown(range, max)}] | ${bound(range, range.low)}–${bound(range, range.high)} | ${verdict} |`);
  }
  lines.push("", `Context: the plan's headline (what its rates would pay on the volume) is ${pct(meanOf(all.map((x) => x.headlineOfCv)))} of CV; ${pct(meanOf(all.map((x) => x.activeShare)))} of members are active under its activity rule in a period (means over seeds).`, "");
}
lines.push("Sources:", "");
for (const range of REFERENCE_RANGES) lines.push(`- ${range.label}: ${range.source}.`);
lines.push("", verdicts.length === 0 ? "Every figure that applies is inside its range." : `Outside their ranges:\n\n${verdicts.map((v) => `- ${v}`).join("\n")}`);
lines.push("", `(${BUSINESSES.length * seeds} runs in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
const text = lines.join("\n") + "\n";
process.stdout.write(text);
if (values.out) writeFileSync(values.out, text);
