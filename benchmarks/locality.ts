/**
 * Why one period on 10,000,000 members costs more per member than on
 * 1,000,000 (`one.ts period-10m period` against `one.ts large period`): the
 * order of the members in memory. Neither the world nor the engines are run;
 * a random recursive tree stands in for the generated network (each member's
 * sponsor uniform among older members, as `generateNetwork` draws her; 65% of
 * members with a volume of 100–199), and the `period` task's unilevel walk
 * (7 levels, dynamic compression: from each member with volume up her
 * uplines, paying the next active one at each level) is timed on it twice:
 * with members numbered as they joined (the world's order), and renumbered
 * depth first (every member's uplines near her in memory).
 *
 *     node --import tsx benchmarks/locality.ts [members]    # default 10000000
 *
 * Prints the median of 3 walks in each order, in ns per member. In the
 * joining order every step up is a random read over the whole array, a cache
 * miss once the arrays outgrow the processor's caches; depth first, most are
 * hits.
 *
 * @module
 */

/** A deterministic generator (an LCG: enough for a tree's shape). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

const RATES = [8, 5, 4, 4, 4, 3, 2] as const;

/** The kernel's unilevel walk over `upline`, in ms. */
function walk(upline: Int32Array, pv: Float64Array): number {
  const n = upline.length;
  const active = new Uint8Array(n);
  const amount = new Float64Array(n);
  for (let i = 0; i < n; i++) active[i] = pv[i]! >= 100 ? 1 : 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const v = pv[i]!;
    if (v === 0) continue;
    let u = upline[i]!;
    let level = 0;
    while (u >= 0 && level < 7) {
      if (active[u] === 1) amount[u]! += v * RATES[level++]!;
      u = upline[u]!;
    }
  }
  return performance.now() - t0;
}

/** The same tree numbered depth first (a sponsor before her downline, each downline contiguous). */
function depthFirst(upline: Int32Array, pv: Float64Array): { upline: Int32Array; pv: Float64Array } {
  const n = upline.length;
  const head = new Int32Array(n).fill(-1);
  const next = new Int32Array(n).fill(-1);
  for (let i = n - 1; i >= 1; i--) {
    next[i] = head[upline[i]!]!;
    head[upline[i]!] = i;
  }
  const order = new Int32Array(n);
  const id = new Int32Array(n);
  const stack = new Int32Array(n);
  let k = 0;
  let sp = 0;
  stack[sp++] = 0;
  while (sp > 0) {
    const v = stack[--sp]!;
    id[v] = k;
    order[k++] = v;
    for (let c = head[v]!; c >= 0; c = next[c]!) stack[sp++] = c;
  }
  const up2 = new Int32Array(n);
  const pv2 = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const v = order[j]!;
    up2[j] = upline[v]! < 0 ? -1 : id[upline[v]!]!;
    pv2[j] = pv[v]!;
  }
  return { upline: up2, pv: pv2 };
}

const median3 = (f: () => number): number => [f(), f(), f()].sort((a, b) => a - b)[1]!;

function main(argv: readonly string[]): void {
  const n = argv[0] === undefined ? 10_000_000 : Number(argv[0]);
  if (!Number.isInteger(n) || n < 2) throw new Error("usage: locality.ts [members], at least 2");
  const rand = lcg(42);
  const upline = new Int32Array(n);
  upline[0] = -1;
  for (let i = 1; i < n; i++) upline[i] = Math.floor(rand() * i);
  const pv = new Float64Array(n);
  for (let i = 0; i < n; i++) pv[i] = rand() < 0.35 ? 0 : 100 + Math.floor(rand() * 100);
  const joined = median3(() => walk(upline, pv));
  const df = depthFirst(upline, pv);
  const dfs = median3(() => walk(df.upline, df.pv));
  const ns = (ms: number): string => ((ms * 1e6) / n).toFixed(0);
  process.stdout.write(
    `${n.toLocaleString("en-US")} members: joining order ${joined.toFixed(0)} ms (${ns(joined)} ns/member), depth first ${dfs.toFixed(0)} ms (${ns(dfs)} ns/member), ${(joined / dfs).toFixed(1)}×\n`,
  );
}

main(process.argv.slice(2));
