/**
 * The command line run in the test's own process: its exit code, what it
 * wrote to stdout, and what it wrote to stderr (captured, not shown).
 */
import { vi } from "vitest";
import { main } from "../../src/cli/main.js";

/** Runs the command line in this process; stdout and stderr captured. */
export async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const err: string[] = [];
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  const out: string[] = [];
  try {
    const code = await main(argv, (t) => out.push(t));
    return { code, out: out.join(""), err: err.join("") };
  } finally {
    spy.mockRestore();
  }
}
