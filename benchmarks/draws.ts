/**
 * Nanoseconds per draw: an Alea stream (what the world drew from until 0.1.0)
 * against a keyed draw (what it draws from now), with identity keys read from
 * arrays as the world's steps read them. Each loop is its own function, so
 * neither shares a call site (and its type feedback) with the other.
 *
 *   npx tsx benchmarks/draws.ts
 *
 * @module
 */
import { concernKey, keyedDraws, keyedUniform, originKey, stream } from "../src/random/index.js";

const N = 20_000_000;
const M = 1 << 20;
const hi = new Int32Array(M);
const lo = new Int32Array(M);
const origin = concernKey(42, "origin");
for (let i = 0; i < M; i++) originKey(origin, i, hi, lo, i);

function alea(): number {
  const rand = stream(42, "bench");
  let s = 0;
  for (let i = 0; i < N; i++) s += rand() + (hi[i & (M - 1)]! ^ lo[i & (M - 1)]!) * 1e-12;
  return s;
}

function keyed(): number {
  const key = concernKey(42, "bench");
  let s = 0;
  for (let i = 0; i < N; i++) s += keyedUniform(key, hi[i & (M - 1)]!, lo[i & (M - 1)]!, 7, 0);
  return s;
}

function cursor(): number {
  const draws = keyedDraws(concernKey(42, "bench"));
  let s = 0;
  for (let i = 0; i < N; i++) s += draws.at(hi[i & (M - 1)]!, lo[i & (M - 1)]!, 7)();
  return s;
}

/** Median ns per draw of 5 runs (the first warms the JIT up and counts like the others). */
function median(run: () => number): number {
  const ns: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint();
    if (run() < 0) throw new Error("unreachable: keeps the sum alive");
    ns.push(Number(process.hrtime.bigint() - t0) / N);
  }
  return ns.sort((a, b) => a - b)[2]!;
}

const a = median(alea);
const k = median(keyed);
const c = median(cursor);
console.log(`Alea stream: ${a.toFixed(2)} ns/draw; keyedUniform: ${k.toFixed(2)} ns/draw; keyed cursor (at + one draw): ${c.toFixed(2)} ns/draw`);
