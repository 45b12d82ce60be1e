/**
 * A real VS Code for the e2e tests, offline: code-server (VS Code's server, the Node extension host and the web
 * workbench) on Node 24, shown in Debian's Chromium through playwright-core. install-runtime.sh puts them in
 * $VIGIL_E2E_HOME; each run gets its own directory there, with HOME, XDG_* and TMPDIR pointed into it so that
 * nothing is written to the real home or /tmp.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { repoRoot } from '../harness/paths';

export const e2eHome = process.env.VIGIL_E2E_HOME ?? '/tmp/vigil-e2e';
const node24 = path.join(e2eHome, 'node/bin/node');
const codeServerEntry = path.join(e2eHome, 'code-server/node_modules/code-server/out/node/entry.js');
const chromiumPath = process.env.VIGIL_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotDir = process.env.VIGIL_E2E_SCREENSHOTS ?? path.join(e2eHome, 'screenshots');

/** The e2e tests run when asked for, and always in CI. */
export function e2eRequested(): boolean {
  return process.env.VIGIL_E2E === '1' || process.env.CI === 'true';
}

/**
 * Runs install-runtime.sh (idempotent: seconds when everything is there, minutes the first time). Compiling
 * code-server's native modules took 6 minutes on an idle 2-core machine and 15 on a loaded one, hence the margin.
 */
export function installRuntime(): void {
  const result = spawnSync('bash', [path.join(repoRoot, 'test/e2e/install-runtime.sh')], {
    stdio: 'inherit',
    env: { ...process.env, VIGIL_E2E_HOME: e2eHome },
    timeout: 30 * 60_000,
  });
  if (result.status !== 0) throw new Error(`test/e2e/install-runtime.sh failed (${result.error ?? `exit ${result.status}`})`);
}

/** `npm run package`: the bundles and the .vsix a user installs. Returns the .vsix path. */
export function packageExtension(): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, encoding: 'utf8', timeout: 5 * 60_000 });
  if (result.status !== 0) throw new Error(`npm run package failed:\n${result.stdout}\n${result.stderr}`);
  return path.join(repoRoot, `vigil-${version}.vsix`);
}

// Quiet and deterministic offline: no welcome page, trust prompt, telemetry, experiments, AI features or type
// acquisition (tsserver would run `npm install types-registry`).
const userSettings = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'files.autoSave': 'off',
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.enabled': false,
  'editor.hover.delay': 200,
  'editor.minimap.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export class RunDir {
  readonly root: string;

  constructor() {
    fs.mkdirSync(path.join(e2eHome, 'runs'), { recursive: true });
    this.root = fs.mkdtempSync(path.join(e2eHome, 'runs', 'run-'));
    for (const dir of ['user-data/User', 'extensions', 'home', 'tmp', 'chromium']) fs.mkdirSync(path.join(this.root, dir), { recursive: true });
    fs.writeFileSync(path.join(this.root, 'user-data/User/settings.json'), JSON.stringify(userSettings, null, 2));
    // An explicit config file keeps code-server from writing ~/.config/code-server/config.yaml.
    fs.writeFileSync(path.join(this.root, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  }

  /** The environment of code-server and all it starts, and of Chromium. */
  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const home = path.join(this.root, 'home');
    return {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_DATA_HOME: path.join(home, '.local/share'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      TMPDIR: path.join(this.root, 'tmp'),
      ...extra,
    };
  }

  /** A copy of a folder of the repository, so that the tests may edit and save its files. */
  copyWorkspace(from: string, name: string): string {
    const to = path.join(this.root, name);
    fs.cpSync(path.join(repoRoot, from), to, { recursive: true });
    return to;
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  private codeServerArgs(): string[] {
    return [
      codeServerEntry,
      '--config', path.join(this.root, 'config.yaml'),
      '--user-data-dir', path.join(this.root, 'user-data'),
      '--extensions-dir', path.join(this.root, 'extensions'),
    ];
  }

  installVsix(vsix: string): void {
    execFileSync(node24, [...this.codeServerArgs(), '--install-extension', vsix, '--force'], {
      env: this.env(), stdio: 'pipe', timeout: 120_000,
    });
  }

  /** Starts code-server on a free port; it and everything it spawns share one process group, stopped together. */
  async startCodeServer(extraEnv: Record<string, string>, timeoutMs = 60_000): Promise<CodeServer> {
    const logFile = path.join(this.root, 'code-server.log');
    const log = fs.openSync(logFile, 'a');
    const child = spawn(node24, [
      ...this.codeServerArgs(),
      '--bind-addr', '127.0.0.1:0', '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--ignore-last-opened',
      // The workbench honours ?payload= (extensionDevelopmentPath, extensionTestsPath) only with the smoke-test
      // driver on; that is how the extension-host suite is run.
      '--vscode-option', 'enable-smoke-test-driver',
    ], { env: this.env(extraEnv), detached: true, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    const server = new CodeServer(child.pid ?? -1, logFile, () => child.exitCode !== null);
    const started = Date.now();
    for (;;) {
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(fs.readFileSync(logFile, 'utf8'));
      if (match?.[1]) {
        server.base = match[1];
        return server;
      }
      if (child.exitCode !== null || Date.now() - started > timeoutMs) {
        server.kill();
        throw new Error(`code-server did not start (exit ${child.exitCode}); see ${logFile}`);
      }
      await sleep(100);
    }
  }

  /** Headless Chromium with a fresh profile in the run directory. */
  launchChromium(): Promise<BrowserContext> {
    return chromium.launchPersistentContext(path.join(this.root, 'chromium'), {
      executablePath: chromiumPath,
      headless: true,
      env: this.env() as Record<string, string>,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      ],
      viewport: { width: 1400, height: 900 },
      timeout: 60_000,
    });
  }
}

export class CodeServer {
  base = '';
  private readonly onExit = () => this.kill();

  constructor(readonly pid: number, readonly logFile: string, private readonly exited: () => boolean) {
    // If the test process ends early (failure, Ctrl+C), the editor's processes must not outlive it.
    process.once('exit', this.onExit);
  }

  /** The workbench URL for a folder, optionally loading an extension from a path and running its test suite. */
  url(folder: string, dev?: { extensionPath: string; testsPath: string }): string {
    let url = `${this.base}/?folder=${encodeURIComponent(folder)}`;
    if (dev) {
      // code-server's remote authority is the page's host:port.
      const remote = (p: string) => `vscode-remote://${new URL(this.base).host}${p}`;
      const payload = [['extensionDevelopmentPath', remote(dev.extensionPath)], ['extensionTestsPath', remote(dev.testsPath)]];
      url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    }
    return url;
  }

  kill(): void {
    try {
      process.kill(-this.pid, 'SIGKILL');
    } catch {
      // The group is already gone.
    }
  }

  /** SIGTERM to the group, SIGKILL after 5 s if anything is left. */
  async stop(): Promise<void> {
    process.removeListener('exit', this.onExit);
    try {
      process.kill(-this.pid, 'SIGTERM');
    } catch {
      return;
    }
    const deadline = Date.now() + 5000;
    while (!this.exited() && Date.now() < deadline) await sleep(100);
    this.kill();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns a value, or fails after `timeoutMs` naming what was awaited. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}
