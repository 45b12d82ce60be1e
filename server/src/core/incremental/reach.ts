/**
 * How far an edit reaches through the names that tie units (coupling.ts). Facts follow a call into the function it
 * names, and on into the functions that one calls (a loop calling `h`, which calls `g`, which queries:
 * database-helpers.ts), so a caller's findings may change with an edit two calls down: the units naming what the
 * units reached declare are reached, as far as that goes. Facts also follow a function's parameters back to what its
 * callers pass (`function load(name)` called as `load(req.query.file)`: request-data.ts), so the functions the units
 * reached call by name are reached too, and theirs. (A rule that follows calls its own way, through any number of
 * units, is file-scoped: sync-io-in-handler.)
 * The project summary's export summaries follow the same chains. A class head passes nothing on by its name: it runs
 * again for its own findings when one of its members changed, and its members are named apart.
 */
import * as ts from 'typescript';
import { preorder } from '../traverse';
import { unwrap } from '../facts/syntax';
import { type Reach, couplingDeclarations, declaredNames } from './coupling';
import { type WordPositions, wordsIn } from './word-positions';
import { type Unit, unitAt } from './units';

/** `from`, the units that name what those declare, as far as that goes, and the units all of these call, and theirs. */
export function reachedUnits(words: WordPositions, units: readonly Unit[], from: ReadonlySet<number>): Set<number> {
  return withCallees(units, withCallers(words, units, from));
}

/** `from` and every unit that names, by the words of coupling.ts, what one of them declares, as far as that goes. */
function withCallers(words: WordPositions, units: readonly Unit[], from: ReadonlySet<number>): Set<number> {
  const out = new Set(from);
  const pending = [...from];
  const followed = new Set<string>();
  for (let i = pending.pop(); i !== undefined; i = pending.pop()) {
    if (units[i].isHead) continue;
    const { names, reach } = declaredNames(units[i].node);
    const within = reach === 'member' ? units[i].head : undefined;
    for (const name of names) {
      const key = `${reach} ${within} ${name}`;
      if (followed.has(key)) continue;
      followed.add(key);
      for (const unit of unitsUsing(name, reach, within, units, words)) {
        if (out.has(unit)) continue;
        out.add(unit);
        pending.push(unit);
      }
    }
  }
  return out;
}

/**
 * `from` and the functions of the file they call by name (`load(x)`), as far as that goes: what a function's
 * parameters hold is followed back to those calls. A name holding something else is not followed (the
 * `var __defProp = Object.defineProperty` a bundler puts atop every module).
 */
function withCallees(units: readonly Unit[], from: ReadonlySet<number>): Set<number> {
  if (units.length === 0) return new Set(from);
  const { functions } = couplingDeclarations(units[0].node.getSourceFile());
  const declaring = new Map<string, number[]>();
  units.forEach((unit, i) => {
    if (unit.isHead || unit.head !== undefined) return;
    for (const name of declaredNames(unit.node).names) {
      if (!functions.has(name)) continue;
      const list = declaring.get(name);
      if (list) list.push(i);
      else declaring.set(name, [i]);
    }
  });
  const out = new Set(from);
  const pending = [...from];
  for (let i = pending.pop(); i !== undefined; i = pending.pop()) {
    const { node: root, isHead } = units[i];
    preorder(root, (node) => {
      // A class head's own nodes: its members are units of their own.
      if (isHead && node.parent === root && ts.isClassElement(node)) return false;
      if (!ts.isCallExpression(node)) return true;
      const callee = unwrap(node.expression);
      for (const unit of (ts.isIdentifier(callee) && declaring.get(callee.text)) || []) {
        if (out.has(unit)) continue;
        out.add(unit);
        pending.push(unit);
      }
      return true;
    });
  }
  return out;
}

/**
 * The units where `name` occurs as `reach` says. `within`: the head of the class whose member the name is, when
 * reached after `this.`; then only that class's members: every fact resolves `this.name` in the class around it
 * (`this.get` in one class is not another's `get`).
 */
export function* unitsUsing(name: string, reach: Reach, within: number | undefined, units: readonly Unit[], words: WordPositions): Generator<number> {
  for (const at of wordsIn(words, name, reach)) {
    const unit = unitAt(units, at);
    if (unit !== undefined && (within === undefined || units[unit].head === within)) yield unit;
  }
}

/** Whether `node` lies in one of `reached` (the nodes of a class head's own are the head's, its members' their own). */
export function inUnits(units: readonly Unit[], reached: ReadonlySet<number>, node: ts.Node): boolean {
  const unit = unitAt(units, node.pos);
  return unit !== undefined && reached.has(unit);
}
