import * as assert from 'node:assert/strict';
import { ruleSettingProperties, readManifest } from './harness/manifest-rules';

interface FullManifest {
  main: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean } };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, { properties?: unknown; enum?: string[]; type: string }> };
  };
}

describe('package.json (the extension manifest)', () => {
  const manifest = readManifest() as unknown as FullManifest;
  const settings = manifest.contributes.configuration.properties;

  it('enumerates every registered rule id under vigil.rules (npm run manifest:rules)', () => {
    assert.deepEqual(settings['vigil.rules']?.properties, ruleSettingProperties(), 'run `npm run manifest:rules`');
  });
  it('starts on the four JavaScript and TypeScript languages, from the bundled client', () => {
    assert.equal(manifest.main, './dist/client.js');
    assert.deepEqual(manifest.activationEvents.sort(), [
      'onLanguage:javascript', 'onLanguage:javascriptreact', 'onLanguage:typescript', 'onLanguage:typescriptreact',
    ]);
  });
  it('contributes the two commands and the four settings', () => {
    assert.deepEqual(manifest.contributes.commands.map((c) => `${c.category}: ${c.title}`), ['Vigil: Restart server', 'Vigil: Show output']);
    assert.deepEqual(Object.keys(settings).sort(), ['vigil.debounceMs', 'vigil.enable', 'vigil.rules', 'vigil.trace.server']);
    assert.deepEqual(settings['vigil.trace.server']?.enum, ['off', 'messages', 'verbose']);
  });
  it('runs in untrusted workspaces (Vigil never runs workspace code)', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
  });
});
