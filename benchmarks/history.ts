/**
 * Histories at scale: import, build, replay, forecast.
 *
 *     node --import tsx benchmarks/history.ts <import|build|replay|forecast>
 *
 * - `import`: a seeded synthetic business of 1,000,000 members (joined over
 *   24 months, sponsors drawn among earlier members, a fifth of them quit),
 *   1,000,000 customers and 4,000,000 orders (half own, half customers'),
 *   written once as CSV under the system's temp folder (about 230 MB), read
 *   with `readHistoryFiles` (1 MiB chunks). Reports seconds, the peak of
 *   heap + array buffers (sampled every 20 ms) and the bytes of the typed
 *   arrays the history holds (its columns and its interned ids).
 * - `build`: a period network from 1,000,000 members and 4,000,000 orders as
 *   columns (`networkFromRecords`), and the replay world's periods of the
 *   imported history (each period's network built from the history).
 * - `replay`: the imported history paid under the benchmark plan (20%
 *   customer commission + 7-level compressed unilevel), ledger off.
 * - `forecast`: a 100,000-member business simulated 12 months (not timed),
 *   then `simulate({ start: { history } })` for 36 months from it: the 12
 *   months replayed, then the forecast.
 *
 * One task per process (peak memory belongs to it alone); the result is one
 * JSON line. The machine has 2 cores shared with others: run each a few
 * times only, and read the spread.
 *
 * @module
 */
import { createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { networkFromRecords, replay, simulate, historyCollector, historySummary, type History } from "../src/index.js";
import { readHistoryFiles } from "../src/cli/node.js";
import { createHistoryWorld } from "../src/history/world-from-history.js";
import { replayScenario } from "../src/run/replay.js";
import { UNILEVEL_7 } from "./workloads.js";

const MB = 1024 * 1024;
const MEMBERS = 1_000_000;
const CUSTOMERS = 1_000_000;
const ORDERS = 4_000_000;
const MONTHS = 24;
const DATA = joinPath(tmpdir(), `downline-history-bench-${MEMBERS}-${ORDERS}`);

/** A seeded linear congruential generator: the data is the same on every machine. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

async function writeFile(path: string, write: (put: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
  const out = createWriteStream(`${path}.tmp`);
  let buffer = "";
  const put = async (text: string) => {
    buffer += text;
    if (buffer.length < 1 << 20) return;
    if (!out.write(buffer)) await new Promise<void>((r) => out.once("drain", () => r()));
    buffer = "";
  };
  await write(put);
  out.write(buffer);
  await new Promise<void>((r) => out.end(() => r()));
  renameSync(`${path}.tmp`, path);
}

/** Writes the synthetic business's three files, once. */
async function ensureData(): Promise<void> {
  if (existsSync(joinPath(DATA, "orders.csv"))) return;
  mkdirSync(DATA, { recursive: true });
  const rand = lcg(2024);
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = (month: number, day: number) => `${2023 + Math.floor(month / 12)}-${pad((month % 12) + 1)}-${pad(day)}`;
  const joined = new Int32Array(MEMBERS);
  const quit = new Int32Array(MEMBERS).fill(MONTHS);
  await writeFile(joinPath(DATA, "members.csv"), async (put) => {
    await put("id,sponsor,joined,quit\n");
    for (let i = 0; i < MEMBERS; i++) {
      const month = Math.floor((i / MEMBERS) * MONTHS);
      joined[i] = month;
      const sponsor = i === 0 ? "" : `M${Math.floor(rand() * i) + 1}`;
      // A fifth quit, in a month from their join to the last (the root never does).
      if (i > 0 && rand() < 0.2) quit[i] = month + Math.floor(rand() * (MONTHS - month));
      // Join days rise with the index within a month: members are in join order, as an export sorted by date.
      const day = 1 + Math.floor(((i / MEMBERS) * MONTHS - month) * 27);
      await put(`M${i + 1},${sponsor},${date(month, day)},${quit[i]! < MONTHS ? date(quit[i]!, 28) : ""}\n`);
    }
  });
  const owner = new Int32Array(CUSTOMERS);
  await writeFile(joinPath(DATA, "customers.csv"), async (put) => {
    await put("id,distributor,acquired,churned\n");
    for (let c = 0; c < CUSTOMERS; c++) {
      const m = Math.floor(rand() * MEMBERS);
      owner[c] = m;
      await put(`C${c + 1},M${m + 1},${date(joined[m]!, 28)},\n`);
    }
  });
  await writeFile(joinPath(DATA, "orders.csv"), async (put) => {
    await put("id,date,member,customer,price,cv,recurring\n");
    for (let k = 0; k < ORDERS; k++) {
      if (rand() < 0.5) {
        const m = Math.floor(rand() * MEMBERS);
        const month = joined[m]! + Math.floor(rand() * (quit[m]! - joined[m]! + (quit[m]! < MONTHS ? 1 : 0)));
        await put(`O${k + 1},${date(Math.min(month, MONTHS - 1), 28)},M${m + 1},,125.00,100.00,1\n`);
      } else {
        const c = Math.floor(rand() * CUSTOMERS);
        const m = owner[c]!;
        const month = joined[m]! + Math.floor(rand() * (MONTHS - joined[m]!));
        await put(`O${k + 1},${date(month, 28)},,C${c + 1},59.00,47.20,1\n`);
      }
    }
  });
}

/** Bytes of the typed arrays a history holds: its columns and its interned ids. */
function historyBytes(h: History): number {
  const seen = new Set<ArrayBufferLike>();
  let bytes = 0;
  const visit = (x: unknown, depth: number) => {
    if (x === null || typeof x !== "object" || depth > 6) return;
    if (ArrayBuffer.isView(x)) {
      if (!seen.has(x.buffer)) {
        seen.add(x.buffer);
        bytes += x.buffer.byteLength;
      }
      return;
    }
    for (const v of Object.values(x)) visit(v, depth + 1);
  };
  visit(h, 0);
  return bytes;
}

/** Samples heap + array buffers every 20 ms. */
function peakSampler() {
  let peak = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.heapUsed + m.arrayBuffers);
  };
  const timer = setInterval(sample, 20);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

async function importData(): Promise<History> {
  await ensureData();
  return readHistoryFiles({ members: joinPath(DATA, "members.csv"), customers: joinPath(DATA, "customers.csv"), orders: joinPath(DATA, "orders.csv") });
}

const seconds = (from: number) => +((performance.now() - from) / 1000).toFixed(2);

async function main(task: string | undefined): Promise<Record<string, unknown>> {
  switch (task) {
    case "import": {
      await ensureData();
      const base = process.memoryUsage();
      const peak = peakSampler();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const history = await importData();
      const wall = seconds(t0);
      const cpu = process.cpuUsage(cpu0);
      const peakBytes = peak.stop() - (base.heapUsed + base.arrayBuffers);
      const built = historyBytes(history);
      return {
        task,
        seconds: wall,
        // CPU of the process (the main thread and V8's helper threads): what the import costs when it has a core.
        cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
        summary: historySummary(history),
        builtMb: +(built / MB).toFixed(0),
        peakMb: +(peakBytes / MB).toFixed(0),
        peakOverBuilt: +(peakBytes / built).toFixed(2),
        peakRssMb: +(process.resourceUsage().maxRSS / 1024).toFixed(0),
      };
    }
    case "build": {
      const rand = lcg(7);
      const uplines = new Int32Array(MEMBERS);
      for (let i = 0; i < MEMBERS; i++) uplines[i] = i === 0 ? -1 : Math.floor(rand() * i);
      const member = new Int32Array(ORDERS);
      const customer = new Int32Array(ORDERS);
      const price = new Float64Array(ORDERS);
      const cv = new Float64Array(ORDERS);
      for (let k = 0; k < ORDERS; k++) {
        member[k] = Math.floor(rand() * MEMBERS);
        const own = rand() < 0.5;
        customer[k] = own ? -1 : k;
        price[k] = own ? 125_00 : 59_00;
        cv[k] = own ? 100_00 : 47_20;
      }
      const times: number[] = [];
      for (let r = 0; r < 3; r++) {
        const t0 = performance.now();
        const net = networkFromRecords({ uplines, orders: { member, customer, price, cv } });
        times.push(seconds(t0));
        if (net.orderCount !== ORDERS) throw new Error("orders lost");
      }
      const history = await importData();
      const world = createHistoryWorld(history, replayScenario(history));
      const periods: number[] = [];
      for (let t = 0; t < history.periods; t++) {
        const t0 = performance.now();
        world.step();
        periods.push(performance.now() - t0);
      }
      return {
        task,
        networkFromColumnsSeconds: times,
        historyPeriods: history.periods,
        historyOrders: history.orders.count,
        replayWorldSecondsTotal: +(periods.reduce((s, x) => s + x, 0) / 1000).toFixed(2),
        replayWorldMsPerPeriodMax: +Math.max(...periods).toFixed(0),
      };
    }
    case "replay": {
      const history = await importData();
      const peak = peakSampler();
      const t0 = performance.now();
      const result = replay(history, UNILEVEL_7, { ledger: false });
      const wall = seconds(t0);
      return {
        task,
        seconds: wall,
        periods: result.periods.length,
        members: history.members.count,
        orders: history.orders.count,
        payout: result.periods.reduce((s, r) => s + r.payout, 0),
        peakMb: +(peak.stop() / MB).toFixed(0),
        peakRssMb: +(process.resourceUsage().maxRSS / 1024).toFixed(0),
      };
    }
    case "forecast": {
      const scenario = { months: 12, start: { founders: 1, network: { distributors: 100_000, customersPerDistributor: 3 } }, market: { prospects: 2_000_000 } };
      const past = simulate({ scenario, plan: UNILEVEL_7, seed: 42, ledger: false, collectors: { history: historyCollector() } });
      const history = past.collected.history;
      const t0 = performance.now();
      const future = simulate({ scenario: { months: 36, market: { prospects: 2_000_000 } }, plan: UNILEVEL_7, seed: 1, ledger: false, start: { history } });
      const wall = seconds(t0);
      return {
        task,
        seconds: wall,
        historyMembers: history.members.count,
        historyOrders: history.orders.count,
        historyMonths: history.periods,
        forecastMonths: future.periods.length,
        membersAtEnd: future.periods.at(-1)!.members,
        everJoined: future.memberColumns.size,
        peakRssMb: +(process.resourceUsage().maxRSS / 1024).toFixed(0),
      };
    }
    default:
      throw new Error("usage: node --import tsx benchmarks/history.ts <import|build|replay|forecast>");
  }
}

console.log(JSON.stringify(await main(process.argv[2])));
