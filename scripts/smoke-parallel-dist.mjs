/**
 * Checks the built `downline/parallel` entry: its worker is the built
 * `dist/parallel-worker.js` (plain Node, no tsx). Run after `npm run build`:
 *
 *     node scripts/smoke-parallel-dist.mjs
 *
 * It compares two plans over 3 seeds on 2 worker threads and in this thread,
 * and exits non-zero unless the results are identical byte for byte.
 */
import { comparePlans } from "../dist/parallel.js";
import { DEFAULT_PLAN } from "../dist/index.js";

const options = {
  plans: [DEFAULT_PLAN, { name: "Flat", components: [{ type: "unilevel", rates: ["0.10", "0.10"] }] }],
  scenario: { months: 4, start: { founders: 1, network: { distributors: 250 } }, market: { prospects: 10000 } },
  seeds: 3,
  window: "run",
};
const two = JSON.stringify(await comparePlans({ ...options, workers: 2 }));
const one = JSON.stringify(await comparePlans({ ...options, workers: 1 }));
if (two !== one) {
  console.error("downline/parallel (built): 1 and 2 workers differ");
  process.exit(1);
}
console.log(`downline/parallel (built): 1 and 2 workers identical (${two.length} bytes of JSON)`);
