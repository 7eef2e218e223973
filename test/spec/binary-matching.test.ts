/** Matching on binary earnings works through the matching component. */
import { own, type SpecCase } from "./cases.js";
import { runSpecCases } from "./run.js";

const CASES: SpecCase[] = [
  {
    name: "a 10% match on a binary check (issue #4: matching on binary earnings)",
    plan: {
      activity: { minPv: "0" },
      components: [
        { type: "binary", pay: { kind: "weakLeg", rate: "0.10" } },
        { type: "matching", components: ["binary"], rates: ["0.10"] },
      ],
    },
    // Sponsor tree: A=0 sponsored B=1; B sponsored D=2 and E=3.
    // Placement: B under A (left); D under B on the left, E under B on the right.
    uplines: [-1, 0, 1, 1],
    placement: { width: 2, parent: [-1, 0, 1, 1], slot: [0, 0, 0, 1] },
    orders: [own(2, 100), own(3, 200)],
    // Binary: B's legs are D (100) and E (200), both sponsored by her and active: 10% × 100 = 10.00; 100 carries on the right.
    //         A's legs: left 300 (B's subtree), right 0: nothing pairs (and she has no sponsored member on the right).
    // Matching: A's generation 1 is B, paid 10.00 by the binary: 10% × 10.00 = 1.00.
    paid: { binary: { 1: "10.00" }, matching: { 0: "1.00" } },
    breakage: { binary: "0.00", matching: "0.00" },
  },
];

runSpecCases("binary with matching", CASES);
