import * as assert from 'node:assert/strict';
import { focusValues } from '../shared/src/protocol';
import { ruleSettingProperties, readManifest } from './harness/manifest-rules';

interface FullManifest {
  main: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[] } };
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
  it('contributes the commands and the settings', () => {
    assert.deepEqual(manifest.contributes.commands.map((c) => `${c.category}: ${c.title}`), [
      'Vigil: Restart server', 'Vigil: Show output', 'Vigil: Show inserted code', 'Vigil: Review checklist of inserted code',
      'Vigil: Mark inserted code reviewed', 'Vigil: Mark all inserted code in file reviewed', 'Vigil: Reveal inserted code',
    ]);
    assert.deepEqual(Object.keys(settings).sort(), [
      'vigil.agentTrace.record', 'vigil.debounceMs', 'vigil.enable', 'vigil.focus', 'vigil.insertedBlocks.minChars', 'vigil.insertedBlocks.minLines', 'vigil.rules', 'vigil.trace.server',
    ]);
    assert.deepEqual(settings['vigil.trace.server']?.enum, ['off', 'messages', 'verbose']);
    assert.deepEqual(settings['vigil.focus']?.enum, focusValues);
  });
  it('contributes the "Vigil: Inserted code" view in the Explorer, and its commands', () => {
    const views = (manifest.contributes as unknown as { views: Record<string, { id: string; name: string }[]> }).views;
    assert.deepEqual(views.explorer?.map((v) => [v.id, v.name]), [['vigil.insertedCode', 'Vigil: Inserted code']]);
    const commands = manifest.contributes.commands.map((c) => c.command);
    for (const id of ['vigil.showInsertedCode', 'vigil.markAllReviewedInFile', 'vigil.markReviewed', 'vigil.reviewChecklist', 'vigil.revealInsertedBlock']) {
      assert.ok(commands.includes(id), id);
    }
  });
  it('runs in untrusted workspaces, where a workspace cannot turn on the focus that runs git', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['vigil.focus']);
  });
});
