/**
 * The example notebook (examples/notebooks/compare-plans.ipynb, Deno's
 * Jupyter kernel) without running Jupyter: its kernel is the repository's
 * own kernelspec, `downline` resolves to this repository's source, and every
 * name it imports from downline is one the package exports. CI type-checks
 * its code with `deno check` and executes it headless (scripts/notebooks.ts,
 * `.ci/run`).
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as api from "../../src/index.js";
import { notebookCode, notebooks, NOTEBOOKS_DIR, shown } from "../../scripts/notebooks.js";

describe("the example notebooks", () => {
  it("compare-plans.ipynb is among them, on the repository's Deno kernel", () => {
    expect(notebooks().map((p) => p.slice(NOTEBOOKS_DIR.length + 1))).toContain("compare-plans.ipynb");
    const kernel = JSON.parse(readFileSync(join(NOTEBOOKS_DIR, "jupyter/kernels/deno/kernel.json"), "utf8"));
    expect(kernel.argv.slice(0, 3)).toEqual(["deno", "jupyter", "--kernel"]);
    const deno = JSON.parse(readFileSync(join(NOTEBOOKS_DIR, "deno.json"), "utf8"));
    expect(existsSync(join(NOTEBOOKS_DIR, deno.imports.downline))).toBe(true);
    for (const path of notebooks()) expect(JSON.parse(readFileSync(path, "utf8")).metadata.kernelspec.name).toBe(kernel.display_name.toLowerCase());
  });

  it.each(notebooks().map((p) => [p.slice(NOTEBOOKS_DIR.length + 1), p]))("%s imports only what downline exports", (_name, path) => {
    const code = notebookCode(path);
    const block = /import\s*\{([^}]*)\}\s*from\s*"downline"/.exec(code);
    expect(block).not.toBeNull();
    const names = block![1]!
      .split(",")
      .map((n) => n.trim())
      .filter((n) => n !== "" && !n.startsWith("type "));
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(api, name).toHaveProperty(name);
  });

  it.each(notebooks().map((p) => [p.slice(NOTEBOOKS_DIR.length + 1), p]))("%s, as committed, shows tables and at least two charts, and no error", (_name, path) => {
    const s = shown(JSON.parse(readFileSync(path, "utf8")));
    expect(s.errors).toEqual([]);
    expect(s.tables).toBeGreaterThanOrEqual(1);
    expect(s.charts).toBeGreaterThanOrEqual(2);
  });
});
