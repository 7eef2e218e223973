#!/usr/bin/env bash
# The package as a consumer gets it: pack the tarball (or take the one given),
# check what it ships and its types (@arethetypeswrong/cli), install it into a
# fresh project in a temporary folder whose path has a space, and use it from
# ESM, CommonJS and strict TypeScript (node16 and bundler module resolution).
#
#   scripts/consumer-test.sh                    # packs a clean copy (npm pack runs `prepare`: the build)
#   scripts/consumer-test.sh downline-0.2.0.tgz # a tarball already packed
#
# Without a tarball it packs what a clean clone has: the files git knows (tracked,
# and new ones not ignored), so no dist/ until `prepare` builds it (node_modules
# is linked from this checkout rather than installed again).
#
# Offline apart from the registry mirror as a fallback: the tarball is a local
# `file:` dependency; its own dependencies and the consumer's TypeScript come
# from npm's cache (--prefer-offline).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/downline consumer.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
step() { printf '\n== consumer test: %s\n' "$1"; }

step "pack"
if [ $# -ge 1 ]; then
  TARBALL="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
else
  mkdir "$WORK/clean" "$WORK/pack"
  git ls-files -z --cached --others --exclude-standard | (cd "$ROOT" && xargs -0 cp --parents -t "$WORK/clean")
  [ ! -e "$WORK/clean/dist" ] || { echo "a clean copy has no dist/"; exit 1; }
  ln -s "$ROOT/node_modules" "$WORK/clean/node_modules"
  (cd "$WORK/clean" && npm pack --silent --pack-destination "$WORK/pack" > "$WORK/pack/name")
  TARBALL="$WORK/pack/$(tail -n 1 "$WORK/pack/name")"
fi
echo "$TARBALL"

step "the tarball's contents"
tar -tzf "$TARBALL" | sed 's#^package/##' | sort > "$WORK/files"
cat "$WORK/files"
missing=0
for f in dist/index.js dist/index.cjs dist/index.d.ts dist/index.d.cts dist/node.js dist/node.cjs dist/node.d.ts dist/node.d.cts \
  dist/parallel.js dist/parallel.d.ts dist/parallel-worker.js dist/world-worker.js dist/cli.js schema/plan.schema.json README.md CHANGELOG.md LICENSE package.json; do
  grep -qxF "$f" "$WORK/files" || { echo "missing from the tarball: $f"; missing=1; }
done
for f in presets/*.json presets/scenarios/*.json; do
  grep -qxF "$f" "$WORK/files" || { echo "missing from the tarball: $f"; missing=1; }
done
if grep -qE '^(src|test|benchmarks|examples|scripts|node_modules)/' "$WORK/files"; then echo "the tarball ships sources or tests"; missing=1; fi
[ "$missing" = 0 ] || exit 1
echo "dist/, presets/, schema/ shipped; no sources or tests"

step "types (attw): every entry but downline/parallel, for node10, node16 (CJS and ESM) and bundlers"
PRESET_ENTRIES=()
while IFS= read -r f; do PRESET_ENTRIES+=("./$f"); done < <(grep -E '^presets/.*\.json$' "$WORK/files")
npx --no-install attw "$TARBALL" --format table-flipped --exclude-entrypoints ./parallel --include-entrypoints "${PRESET_ENTRIES[@]}"
step "types (attw): downline/parallel, ESM only (declared so: no require condition)"
npx --no-install attw "$TARBALL" --format table-flipped --entrypoints ./parallel --profile esm-only

step "install into a fresh project: $WORK/app"
mkdir "$WORK/app"
cd "$WORK/app"
TS_VERSION="$(node -p 'require(process.argv[1]).version' "$ROOT/node_modules/typescript/package.json")"
cat > package.json <<JSON
{
  "name": "downline-consumer",
  "private": true,
  "type": "module",
  "dependencies": { "downline": "file:$TARBALL", "zod": "^4.6.7" },
  "devDependencies": { "typescript": "$TS_VERSION", "@types/node": "^20" }
}
JSON
npm install --prefer-offline --no-audit --no-fund --loglevel=error
# The consumer's zod and downline's are one copy: a custom component's schema is the same zod.
zods="$(npm ls zod --all --parseable | sort -u | wc -l)"
[ "$zods" = 1 ] || { npm ls zod --all; echo "expected one copy of zod, got $zods"; exit 1; }
echo "one zod: $(node -p 'require("zod/package.json").version'), shared with downline"

step "ESM"
cat > esm.mjs <<'JS'
import assert from "node:assert/strict";
import { simulate, simulatePlans, compilePlan, DEFAULT_PLAN, PRESETS, formatMinor, DownlineInputError } from "downline";
import { readHistoryFiles } from "downline/node";
import { comparePlans, simulateTwoThreads } from "downline/parallel";
import binary from "downline/presets/binary.json" with { type: "json" };
import binaryWorld from "downline/presets/scenarios/binary.json" with { type: "json" };
import schema from "downline/schema/plan.schema.json" with { type: "json" };
import pkg from "downline/package.json" with { type: "json" };

const tiny = { months: 2, start: { founders: 1, network: { distributors: 60 } }, market: { prospects: 3000 } };
const r = simulate({ scenario: tiny, seed: 1 });
assert.equal(r.periods.length, 2);
const [a, b] = simulatePlans({ scenario: tiny, seed: 1, plans: [DEFAULT_PLAN, PRESETS["saas-affiliate"]] });
assert.equal(a.periods[1].revenue, b.periods[1].revenue);
assert.deepEqual(binary, PRESETS.binary);
assert.equal(simulate({ scenario: { ...binaryWorld, ...tiny }, plan: binary }).periods.length, 2);
assert.equal(typeof schema.properties.components, "object");
assert.equal(pkg.version, "0.2.0");
assert.throws(() => { "use strict"; DEFAULT_PLAN.components[0].rate = "0.9"; }, TypeError);
assert.throws(() => compilePlan({ components: [{ type: "unilevel", rates: ["0.1"], compresion: "none" }] }), DownlineInputError);
assert.equal(typeof readHistoryFiles, "function");
const c = await comparePlans({ plans: [DEFAULT_PLAN, PRESETS["wellness-unilevel"]], scenario: tiny, seeds: 2, workers: 2, window: "run" });
assert.equal(c.arms.length, 2);
let threads = 0;
const two = await simulateTwoThreads({ scenario: tiny, seed: 1 }, (report) => (threads = report.threads));
assert.equal(threads, 2);
assert.equal(JSON.stringify(two.periods), JSON.stringify(r.periods));
console.log(`ESM ok: payout ${formatMinor(r.periods[1].payout, r.digits)}; downline/parallel on 2 workers and on two threads; presets and schema as JSON modules`);
JS
node esm.mjs

step "CommonJS"
cat > cjs.cjs <<'JS'
const assert = require("node:assert/strict");
const { simulate, DEFAULT_SCENARIO, PRESETS } = require("downline");
const { readPaidFile } = require("downline/node");
const stairstep = require("downline/presets/stairstep-breakaway.json");
const schema = require("downline/schema/plan.schema.json");

const r = simulate({ scenario: { months: 1, start: { founders: 1, network: { distributors: 60 } }, market: { prospects: 3000 } }, plan: stairstep, seed: 2 });
assert.equal(r.periods.length, 1);
assert.deepEqual(stairstep, PRESETS["stairstep-breakaway"]);
assert.ok(Object.isFrozen(DEFAULT_SCENARIO.start.network));
assert.equal(typeof readPaidFile, "function");
assert.equal(typeof schema, "object");
// downline/parallel is ESM only (worker threads): no require condition, a dynamic import works.
assert.throws(() => require("downline/parallel"), { code: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
import("downline/parallel").then((m) => {
  assert.equal(typeof m.comparePlans, "function");
  console.log("CommonJS ok: require of downline, downline/node, presets and the schema; downline/parallel by import()");
});
JS
node cjs.cjs

step "the command line"
npx --no-install downline run --months 1 > cli.out
echo "downline run: $(wc -l < cli.out) lines"

step "strict TypeScript"
# The same checks for every resolution: a typed plan, the arity of simulatePlans, a custom
# component with the consumer's own zod, and misspellings that must not compile.
cat > checks.txt <<'TS'
import { z } from "zod";
import {
  simulate, simulatePlans, compilePlan, defineComponent, componentName, ExactDecimal, DEFAULT_PLAN, PRESETS,
  type PlanInput, type ScenarioInput, type SimulationResult, type ComponentInput,
} from "downline";
import { readHistoryFiles } from "downline/node";

const scenario: ScenarioInput = { months: 2, start: { founders: 1, network: { distributors: 60 } } };
const flat: PlanInput = { name: "Flat", components: [{ type: "unilevel", rates: ["0.10", "0.10"], compression: "none" }] };
const levels: ComponentInput<"unilevel"> = { type: "unilevel", rates: ["0.08", "0.05"] };
const pair: [SimulationResult<Record<never, never>>, SimulationResult<Record<never, never>>] = simulatePlans({ scenario, plans: [DEFAULT_PLAN, flat] });
const [first, second] = pair;
export const checked = [first.periods.length, second.plan.name, PRESETS.binary.name, levels.rates.length, typeof readHistoryFiles] as const;

// @ts-expect-error: `compresion` is not a field of a unilevel component
export const typo: PlanInput = { components: [{ type: "unilevel", rates: ["0.1"], compresion: "none" }] };
// @ts-expect-error: no component type "unilvl"
export const unknownType: PlanInput = { components: [{ type: "unilvl", rates: ["0.1"] }] };
// @ts-expect-error: `month` is spelt `months`
export const scenarioTypo: ScenarioInput = { month: 12 };
// @ts-expect-error: two plans give two results
export const third = pair[2];

// A custom component, its schema made with the consumer's zod.
const bonus = defineComponent({
  type: "bonus",
  schema: z.object({ type: z.literal("bonus"), name: componentName().optional(), amount: z.string() }).strict(),
  rates: () => [],
  compile: (input, ctx) => ({ amount: ctx.money(input.amount, "amount") }),
  writes: "minor",
  fast: { state: () => undefined, accrue: () => 0n },
  reference: { accrue: () => ({ payees: new Map(), headline: new ExactDecimal(0) }) },
});
const custom: PlanInput<typeof bonus> = { components: [{ type: "bonus", amount: "5.00" }, levels] };
export const run = simulate({ scenario, plan: custom, components: [bonus] });
export const compiled = compilePlan(custom, { components: [bonus] });
// @ts-expect-error: a plan using "bonus" needs it among the components
export const unregistered = simulate({ scenario, plan: custom });
// @ts-expect-error: `amont` is not a field of the custom component
export const customTypo: PlanInput<typeof bonus> = { components: [{ type: "bonus", amont: "5" }] };
TS
STRICT='"strict": true, "noUncheckedIndexedAccess": true, "exactOptionalPropertyTypes": true, "noEmit": true, "skipLibCheck": false, "types": ["node"], "lib": ["ES2022"], "target": "ES2022"'
mkdir -p node16 bundler
cp checks.txt node16/esm.mts
cp checks.txt node16/cjs.cts
cp checks.txt bundler/app.ts
echo "{ \"compilerOptions\": { \"module\": \"node16\", \"moduleResolution\": \"node16\", $STRICT }, \"include\": [\"*.mts\", \"*.cts\"] }" > node16/tsconfig.json
echo "{ \"compilerOptions\": { \"module\": \"preserve\", \"moduleResolution\": \"bundler\", $STRICT }, \"include\": [\"*.ts\"] }" > bundler/tsconfig.json
npx --no-install tsc -p node16 && echo "node16 (an ES module and a CommonJS module, .d.ts and .d.cts): ok"
npx --no-install tsc -p bundler && echo "bundler: ok"
# The misspellings above are errors only because of their @ts-expect-error: without the comments, tsc names each.
sed 's#^// @ts-expect-error.*##' checks.txt > bundler/app.ts
if npx --no-install tsc -p bundler > errors.txt; then echo "expected errors without the @ts-expect-error comments"; exit 1; fi
grep -c "error TS" errors.txt | xargs echo "errors without the comments:"
grep -q "'compresion' does not exist" errors.txt
grep -q '"unilvl"' errors.txt
grep -q "'month' does not exist" errors.txt
grep -q "'amont' does not exist" errors.txt
echo "each misspelling is named"

step "passed"
