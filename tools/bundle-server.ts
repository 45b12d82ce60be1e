/**
 * `npm run bundle` (the server half): esbuild bundles the language server into dist/server.js. TypeScript's
 * CommonJS build exposes every export through getters, and esbuild adds one more layer (`__toESM`) for each
 * module that imports it; the analysis reads `ts.SyntaxKind` and calls `ts.isX` millions of times, so through
 * those layers the bundle ran markedly slower than `out/` (where typescript-plain.ts swaps in a plain copy).
 * Here `typescript` resolves to a generated ES module that re-exports each of its names as a constant, read once
 * at start-up: esbuild then binds `ts.isIdentifier` to that constant directly, with no getter at all.
 */
import * as path from 'node:path';
import { build, type Plugin } from 'esbuild';

const identifier = /^[A-Za-z_$][\w$]*$/;

/** The module `typescript` resolves to in the bundle: the real one, loaded once, its names as constants. */
export function plainTypescriptModule(real: string, names: readonly string[]): string {
  const exported = names.filter((name) => identifier.test(name) && name !== 'default');
  return [
    `import * as real from ${JSON.stringify(real)};`,
    ...exported.map((name) => `export const ${name} = real.${name};`),
  ].join('\n');
}

const plainTypescript: Plugin = {
  name: 'plain-typescript',
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, (args) => (args.namespace === 'plain-typescript' ? undefined : { path: 'typescript', namespace: 'plain-typescript' }));
    build.onLoad({ filter: /.*/, namespace: 'plain-typescript' }, () => {
      const real = require.resolve('typescript');
      const names = Object.keys(require('typescript') as Record<string, unknown>);
      return { contents: plainTypescriptModule(real, names), loader: 'js', resolveDir: path.dirname(real) };
    });
  },
};

/**
 * The code cache (typescript-code-cache.ts) loads `typescript` from node_modules for out/; the bundle has its
 * TypeScript inside, so there it would only load a second copy. The stand-in keeps the one name the workspace
 * module passes on (for the CLI's workers, which are not bundled), as a function that has nothing to save.
 */
const noCodeCache: Plugin = {
  name: 'no-code-cache',
  setup(build) {
    build.onResolve({ filter: /\/typescript-code-cache$/ }, () => ({ path: 'typescript-code-cache', namespace: 'no-code-cache' }));
    build.onLoad({ filter: /.*/, namespace: 'no-code-cache' }, () => ({ contents: 'export function saveTypescriptCodeCache() {}', loader: 'js' }));
  },
};

async function main(): Promise<void> {
  await build({
    entryPoints: ['server/src/lsp/server.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    logLevel: 'warning',
    // typescript-plain.ts asks `require.resolve('typescript')` to find the module cache it swaps; in the bundle
    // there is none, the call throws and is caught, which is what is meant there.
    logOverride: { 'require-resolve-not-external': 'silent' },
    outfile: 'dist/server.js',
    plugins: [plainTypescript, noCodeCache],
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
