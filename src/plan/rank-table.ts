/**
 * Tables by paid-as rank: "the value of the highest listed rank at or below
 * hers, else the base", the one rule behind payable depth, pool shares, binary
 * values and stairstep rates.
 *
 * @module
 */

/**
 * A table indexed by rank number, 0 (no rank) to `rankCount`: at each rank, the
 * value of the highest listed rank at or below it, else `base`.
 *
 * @example
 * rankTable([{ rank: 2, value: 4 }, { rank: 4, value: 5 }], 5, 2) // => [2, 2, 4, 4, 5, 5]
 */
export function rankTable<T>(listed: readonly { readonly rank: number; readonly value: T }[], rankCount: number, base: T): T[] {
  const table: T[] = [];
  for (let r = 0; r <= rankCount; r++) {
    let value = base;
    let best = 0;
    for (const entry of listed) {
      if (entry.rank <= r && entry.rank > best) {
        best = entry.rank;
        value = entry.value;
      }
    }
    table.push(value);
  }
  return table;
}
