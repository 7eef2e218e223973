/** downline/node: the importers reading files from disk. */
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readHistoryFiles, readPaidFile } from "../../src/cli/node.js";
import { importHistory } from "../../src/history/import.js";
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

  it("read a CSV orders file on a second thread: the same history, the same issues, the same error for a missing file", async () => {
    const members = "id,sponsor,joined,quit\nM1,,2025-01-02,\nM2,M1,2025-01-10,\nM3,M2,2025-02-03,2025-03-31\n";
    const customers = "id,distributor,acquired\nC1,M2,2025-01-15\nC2,M3,2025-02-10\n";
    const orders = (extra: string) => `id,date,member,customer,price,cv\nO1,2025-01-12,M2,,100.00,80.00\nO2,2025-02-15,,C2,39.00,31.20\nO3,2025-03-01,,C1,"1,0",1\n${extra}`;
    writeFileSync(join(dir, "m.csv"), members);
    writeFileSync(join(dir, "c.csv"), customers);
    const cases = ["", "O4,2025-04-02,,C2,1,1\n", "O1,2025-02-01,M9,,x,1\n", "\"O5,2025-01-20,M1,,1,1\n"];
    for (const extra of cases) {
      writeFileSync(join(dir, "o.csv"), orders(extra));
      const direct = await importHistory({ members: { name: "m.csv", data: members }, customers: { name: "c.csv", data: customers }, orders: { name: "o.csv", data: orders(extra) } }).then(
        (h) => ({ orders: [...h.orders.member], price: [...h.orders.price], periodStart: [...h.orders.periodStart], customers: [...h.customers.distributor] }),
        (e: DownlineInputError) => e.issues.map((i) => `${i.path}: ${i.message}`),
      );
      const fromDisk = await readHistoryFiles({ members: join(dir, "m.csv"), customers: join(dir, "c.csv"), orders: join(dir, "o.csv") }).then(
        (h) => ({ orders: [...h.orders.member], price: [...h.orders.price], periodStart: [...h.orders.periodStart], customers: [...h.customers.distributor] }),
        (e: DownlineInputError) => e.issues.map((i) => `${i.path}: ${i.message}`),
      );
      expect(fromDisk, extra).toEqual(direct);
    }
    const missing = await readHistoryFiles({ members: join(dir, "m.csv"), orders: join(dir, "nowhere.csv") }).catch((e: unknown) => e);
    expect((missing as NodeJS.ErrnoException).code).toBe("ENOENT");
  });
});
