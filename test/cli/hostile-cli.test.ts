/**
 * Issue 10, item 4: a command line that loses nothing and never ends in a
 * stack trace. Outputs are checked before any work and written through a
 * temporary file; a closed pipe ends quietly; a file given positionally is
 * never ignored; every bad-input fixture ends with exit 2 and one line per
 * problem on stderr, naming the file, never a stack trace.
 */
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reportFailure } from "../../src/cli/main.js";
import { cli } from "./in-process.js";
import { parseMemory } from "../../src/cli/memory-budget.js";
import { openOutputFile } from "../../src/cli/output-file.js";
import { inputKind } from "../../src/cli/read-input.js";
import { membersCsvPieces } from "../../src/output/member-csv.js";
import type { MemberColumns } from "../../src/analysis/member-totals.js";

const dir = mkdtempSync(join(tmpdir(), "downline-hostile-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const SMALL = { months: 3, start: { network: { distributors: 200 } }, market: { prospects: 3000 } };
const scenarioFile = file("small-scenario.json", JSON.stringify(SMALL));
const planFile = file("flat-plan.json", JSON.stringify({ name: "Flat", components: [{ type: "unilevel", rates: ["0.1", "0.05"] }] }));

/** The command line as a process of its own (tsx), for what only a process shows: pipes, signals, exit codes. */
const CLI = ["--import", "tsx", join(process.cwd(), "src/cli/main.ts")];

/** Every line is a downline problem line; nothing looks like a stack trace. */
function expectProblemLines(err: string, count?: number): void {
  const lines = err.trimEnd().split("\n");
  for (const line of lines) expect(line).toMatch(/^downline(\/[a-z]+)?: /);
  expect(err).not.toMatch(/^\s+at /m);
  if (count !== undefined) expect(lines).toHaveLength(count);
}

describe("a file given positionally is never ignored", () => {
  // Issue 10: `run plan.json` ran the default plan; `validate plan.json` checked the default plan and said ok.
  it("run plan.json runs that plan; run scenario.json plan.json, in any order, runs both", async () => {
    const r = await cli(["run", planFile, "--scenario", scenarioFile, "--format", "table"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Plan "Flat" on scenario "default, with months, start.network.distributors, market.prospects", seed 42, 3 months/);
    const both = await cli(["run", planFile, scenarioFile]);
    expect(both.out).toMatch(/Plan "Flat" on scenario "default, with months, start.network.distributors, market.prospects", seed 42, 3 months/);
  });

  it("validate plan.json validates it: a bad positional plan is refused, naming the file", async () => {
    const bad = file("bad-positional.json", JSON.stringify({ components: [{ type: "unilevel", rates: [-3] }] }));
    const r = await cli(["validate", bad]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`downline/plan: ${bad}: components[0].rates[0]: expected a decimal string like "0.05", got -3\n`);
    expect((await cli(["validate", planFile])).out).toMatch(/plan "Flat": ok \(unilevel\)/);
  });

  it("a plan is told from a scenario by its keys; a file that is neither, or both, is refused", async () => {
    expect(inputKind({ components: [] }, "p")).toBe("plan");
    expect(inputKind({ ranks: [] }, "p")).toBe("plan");
    expect(inputKind({ months: 3 }, "s")).toBe("scenario");
    expect(inputKind({ name: "x", market: {} }, "s")).toBe("scenario");
    const neither = file("neither.json", '{"name": "x"}');
    const r = await cli(["validate", neither]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `downline/options: ${neither}: cannot tell a plan from a scenario: a plan has "components", a scenario one of currency, months, period, start, market, recruitment, customers, distributors, placement, cvRatio; give it with --plan or --scenario\n`,
    );
    const both = file("both.json", '{"months": 3, "components": []}');
    expect((await cli(["validate", both])).err).toMatch(/it has plan keys \(components\) and scenario keys \(months\)/);
    expect((await cli(["validate", file("array.json", "[1]")])).err).toMatch(/expected a plan or a scenario \(a JSON object\), got an array/);
  });

  it("two plans, or a plan and --preset, are refused", async () => {
    expect((await cli(["run", planFile, "--plan", planFile])).err).toMatch(new RegExp(`a second plan: ${planFile.replace(/[.]/g, "\\.")} is already the plan`));
    expect((await cli(["run", planFile, "--preset", "binary"])).err).toMatch(/a second plan: --preset binary is already the plan/);
    expect((await cli(["plan.json"])).err).toBe(
      'downline/options: command: unknown command "plan.json", expected one of run, compare, disclose, stop, sweep, validate, presets; to run it: downline run plan.json (see downline --help)\n',
    );
  });
});

describe("outputs are checked before any work", () => {
  // Issue 10: `--ledger /tmp` and `--members /nonexistent/m.csv` failed after all the work, with stack traces.
  it.each([
    ["--ledger", () => dir, /^downline\/options: --ledger: .* is a directory; expected a file to write$/],
    ["--members", () => "/nonexistent/m.csv", /^downline\/options: --members: cannot write \/nonexistent\/m\.csv: the directory \/nonexistent does not exist$/],
    ["--ledger", () => "/sys/downline.csv", /^downline\/options: --ledger: cannot write \/sys\/downline\.csv: permission denied \(EACCES\)$/],
    ["--members", () => scenarioFile, /is the input .*small-scenario\.json; expected a file of its own$/],
  ])("%s %s: exit 2, one line, nothing run", async (flag, path, message) => {
    const r = await cli(["run", "--scenario", scenarioFile, flag, path()]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.trimEnd()).toMatch(message);
    expectProblemLines(r.err, 1);
  });

  it("the same file for --ledger and --members is refused", async () => {
    const target = join(dir, "same.csv");
    const r = await cli(["run", "--scenario", scenarioFile, "--ledger", target, "--members", target]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--members: .*same\.csv is --ledger's file; expected a file of its own/);
    expect(readdirSync(dir).filter((f) => f.includes("same.csv"))).toEqual([]);
  });

  it("a run over --memory is refused before any output is opened, the estimate in the message", async () => {
    const target = join(dir, "never.csv");
    const r = await cli(["run", "--scenario", scenarioFile, "--memory", "1K", "--ledger", target]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^downline/scenario: ${scenarioFile.replace(/[.]/g, "\\.")}: \\S+: the run would need about [\\d,]+ MiB, over the memory budget of 1 MiB`));
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes("never.csv"))).toEqual([]);
    expect(parseMemory("8G")).toBe(8 * 1024 ** 3);
    expect(parseMemory("512 MiB")).toBe(512 * 1024 ** 2);
    expect((await cli(["validate", "--memory", "lots"])).err).toBe('downline/options: --memory: expected a size like 8G, 512M or 2048MB, got "lots"\n');
  });
});

describe("outputs are written whole, or not at all", () => {
  it("a written file appears under its name only when complete; no temporary file is left", async () => {
    const ledger = join(dir, "ledger.csv");
    const members = join(dir, "members.csv");
    const r = await cli(["run", "--scenario", scenarioFile, "--ledger", ledger, "--members", members, "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(readFileSync(ledger, "utf8")).toMatch(/^period,payee,component,amount\n/);
    expect(readFileSync(members, "utf8")).toMatch(/^member,sponsor,/);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("before its write, the target does not exist (only a hidden temporary file); discard removes that too", () => {
    const sub = join(dir, "discard");
    mkdirSync(sub);
    const out = openOutputFile(join(sub, "x.csv"), "--ledger");
    expect(readdirSync(sub)).toEqual([expect.stringMatching(/^\.x\.csv\.downline-\d+-\d+\.tmp$/)]);
    out.discard();
    expect(readdirSync(sub)).toEqual([]);
  });

  it("pieces are written as they are made, each on disk before the next is asked for (streaming, with backpressure)", () => {
    const target = join(dir, "stream.csv");
    const out = openOutputFile(target, "--members");
    const temp = () => join(dir, readdirSync(dir).find((f) => f.startsWith(".stream.csv."))!);
    const seen: number[] = [];
    function* pieces() {
      for (let k = 0; k < 5; k++) {
        seen.push(statSync(temp()).size);
        yield "x".repeat(1000) + "\n";
      }
    }
    out.write(pieces());
    expect(seen).toEqual([0, 1001, 2002, 3003, 4004]);
    expect(statSync(target).size).toBe(5005);
  });

  // Issue 10: `--members` on 2.5M distributors failed after 222 s with `RangeError: Invalid string length`.
  it("2,500,000 members are written as pieces of at most 10,000 rows: no piece near a string's limit", () => {
    const n = 2_500_000;
    const zeros = (C: Int32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor) => new C(n);
    const columns: MemberColumns = {
      size: n,
      components: ["unilevel"],
      paidBy: ["company"],
      sponsor: zeros(Int32Array) as Int32Array,
      upline: zeros(Int32Array) as Int32Array,
      joinPeriod: zeros(Int32Array) as Int32Array,
      quitPeriod: zeros(Int32Array) as Int32Array,
      alive: zeros(Uint8Array) as Uint8Array,
      role: zeros(Uint8Array) as Uint8Array,
      company: zeros(Uint8Array) as Uint8Array,
      recruits: zeros(Int32Array) as Int32Array,
      customers: zeros(Int32Array) as Int32Array,
      periodsActive: zeros(Int32Array) as Int32Array,
      rank: zeros(Uint8Array) as Uint8Array,
      title: zeros(Uint8Array) as Uint8Array,
      earnings: [zeros(Float64Array) as Float64Array],
      purchases: zeros(Float64Array) as Float64Array,
      requiredPurchases: zeros(Float64Array) as Float64Array,
      expenses: zeros(Float64Array) as Float64Array,
      hours: zeros(Float64Array) as Float64Array,
    };
    // The first pieces, and how many there are: 250 of 10,000 rows and the header.
    const it = membersCsvPieces(columns, 2);
    expect(it.next().value).toMatch(/^member,/);
    const piece = it.next().value as string;
    expect(piece.split("\n")).toHaveLength(10_001);
    expect(piece.length).toBeLessThan(1_000_000);
  });

  it("an interrupted run (killed while it works) leaves no file under the output's name", async () => {
    const sub = mkdtempSync(join(dir, "killed-"));
    const scenario = file("slow.json", JSON.stringify({ months: 600, start: { network: { distributors: 20_000 } }, market: { prospects: 100_000 } }));
    const ledger = join(sub, "ledger.csv");
    const child = spawn(process.execPath, [...CLI, "run", scenario, "--ledger", ledger], { stdio: "ignore" });
    // Wait for the temporary file: the outputs are open, the run is under way.
    for (let waited = 0; readdirSync(sub).length === 0 && waited < 20_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGKILL");
    await new Promise((r) => child.on("exit", r));
    const left = readdirSync(sub);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.ledger\.csv\.downline-\d+-\d+\.tmp$/);
    expect(existsSync(ledger)).toBe(false);
  });
});

describe("failures end in one line and an exit code, never a stack trace", () => {
  it("ENOSPC while writing an output: one line, exit 1 (the run failed)", async () => {
    const r = await cli(["run", "--scenario", scenarioFile, "--ledger", "/dev/full"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("downline: cannot write /dev/full: no space left on device (ENOSPC)\n");
  });

  it("a reader that stops reading (| head): exit 0, nothing on stderr (the table, and a ledger on stdout)", () => {
    const long = file("long.json", JSON.stringify({ months: 1200, start: { founders: 3, network: null }, market: { prospects: 0 } }));
    for (const args of [["run", long], ["run", scenarioFile, "--format", "csv", "--ledger", "/dev/stdout"]]) {
      const r = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" ${CLI.map((a) => `"${a}"`).join(" ")} ${args.map((a) => `"${a}"`).join(" ")} | head -c 100 > /dev/null`], { encoding: "utf8" });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
    }
  });

  it("an unexpected error is one line with exit 1; --debug adds its stack", () => {
    const lines: string[] = [];
    expect(reportFailure(new TypeError("x is not a function"), false, (t) => lines.push(t))).toBe(1);
    expect(lines).toEqual(["downline: the run failed: TypeError: x is not a function (run again with --debug for the stack trace)\n"]);
    lines.length = 0;
    reportFailure(new TypeError("x is not a function"), true, (t) => lines.push(t));
    expect(lines.join("")).toMatch(/^downline: the run failed: TypeError: x is not a function\nTypeError: x is not a function\n\s+at /);
  });

  it("--debug shows the stack of an input error too", async () => {
    const r = await cli(["validate", "--months", "x", "--debug"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^downline\/options: --months: expected a whole number, got "x"\nDownlineInputError: /);
    expect(r.err).toMatch(/^\s+at /m);
  });

  // The issue's "Must show": a test that greps stderr over every bad-input fixture.
  const huge = "[".repeat(50_000);
  const FIXTURES: [string, string | Buffer][] = [
    ["not-json.json", "{ components: [ { type: unilevel } ] "],
    ["empty.json", ""],
    ["null.json", "null"],
    ["deep.json", huge],
    ["deep-object.json", '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000)],
    ["bom-bad.json", "\uFEFF{\"components\": 5}"],
    ["control.json", '{"components": [{"type": "uni\u0001level", "rates": ["0.1"]}]}'],
    ["raw-control.json", '{"components": [{"type": "unilevel", "rates": ["0.1\n"]}]}'],
    ["newline-key.json", '{"components": [{"type": "unilevel", "rates": ["0.1"], "a\\nb": 1}]}'],
    ["long-rate.json", JSON.stringify({ components: [{ type: "unilevel", rates: ["0." + "0".repeat(100_000) + "1"] }] })],
    ["long-string.json", JSON.stringify({ name: "x".repeat(20_000), components: [{ type: "unilevel", rates: ["0.1"] }] })],
    ["big.json", " ".repeat(1024 * 1024 + 10)],
    ["latin1.json", Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d])],
    ["proto.json", '{"__proto__": {"x": 1}, "components": [{"type": "unilevel", "rates": ["0.1"]}]}'],
    ["nan.json", '{"components": [{"type": "unilevel", "rates": [NaN]}]}'],
    ["huge-number.json", '{"components": [{"type": "unilevel", "rates": [1e400]}]}'],
    ["many-rates.json", JSON.stringify({ components: [{ type: "unilevel", rates: Array.from({ length: 3000 }, () => "0.1") }] })],
    ["bad-scenario.json", JSON.stringify({ months: 1.5, currency: "usd", start: { founders: -1 } })],
    ["over-budget.json", JSON.stringify({ recruitment: { model: "uniform", rate: 1000 }, market: { prospects: 2_000_000_000 } })],
    ["fifty-million.json", JSON.stringify({ start: { network: { distributors: 50_000_000, customersPerDistributor: 4 } }, market: { prospects: 2_000_000_000 } })],
  ];

  it.each(FIXTURES)("%s: exit 2, one line per problem naming the file, no stack trace", async (name, content) => {
    const path = file(name, content);
    for (const argv of [["validate", path], ["run", path], ["run", "--plan", path, "--scenario", scenarioFile], ["run", "--scenario", path]]) {
      const r = await cli(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.out).toBe("");
      expectProblemLines(r.err);
      // Every line names the file (the error is about it) or the option that read it.
      for (const line of r.err.trimEnd().split("\n")) expect(line.includes(path) || /^downline\/scenario: (?!.*: .*: )/.test(line) || line.startsWith("downline/options:")).toBe(true);
      expect(r.err.length).toBeLessThan(8000);
    }
  });

  it("{} is a scenario of defaults with --scenario, but tells nothing positionally", async () => {
    const path = file("neither.json", "{}");
    for (const argv of [["validate", path], ["run", path]]) {
      const r = await cli(argv);
      expect(r.code).toBe(2);
      expectProblemLines(r.err, 1);
    }
  });

  it("/dev/zero as a plan is read no further than the size limit; a directory as a plan", async () => {
    expect((await cli(["validate", "--plan", "/dev/zero"])).err).toBe("downline/plan: /dev/zero: expected a file of at most 1,048,576 bytes, got more\n");
    const r = await cli(["validate", "--plan", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^downline\/plan: .*: cannot read the file \(EISDIR: illegal operation on a directory, read\)\n$/);
  });

  it("as a process: bad input ends with exit 2 and no stack trace", () => {
    const r = spawnSync(process.execPath, [...CLI, "run", file("p-deep.json", huge)], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expectProblemLines(r.stderr, 1);
    expect(execFileSync(process.execPath, [...CLI, "--help"], { encoding: "utf8" })).toMatch(/exit codes: 0 done, 1 the run failed, 2 bad input/);
  });
});
