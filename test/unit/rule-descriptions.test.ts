import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ruleIds, ruleOptionSpecs } from '../../server/src/core/registry';
import { describedOptionSpecs, describedRuleIds, ruleDescriptions } from '../../server/src/core/rule-descriptions';
import { descriptionsPath, descriptionsSource, describedRules } from '../harness/rule-descriptions';

describe('rule descriptions (the rules as plain data)', () => {
  it('are written from the registry as it is (npm run descriptions:rules)', () => {
    assert.equal(fs.readFileSync(descriptionsPath, 'utf8'), descriptionsSource(), 'run `npm run descriptions:rules`');
  });
  it('describe every registered rule, in order, with its options', () => {
    assert.deepEqual(ruleDescriptions, describedRules());
    assert.deepEqual(describedRuleIds, ruleIds);
    assert.deepEqual(describedOptionSpecs, ruleOptionSpecs);
    assert.ok(Object.keys(describedOptionSpecs).length > 0, 'some rule takes options');
  });
});
