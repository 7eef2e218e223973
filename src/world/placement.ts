/**
 * The placement tree, built as members join (binary and matrix plans pay on it):
 *
 * - binary `extremeLeft` / `extremeRight`: at the bottom of the sponsor's
 *   outside left (right) edge;
 * - binary `alternate`: the sponsor's recruits go to the bottom of her outside
 *   left and right edges in turn (first left);
 * - binary `weakerLegCount` / `weakerLegVolume`: to the bottom of the outside
 *   edge of her leg with fewer members (less lifetime volume, counted to the end
 *   of the previous period; volume ties by members); ties go left;
 * - (extreme modes put every recruit of a sponsor on one edge, so each tree is
 *   a line per edge: a binary plan pays little or nothing on it);
 * - binary `spillover` and matrix `sponsor`: the first open position under the
 *   sponsor, breadth-first, left to right;
 * - matrix `company`: the first open position in the whole tree, breadth-first
 *   under the first founder.
 *
 * Founders are the tops. A member who quits keeps her position: her placement
 * downline stays under her and its volume keeps flowing up through her.
 * Positions are found without recursion: edges by bottom pointers with path
 * compression, breadth-first by each sponsor's cursor over positions numbered
 * breadth-first below her.
 *
 * @module
 */
import { grown } from "../util/grow.js";

export type BinaryPlacementMode = "extremeLeft" | "extremeRight" | "alternate" | "weakerLegCount" | "weakerLegVolume" | "spillover";
export type MatrixSpillover = "sponsor" | "company";

/** A placement tree under construction. */
export interface Placement {
  readonly width: number;
  size: number;
  parent: Int32Array;
  slot: Uint8Array;
  /** `child[p × width + s]`: who holds slot s under p, or -1. */
  child: Int32Array;
  /** Per member: a node on her bottom-left / bottom-right path (a hint, compressed on use). */
  edge: Int32Array[];
  /** Per member: the first breadth-first position below her that may be open. */
  cursor: Float64Array;
  /** Per member: members in her placement subtree, herself included (weaker-leg by count). */
  count: Int32Array;
  /** Per member: lifetime volume of her placement subtree, to the end of the last period (weaker-leg by volume). */
  volume: Float64Array;
  /** Per member: recruits placed so far (alternate). */
  placed: Int32Array;
  /** Scratch: this period's placement-subtree volume. */
  periodVolume: Float64Array;
  readonly choose: (p: Placement, sponsor: number) => [parent: number, slot: number];
  readonly countsNeeded: boolean;
}

/** Creates an empty placement tree for a binary mode or a matrix of `width`. */
export function createPlacement(
  spec: { readonly kind: "binary"; readonly mode: BinaryPlacementMode } | { readonly kind: "matrix"; readonly width: number; readonly spillover: MatrixSpillover },
  capacity = 16,
): Placement {
  const width = spec.kind === "binary" ? 2 : spec.width;
  const choose = spec.kind === "matrix" ? (spec.spillover === "company" ? companySpillover : sponsorSpillover) : BINARY_MODES[spec.mode];
  return {
    width,
    size: 0,
    parent: new Int32Array(capacity),
    slot: new Uint8Array(capacity),
    child: new Int32Array(capacity * width).fill(-1),
    edge: [new Int32Array(capacity), new Int32Array(capacity)],
    cursor: new Float64Array(capacity),
    count: new Int32Array(capacity),
    volume: new Float64Array(capacity),
    placed: new Int32Array(capacity),
    periodVolume: new Float64Array(capacity),
    choose,
    countsNeeded: spec.kind === "binary" && (spec.mode === "weakerLegCount" || spec.mode === "weakerLegVolume"),
  };
}

/**
 * Places member `i` (the next index) under her sponsor (-1: a founder, at the
 * top). Returns her placement parent.
 */
export function place(p: Placement, i: number, sponsor: number): number {
  openEntry(p, i);
  if (sponsor < 0) {
    p.parent[i] = -1;
    p.slot[i] = 0;
    return -1;
  }
  const [parent, slot] = p.choose(p, sponsor);
  p.parent[i] = parent;
  p.slot[i] = slot;
  hang(p, i, parent, slot);
  p.placed[sponsor]! += 1;
  return parent;
}

/**
 * Places member `i` (the next index) at a given position: `parent` (-1 at the
 * top) and `slot` under it, as a replayed history says. The tree's bookkeeping
 * (edges, breadth-first cursors, counts) is kept as {@link place} keeps it, so
 * newcomers placed by the mode afterwards find their positions as in a
 * world built from the start. The caller has checked the position (a slot is
 * taken once; the parent's index is below `i`).
 */
export function placeAt(p: Placement, i: number, sponsor: number, parent: number, slot: number): void {
  openEntry(p, i);
  p.parent[i] = parent;
  p.slot[i] = parent < 0 ? 0 : slot;
  if (parent < 0) return;
  hang(p, i, parent, slot);
  if (sponsor >= 0) p.placed[sponsor]! += 1;
}

/** Opens member `i`'s entry (the next index): a subtree of her own (edges, breadth-first cursor, count), room grown. */
function openEntry(p: Placement, i: number): void {
  if (i !== p.size) throw new RangeError(`downline/placement: members are placed in join order: expected member ${p.size}, got ${i}`);
  if (p.size === p.parent.length) growPlacement(p);
  p.size += 1;
  p.edge[0]![i] = i;
  p.edge[1]![i] = i;
  p.cursor[i] = 1;
  p.count[i] = 1;
}

/** Hangs member `i` in `slot` under `parent` (≥ 0); counts her in every placement upline's subtree where the mode reads counts. */
function hang(p: Placement, i: number, parent: number, slot: number): void {
  p.child[parent * p.width + slot] = i;
  if (p.countsNeeded) for (let a = parent; a >= 0; a = p.parent[a]!) p.count[a]! += 1;
}

/**
 * Adds a period's volume to every placement subtree's lifetime volume (for the
 * weaker-leg-by-volume mode): a reverse pass is a post-order, as parents have
 * lower indices.
 */
export function addPlacementVolume(p: Placement, ownCv: Float64Array, customerCv: Float64Array): void {
  const add = p.periodVolume;
  add.fill(0, 0, p.size);
  for (let i = p.size - 1; i >= 0; i--) {
    add[i]! += ownCv[i]! + customerCv[i]!;
    const parent = p.parent[i]!;
    if (parent >= 0) add[parent]! += add[i]!;
    p.volume[i]! += add[i]!;
  }
}

/**
 * The bottom of `v`'s outside edge on `side` (0 left, 1 right). Hints jump down
 * the edge; every member passed on the way is pointed at the bottom found (path
 * compression), so a long edge is walked once, not once per recruit.
 */
function bottom(p: Placement, v: number, side: number): number {
  const hint = p.edge[side]!;
  let x = hint[v]!;
  for (;;) {
    const c = p.child[x * 2 + side]!;
    if (c < 0) break;
    x = hint[c]!;
  }
  for (let y = v; ; ) {
    const h = hint[y]!;
    hint[y] = x;
    if (h === x) break;
    const c = p.child[h * 2 + side]!;
    if (c < 0) break;
    y = c;
  }
  return x;
}

const edgeOf =
  (side: number) =>
  (p: Placement, sponsor: number): [number, number] => [bottom(p, sponsor, side), side];

/** Members of the placement subtree under `leg` (0 for no leg). */
const countOf = (p: Placement, leg: number): number => (leg < 0 ? 0 : p.count[leg]!);
/** Lifetime volume of the placement subtree under `leg` (0 for no leg). */
const volumeOf = (p: Placement, leg: number): number => (leg < 0 ? 0 : p.volume[leg]!);

/**
 * The leg of `sponsor` to place into: the right one when `rightIsWeaker` says
 * so of her (left, right) legs, else the left; at its outside edge.
 */
const weaker =
  (rightIsWeaker: (p: Placement, left: number, right: number) => boolean) =>
  (p: Placement, sponsor: number): [number, number] => {
    const side = rightIsWeaker(p, p.child[sponsor * 2]!, p.child[sponsor * 2 + 1]!) ? 1 : 0;
    return [bottom(p, sponsor, side), side];
  };

const BINARY_MODES: Record<BinaryPlacementMode, (p: Placement, sponsor: number) => [number, number]> = {
  extremeLeft: edgeOf(0),
  extremeRight: edgeOf(1),
  alternate: (p, sponsor) => edgeOf(p.placed[sponsor]! % 2)(p, sponsor),
  weakerLegCount: weaker((p, l, r) => countOf(p, r) < countOf(p, l)),
  // Ties on volume (a network before its first period has none) go by count, then left.
  weakerLegVolume: weaker((p, l, r) => {
    const [vl, vr] = [volumeOf(p, l), volumeOf(p, r)];
    return vr < vl || (vr === vl && countOf(p, r) < countOf(p, l));
  }),
  spillover: (p, sponsor) => sponsorSpillover(p, sponsor),
};

/**
 * The first open position under `top`, breadth-first, left to right. Positions
 * below `top` are numbered breadth-first (its children 1..W, theirs W+1.., …);
 * `cursor[top]` is the first number that may be open, so every position is
 * looked at once per sponsor, each by a walk down from `top` along its digits.
 */
function firstOpen(p: Placement, top: number): [number, number] {
  const w = p.width;
  for (let pos = p.cursor[top]!; ; pos++) {
    // The parent position of `pos`, and the slot under it.
    const parentPos = Math.floor((pos - 1) / w);
    const slot = (pos - 1) % w;
    const at = nodeAt(p, top, parentPos);
    // Breadth-first order: every position before `pos` is taken, so its parent exists.
    if (p.child[at * w + slot]! < 0) {
      p.cursor[top] = pos;
      return [at, slot];
    }
  }
}

/** Slots on the way down to a position, bottom first (positions below 2^53 are at most 53 deep). */
const PATH = new Int32Array(64);

/** The member at breadth-first position `pos` below `top` (0 is `top`). */
function nodeAt(p: Placement, top: number, pos: number): number {
  const w = p.width;
  let depth = 0;
  for (let q = pos; q > 0; q = Math.floor((q - 1) / w)) {
    if (depth === PATH.length) throw new RangeError(`downline/placement: a position ${depth} levels below a sponsor is beyond this tree's reach`);
    PATH[depth++] = (q - 1) % w;
  }
  let x = top;
  for (let d = depth - 1; d >= 0; d--) x = p.child[x * w + PATH[d]!]!;
  return x;
}

function sponsorSpillover(p: Placement, sponsor: number): [number, number] {
  return firstOpen(p, sponsor);
}

function companySpillover(p: Placement): [number, number] {
  return firstOpen(p, 0);
}

function growPlacement(p: Placement): void {
  const cap = Math.ceil(p.parent.length * 1.5) + 16;
  p.parent = grown(p.parent, cap);
  p.slot = grown(p.slot, cap);
  const child = new Int32Array(cap * p.width).fill(-1);
  child.set(p.child);
  p.child = child;
  p.edge = p.edge.map((e) => grown(e, cap));
  p.cursor = grown(p.cursor, cap);
  p.count = grown(p.count, cap);
  p.volume = grown(p.volume, cap);
  p.placed = grown(p.placed, cap);
  p.periodVolume = new Float64Array(cap);
}
