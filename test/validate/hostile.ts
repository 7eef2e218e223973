/**
 * Helpers for hostile-input tests: an input must be refused with a
 * DownlineInputError naming a field, within a time bound.
 */
import { expect } from "vitest";
import { DownlineInputError } from "../../src/index.js";

/** The time bound of issue 10: every bad input is refused within 100 ms. */
export const REFUSAL_MS = 100;

/** Runs `fn`; returns what it threw (or fails the test if it returned) and how long it took. */
export function thrownBy(fn: () => unknown): { error: unknown; ms: number } {
  const start = performance.now();
  try {
    fn();
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
  throw new Error("expected the input to be refused, but it was accepted");
}

/**
 * The fastest of up to three timed runs of `fn`, in ms, after one untimed
 * run (modules and the JIT warm up): runs stop once one is under `boundMs`.
 * A collection or another process's burst on a shared 2-core machine is not
 * the code's doing, while code that is slow is slow every time — so a time
 * bound checked on this value fails for slow code only.
 */
export function fastestOf(fn: () => unknown, boundMs: number): number {
  fn();
  let best = Infinity;
  for (let run = 0; run < 3 && best >= boundMs; run++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * Expects `fn` to throw a DownlineInputError within {@link REFUSAL_MS}, and
 * returns it. The first run warms up the modules and the JIT (the test
 * runner's cost, not the input's); then the fastest of up to three runs
 * counts: a collection or another process's burst on a shared 2-core machine
 * is not the input's doing, while an input that is slow is slow every time.
 * Anything but a DownlineInputError is rethrown, so a crash shows as itself.
 */
export function refusedQuickly(fn: () => unknown, ms = REFUSAL_MS): DownlineInputError {
  const { error } = thrownBy(fn);
  if (!(error instanceof DownlineInputError)) throw error;
  // Every timed run must be refused too (thrownBy fails the test otherwise).
  const took = fastestOf(() => thrownBy(fn), ms);
  expect(took, `refused in ${took.toFixed(1)} ms`).toBeLessThan(ms);
  return error;
}

/** Expects one issue at `path` (exactly), whose message matches every pattern. */
export function expectIssue(error: DownlineInputError, source: string, path: string, ...patterns: RegExp[]): void {
  expect(error.source).toBe(source);
  expect(error.issues.map((i) => i.path)).toEqual([path]);
  for (const pattern of patterns) expect(error.issues[0]!.message).toMatch(pattern);
  expect(error.message.split("\n")).toHaveLength(1);
}
