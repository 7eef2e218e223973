/**
 * Issue 9: the command line's commands on small worlds and few seeds —
 * compare, disclose, stop, sweep, presets, run's formats — what they print
 * in each format, the numbers a CSV export gives back, formula-like cells
 * escaped, charts drawn, outputs refused before any work, --help for every
 * command, the progress bar only on a terminal.
 */
import { afterAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import Papa from "papaparse";
import { cli } from "./in-process.js";
import { progressBar } from "../../src/cli/progress.js";
import { memberSpec } from "../../src/cli/commands/stop.js";
import pkg from "../../package.json" with { type: "json" };

const dir = mkdtempSync(join(tmpdir(), "downline-commands-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const small = file("small.json", JSON.stringify({ name: "small", months: 6, start: { founders: 1, network: { distributors: 150 } }, market: { prospects: 3000 } }));
const PAIR = ["wellness-unilevel", "stairstep-breakaway"];

const csvRows = (text: string) => Papa.parse<Record<string, string>>(text.trimEnd(), { header: true }).data;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe("every command has its --help; --version", () => {
  it.each(["run", "compare", "disclose", "stop", "sweep", "validate", "presets"])("downline %s --help", async (command) => {
    const r = await cli([command, "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^Usage: downline ${command} \\[options\\]`));
    expect(r.out).toMatch(/--debug/);
    expect(r.err).toBe("");
  });

  it("--version prints the package's version; no command is bad usage (exit 2)", async () => {
    expect(await cli(["--version"])).toEqual({ code: 0, out: `${pkg.version}\n`, err: "" });
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.err.trimEnd().split("\n").at(-1)).toBe("downline/options: command: expected one of run, compare, disclose, stop, sweep, validate, presets (see downline --help)");
  });

  it("an unknown option is one line naming it, exit 2", async () => {
    const r = await cli(["compare", "--seedz", "3"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("downline/options: compare: unknown option '--seedz' (Did you mean one of --seed, --seeds?) (see downline compare --help)\n");
  });
});

describe("downline presets", () => {
  it("one line per preset, with its business", async () => {
    const r = await cli(["presets"]);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split("\n");
    expect(lines).toHaveLength(2 + 7);
    expect(lines[2]).toMatch(/^wellness-unilevel\s+Wellness unilevel\s+retail, fastStart, unilevel, leadership\s+wellness network: 5,000 distributors, 36 months$/);
    expect(lines[6]).toMatch(/^info-product\s+Info product two-tier affiliate\s+affiliate\s+info product: 500 distributors, 24 months$/);
    expect(JSON.parse((await cli(["presets", "--format", "json"])).out).map((p: { name: string }) => p.name)).toEqual(["wellness-unilevel", "stairstep-breakaway", "saas-affiliate", "high-ticket-affiliate", "info-product", "binary", "matrix-3x7"]);
  });
});

describe("downline run: formats agree, the CSV round-trips", () => {
  it("run plan.json runs that plan; its CSV re-read gives the JSON's numbers to the cent, period by period", async () => {
    const plan = file("flat.json", JSON.stringify({ name: "Flat", components: [{ type: "unilevel", rates: ["0.1", "0.05"] }] }));
    const csv = await cli(["run", plan, small, "--format", "csv"]);
    const json = JSON.parse((await cli(["run", plan, small, "--format", "json"])).out);
    expect(json.plan).toBe("Flat");
    const rows = csvRows(csv.out);
    expect(rows).toHaveLength(json.periods.length);
    rows.forEach((row, k) => {
      const p = json.periods[k];
      expect(Number(row.period)).toBe(p.period);
      for (const field of ["revenue", "cv", "payout", "breakage", "expenses"]) expect(Math.round(Number(row[field]) * 10 ** json.digits)).toBe(p[field]);
      expect(Math.round(Number(row.payout_unilevel) * 100)).toBe(p.payoutByComponent.unilevel);
      expect(Number(row.members)).toBe(p.members);
    });
    const md = await cli(["run", plan, small, "--format", "md"]);
    expect(md.out).toMatch(/^\| Period \| Members \|/);
    expect(md.out.split("\n").filter((l) => /^\| \d+ \|/.test(l)).map((l) => Number(l.split("|")[1]))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("--out writes the output to a file (nothing on stdout); --chart draws what each component paid", async () => {
    const out = join(dir, "run.csv");
    const chart = join(dir, "run.svg");
    const r = await cli(["run", "--scenario", small, "--format", "csv", "--out", out, "--chart", chart]);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(readFileSync(out, "utf8")).toMatch(/^period,members,/);
    expect(readFileSync(chart, "utf8")).toMatch(/^<svg .*Income by component over time/s);
  });

  it("a chart file that is neither .svg nor .png is refused before any work", async () => {
    const r = await cli(["run", "--scenario", small, "--chart", join(dir, "chart.txt")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^downline\/options: --chart: expected a file name ending in \.svg or \.png, got ".*chart\.txt"\n$/);
  });
});

describe("an unwritable --out fails before any work", () => {
  // A run of this world takes many seconds: an answer within a second means nothing ran.
  const slow = file("slow.json", JSON.stringify({ months: 600, start: { network: { distributors: 20_000 } }, market: { prospects: 100_000 } }));
  it.each([
    ["run", slow],
    ["compare", "wellness-unilevel", "--scenario", slow, "--seeds", "5", "--workers", "0"],
    ["disclose", "wellness-unilevel", "--scenario", slow],
    ["stop", "wellness-unilevel", "--scenario", slow],
    ["sweep", "--scenario", slow, "--param", "market.prospects=100000,200000", "--workers", "0"],
  ])("%s …: exit 2, one line naming --out", async (...argv) => {
    for (const [target, reason] of [
      ["/nonexistent/out.txt", /the directory \/nonexistent does not exist/],
      [dir, /is a directory/],
      ["/sys/out.txt", /permission denied \(EACCES\)/],
    ] as const) {
      const started = performance.now();
      const r = await cli([...argv, "--out", target]);
      expect(performance.now() - started).toBeLessThan(3000);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.err).toMatch(new RegExp(`^downline/options: --out: .*${reason.source}.*\\n$`));
    }
  });
});

describe("downline compare", () => {
  it("a table of means with intervals and each plan's disclosure headline; JSON with the currency, its digits, periods from 0", async () => {
    const r = await cli(["compare", ...PAIR, "--scenario", small, "--seeds", "2", "--workers", "0", "--window", "run"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Means over 2 seeds ± the half-width of their 95% Student-t interval .* over periods 0–5 \(the whole run\); money in USD\./);
    expect(r.out).toMatch(/^wellness-unilevel\s+\d+\.\d% ±\d+\.\d/m);
    expect(r.out).toMatch(/^ {2}stairstep-breakaway: of [\d,]+ participants over periods 0–5 \(the whole run\), [\d.]+% were paid nothing;/m);
    const json = JSON.parse((await cli(["compare", ...PAIR, "--scenario", small, "--seeds", "2", "--workers", "0", "--window", "run", "--format", "json"])).out);
    expect(json).toMatchObject({ currency: "USD", digits: 2, seeds: [1, 2] });
    expect(json.arms.map((a: { plan: string }) => a.plan)).toEqual(PAIR);
    expect(json.periods.filter((p: { plan: string; seed: number }) => p.plan === "wellness-unilevel" && p.seed === 1).map((p: { period: number }) => p.period)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("CSV tables re-read give the JSON's numbers exactly; --seed sets the first seed", async () => {
    const args = ["compare", ...PAIR, "--scenario", small, "--seeds", "2", "--seed", "7", "--workers", "0"];
    const json = JSON.parse((await cli([...args, "--format", "json"])).out);
    const summary = csvRows((await cli([...args, "--format", "csv"])).out);
    expect(summary).toHaveLength(json.summary.length);
    summary.forEach((row, k) => {
      const s = json.summary[k];
      expect([row.plan, row.metric, row.currency, Number(row.digits), Number(row.n)]).toEqual([s.plan, s.metric, "USD", 2, s.n]);
      for (const f of ["mean", "sd", "lo", "hi"]) expect(row[f] === "" ? null : Number(row[f])).toBe(s[f]);
    });
    const periods = csvRows((await cli([...args, "--format", "csv", "--table", "periods"])).out);
    expect(periods.map((p) => [p.plan, Number(p.seed), Number(p.period), Number(p.revenue), Number(p.payout), Number(p.payoutRatio)])).toEqual(
      json.periods.map((p: Record<string, number>) => [p.plan, p.seed, p.period, p.revenue, p.payout, p.payoutRatio]),
    );
    expect(new Set(periods.map((p) => p.seed))).toEqual(new Set(["7", "8"]));
  });

  it("formula-like plan names are escaped in CSV; control characters are escaped on the terminal", async () => {
    const evil = file("evil.json", JSON.stringify({ name: "=HYPERLINK(\"http://x\",\"y\")", components: [{ type: "unilevel", rates: ["0.1"] }] }));
    const ansi = file("ansi.json", JSON.stringify({ name: "-\u001b[31mred", components: [{ type: "unilevel", rates: ["0.05"] }] }));
    const csv = await cli(["compare", evil, ansi, "--scenario", small, "--seeds", "1", "--workers", "0", "--format", "csv", "--table", "values"]);
    expect(csv.code).toBe(0);
    const plans = new Set(csvRows(csv.out).map((r) => r.plan));
    expect(plans).toEqual(new Set(["'=HYPERLINK(\"http://x\",\"y\")", "'-\\u001b[31mred"]));
    expect(csv.out).not.toMatch(/^=|,=|,-\D|\u001b/m);
    const table = await cli(["compare", evil, ansi, "--scenario", small, "--seeds", "1", "--workers", "0"]);
    expect(table.out).not.toContain("\u001b");
    expect(table.out).toContain("-\\u001b[31mred");
  });

  it("draws the payout ratio over time per plan as SVG and as PNG", async () => {
    for (const name of ["compare.svg", "compare.png"]) {
      const chart = join(dir, name);
      const r = await cli(["compare", ...PAIR, "--scenario", small, "--seeds", "2", "--workers", "0", "--chart", chart]);
      expect(r.code).toBe(0);
      const bytes = readFileSync(chart);
      if (name.endsWith(".svg")) {
        expect(bytes.toString("utf8")).toMatch(/^<svg /);
        for (const text of ["Payout ratio over time", ">wellness-unilevel<", ">stairstep-breakaway<"]) expect(bytes.toString("utf8")).toContain(text);
      }
      else expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    }
  });

  it("a bad plan file: exit 2, one line naming the file and the field, nothing run", async () => {
    const bad = file("bad-plan.json", JSON.stringify({ components: [{ type: "unilevel", rates: ["0.1", "-0.05"] }] }));
    const r = await cli(["compare", "wellness-unilevel", bad, "--scenario", small, "--seeds", "2", "--workers", "0"]);
    expect(r).toEqual({ code: 2, out: "", err: `downline/plan: ${bad}: components[0].rates[1]: expected a decimal string like "0.05", got "-0.05"\n` });
  });
});

describe("downline disclose", () => {
  it("each plan's disclosure as text, Markdown, CSV (money in major units) and JSON; the income distribution chart", async () => {
    const args = ["disclose", ...PAIR, "--scenario", small, "--window", "run"];
    const text = await cli(args);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Income disclosure: Wellness unilevel on small, periods 0–5 \(the whole run\)$/m);
    expect(text.out).toMatch(/^Percentile band\s+Participants/m);
    expect((await cli([...args, "--format", "md"])).out).toMatch(/^## Income disclosure: Stairstep-breakaway with leadership pool on small/m);
    const json = JSON.parse((await cli([...args, "--format", "json"])).out);
    const rows = csvRows((await cli([...args, "--format", "csv"])).out);
    expect(rows).toHaveLength(json.disclosures.reduce((s: number, d: { rows: unknown[] }) => s + d.rows.length, 0));
    const first = json.disclosures[0];
    expect(rows[0]).toMatchObject({ plan: "wellness-unilevel", currency: "USD", section: "all", label: "All participants", participants: String(first.rows[0].participants) });
    expect(Number(rows[0]!.earningsHigh)).toBe(first.rows[0].earningsHigh / 100);
    const chart = join(dir, "disclose.svg");
    expect((await cli([...args, "--chart", chart])).code).toBe(0);
    expect(readFileSync(chart, "utf8")).toMatch(/Income distribution/);
  });
});

describe("downline stop", () => {
  it("picks the median builder of the first year's joiners by default; her income with and without effort; CSV and JSON agree", async () => {
    const args = ["stop", "--scenario", small, "--from", "4", "--cohort", "any"];
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/effort stops in period 4 \(periods numbered from 0\)/);
    expect(r.out).toMatch(/^Who: member \d+: the median of \d+ builders of any cohort, by gross income over periods 1–3\.$/m);
    const json = JSON.parse((await cli([...args, "--format", "json"])).out);
    expect(json).toMatchObject({ fromPeriod: 4, measure: "gross", currency: "USD", digits: 2 });
    expect(json.members).toHaveLength(1);
    const rows = csvRows((await cli([...args, "--format", "csv"])).out);
    expect(rows.map((row) => [Number(row.member), Number(row.period), Number(row.sinceStop), Math.round(Number(row.withEffort) * 100)] as number[])).toEqual(
      json.periods.map((p: Record<string, number>) => [p.member, p.period, p.sinceStop, Math.round(p.withEffort!)]),
    );
    const member = json.members[0].member;
    const byIndex = JSON.parse((await cli(["stop", "--scenario", small, "--from", "4", "--member", String(member), "--format", "json"])).out);
    expect(byIndex.periods).toEqual(json.periods);
  });

  it("a group (builders) gives the cohort's quartiles and a chart; a bad rule or member is one line", async () => {
    const chart = join(dir, "stop.png");
    const r = await cli(["stop", "--scenario", small, "--from", "3", "--member", "builders", "--cohort", "before-run", "--chart", chart]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Who: all \d+ builders of the starting network \(joined before the run\) present in periods 0–2\.$/m);
    expect(r.out).toMatch(/^Period\s+Since stop\s+Members\s+With effort, median/m);
    expect([...readFileSync(chart).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect((await cli(["stop", "--scenario", small, "--member", "richest-builder"])).err).toMatch(/^downline\/options: --member: expected member indices \(1234 or 1234,5678\) or a rule/);
    expect((await cli(["stop", "--scenario", small, "--member", "999999", "--from", "3"])).err).toMatch(/^downline\/options: --member: expected a member of the base run/);
    expect(memberSpec("p90-seller")).toEqual({ kind: "rule", at: 90, role: "seller", text: "p90-seller" });
  });
});

describe("downline sweep", () => {
  it("a metric at each point; CSV with the parameter as a column; the chart", async () => {
    const args = ["sweep", "--scenario", small, "--param", "distributors.orderProbability=0.5,0.8", "--seeds", "2", "--workers", "0", "--window", "run"];
    const r = await cli(args);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^0\.5\s+Default unilevel\s+\d+\.\d%/m);
    expect(r.out).toMatch(/^0\.8\s+Default unilevel\s+\d+\.\d%/m);
    const rows = csvRows((await cli([...args, "--format", "csv"])).out);
    expect(new Set(rows.map((row) => row["distributors.orderProbability"]))).toEqual(new Set(["0.5", "0.8"]));
    const chart = join(dir, "sweep.svg");
    expect((await cli([...args, "--metric", "medianGross", "--chart", chart])).code).toBe(0);
    expect(readFileSync(chart, "utf8")).toMatch(/medianGross against distributors\.orderProbability/);
    expect((await cli(["sweep", "--scenario", small])).err).toBe("downline/options: --param: expected at least one --param PATH=VALUE,VALUE,… (a scenario field and its values)\n");
  });
});

describe("as a process", () => {
  const CLI = ["--import", "tsx", join(process.cwd(), "src/cli/main.ts")];
  it("downline run --format csv | head -1: the header, exit 0, nothing on stderr", () => {
    const r = spawnSync("bash", ["-c", `set -o pipefail; "${process.execPath}" ${CLI.map((a) => `"${a}"`).join(" ")} run --months 3 --format csv | head -1`], { encoding: "utf8" });
    expect(r.stdout).toMatch(/^period,members,active,/);
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("a progress bar only when stderr is a terminal", () => {
    const written: string[] = [];
    const tty = Object.assign(new PassThrough(), { isTTY: true, columns: 100 }) as unknown as NodeJS.WriteStream;
    tty.on("data", (d: Buffer) => written.push(d.toString()));
    const bar = progressBar("comparing", 4, "runs", tty);
    bar.update(2);
    bar.stop();
    expect(written.join("")).toMatch(/comparing \[.*\] \d\/4 runs/);
    const piped: string[] = [];
    const pipe = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
    pipe.on("data", (d: Buffer) => piped.push(d.toString()));
    const none = progressBar("comparing", 4, "runs", pipe);
    none.update(2);
    none.stop();
    expect(piped).toEqual([]);
    expect(existsSync(dir)).toBe(true);
  });
});
