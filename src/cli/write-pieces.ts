/**
 * Writes text pieces to a file one by one: a ledger of tens of millions of
 * lines, or the rows of millions of members, never sits in memory as one
 * string.
 *
 * @module
 */
import { closeSync, openSync, writeSync } from "node:fs";

/** Writes `pieces` to `file` (created or truncated), in order. */
export function writePieces(file: string, pieces: Iterable<string>): void {
  const fd = openSync(file, "w");
  try {
    for (const piece of pieces) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}
