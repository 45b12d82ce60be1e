/**
 * A seeded fuzzer against the real language server process. Two kinds of traffic:
 *  - random and malformed messages (garbage bodies, wrong-shaped params, unknown methods, requests with random
 *    ranges, settings, inserted blocks, closes and reopens), with a liveness probe after every batch;
 *  - edit sequences: a document from the corpus changed by random incremental edits (some with ranges given end
 *    first, some out of bounds, several per notification); the server's diagnostics for the last version and the
 *    fixes its code actions offer must equal a fresh full analysis of the text the edits produce (see `applied`).
 * Counts: crashes (the process exited), hangs (no answer or no publish in time), stale publishes (a version older
 * than one already published for the document) and mismatches.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { analyze } from '../../server/src/core/analyze';
import { defaultConfig } from '../../server/src/core/config';
import { corpus, insertions } from './corpus';
import { RawClient } from './raw-client';
import { Random } from './random';

export interface FuzzOptions {
  seed: number;
  /** Random and malformed messages. */
  messages: number;
  /** Edit sequences checked against a fresh analysis. */
  sequences: number;
  /** How many documents are edited at once (default 6). */
  parallel?: number;
  /** Called now and then with the counts so far. */
  progress?: (counts: FuzzCounts) => void;
}

export interface FuzzCounts {
  messagesSent: number;
  sequences: number;
  crashes: number;
  hangs: number;
  stalePublishes: number;
  mismatches: number;
  /** The first few problems, to replay with the seed. */
  problems: string[];
}

const batch = 100;
const defaultParallel = 6;
const answerMs = 20_000;
const settings = { debounceMs: 5 };

class Session {
  client: RawClient;
  /** Per document: the highest version published so far. */
  readonly published = new Map<string, number>();
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters = new Map<string, { version: number; resolve(p: PublishDiagnosticsParams): void }>();

  constructor(private readonly counts: FuzzCounts, private readonly folderUri: string) {
    this.client = this.start();
  }

  private start(): RawClient {
    const client = new RawClient(settings);
    client.onPublish((p) => this.onPublish(p));
    void client.exited.then((code) => {
      if (client === this.client && code !== 0) this.problem('crashes', `server exited with ${code}: ${client.stderr.slice(-2000)}`);
    });
    return client;
  }

  async ready(): Promise<void> {
    if (!(await this.client.initialize(this.folderUri))) this.problem('hangs', 'no answer to initialize');
  }

  /** A fresh server after a crash; the documents it knew are gone. */
  async restartIfDead(): Promise<void> {
    if (this.client.alive) return;
    this.published.clear();
    this.latest.clear();
    this.client = this.start();
    await this.ready();
  }

  problem(kind: 'crashes' | 'hangs' | 'stalePublishes' | 'mismatches', what: string): void {
    this.counts[kind]++;
    if (this.counts.problems.length < 20) this.counts.problems.push(`${kind}: ${what}`);
  }

  private onPublish(p: PublishDiagnosticsParams): void {
    if (p.version === undefined || p.version === null) return;
    const seen = this.published.get(p.uri);
    if (seen !== undefined && p.version < seen) this.problem('stalePublishes', `${p.uri} v${p.version} after v${seen}`);
    else this.published.set(p.uri, p.version);
    this.latest.set(p.uri, p);
    const waiter = this.waiters.get(p.uri);
    if (waiter && p.version === waiter.version) {
      this.waiters.delete(p.uri);
      waiter.resolve(p);
    }
  }

  /** The publish of `version` (or undefined after `answerMs`). */
  publishOf(uri: string, version: number): Promise<PublishDiagnosticsParams | undefined> {
    const now = this.latest.get(uri);
    if (now && now.version === version) return Promise.resolve(now);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(uri);
        resolve(undefined);
      }, answerMs);
      this.waiters.set(uri, {
        version,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }
}

function randomPosition(random: Random, document: TextDocument, slack = 0): { line: number; character: number } {
  const line = random.int(document.lineCount + slack);
  const length = line < document.lineCount
    ? document.offsetAt({ line: line + 1, character: 0 }) - document.offsetAt({ line, character: 0 })
    : 1;
  return { line, character: random.int(length + 1 + slack) };
}

/** A random incremental change against `document`; now and then given end first, or past the end. */
function randomChange(random: Random, document: TextDocument): TextDocumentContentChangeEvent {
  const slack = random.chance(0.05) ? 3 : 0;
  const a = randomPosition(random, document, slack);
  const b = random.chance(0.4) ? a : randomPosition(random, document, slack);
  const reversed = random.chance(0.1);
  const [start, end] = (a.line < b.line || (a.line === b.line && a.character <= b.character)) !== reversed ? [a, b] : [b, a];
  let text = '';
  const pieces = random.int(3);
  for (let i = 0; i < pieces; i++) text += random.chance(0.2) ? random.pick(corpus()).text.slice(0, 200) : random.pick(insertions);
  return { range: { start, end }, text };
}

/**
 * The reference text after `change`: the edit applied to a document made afresh from the text, so its offsets come
 * from a line table computed from the text itself. Not `TextDocument.update`, which the server also uses and whose
 * incremental line table goes wrong on a range past the end: the reference must not share the server's faults.
 */
function applied(document: TextDocument, change: TextDocumentContentChangeEvent, version: number): TextDocument {
  const text = 'range' in change ? TextDocument.applyEdits(document, [{ range: change.range, newText: change.text }]) : change.text;
  return TextDocument.create(document.uri, document.languageId, version, text);
}

const languageOf = (name: string): string => (/\.tsx?$/.test(name) ? 'typescript' : 'javascript');

function findingsKey(ds: readonly { code?: unknown; range: unknown; message: unknown; severity?: unknown }[]): string {
  return JSON.stringify(ds.map((d) => [d.code, d.range, d.message, d.severity]));
}

/** Diagnostics as the server makes them from a fresh analysis of `text`. */
function freshDiagnostics(text: string, fileName: string, root: string): { key: string; fixes: string } {
  const result = analyze({ text, fileName, config: { ...defaultConfig, root } });
  if (result.skipped) return { key: `skipped:${result.skipped}`, fixes: '[]' };
  const severities = { error: 1, warning: 2, info: 3, hint: 4 } as const;
  const notice = result.incomplete ? [{ code: undefined, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: `Vigil: ${result.incomplete}.`, severity: 3 }] : [];
  const findings = result.findings.map((f) => ({ code: f.ruleId, range: f.range, message: f.message, severity: severities[f.severity] }));
  return {
    key: findingsKey([...notice, ...findings]),
    fixes: JSON.stringify(result.findings.flatMap((f) => f.fixes.map((x) => [x.title, x.edits]))),
  };
}

function publishedKey(p: PublishDiagnosticsParams): string {
  if (p.diagnostics.length === 1 && p.diagnostics[0].data === undefined && /not analysed/.test(String(p.diagnostics[0].message))) {
    return `skipped:${String(p.diagnostics[0].message).replace(/^Vigil: /, '').replace(/\.$/, '')}`;
  }
  return findingsKey(p.diagnostics);
}

async function editSequence(session: Session, random: Random, root: string, n: number, seed: number): Promise<void> {
  const start = random.pick(corpus());
  const name = `seq-${n}-${start.name}`;
  const file = path.join(root, name);
  const uri = pathToFileURL(file).href;
  let reference = TextDocument.create(uri, languageOf(name), 1, start.text);
  session.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: reference.languageId, version: 1, text: start.text } });
  const steps = 1 + random.int(30);
  for (let version = 2; version < 2 + steps; version++) {
    const changes: TextDocumentContentChangeEvent[] = [];
    const count = random.chance(0.2) ? 2 + random.int(3) : 1;
    for (let i = 0; i < count; i++) {
      const change = random.chance(0.03) ? { text: random.pick(corpus()).text } : randomChange(random, reference);
      changes.push(change);
      reference = applied(reference, change, version);
    }
    session.client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }
  const final = reference.version;
  const published = await session.publishOf(uri, final);
  if (!published) {
    if (session.client.alive) session.problem('hangs', `no publish of ${name} v${final}`);
    return;
  }
  const expected = freshDiagnostics(reference.getText(), file, root);
  if (publishedKey(published) !== expected.key) {
    session.problem('mismatches', `diagnostics of ${name} v${final} (sequence seed ${seed}) differ from a fresh analysis: published ${publishedKey(published).slice(0, 300)}, fresh ${expected.key.slice(0, 300)}`);
  } else if (published.diagnostics.some((d) => d.data !== undefined)) {
    const answer = await session.client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: reference.lineCount, character: 0 } },
      context: { diagnostics: published.diagnostics, only: ['quickfix'] },
    }, answerMs);
    if (!answer) {
      if (session.client.alive) session.problem('hangs', `no answer to codeAction on ${name}`);
    } else if (session.published.get(uri) === final) {
      const actions = (answer.result ?? []) as { title: string; edit?: { changes?: Record<string, unknown> } }[];
      const fixes = JSON.stringify(actions.filter((a) => a.edit && !/^Ignore /.test(a.title)).map((a) => [a.title, a.edit!.changes![uri]]));
      if (fixes !== expected.fixes) session.problem('mismatches', `code action fixes of ${name} v${final} differ from a fresh analysis`);
    }
  }
  session.client.notify('textDocument/didClose', { textDocument: { uri } });
}

/** One random or malformed message about the documents of the random phase. */
function randomMessage(session: Session, random: Random, docs: TextDocument[], root: string): void {
  const client = session.client;
  const document = random.pick(docs);
  const uri = document.uri;
  const anyRange = () => ({ start: randomPosition(random, document, 2), end: randomPosition(random, document, 2) });
  switch (random.int(14)) {
    case 0:
    case 1:
    case 2: {
      const change = randomChange(random, document);
      const version = document.version + 1;
      const updated = applied(document, change, version);
      docs[docs.indexOf(document)] = updated;
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      return;
    }
    case 3: {
      const diagnostics = (session.latest.get(uri)?.diagnostics ?? []).slice(0, 3);
      const garbage = random.chance(0.3) ? [{ range: anyRange(), message: 'x', source: 'vigil', data: { ruleId: 'sql-injection', version: random.int(5), index: random.int(50) } }] : [];
      void client.request('textDocument/codeAction', { textDocument: { uri }, range: anyRange(), context: { diagnostics: [...diagnostics, ...garbage], only: random.chance(0.3) ? ['source.fixAll.vigil'] : undefined } }, answerMs);
      return;
    }
    case 4:
      void client.request('vigil/reviewChecklist', { uri, range: anyRange() }, answerMs);
      return;
    case 5:
      void client.request('workspace/executeCommand', { command: random.pick(['vigil.openDocs', 'nope']), arguments: [random.pick(['x', '../../etc', null, 3])] }, answerMs);
      return;
    case 6:
      client.writeBody(random.pick([
        '{', '[]', 'null', '"text"', '{"jsonrpc":"2.0","id":', '{"jsonrpc":"2.0","method":7}', '\u0000\u0001', '{"jsonrpc":"1.0","id":1,"method":"x"}',
        '{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/codeAction","params":{}}',
      ]));
      return;
    case 7: {
      const method = random.pick(['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/codeAction', 'vigil/insertedBlocks', 'workspace/didChangeWatchedFiles']);
      const params = random.pick([null, 7, 'x', [], { textDocument: null }, { textDocument: { uri: 42 }, contentChanges: 'x' }, { uri, version: 'x', blocks: 7 }]);
      if (method.endsWith('codeAction')) void client.request(method, params, answerMs);
      else client.notify(method, params);
      return;
    }
    case 8:
      if (random.chance(0.5)) void client.request(`vigil/unknown${random.int(3)}`, {}, answerMs);
      else client.notify(`$/unknown${random.int(3)}`, {});
      return;
    case 9:
      client.notify('$/cancelRequest', { id: random.int(1000) });
      return;
    case 10:
      client.notify('vigil/insertedBlocks', { uri, version: document.version, blocks: [{ range: anyRange(), insertedAt: Date.now() - random.int(1e7), reviewed: random.chance(0.5) }] });
      return;
    case 11:
      // Settings that do not change what is published (the comparisons rely on the defaults).
      client.notify('workspace/didChangeConfiguration', { settings: random.pick([null, {}, { vigil: { debounceMs: 'x' } }, { vigil: 7 }]) });
      return;
    case 12: {
      client.notify('textDocument/didClose', { textDocument: { uri } });
      const name = `reopened-${random.int(1e9)}${path.extname(uri)}`;
      const reopened = TextDocument.create(pathToFileURL(path.join(root, name)).href, document.languageId, 1, document.getText());
      docs[docs.indexOf(document)] = reopened;
      client.notify('textDocument/didOpen', { textDocument: { uri: reopened.uri, languageId: reopened.languageId, version: 1, text: reopened.getText() } });
      return;
    }
    default:
      void client.request('textDocument/codeAction', { textDocument: { uri: pathToFileURL(path.join(root, 'never-opened.js')).href }, range: anyRange(), context: { diagnostics: [] } }, answerMs);
  }
}

export async function fuzz(options: FuzzOptions): Promise<FuzzCounts> {
  const counts: FuzzCounts = { messagesSent: 0, sequences: 0, crashes: 0, hangs: 0, stalePublishes: 0, mismatches: 0, problems: [] };
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-fuzz-')));
  // The project folder, as the server finds it, is the fresh analysis's root too.
  fs.writeFileSync(path.join(root, 'package.json'), '{ "name": "fuzz" }\n');
  const random = new Random(options.seed);
  const parallel = options.parallel ?? defaultParallel;
  const session = new Session(counts, pathToFileURL(root).href);
  let sentBefore = 0;
  const tally = (): void => {
    counts.messagesSent += session.client.sent - sentBefore;
    sentBefore = session.client.sent;
  };
  try {
    await session.ready();
    const docs: TextDocument[] = [];
    for (let i = 0; i < 4; i++) {
      const start = random.pick(corpus());
      const document = TextDocument.create(pathToFileURL(path.join(root, `rand-${i}-${start.name}`)).href, languageOf(start.name), 1, start.text);
      docs.push(document);
      session.client.notify('textDocument/didOpen', { textDocument: { uri: document.uri, languageId: document.languageId, version: 1, text: start.text } });
    }
    let messages = 0;
    let sequences = 0;
    // Interleaved: a batch of random messages, then a round of edit sequences, in the proportion asked.
    while (messages < options.messages || sequences < options.sequences) {
      const messagesThisRound = Math.min(batch, options.messages - messages);
      for (let i = 0; i < messagesThisRound; i++) randomMessage(session, random, docs, root);
      messages += messagesThisRound;
      if (messagesThisRound > 0) {
        const probe = await session.client.request('textDocument/codeAction', { textDocument: { uri: docs[0].uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }, answerMs);
        if (!probe && session.client.alive) session.problem('hangs', 'no answer to the liveness probe');
      }
      const roundsLeft = Math.max(1, Math.ceil((options.messages - messages) / batch) + 1);
      const sequencesThisRound = Math.min(options.sequences - sequences, Math.max(parallel, Math.ceil((options.sequences - sequences) / roundsLeft)));
      for (let done = 0; done < sequencesThisRound; done += parallel) {
        const group = Math.min(parallel, sequencesThisRound - done);
        // Each sequence draws from its own generator, so how the group interleaves does not change the run.
        const seeds = Array.from({ length: group }, () => random.int(2 ** 31));
        await Promise.all(seeds.map((seed, k) => editSequence(session, new Random(seed), root, sequences + done + k, seed)));
      }
      sequences += sequencesThisRound;
      counts.sequences = sequences;
      tally();
      if (!session.client.alive) {
        await session.restartIfDead();
        for (let i = 0; i < docs.length; i++) {
          const d = docs[i];
          docs[i] = TextDocument.create(d.uri, d.languageId, 1, d.getText());
          session.client.notify('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: d.languageId, version: 1, text: d.getText() } });
        }
      }
      options.progress?.(counts);
    }
    // The random phase's documents, once settled, must also hold what a fresh analysis says.
    for (const document of docs) {
      const settle = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' };
      session.client.notify('textDocument/didChange', { textDocument: { uri: document.uri, version: document.version + 1 }, contentChanges: [settle] });
      const published = await session.publishOf(document.uri, document.version + 1);
      if (!published) {
        if (session.client.alive) session.problem('hangs', `no publish of ${document.uri}`);
        continue;
      }
      const file = new URL(document.uri);
      const expected = freshDiagnostics(document.getText(), decodeURIComponent(file.pathname), root);
      const withoutMarks = published.diagnostics.map((d: Diagnostic) => ({ ...d, message: String(d.message).replace(/ \(In code inserted [^)]*\)$/, '') }));
      if (publishedKey({ ...published, diagnostics: withoutMarks }) !== expected.key) session.problem('mismatches', `random-phase document ${document.uri} differs from a fresh analysis`);
    }
    tally();
    const code = await session.client.stop();
    if (code !== 0 && counts.crashes === 0) session.problem('crashes', `exit code ${code} at shutdown: ${session.client.stderr.slice(-2000)}`);
  } finally {
    if (session.client.alive) session.client.process.kill('SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  }
  return counts;
}
