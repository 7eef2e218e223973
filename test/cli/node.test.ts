/** downline/node: the importers reading files from disk. */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readHistoryFiles, readPaidFile } from "../../src/cli/node.js";
import { DownlineInputError } from "../../src/validate/errors.js";

const dir = mkdtempSync(join(tmpdir(), "downline-node-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readHistoryFiles and readPaidFile", () => {
  it("read CSV and JSON Lines files, issues naming the file by its base name", async () => {
    writeFileSync(join(dir, "members.csv"), "id,sponsor,joined\nA,,2025-01-01\nB,A,2025-01-02\n");
    writeFileSync(join(dir, "orders.jsonl"), '{"date":"2025-01-03","member":"B","price":"10","cv":"10"}\n');
    writeFileSync(join(dir, "paid.csv"), "member,period,amount\nA,2025-01,1.00\n");
    const history = await readHistoryFiles({ members: join(dir, "members.csv"), orders: join(dir, "orders.jsonl") });
    expect(history.orders.count).toBe(1);
    expect((await readPaidFile(join(dir, "paid.csv"), history)).amount[0]).toBe(100);
    writeFileSync(join(dir, "bad.csv"), "id,sponsor,joined\nA,Z,2025-01-01\n");
    const error = await readHistoryFiles({ members: join(dir, "bad.csv") }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownlineInputError);
    expect((error as DownlineInputError).issues[0]!.path).toBe("bad.csv:2: sponsor");
  });
});
