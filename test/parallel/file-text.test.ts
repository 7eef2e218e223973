import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileText } from "../../src/parallel/file-text.js";

const dir = mkdtempSync(join(tmpdir(), "downline-file-text-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(path: string): Promise<string> {
  let text = "";
  for await (const chunk of fileText(path)) text += chunk;
  return text;
}

describe("a file's text, ASCII chunks read as Latin-1", () => {
  it("is the file decoded as UTF-8: ASCII chunks, then characters of 2 to 4 bytes across 1 MiB chunk boundaries, and a byte-order mark dropped", async () => {
    const ascii = "id,sponsor,joined\n".repeat(70_000); // past one chunk (1 MiB) of plain ASCII
    const wide = "é,✓,😀,ü\n".repeat(200_000); // characters cut across chunk boundaries
    for (const [name, text] of [
      ["ascii.csv", ascii],
      ["mixed.csv", ascii + wide + ascii],
      ["bom.csv", "\ufeff" + ascii],
      ["empty.csv", ""],
    ] as const) {
      const path = join(dir, name);
      const bytes = new TextEncoder().encode(text);
      writeFileSync(path, bytes);
      expect(await read(path), name).toBe(new TextDecoder("utf-8").decode(bytes));
    }
  });
});
