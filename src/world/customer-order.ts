/**
 * Customers kept in their distributor's order (owner ascending), so that the
 * customers' pass — churn, renewals, each adding to her distributor's
 * volume — reads and writes members in ascending order rather than at random
 * (at 3M customers a period, the random accesses were half the pass).
 *
 * The order is kept, not restored: the customers' pass keeps survivors in
 * place (compacting, in order) and sets aside the orphans it moves up (their
 * new distributor has a lower index); acquisition appends the new customers
 * in distributor order; then one merge, from the back, puts the set-aside
 * and new customers in their places — a linear pass over the customer
 * columns with a side buffer the size of the period's movers.
 *
 * A merge moves nearly every customer, so it waits: while the customers out
 * of order are fewer than an eighth of all, the set-aside ones are appended
 * after the new ones (`appendAside`), an unsorted tail at the end
 * (`WorldState.customersSorted` marks where it starts), and the pass reads
 * those few at random. The merge takes the tail in with the period's movers,
 * every few periods.
 *
 * Nothing else changes: every draw is keyed by the customer's identity, and
 * every sum over customers is of integers, so results do not depend on the
 * order. The one thing that does is the order of the period's orders, so a
 * world that keeps its orders as columns (someone may read them one by one)
 * keeps its customers in acquisition order, as they always were; only a
 * world without order columns orders them by distributor (`WorldState.customersByOwner`).
 *
 * @module
 */
import { grown } from "../util/grow.js";
import { growCustomers, type AsideCustomers, type WorldState } from "./state.js";

/** Room for `n` set-aside customers (grown by half, contents kept). */
function reserve(a: AsideCustomers, n: number): void {
  if (n <= a.id.length) return;
  const cap = Math.max(n, Math.ceil(a.id.length * 1.5) + 1024);
  a.id = grown(a.id, cap);
  a.owner = grown(a.owner, cap);
  a.join = grown(a.join, cap);
  a.price = grown(a.price, cap);
  a.cv = grown(a.cv, cap);
  a.qv = grown(a.qv, cap);
  a.keyHi = grown(a.keyHi, cap);
  a.keyLo = grown(a.keyLo, cap);
  a.order = new Int32Array(cap);
  a.scratch = new Int32Array(cap);
}

/** Sets a customer aside (an orphan moved to a new distributor this period), with her new owner. */
export function setAside(world: WorldState, owner: number, id: number, join: number, price: number, cv: number, qv: number, hi: number, lo: number): void {
  const a = world.aside;
  const k = a.count;
  if (k === a.id.length) reserve(a, k + 1);
  a.id[k] = id;
  a.owner[k] = owner;
  a.join[k] = join;
  a.price[k] = price;
  a.cv[k] = cv;
  a.qv[k] = qv;
  a.keyHi[k] = hi;
  a.keyLo[k] = lo;
  a.count = k + 1;
}

/** Appends the customers set aside this period at the end of the customer columns (their unsorted tail). */
export function appendAside(world: WorldState): void {
  const a = world.aside;
  const n = a.count;
  if (n === 0) return;
  const start = world.customers;
  if (start + n > world.customerOwner.length) growCustomers(world, start + n);
  world.customerId.set(a.id.subarray(0, n), start);
  world.customerOwner.set(a.owner.subarray(0, n), start);
  world.customerJoin.set(a.join.subarray(0, n), start);
  world.customerPrice.set(a.price.subarray(0, n), start);
  world.customerCvEach.set(a.cv.subarray(0, n), start);
  if (world.hasQv) world.customerQvEach.set(a.qv.subarray(0, n), start);
  world.customerKeyHi.set(a.keyHi.subarray(0, n), start);
  world.customerKeyLo.set(a.keyLo.subarray(0, n), start);
  world.customers = start + n;
  a.count = 0;
}

/**
 * Merges the customers set aside this period and those acquired after
 * position `sorted` (in distributor order) into the customer columns, which
 * hold customers in distributor order before `sorted`. Afterwards the columns
 * hold every customer in distributor order (ties: those already in place
 * first, then the set-aside ones in the order they were set aside, then the
 * new ones).
 */
export function mergeAside(world: WorldState, sorted: number): void {
  const a = world.aside;
  const fresh = world.customers - sorted;
  if (a.count === 0 && fresh === 0) return;
  // The new customers join the side buffer after the set-aside ones: one sorted run to merge.
  reserve(a, a.count + fresh);
  for (let c = sorted; c < world.customers; c++) {
    const k = a.count++;
    a.id[k] = world.customerId[c]!;
    a.owner[k] = world.customerOwner[c]!;
    a.join[k] = world.customerJoin[c]!;
    a.price[k] = world.customerPrice[c]!;
    a.cv[k] = world.customerCvEach[c]!;
    a.qv[k] = world.customerQvEach[c]!;
    a.keyHi[k] = world.customerKeyHi[c]!;
    a.keyLo[k] = world.customerKeyLo[c]!;
  }
  const n = a.count;
  sortByOwner(a, n);
  const total = sorted + n;
  world.customers = sorted;
  if (total > world.customerOwner.length) growCustomers(world, total);
  const { customerId, customerOwner, customerJoin, customerPrice, customerCvEach, customerQvEach, customerKeyHi, customerKeyLo, hasQv } = world;
  const order = a.order;
  // From the back: the write position never passes a customer still to be read.
  let i = sorted - 1;
  let j = n - 1;
  let w = total - 1;
  while (j >= 0) {
    const s = order[j]!;
    const sideOwner = a.owner[s]!;
    if (i >= 0 && customerOwner[i]! > sideOwner) {
      customerId[w] = customerId[i]!;
      customerOwner[w] = customerOwner[i]!;
      customerJoin[w] = customerJoin[i]!;
      customerPrice[w] = customerPrice[i]!;
      customerCvEach[w] = customerCvEach[i]!;
      if (hasQv) customerQvEach[w] = customerQvEach[i]!;
      customerKeyHi[w] = customerKeyHi[i]!;
      customerKeyLo[w] = customerKeyLo[i]!;
      i -= 1;
    } else {
      customerId[w] = a.id[s]!;
      customerOwner[w] = sideOwner;
      customerJoin[w] = a.join[s]!;
      customerPrice[w] = a.price[s]!;
      customerCvEach[w] = a.cv[s]!;
      if (hasQv) customerQvEach[w] = a.qv[s]!;
      customerKeyHi[w] = a.keyHi[s]!;
      customerKeyLo[w] = a.keyLo[s]!;
      j -= 1;
    }
    w -= 1;
  }
  world.customers = total;
  world.customersSorted = total;
  a.count = 0;
}

/** `a.order[0..n)`: the positions 0..n-1 sorted by owner, stably (LSD radix, two 16-bit digits). */
function sortByOwner(a: AsideCustomers, n: number): void {
  const { owner, counts } = a;
  let from = a.order;
  let to = a.scratch;
  for (let k = 0; k < n; k++) from[k] = k;
  for (let shift = 0; shift < 32; shift += 16) {
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(owner[from[k]!]! >>> shift) & 0xffff]! += 1;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const s = from[k]!;
      to[counts[(owner[s]! >>> shift) & 0xffff]!++] = s;
    }
    const t = from;
    from = to;
    to = t;
  }
  // Two passes: the result is back in `order`, where the first pass read from.
}
