/**
 * A run written down as a history: every member (sponsor, join and quit
 * periods, placement), every customer (the distributor she first ordered
 * through, acquisition and churn periods) and every order of every period.
 * Replaying it pays exactly what the run paid; written as CSV
 * (`historyCsvPieces`) it is a sample business to import.
 *
 * @module
 */
import { grown } from "../util/grow.js";
import { periodIndexOfDay, parseDay, type HistoryCalendar } from "../history/calendar.js";
import { externalIdsOf, NEVER, type History } from "../history/history.js";
import type { Collector, CollectorFactory } from "./collector.js";

/** Options of {@link historyCollector}. */
export interface HistoryCollectorOptions {
  /** The first day of period 0, `YYYY-MM-DD` (default `2025-01-01`); a week's Monday for weekly runs. */
  readonly start?: string;
  /** Member i's external id (default `M` + (i + 1)). */
  readonly memberId?: (i: number) => string;
  /** Customer c's external id, c being the world's customer number (default `C` + (c + 1)). */
  readonly customerId?: (c: number) => string;
}

/**
 * Collects a run as a {@link History}: the members and customers it had and
 * the orders of every period, every order marked recurring (a simulated
 * world's orders are subscriptions and autoships). Money in minor units.
 * It keeps every order (28 bytes each): small and mid-size runs.
 *
 * @example
 * const run = simulate({ scenario: { months: 6 }, seed: 1, collectors: { history: historyCollector() } });
 * const again = replay(run.collected.history, DEFAULT_PLAN);
 * again.periods[5].payout === run.periods[5].payout // => true
 */
export function historyCollector(options: HistoryCollectorOptions = {}): CollectorFactory<History> {
  return (setup) => {
    const { world, scenario } = setup;
    const startText = options.start ?? "2025-01-01";
    const startDay = parseDay(startText);
    if (Number.isNaN(startDay)) throw new RangeError(`downline/history: start: expected a date like 2025-01-31, got ${JSON.stringify(startText)}`);
    const calendar: HistoryCalendar = { period: scenario.spec.period, first: periodIndexOfDay(scenario.spec.period, startDay) };
    let n = 0;
    let member = new Int32Array(1024);
    let customer = new Int32Array(1024);
    let price = new Float64Array(1024);
    let cv = new Float64Array(1024);
    const periodStart: number[] = [0];
    // Customers by the world's customer number: first distributor, acquisition and churn periods.
    let distributor: Int32Array = new Int32Array(1024).fill(-1);
    let joinPeriod = new Int32Array(1024);
    let churnPeriod: Int32Array = new Int32Array(1024).fill(NEVER);
    let present = new Uint8Array(1024);
    // The customers the world starts with (a generated network's): some churn in the first period.
    for (let k = 0; k < world.customers; k++) {
      const id = world.customerId[k]!;
      if (id >= distributor.length) {
        const cap = Math.ceil(id * 1.25) + 1024;
        distributor = grownFilled(distributor, cap, -1);
        joinPeriod = grown(joinPeriod, cap);
        churnPeriod = grownFilled(churnPeriod, cap, NEVER);
        present = grown(present, cap);
      }
      present[id] = 1;
      distributor[id] = world.customerOwner[k]!;
      joinPeriod[id] = world.customerJoin[k]!;
    }
    let periods = 0;
    let firstPeriod = -1;
    const collector: Collector<History> = {
      period({ network, period }) {
        if (firstPeriod < 0) firstPeriod = period;
        periods += 1;
        const count = network.orderCount ?? 0;
        if (n + count > member.length) {
          const cap = Math.ceil((n + count) * 1.25) + 1024;
          member = grown(member, cap);
          customer = grown(customer, cap);
          price = grown(price, cap);
          cv = grown(cv, cap);
        }
        for (let k = 0; k < count; k++) {
          member[n] = network.orderMember![k]!;
          customer[n] = network.orderCustomer![k]!;
          price[n] = network.orderPrice![k]!;
          cv[n] = network.orderCv![k]!;
          n += 1;
        }
        periodStart.push(n);
        // Customers now: newcomers get their distributor; those gone since last period churned now.
        const ever = world.customersEver;
        if (ever > distributor.length) {
          const cap = Math.ceil(ever * 1.25) + 1024;
          distributor = grownFilled(distributor, cap, -1);
          joinPeriod = grown(joinPeriod, cap);
          churnPeriod = grownFilled(churnPeriod, cap, NEVER);
          present = grown(present, cap);
        }
        const now = new Uint8Array(present.length);
        for (let k = 0; k < world.customers; k++) {
          const id = world.customerId[k]!;
          now[id] = 1;
          if (distributor[id] === -1) {
            distributor[id] = world.customerOwner[k]!;
            joinPeriod[id] = world.customerJoin[k]!;
          }
        }
        for (let id = 0; id < present.length; id++) if (present[id] === 1 && now[id] === 0) churnPeriod[id] = period;
        present = now;
      },
      result(): History {
        const size = world.size;
        const quitPeriod = new Int32Array(size);
        for (let i = 0; i < size; i++) quitPeriod[i] = world.alive[i] === 1 ? NEVER : world.quitPeriod[i]!;
        const memberId = options.memberId ?? ((i: number) => `M${i + 1}`);
        const customerIdOf = options.customerId ?? ((c: number) => `C${c + 1}`);
        // Customers seen, in the world's numbering, dense.
        const seen: number[] = [];
        for (let id = 0; id < Math.min(distributor.length, world.customersEver); id++) if (distributor[id]! >= 0) seen.push(id);
        const denseOf = new Int32Array(Math.max(1, world.customersEver)).fill(-1);
        seen.forEach((id, j) => (denseOf[id] = j));
        const orderCustomer = customer.slice(0, n);
        for (let k = 0; k < n; k++) if (orderCustomer[k]! >= 0) orderCustomer[k] = denseOf[orderCustomer[k]!]!;
        const offset = firstPeriod < 0 ? 0 : firstPeriod;
        const shift = (a: Int32Array) => {
          if (offset !== 0) for (let i = 0; i < a.length; i++) if (a[i] !== NEVER) a[i]! -= offset;
          return a;
        };
        const placement = world.placement;
        return {
          calendar: { period: calendar.period, first: calendar.first + offset },
          periods,
          currency: scenario.spec.currency,
          digits: scenario.digits,
          members: {
            count: size,
            ids: externalIdsOf(Array.from({ length: size }, (_, i) => memberId(i))),
            sponsor: world.sponsor.slice(0, size),
            joinPeriod: shift(world.joinPeriod.slice(0, size)),
            quitPeriod: shift(quitPeriod),
            ...(placement ? { placement: { width: placement.width, parent: placement.parent.slice(0, size), slot: placement.slot.slice(0, size) } } : {}),
          },
          customers: {
            count: seen.length,
            ids: externalIdsOf(seen.map(customerIdOf)),
            distributor: Int32Array.from(seen, (id) => distributor[id]!),
            joinPeriod: shift(Int32Array.from(seen, (id) => joinPeriod[id]!)),
            churnPeriod: shift(Int32Array.from(seen, (id) => churnPeriod[id]!)),
          },
          orders: {
            count: n,
            periodStart: Int32Array.from(periodStart),
            member: member.slice(0, n),
            customer: orderCustomer,
            price: price.slice(0, n),
            cv: cv.slice(0, n),
            recurring: new Uint8Array(n).fill(1),
          },
          files: [],
        };
      },
    };
    return collector;
  };
}

/** `a`'s values in a longer array whose new entries hold `fill`. */
function grownFilled(a: Int32Array, capacity: number, fill: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(capacity).fill(fill);
  b.set(a);
  return b;
}
