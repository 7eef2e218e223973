/**
 * A history replayed into a world: period by period, the history's joins,
 * quits, customers and orders are written into the same struct-of-arrays
 * state a simulated world keeps (world/state.ts), and each period ends with
 * the same network a plan is paid on. After the last period the state is a
 * world like any other — members with their tenures and identity keys,
 * customers with their subscriptions, the placement tree — and the
 * scenario's steps continue it: a forecast.
 *
 * One period of the history, in the world's order (world/steps):
 *
 * 1. quits — members whose quit period this is leave (they quit during the
 *    previous period);
 * 2. roll-up — the world's own step: their downlines move to the nearest
 *    remaining upline;
 * 3. customers — a quitter's customers move to her upline (as customers do
 *    in the data: they keep ordering), churned customers leave;
 * 4. joins — the period's new members, in index order, under their sponsor
 *    (or, if she has quit, her nearest remaining upline), at their position
 *    in the placement tree (or placed by the scenario's mode when the history
 *    has none);
 * 5. acquisitions — the period's new customers;
 * 6. orders — each credited as the history says (build.ts);
 * 7. placement volume — the world's own step.
 *
 * Members and customers from before period 0 are there from the start, with
 * negative join periods, as in a generated mature network; quitters from
 * before period 0 too, gone, their downlines rolled up.
 *
 * Identity keys: a historical member's from (seed, "history-member", her
 * external id), a customer's from (seed, "history-customer", her id) —
 * so a forecast's draws for a member are her own, whatever her index.
 *
 * @module
 */
import { ROLES, type Role } from "../world/roles.js";
import { concernKey, textKey } from "../random/keyed.js";
import type { Scenario } from "../world/scenario.js";
import type { PeriodNetwork } from "../world/network.js";
import { pushOrder } from "../world/network.js";
import { addMember, appendCustomer, type WorldState } from "../world/state.js";
import { NO_INPUT } from "../world/steps/input.js";
import { placementVolume } from "../world/steps/placement-volume.js";
import { rollUp } from "../world/steps/roll-up.js";
import { beginPeriod, createWorldState, endPeriod, type World, type WorldPeriodStats } from "../world/world.js";
import type { History } from "./history.js";

/** A history being replayed into a world. */
export interface HistoryWorld {
  /** The world the history is written into (read-only outside). */
  readonly world: World;
  /** The history's periods. */
  readonly periods: number;
  /** Replays the next period of the history; its network and counts, as `stepWorld` returns them. */
  step(): { network: PeriodNetwork; stats: WorldPeriodStats };
  /**
   * After the last period: readies the world for the scenario's steps
   * (customers take up their subscriptions) and says what was not carried.
   */
  handOver(): HistoryHandOver;
}

/** What the world keeps of a history when a forecast continues it. */
export interface HistoryHandOver {
  /** Members current at the end of the history. */
  readonly members: number;
  /** Customers carried into the forecast: not churned, with a recurring order (her last one's price is her subscription). */
  readonly customers: number;
  /** Customers not churned but with no recurring order (one-time buyers): not carried. */
  readonly oneTimeCustomers: number;
}

/** Problems that make a history and a scenario unfit for each other (period length, currency, placement width). */
export function historyScenarioProblems(history: History, scenario: Scenario): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const spec = scenario.spec;
  if (spec.period !== history.calendar.period) {
    problems.push({ path: "scenario.period", message: `expected "${history.calendar.period}", the history's period, got "${spec.period}"` });
  }
  if (spec.currency !== history.currency) {
    problems.push({ path: "scenario.currency", message: `expected "${history.currency}", the history's currency, got "${spec.currency}"` });
  }
  const tree = history.members.placement;
  const width = spec.placement === undefined ? undefined : spec.placement.kind === "binary" ? 2 : spec.placement.width;
  if (tree && width === undefined) {
    problems.push({ path: "scenario.placement", message: `the history has a placement tree ${tree.width} wide: give the scenario a placement of that width (how newcomers are placed)` });
  } else if (tree && width !== tree.width) {
    problems.push({ path: "scenario.placement", message: `expected a placement ${tree.width} wide, as the history's, got ${width}` });
  }
  return problems;
}

/**
 * A world that replays `history` period by period (the scenario gives the
 * market, the placement mode for a history without positions, and, for a
 * forecast, the dynamics that continue it). The caller has checked
 * {@link historyScenarioProblems}.
 */
export function createHistoryWorld(history: History, scenario: Scenario, options: { readonly seed?: number | string; readonly recordOrders?: boolean } = {}): HistoryWorld {
  const seed = options.seed ?? 42;
  const { members: m, customers: c, orders: o } = history;
  const state: WorldState = createWorldState(scenario, { seed, ...(options.recordOrders ? { recordOrders: true } : {}) }, m.count, c.count);
  const memberKey = concernKey(seed, "history-member");
  const customerKey = concernKey(seed, "history-customer");
  const keyHi = new Int32Array(1);
  const keyLo = new Int32Array(1);
  // Each customer's subscription: her latest recurring order (price, CV), by history index; -1 for none yet.
  const subscriptionPrice = new Float64Array(c.count).fill(-1);
  const subscriptionCv = new Float64Array(c.count);
  const tree = m.placement;
  const roleCodes = m.role ? m.role.values.map((v) => ROLES.indexOf(v.trim().toLowerCase() as Role)) : [];
  const roleOf = (i: number): number | undefined => {
    const code = m.role?.code[i] ?? -1;
    const role = code >= 0 ? roleCodes[code]! : -1;
    return role >= 0 ? role : undefined;
  };
  let nextMember = 0;
  let nextCustomer = 0;

  /**
   * Adds history member i to the world: the one place a historical member's
   * fields are filled (a new per-member field read from the history — role,
   * package, … — is set here too).
   */
  const addHistoryMember = (i: number, join: number): void => {
    textKey(memberKey, m.ids.text(i), keyHi, keyLo, 0);
    const s = m.sponsor[i]!;
    const position = tree ? { parent: tree.parent[i]!, slot: tree.slot[i]! } : undefined;
    // The first `start.founders` members are the company's (they never quit); a member's role is the
    // history's when its `role` column names one of the world's roles, else drawn from her key.
    const at = addMember(state, s, join, keyHi[0]!, keyLo[0]!, i < scenario.spec.start.founders, position, roleOf(i));
    if (at !== i) throw new Error(`downline/history: member ${i} was added at ${at}`);
    // Under a sponsor who has quit: her nearest remaining upline (pointers of quitters may be stale).
    let up = s;
    while (up >= 0 && state.alive[up] === 0) up = state.upline[up]!;
    state.upline[i] = up;
  };

  const addHistoryCustomer = (k: number): boolean => {
    let owner = c.distributor[k]!;
    while (owner >= 0 && state.alive[owner] === 0) owner = state.upline[owner]!;
    if (owner < 0) return false;
    textKey(customerKey, c.ids.text(k), keyHi, keyLo, 0);
    appendCustomer(state, owner, c.joinPeriod[k]!, keyHi[0]!, keyLo[0]!, k, 0, 0);
    return true;
  };

  // Before period 0: members and customers of the past, quitters of the past gone.
  while (nextMember < m.count && m.joinPeriod[nextMember]! < 0) {
    addHistoryMember(nextMember, m.joinPeriod[nextMember]!);
    nextMember += 1;
  }
  for (let i = 0; i < nextMember; i++) {
    if (m.quitPeriod[i]! < 0) {
      state.alive[i] = 0;
      state.quitPeriod[i] = m.quitPeriod[i]!;
    }
    const p = state.upline[i]!;
    if (p >= 0 && state.alive[p] === 0) state.upline[i] = state.upline[p]!;
  }
  let write = 0;
  for (let idx = 0; idx < state.currentCount; idx++) if (state.alive[state.current[idx]!] === 1) state.current[write++] = state.current[idx]!;
  state.currentCount = write;
  while (nextCustomer < c.count && c.joinPeriod[nextCustomer]! < 0) {
    if (c.churnPeriod[nextCustomer]! >= 0) addHistoryCustomer(nextCustomer);
    nextCustomer += 1;
  }

  const step = (): { network: PeriodNetwork; stats: WorldPeriodStats } => {
    const t = state.period;
    if (t >= history.periods) throw new RangeError(`downline/history: the history has ${history.periods} periods; period ${t} is past its end`);
    beginPeriod(state);
    const tally = state.tally;
    // 1. Quits.
    for (let idx = 0; idx < state.currentCount; idx++) {
      const i = state.current[idx]!;
      if (i < m.count && m.quitPeriod[i]! <= t) {
        state.alive[i] = 0;
        state.quitPeriod[i] = t;
        tally.quits += 1;
      }
    }
    // 2. Roll-up.
    rollUp(state, NO_INPUT);
    // 3. Existing customers: orphans move up, churned ones leave.
    let kept = 0;
    for (let k = 0; k < state.customers; k++) {
      let owner = state.customerOwner[k]!;
      if (state.alive[owner] === 0) {
        state.customerCount[owner]! -= 1;
        owner = state.upline[owner]!;
        if (owner >= 0) state.customerCount[owner]! += 1;
      }
      const id = state.customerId[k]!;
      if (owner < 0 || c.churnPeriod[id]! <= t) {
        if (owner >= 0) state.customerCount[owner]! -= 1;
        tally.lostCustomers += 1;
        continue;
      }
      state.customerOwner[kept] = owner;
      state.customerJoin[kept] = state.customerJoin[k]!;
      state.customerPrice[kept] = state.customerPrice[k]!;
      state.customerCvEach[kept] = state.customerCvEach[k]!;
      state.customerId[kept] = id;
      state.customerKeyHi[kept] = state.customerKeyHi[k]!;
      state.customerKeyLo[kept] = state.customerKeyLo[k]!;
      kept += 1;
    }
    state.customers = kept;
    // 4. Joins.
    while (nextMember < m.count && m.joinPeriod[nextMember]! <= t) {
      addHistoryMember(nextMember, t);
      nextMember += 1;
      tally.joins += 1;
    }
    // 5. Acquisitions.
    while (nextCustomer < c.count && c.joinPeriod[nextCustomer]! <= t) {
      if (c.churnPeriod[nextCustomer]! > t && addHistoryCustomer(nextCustomer)) tally.newCustomers += 1;
      nextCustomer += 1;
    }
    // 6. Orders.
    const records = tally.orders;
    const columns = state.orderColumns;
    let revenueCustomers = 0;
    let revenueDistributors = 0;
    let cvTotal = 0;
    for (let k = o.periodStart[t]!; k < o.periodStart[t + 1]!; k++) {
      const member = o.member[k]!;
      const customer = o.customer[k]!;
      const price = o.price[k]!;
      const cv = o.cv[k]!;
      const join = customer < 0 ? state.joinPeriod[member]! : c.joinPeriod[customer]!;
      if (customer < 0) {
        state.ownCv[member]! += cv;
        state.ownSpend[member]! += price;
        revenueDistributors += price;
      } else {
        state.customerCv[member]! += cv;
        revenueCustomers += price;
        if (o.recurring[k] === 1) {
          subscriptionPrice[customer] = price;
          subscriptionCv[customer] = cv;
        }
      }
      cvTotal += cv;
      pushOrder(columns, member, customer, join, price, cv);
      records?.push({ member, customer, price, cv, customerJoin: join });
    }
    tally.revenueCustomers += revenueCustomers;
    tally.revenueDistributors += revenueDistributors;
    tally.cv += cvTotal;
    // 7. Placement volume.
    placementVolume(state, NO_INPUT);
    return endPeriod(state);
  };

  return {
    world: state,
    periods: history.periods,
    step,
    handOver() {
      if (state.period !== history.periods) throw new RangeError(`downline/history: hand over after the last period (${history.periods}), not at ${state.period}`);
      let kept = 0;
      let oneTime = 0;
      for (let k = 0; k < state.customers; k++) {
        const id = state.customerId[k]!;
        if (subscriptionPrice[id]! < 0) {
          oneTime += 1;
          state.customerCount[state.customerOwner[k]!]! -= 1;
          continue;
        }
        state.customerOwner[kept] = state.customerOwner[k]!;
        state.customerJoin[kept] = state.customerJoin[k]!;
        state.customerPrice[kept] = subscriptionPrice[id]!;
        state.customerCvEach[kept] = subscriptionCv[id]!;
        state.customerId[kept] = id;
        state.customerKeyHi[kept] = state.customerKeyHi[k]!;
        state.customerKeyLo[kept] = state.customerKeyLo[k]!;
        kept += 1;
      }
      state.customers = kept;
      // New customers of the forecast are numbered after every customer of the history.
      state.customersEver = Math.max(state.customersEver, c.count);
      return { members: state.currentCount, customers: kept, oneTimeCustomers: oneTime };
    },
  };
}
