/**
 * The naming styles inconsistent-naming counts: leading `_`/`$` and trailing `_` are kept apart from the body, whose
 * style is read and rewritten.
 */
import * as assert from 'node:assert/strict';
import { namingStyle, restyle } from '../../server/src/core/rules/maintainability/naming-styles';

describe('naming styles', () => {
  it('reads the style of the body between a private prefix and trailing underscores', () => {
    assert.equal(namingStyle('_user_id'), 'snake_case');
    assert.equal(namingStyle('$userName_'), 'camelCase');
    assert.equal(namingStyle('_$UserService__'), 'PascalCase');
    assert.equal(namingStyle('user'), undefined);
    assert.equal(namingStyle('$_'), undefined);
    assert.equal(namingStyle('__defProp'), undefined, 'a name a compiler made up');
  });

  it('restyles the body and keeps the prefix and the trailing underscores', () => {
    assert.equal(restyle('_user_id_', 'camelCase'), '_userId_');
    assert.equal(restyle('$fetchUserInfo', 'snake_case'), '$fetch_user_info');
    assert.equal(restyle('_$a_b__', 'camelCase'), '_$aB__');
    assert.equal(restyle('loadHTTPConfig', 'snake_case'), 'load_http_config');
    assert.equal(restyle('get_user_data', 'PascalCase'), 'GetUserData');
  });
});
