/**
 * Pre-order traversal. Recursion through `ts.forEachChild` is the fastest walk V8 offers here, but generated
 * and minified code nests tens of thousands of levels deep (`a + a + a …`), which would overflow the stack; past
 * a depth the walk continues with an explicit stack.
 */
import * as ts from 'typescript';

const maxRecursion = 800;

/** A pre-order walk: the plain descent below, or a file's tree index (`Facts.walk`). */
export type Walk = (root: ts.Node, enter: (node: ts.Node) => boolean | void) => void;

/** Visits `root` and its descendants in source order; `enter` returning false skips a node's children. */
export function preorder(root: ts.Node, enter: (node: ts.Node) => boolean | void): void {
  let depth = 0;
  const visit = (node: ts.Node): void => {
    if (enter(node) === false) return;
    if (depth >= maxRecursion) {
      descendIteratively(node, enter);
      return;
    }
    depth++;
    ts.forEachChild(node, visit);
    depth--;
  };
  visit(root);
}

/** `preorder` over the descendants of `root`, without `root` itself. */
export function preorderBelow(root: ts.Node, enter: (node: ts.Node) => boolean | void): void {
  preorder(root, (node) => node === root || enter(node));
}

function descendIteratively(parent: ts.Node, enter: (node: ts.Node) => boolean | void): void {
  const stack: ts.Node[] = [];
  const children: ts.Node[] = [];
  const collect = (child: ts.Node): void => {
    children.push(child);
  };
  const pushChildren = (node: ts.Node): void => {
    ts.forEachChild(node, collect);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    children.length = 0;
  };
  pushChildren(parent);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (enter(node) !== false) pushChildren(node);
  }
}

/**
 * The tree in source order, with where each node's subtree ends: built once per analysis. Facts and rules walk
 * subtrees (a function's body, a loop's) many times; over this array such a walk is a loop, not a descent through
 * `forEachChild`, and skipping a subtree is a jump.
 */
export class TreeIndex {
  readonly nodes: ts.Node[];
  /**
   * The kind of the node at i. A loop over the nodes that reads each one's `kind` loads it from objects of many
   * shapes, spread over the heap: at 10,000 lines such a loop took 2–4 ms where this array takes 0.1.
   */
  readonly kinds: Uint16Array;
  /** For the node at i, the index just past its subtree. */
  private readonly ends: Int32Array;

  /**
   * The index of `root`. With `previous`, the index of the tree `root` was reparsed from by `ts.updateSourceFile`:
   * a top-level statement the reparse reused is the same object with the same subtree (moved, not copied), so its
   * run of nodes is taken from `previous` and only the statements the edit touched are walked; in a class the edit
   * touched, only the members it touched. `previous` is used up: its array of nodes becomes this one's.
   */
  constructor(root: ts.Node, previous?: TreeIndex) {
    const builder = new IndexBuilder(previous);
    if (previous && ts.isSourceFile(root)) builder.addReusing(root);
    else builder.addSubtree(root, 0);
    ({ nodes: this.nodes, kinds: this.kinds, ends: this.ends } = builder.finish());
  }

  /** The runs of `nodes` the tree's top-level statements and its classes' members take, by node. */
  runs(): Map<ts.Node, number> {
    const runs = new Map<ts.Node, number>();
    for (let i = 1; i < this.nodes.length; i = this.ends[i]) {
      runs.set(this.nodes[i], i);
      if (ts.isClassDeclaration(this.nodes[i])) for (let j = i + 1; j < this.ends[i]; j = this.ends[j]) runs.set(this.nodes[j], j);
    }
    return runs;
  }

  /** The subtree ends of `[from, to)`, as they are in this index. */
  endsOf(from: number, to: number): Int32Array {
    return this.ends.subarray(from, to);
  }

  /** The kinds of `[from, to)`. */
  kindsOf(from: number, to: number): Uint16Array {
    return this.kinds.subarray(from, to);
  }

  /** Gives up the array of nodes, for an index made from this one (`IndexBuilder.finish`), and is left empty. */
  takeNodes(): ts.Node[] {
    const nodes = this.nodes;
    (this as { nodes: ts.Node[] }).nodes = [];
    return nodes;
  }

  /**
   * Where `node` is in `nodes`, by binary search on its full start: in source order starts never decrease, and
   * the few nodes sharing a start (a statement, its expression, that expression's first token) sit together.
   */
  indexOf(node: ts.Node): number | undefined {
    const nodes = this.nodes;
    const pos = node.pos;
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (nodes[mid].pos < pos) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < nodes.length && nodes[i].pos === pos; i++) if (nodes[i] === node) return i;
    return undefined;
  }

  /** The index just past the subtree of the node at `i`. */
  endOf(i: number): number {
    return this.ends[i];
  }

  /** `preorder` over the subtree at `start`. */
  visitFrom(start: number, enter: (node: ts.Node) => boolean | void): void {
    const end = this.ends[start];
    for (let j = start; j < end; ) j = enter(this.nodes[j]) === false ? this.ends[j] : j + 1;
  }

  /** `preorder` over `root`'s subtree: a loop over the array when `root` is in this tree, a descent otherwise. */
  preorder(root: ts.Node, enter: (node: ts.Node) => boolean | void): void {
    const start = this.indexOf(root);
    if (start === undefined) preorder(root, enter);
    else this.visitFrom(start, enter);
  }
}

/** Nodes added one by one, their kinds, and their subtree ends as indices into the whole index. */
interface Added {
  start: number;
  nodes: ts.Node[];
  kinds: number[];
  ends: number[];
}

/** A run of the previous index, `[from, to)`, taken whole. */
interface Reused {
  start: number;
  from: number;
  to: number;
}

/** How many nodes one `splice` inserts: a call takes only so many arguments. */
const splicedAtOnce = 8192;

/**
 * Builds an index in pieces, so that after an edit the runs the reparse left alone are kept as blocks (in the
 * previous index's own array, and their ends moved by one addition each) rather than node by node: at 10,000 lines,
 * copying them one push at a time was a third of a keystroke's analysis.
 */
class IndexBuilder {
  private readonly pieces: (Added | Reused)[] = [];
  private added: Added | undefined;
  private length = 0;

  constructor(private readonly previous: TreeIndex | undefined) {}

  addReusing(root: ts.SourceFile): void {
    // The previous tree's top-level statements, and the children of its classes (a class typed in is parsed
    // again, but its members the edit did not touch are reused like statements): one run each.
    const runs = this.previous!.runs();
    const self = this.add(root);
    for (const statement of root.statements) {
      if (this.addRun(statement, runs)) continue;
      if (!ts.isClassDeclaration(statement)) {
        this.addSubtree(statement, 1);
        continue;
      }
      const at = this.add(statement);
      ts.forEachChild(statement, (child) => {
        if (!this.addRun(child, runs)) this.addSubtree(child, 2);
      });
      this.close(at);
    }
    this.addSubtree(root.endOfFileToken, 1);
    this.close(self);
  }

  addSubtree(root: ts.Node, startDepth: number): void {
    let depth = startDepth;
    const visit = (node: ts.Node): void => {
      const i = this.add(node);
      if (depth >= maxRecursion) {
        this.addDescendantsIteratively(node);
      } else {
        depth++;
        ts.forEachChild(node, visit);
        depth--;
      }
      this.close(i);
    };
    visit(root);
  }

  finish(): { nodes: ts.Node[]; kinds: Uint16Array; ends: Int32Array } {
    const ends = new Int32Array(this.length);
    const kinds = new Uint16Array(this.length);
    for (const piece of this.pieces) {
      if ('nodes' in piece) {
        ends.set(piece.ends, piece.start);
        kinds.set(piece.kinds, piece.start);
        continue;
      }
      kinds.set(this.previous!.kindsOf(piece.from, piece.to), piece.start);
      ends.set(this.previous!.endsOf(piece.from, piece.to), piece.start);
      const shift = piece.start - piece.from;
      if (shift !== 0) for (let j = piece.start; j < piece.start + piece.to - piece.from; j++) ends[j] += shift;
    }
    return { nodes: this.previous ? this.nodesInPlace(this.previous.takeNodes()) : (this.pieces[0] as Added).nodes, kinds, ends };
  }

  /**
   * The nodes, made from the previous index's array in place: between its runs reused here, what was there is
   * replaced by the nodes added, from the end so that the runs before keep their places. A copy of the whole array
   * at every keystroke would cost more than everything else the index does.
   */
  private nodesInPlace(nodes: ts.Node[]): ts.Node[] {
    // The added nodes before each reused run, and after the last.
    const gaps: { from: number; to: number; added: ts.Node[] }[] = [];
    let added: ts.Node[] = [];
    let from = 0;
    for (const piece of this.pieces) {
      if ('nodes' in piece) {
        for (const node of piece.nodes) added.push(node);
        continue;
      }
      // The reparse reuses nodes in the order it found them; were it ever otherwise, the runs are copied.
      if (piece.from < from) return this.pieces.flatMap((p) => ('nodes' in p ? p.nodes : nodes.slice(p.from, p.to)));
      gaps.push({ from, to: piece.from, added });
      added = [];
      from = piece.to;
    }
    gaps.push({ from, to: nodes.length, added });
    for (let i = gaps.length - 1; i >= 0; i--) {
      const gap = gaps[i];
      nodes.splice(gap.from, gap.to - gap.from);
      for (let at = 0; at < gap.added.length; at += splicedAtOnce) nodes.splice(gap.from + at, 0, ...gap.added.slice(at, at + splicedAtOnce));
    }
    return nodes;
  }

  /** Appends the run `node` had in the previous index, when the reparse reused it; false when it is new. */
  private addRun(node: ts.Node, runs: ReadonlyMap<ts.Node, number>): boolean {
    const from = runs.get(node);
    if (from === undefined) return false;
    const to = this.previous!.endOf(from);
    this.added = undefined;
    const last = this.pieces[this.pieces.length - 1];
    // Runs next to each other in the previous index are one block here too.
    if (last && 'from' in last && last.to === from) last.to = to;
    else this.pieces.push({ start: this.length, from, to });
    this.length += to - from;
    return true;
  }

  private add(node: ts.Node): number {
    let added = this.added;
    if (!added) this.pieces.push((added = this.added = { start: this.length, nodes: [], kinds: [], ends: [] }));
    added.nodes.push(node);
    added.kinds.push(node.kind);
    added.ends.push(this.length + 1);
    return this.length++;
  }

  /** The subtree of the node at `i` ends here. */
  private close(i: number): void {
    for (let k = this.pieces.length - 1; k >= 0; k--) {
      const piece = this.pieces[k];
      if (piece.start > i) continue;
      (piece as Added).ends[i - piece.start] = this.length;
      return;
    }
  }

  private addDescendantsIteratively(parent: ts.Node): void {
    // Entries are nodes to add, or (as `~index`) subtrees to close once their descendants are in.
    const stack: (ts.Node | number)[] = [];
    const children: ts.Node[] = [];
    const collect = (child: ts.Node): void => {
      children.push(child);
    };
    const pushChildren = (node: ts.Node): void => {
      ts.forEachChild(node, collect);
      for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
      children.length = 0;
    };
    pushChildren(parent);
    while (stack.length > 0) {
      const top = stack.pop()!;
      if (typeof top === 'number') {
        this.close(~top);
        continue;
      }
      stack.push(~this.add(top));
      pushChildren(top);
    }
  }
}
