/**
 * Which nodes an edit may have changed what the facts say of, for what is made from the facts besides the rules'
 * findings (the exports part of the project summary). The units that ran again (incremental/plan.ts), and every
 * unit that names a function, variable or member declared in one of them, as far as that goes: what a function
 * returns or passes on follows the helpers it calls, and theirs, by name. A class head passes nothing on by its
 * name: it runs again for its own findings when one of its members changed, and its members are named apart.
 */
import type * as ts from 'typescript';
import { declaredNames } from './coupling';
import { wordsIn } from './plan';
import type { WordPositions } from './word-positions';
import { type Unit, unitAt } from './units';

export function reachedUnits(words: WordPositions, units: readonly Unit[], rerun: ReadonlySet<number>): Set<number> {
  const out = new Set(rerun);
  const pending = [...rerun];
  const followed = new Set<string>();
  for (let i = pending.pop(); i !== undefined; i = pending.pop()) {
    if (units[i].isHead) continue;
    const { names, reach } = declaredNames(units[i].node);
    for (const name of names) {
      if (followed.has(`${reach} ${name}`)) continue;
      followed.add(`${reach} ${name}`);
      for (const at of wordsIn(words, name, reach)) {
        const unit = unitAt(units, at);
        if (unit === undefined || out.has(unit)) continue;
        out.add(unit);
        pending.push(unit);
      }
    }
  }
  return out;
}

/** Whether `node` lies in one of `reached` (the nodes of a class head's own are the head's, its members' their own). */
export function inUnits(units: readonly Unit[], reached: ReadonlySet<number>, node: ts.Node): boolean {
  const unit = unitAt(units, node.pos);
  return unit !== undefined && reached.has(unit);
}
