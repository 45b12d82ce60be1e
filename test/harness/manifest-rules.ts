/**
 * The `vigil.rules` setting's per-rule entries in package.json, made from the registry so the editor's completion
 * cannot drift from the rules that exist: a test checks package.json holds them, and `npm run manifest:rules`
 * rewrites them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { docsUrl } from '../../server/src/core/rule';
import { rules } from '../../server/src/core/registry';
import { repoRoot } from './paths';

export const ruleLevels = ['off', 'hint', 'info', 'warning', 'error'] as const;

export interface RuleSettingSchema {
  type: 'string';
  enum: string[];
  markdownDescription: string;
}

export function ruleSettingProperties(): Record<string, RuleSettingSchema> {
  const properties: Record<string, RuleSettingSchema> = {};
  for (const { meta } of rules) {
    properties[meta.id] = {
      type: 'string',
      enum: [...ruleLevels],
      markdownDescription: `${meta.title} (${meta.category}; default \`${meta.defaultSeverity}\`). [Documentation](${docsUrl(meta.id)})`,
    };
  }
  return properties;
}

export function packageJsonPath(): string {
  return path.join(repoRoot, 'package.json');
}

interface Manifest {
  contributes: { configuration: { properties: Record<string, { properties?: unknown }> } };
}

export function readManifest(): Manifest {
  return JSON.parse(fs.readFileSync(packageJsonPath(), 'utf8')) as Manifest;
}

if (require.main === module) {
  const manifest = readManifest();
  const setting = manifest.contributes.configuration.properties['vigil.rules'];
  if (!setting) throw new Error('package.json has no contributes.configuration.properties["vigil.rules"]');
  setting.properties = ruleSettingProperties();
  fs.writeFileSync(packageJsonPath(), `${JSON.stringify(manifest, null, 2)}\n`);
}
