/**
 * What "customers by event" would cost per event (docs/compaction.md): the
 * customers' pass visits every customer every period; the alternative files
 * each customer under the period she churns in and keeps each distributor's
 * customers on a list, so a period touches only the customers who churn or
 * whose distributor quit. This times the two events on arrays the size of
 * the large world's customers (3,000,000, owners among 3,800,000 members),
 * laid out as that design would lay them out:
 *
 * - **a churn**: her distributor's running sum, unlinking her from her
 *   distributor's list, the last customer moved into her place (columns,
 *   list neighbours, filing entry);
 * - **an orphan moved**: her owner rewritten and added to her new
 *   distributor's sum as her old distributor's list is walked and spliced
 *   onto the new one's;
 *
 * and, for scale, a streaming pass over the same columns that compacts the
 * survivors in place (what today's pass does around its draws and sums).
 *
 *     node --import tsx benchmarks/customer-events.ts
 *
 * Synthetic: owners are drawn at random, as customers acquired over time
 * are, so list neighbours are scattered. Prints ns per event and per
 * customer streamed.
 *
 * @module
 */

const CUSTOMERS = 3_000_000;
const MEMBERS = 3_800_000;

/** A deterministic generator (an LCG: enough for a layout). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** The customer columns, per-owner lists and filing of the event design. */
class Layout {
  readonly owner = new Int32Array(CUSTOMERS);
  readonly join = new Int32Array(CUSTOMERS);
  readonly id = new Int32Array(CUSTOMERS);
  readonly keyHi = new Int32Array(CUSTOMERS);
  readonly keyLo = new Int32Array(CUSTOMERS);
  readonly price = new Float64Array(CUSTOMERS);
  readonly cv = new Float64Array(CUSTOMERS);
  readonly next = new Int32Array(CUSTOMERS).fill(-1);
  readonly prev = new Int32Array(CUSTOMERS).fill(-1);
  /** Where each customer's entry is in the filing, and the filing itself (one list here: its order does not matter). */
  readonly filedAt = new Int32Array(CUSTOMERS);
  readonly filing = new Int32Array(CUSTOMERS);
  readonly head = new Int32Array(MEMBERS).fill(-1);
  readonly sum = new Float64Array(MEMBERS);
  count = CUSTOMERS;

  constructor(rand: () => number) {
    for (let c = 0; c < CUSTOMERS; c++) {
      const o = Math.floor(rand() * MEMBERS);
      this.owner[c] = o;
      this.join[c] = -3;
      this.id[c] = c;
      this.keyHi[c] = Math.imul(c, 7);
      this.keyLo[c] = Math.imul(c, 13);
      this.price[c] = 50_00;
      this.cv[c] = 40_00;
      const h = this.head[o]!;
      this.next[c] = h;
      if (h >= 0) this.prev[h] = c;
      this.head[o] = c;
      this.sum[o]! += 40_00;
      this.filedAt[c] = c;
      this.filing[c] = c;
    }
  }

  /** Customer c churns: out of her distributor's sum and list; the last customer takes her place. */
  churn(c: number): void {
    const { owner, join, id, keyHi, keyLo, price, cv, next, prev, filedAt, filing, head, sum } = this;
    const o = owner[c]!;
    sum[o]! -= cv[c]!;
    const p = prev[c]!;
    const q = next[c]!;
    if (p >= 0) next[p] = q;
    else head[o] = q;
    if (q >= 0) prev[q] = p;
    const last = --this.count;
    if (last === c) return;
    owner[c] = owner[last]!;
    join[c] = join[last]!;
    id[c] = id[last]!;
    keyHi[c] = keyHi[last]!;
    keyLo[c] = keyLo[last]!;
    price[c] = price[last]!;
    cv[c] = cv[last]!;
    const lp = prev[last]!;
    const lq = next[last]!;
    prev[c] = lp;
    next[c] = lq;
    if (lp >= 0) next[lp] = c;
    else head[owner[c]!] = c;
    if (lq >= 0) prev[lq] = c;
    filedAt[c] = filedAt[last]!;
    filing[filedAt[c]!] = c;
  }

  /** Member `from` quits: her customers go to `to` (owner and sum each, the list spliced on); returns how many. */
  orphan(from: number, to: number): number {
    const { owner, cv, next, prev, head, sum } = this;
    let c = head[from]!;
    if (c < 0) return 0;
    let moved = 0;
    let tail = c;
    while (c >= 0) {
      owner[c] = to;
      sum[to]! += cv[c]!;
      tail = c;
      c = next[c]!;
      moved += 1;
    }
    const h = head[to]!;
    next[tail] = h;
    if (h >= 0) prev[h] = tail;
    head[to] = head[from]!;
    head[from] = -1;
    sum[from] = 0;
    return moved;
  }

  /**
   * Today's shape of the work around the draws: every customer read, the
   * survivors written down in place. One in 32 leaves, a different one each
   * round (a hash of her key and the round), so every round compacts.
   */
  stream(round: number): number {
    const { owner, join, id, keyHi, keyLo, price, cv } = this;
    let write = 0;
    let revenue = 0;
    for (let c = 0; c < this.count; c++) {
      const hi = keyHi[c]!;
      if (Math.imul(hi ^ Math.imul(round + 1, 0x9e3779b1), 0x85ebca6b) >>> 27 === 0) continue;
      if (write !== c) {
        owner[write] = owner[c]!;
        join[write] = join[c]!;
        id[write] = id[c]!;
        keyHi[write] = hi;
        keyLo[write] = keyLo[c]!;
        price[write] = price[c]!;
        cv[write] = cv[c]!;
      }
      write += 1;
      revenue += price[c]!;
    }
    this.count = write;
    return revenue;
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function main(): void {
  const rand = lcg(42);
  const layout = new Layout(rand);
  // About a period's churns in the large world (4.5M over 36 periods), 7 rounds.
  const churnMs: number[] = [];
  const churns = 125_000;
  for (let round = 0; round < 7; round++) {
    const picks = Int32Array.from({ length: churns }, () => Math.floor(rand() * (layout.count - churns)));
    const t0 = performance.now();
    for (let k = 0; k < churns; k++) layout.churn(picks[k]!);
    churnMs.push(performance.now() - t0);
  }
  // About a period's quitters (70,000), 7 rounds.
  const orphanNs: number[] = [];
  for (let round = 0; round < 7; round++) {
    const pairs = Int32Array.from({ length: 140_000 }, () => Math.floor(rand() * MEMBERS));
    let moved = 0;
    const t0 = performance.now();
    for (let k = 0; k < pairs.length; k += 2) moved += layout.orphan(pairs[k]!, pairs[k + 1]!);
    orphanNs.push(((performance.now() - t0) * 1e6) / moved);
  }
  const streamNs: number[] = [];
  for (let round = 0; round < 7; round++) {
    const n = layout.count;
    const t0 = performance.now();
    layout.stream(round);
    streamNs.push(((performance.now() - t0) * 1e6) / n);
  }
  process.stdout.write(
    `churn ${((median(churnMs) * 1e6) / churns).toFixed(0)} ns an event; orphan moved ${median(orphanNs).toFixed(0)} ns a customer; ` +
      `streaming pass ${median(streamNs).toFixed(1)} ns a customer (medians of 7 rounds)\n`,
  );
}

main();
