/**
 * The example notebooks (examples/notebooks/*.ipynb, Deno's Jupyter kernel):
 *
 *   npx tsx scripts/notebooks.ts check     type-check every notebook's code (deno check)
 *   npx tsx scripts/notebooks.ts execute   run every notebook headless (jupyter nbconvert --execute)
 *                                          into a temporary folder; fail on a throwing cell, or
 *                                          when a notebook shows no table or fewer than two charts
 *   npx tsx scripts/notebooks.ts execute --in-place   the same, writing the outputs back (to commit them)
 *
 * The kernel is the repository's own (examples/notebooks/jupyter/kernels/deno,
 * found through JUPYTER_PATH); `deno` is the npm package's binary
 * (node_modules/.bin on PATH). CI runs both (`.ci/run`).
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const NOTEBOOKS_DIR = join(root, "examples", "notebooks");
const BIN = join(root, "node_modules", ".bin");

/** A notebook's cells, as nbformat 4 stores them. */
interface Notebook {
  readonly cells: readonly { readonly cell_type: string; readonly source: string | readonly string[]; readonly outputs?: readonly { readonly output_type: string; readonly data?: Record<string, unknown>; readonly ename?: string }[] }[];
  readonly metadata: { readonly kernelspec?: { readonly name?: string } };
}

const text = (source: string | readonly string[]) => (typeof source === "string" ? source : source.join(""));

/** The notebooks, by path. */
export function notebooks(): string[] {
  return readdirSync(NOTEBOOKS_DIR)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => join(NOTEBOOKS_DIR, f));
}

/** The environment the notebooks run in: the npm package's deno first on PATH, the repository's kernelspec on JUPYTER_PATH. */
export function notebookEnv(): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${BIN}${delimiter}${process.env.PATH ?? ""}`, JUPYTER_PATH: join(NOTEBOOKS_DIR, "jupyter") };
}

/** A notebook's code cells as one TypeScript module (cells share one scope in the kernel, as a module's statements do). */
export function notebookCode(path: string): string {
  const nb = JSON.parse(readFileSync(path, "utf8")) as Notebook;
  return nb.cells
    .filter((c) => c.cell_type === "code")
    .map((c, k) => `// cell ${k + 1}\n${text(c.source)}\n`)
    .join("\n");
}

/** Type-checks every notebook's code with deno (its deno.json: `downline` is src/index.ts); returns the failures. */
export function checkNotebooks(): { path: string; output: string }[] {
  const failures: { path: string; output: string }[] = [];
  for (const path of notebooks()) {
    // Beside the notebook, so that its deno.json and relative imports apply.
    const file = join(NOTEBOOKS_DIR, `.${basename(path, ".ipynb")}.check.ts`);
    writeFileSync(file, notebookCode(path));
    try {
      const r = spawnSync("deno", ["check", "--quiet", file], { cwd: NOTEBOOKS_DIR, env: notebookEnv(), encoding: "utf8" });
      if (r.status !== 0) failures.push({ path, output: `${r.stdout}${r.stderr}${r.error ? String(r.error) : ""}` });
    } finally {
      rmSync(file, { force: true });
    }
  }
  return failures;
}

/** What an executed notebook shows: Markdown or HTML tables, charts (SVG or PNG images), errors. */
export function shown(nb: Notebook): { tables: number; charts: number; errors: string[] } {
  let tables = 0;
  let charts = 0;
  const errors: string[] = [];
  for (const cell of nb.cells) {
    for (const o of cell.outputs ?? []) {
      if (o.output_type === "error") errors.push(o.ename ?? "error");
      const data = o.data ?? {};
      const md = data["text/markdown"];
      if ((md !== undefined && /^\|.*\|\s*$/m.test(text(md as string | string[]))) || data["text/html"] !== undefined) tables += 1;
      if (data["image/svg+xml"] !== undefined || data["image/png"] !== undefined) charts += 1;
    }
  }
  return { tables, charts, errors };
}

/** Executes every notebook with `jupyter nbconvert --to notebook --execute`; returns each one's outputs, or throws naming the one that failed. */
export function executeNotebooks(inPlace: boolean): { path: string; tables: number; charts: number }[] {
  const out = inPlace ? undefined : mkdtempSync(join(tmpdir(), "downline-notebooks-"));
  try {
    return notebooks().map((path) => {
      const args = ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.timeout=600", "--ExecutePreprocessor.record_timing=False", ...(inPlace ? ["--inplace"] : ["--output-dir", out!]), path];
      console.log(`$ jupyter ${args.join(" ")}`);
      const r = spawnSync("jupyter", args, { cwd: NOTEBOOKS_DIR, env: notebookEnv(), encoding: "utf8", stdio: ["ignore", "inherit", "pipe"] });
      if (r.status !== 0) throw new Error(`${basename(path)}: jupyter nbconvert --execute failed (exit ${r.status}${r.error ? `, ${r.error.message}` : ""}):\n${(r.stderr ?? "").split("\n").slice(-30).join("\n")}`);
      const executed = JSON.parse(readFileSync(inPlace ? path : join(out!, basename(path)), "utf8")) as Notebook;
      const s = shown(executed);
      if (s.errors.length > 0) throw new Error(`${basename(path)}: cells raised ${s.errors.join(", ")}`);
      if (s.tables < 1 || s.charts < 2) throw new Error(`${basename(path)}: expected at least one table and two charts in the outputs, got ${s.tables} and ${s.charts}`);
      console.log(`${basename(path)}: executed, ${s.tables} tables and ${s.charts} charts shown`);
      return { path, tables: s.tables, charts: s.charts };
    });
  } finally {
    if (out) rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, flag] = process.argv.slice(2);
  if (command === "check") {
    const failures = checkNotebooks();
    for (const f of failures) console.error(`${basename(f.path)}: deno check failed:\n${f.output}`);
    if (failures.length > 0) process.exit(1);
    console.log(`deno check: ${notebooks().length} notebook(s) type-check`);
  } else if (command === "execute") {
    try {
      executeNotebooks(flag === "--in-place");
    } catch (e) {
      console.error((e as Error).message);
      process.exit(1);
    }
  } else {
    console.error("usage: tsx scripts/notebooks.ts check | execute [--in-place]");
    process.exit(2);
  }
}
