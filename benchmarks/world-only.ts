/**
 * The world alone (no plan): create the large benchmark world (1,000,000
 * distributors, 3 customers each, a market of 20M) and step it 12 months;
 * prints the seconds of each part and the members at the end.
 *
 *   npx tsx benchmarks/world-only.ts [path/to/checkout]
 *
 * The optional path runs another checkout's world with this same script (to
 * compare a branch with main: alternate the two, a few runs each).
 *
 * @module
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(process.argv[2] ?? new URL("..", import.meta.url).pathname);
const { createWorld, stepWorld } = (await import(pathToFileURL(`${root}/src/index.ts`).href)) as typeof import("../src/index.js");

const scenario = {
  name: "bench-large-world",
  months: 12,
  start: { founders: 1, network: { distributors: 1_000_000, customersPerDistributor: 3 } },
  market: { prospects: 20_000_000 },
};
const t0 = performance.now();
const world = createWorld(scenario, { seed: 42 });
const t1 = performance.now();
let joins = 0;
for (let t = 0; t < 12; t++) joins += stepWorld(world).stats.joins;
const t2 = performance.now();
console.log(
  JSON.stringify({
    root,
    createWorldS: +((t1 - t0) / 1000).toFixed(2),
    step12S: +((t2 - t1) / 1000).toFixed(2),
    totalS: +((t2 - t0) / 1000).toFixed(2),
    members: world.currentCount,
    ever: world.size,
    joins,
    customers: world.customers,
  }),
);
