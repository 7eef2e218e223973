/**
 * The command line's memory budget: `--memory SIZE`, or half of the machine's
 * memory (or of the process's cgroup limit, when it has one).
 *
 * @module
 */
import { totalmem } from "node:os";
import { DownlineInputError } from "../validate/errors.js";

/** The share of the machine's memory a run may take by default: the rest is for the process itself and everything else. */
export const DEFAULT_MEMORY_SHARE = 0.5;

/**
 * Half of the memory this process can have: the machine's, or its cgroup
 * limit (a container's) when that is lower.
 *
 * @example
 * defaultMemoryBudget() // => 12616466432 (half of a 23.5 GiB machine)
 */
export function defaultMemoryBudget(): number {
  const constrained = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.();
  const available = constrained !== undefined && constrained > 0 ? Math.min(constrained, totalmem()) : totalmem();
  return Math.floor(available * DEFAULT_MEMORY_SHARE);
}

const UNITS: Readonly<Record<string, number>> = { "": 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3, t: 1024 ** 4, tb: 1024 ** 4, tib: 1024 ** 4 };

/**
 * `--memory` as bytes: a number with an optional unit, K, M, G or T (powers
 * of 1024; `KB`, `KiB` and the like are the same).
 *
 * @example
 * parseMemory("8G") // => 8589934592
 * parseMemory("512MB") // => 536870912
 */
export function parseMemory(text: string): number {
  const match = /^(\d{1,15}(?:\.\d{1,6})?)\s?([a-z]{0,3})$/i.exec(text.trim());
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  const bytes = match && unit !== undefined ? Number(match[1]) * unit : NaN;
  if (!(bytes >= 1)) {
    throw new DownlineInputError("options", [{ path: "--memory", message: `expected a size like 8G, 512M or 2048MB, got ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}` }]);
  }
  return Math.floor(bytes);
}
