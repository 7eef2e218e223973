/**
 * "Run me directly": an example runs its main when it is the script Node was
 * given (`npx tsx examples/x.ts`), and not when imported. The check compares
 * paths (argv[1], real, against the module's file URL made a path), so it
 * holds where a URL and a path are spelt differently: a folder with a space
 * (`%20` in the URL), or reached through a symlink.
 */
import { afterAll, describe, expect, it } from "vitest";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const work = mkdtempSync(join(tmpdir(), "downline run directly "));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of what the examples import (src, presets, examples), in a folder whose name has spaces; node_modules linked. */
function copyWithSpaces(): string {
  const copy = join(work, "my examples", "down line");
  mkdirSync(copy, { recursive: true });
  for (const dir of ["src", "presets", "examples"]) cpSync(join(ROOT, dir), join(copy, dir), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  return copy;
}

const run = (script: string, args: string[] = []) => spawnSync(TSX, [script, ...args], { encoding: "utf8", timeout: 60_000 });

describe("examples run directly", () => {
  it("every example uses the path check, not a file:// string built by hand", () => {
    const examples = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".ts"));
    expect(examples.length).toBeGreaterThanOrEqual(9);
    for (const f of examples) {
      const text = readFileSync(join(ROOT, "examples", f), "utf8");
      expect(text, f).toContain("realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)");
      expect(text, f).not.toContain("`file://${process.argv[1]}`");
    }
  });

  it("from a folder whose path has spaces, and through a symlink to it, an example runs its main", () => {
    const copy = copyWithSpaces();
    const script = join(copy, "examples", "plan-from-json.ts");
    const plan = join(copy, "examples", "plans", "two-packages.json");
    const direct = run(script, [plan]);
    expect(direct.stderr).toBe("");
    expect(direct.status).toBe(0);
    expect(direct.stdout).toMatch(/^two-packages\.json: "Two enrolment packages in one tree: paid as if of the lower package" paid \d+\.\d\d over 24 months/);
    // The same file reached through a symlink: argv[1] is the link, the module's URL the real file.
    const link = join(work, "linked example.ts");
    symlinkSync(script, link);
    const linked = run(link, [plan]);
    expect(linked.status).toBe(0);
    expect(linked.stdout).toBe(direct.stdout);
  });

  it("imported, an example does not run its main", () => {
    const example = pathToFileURL(join(work, "my examples", "down line", "examples", "custom-component.ts")).href;
    const importer = join(work, "my examples", "importer.mts");
    writeFileSync(importer, `const m = await import(${JSON.stringify(example)});\nconsole.log(typeof m.main);\n`);
    const imported = run(importer);
    expect(imported.stderr).toBe("");
    expect(imported.stdout).toBe("function\n");
  });
});
