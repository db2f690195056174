// The model side of the protocol-level equivalence test: random workspace
// operations (seeded), the state they leave (the disk and the editor's open
// documents), and the diagnostics a fresh index computes for that state with
// the code the CLI and the server share.

import * as path from 'node:path';
import { diagnoseConfig, diagnoseDocument } from '../../server/src/features/diagnostics';
import { toLspDiagnostic } from '../../server/src/lsp/diagnosticsPublisher';
import { nodeFileSystem } from '../../server/src/model/fileSystem';
import { loadWorkspaceFolder, uriOfPath } from '../../server/src/model/loader';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';

/** A small seeded generator (mulberry32): a failing seed replays exactly. */
export class Random {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

/** Pieces of Histmark that meet every cross-document rule: definitions, shared names, mentions, quotations. */
const SNIPPETS = [
  '@person pauker: Ana Pauker\n  aka: Pauker\n',
  '@person pauker: Anna Pauker\n',
  '@person luca: Vasile Luca\n  aka: Luca; the minister\n',
  '@org pmr: Romanian Workers’ Party\n  aka: the party\n',
  '@person georgescu: Teohari Georgescu\n  aka: the minister\n  viaf: 12345\n',
  '@place bucharest: Bucharest\n',
  '[Ana]{@pauker} spoke.',
  'Then @luca answered.',
  '[They]{@pauker @georgescu} left for Bucharest.',
  '@nobody was there.',
  'Pauker said "we will not give way on this"{@pauker}.',
  'He said "we will not give way on this".',
  '"Yes"{@luca}, said Luca.',
  'The minister and the party agreed.',
  '[Vasile]{@luca?} wrote {pb 4} a note[^1].',
  '[^1]: A note on Vasile Luca.',
  'Words [sic]{sic} and {gap} here.',
];

export const FILE_NAMES = ['registry.hmd', 'people.hmd', 'letter.hmd', 'minutes.hmd', 'drafts/draft.hmd', 'drafts/old.hmd', 'notes/a.hmd'];

export const CONFIGS = [
  undefined,
  '{ "exclude": ["drafts/**"] }',
  '{ "rules": { "HM001": "error", "HM005": "off" } }',
  '{ "quotations": { "minWords": 8 } }',
  '{ "rules": ',
];

export function randomText(random: Random): string {
  const parts = Array.from({ length: 1 + random.int(4) }, () => random.pick(SNIPPETS));
  return parts.map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join(random.pick(['', '\n']));
}

/** An edit of `text`: a snippet inserted at an offset, or a range deleted. */
export function randomEdit(random: Random, text: string): { start: number; end: number; insert: string } {
  const start = random.int(text.length + 1);
  if (text.length > 0 && random.next() < 0.4) return { start, end: Math.min(text.length, start + 1 + random.int(12)), insert: '' };
  return { start, end: start, insert: random.pick([random.pick(SNIPPETS), ' ', '\n', '@', '{@pauker}', 'Pauker ', '"']) };
}

/** The LSP position of an offset in text whose lines end with \n. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/**
 * The diagnostics of the state, by URI: the workspace on disk loaded afresh
 * (histmark.json and its excludes applied), each open document's text in
 * place of its file, parsed afresh. Documents without diagnostics are left out.
 */
export async function expectedDiagnostics(root: string, open: Map<string, string>): Promise<Map<string, unknown[]>> {
  const index = new WorkspaceIndex();
  const loaded = await loadWorkspaceFolder(index, nodeFileSystem, root);
  for (const [uri, text] of open) {
    index.removeDocument(uri);
    index.setDocument(uri, text);
  }
  const out = new Map<string, unknown[]>();
  const keep = (uri: string, diagnostics: unknown[]) => {
    if (diagnostics.length > 0) out.set(uri, JSON.parse(JSON.stringify(diagnostics)));
  };
  for (const entry of index.documents()) keep(entry.uri, diagnoseDocument(index, entry.uri).map(toLspDiagnostic));
  if (loaded.configText !== undefined) keep(uriOfPath(path.join(root, 'histmark.json')), diagnoseConfig(index, loaded.configText).map(toLspDiagnostic));
  return out;
}
