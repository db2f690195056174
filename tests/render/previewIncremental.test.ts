// The preview renders again only the runs of blocks whose source changed
// (server/src/render/html/previewCache.ts): after any edit its blocks must
// be exactly those of a fresh whole-document rendering.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.mjs';
import { Random } from '../../bench/random.mjs';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';
import { documentHtmlBlocks } from '../../server/src/render/html/document';
import { renderHtmlRequest } from '../../server/src/render/html/preview';

function workspace(dir: string): { index: WorkspaceIndex; transcripts: string[] } {
  const index = new WorkspaceIndex();
  const transcripts: string[] = [];
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.hmd')) continue;
    const uri = `file://${path.join(e.parentPath, e.name)}`;
    index.setDocument(uri, readFileSync(path.join(e.parentPath, e.name), 'utf8'));
    if (!index.document(uri)!.tree.isRegistry) transcripts.push(uri);
  }
  return { index, transcripts: transcripts.sort() };
}

function preview(index: WorkspaceIndex, uri: string, mode: 'reading' | 'diplomatic') {
  return renderHtmlRequest(index, { textDocument: { uri }, mode })!.blocks;
}

function fresh(index: WorkspaceIndex, uri: string, mode: 'reading' | 'diplomatic') {
  return documentHtmlBlocks(index, index.document(uri)!, mode, () => undefined);
}

/** Markup characters weigh heavily: edits open and close quotations, mentions, notes and turns. */
const TYPED = ['x', ' ', '\n', '\n\n', '"', '[', ']', '{', '}', '@', '^', '>', '#', ':', '[^1]', '{sic}', '"a b c d"', '\n> '];

function randomEdit(random: Random, text: string): string {
  const at = Math.floor(random.next() * (text.length + 1));
  if (random.next() < 0.4 && text.length > 0) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random.next() * 8)));
  return text.slice(0, at) + TYPED[Math.floor(random.next() * TYPED.length)] + text.slice(at);
}

function checkRandomEdits(index: WorkspaceIndex, uris: string[], seed: string, edits: number): void {
  const random = new Random(seed);
  for (const uri of uris) {
    for (const mode of ['reading', 'diplomatic'] as const) expect(preview(index, uri, mode)).toEqual(fresh(index, uri, mode));
    for (let i = 0; i < edits; i++) {
      const entry = index.document(uri)!;
      index.setDocument(uri, randomEdit(random, entry.text), entry.version + 1);
      const mode = i % 3 === 0 ? 'diplomatic' : 'reading';
      expect(preview(index, uri, mode), `${uri} after edit ${i + 1}`).toEqual(fresh(index, uri, mode));
    }
  }
}

describe('the incremental preview', () => {
  it('equals a fresh rendering after random edits of the samples', () => {
    const { index, transcripts } = workspace(path.resolve('samples'));
    checkRandomEdits(index, transcripts, 'preview-samples', 40);
  });

  it('equals a fresh rendering after random edits of a generated corpus', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'histmark-preview-'));
    try {
      generateCorpus(dir, 4, { book: false, seed: 'preview-incremental' });
      const { index, transcripts } = workspace(dir);
      checkRandomEdits(index, transcripts, 'preview-generated', 25);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('renders a renamed preferred name in a transcript that mentions the entity', () => {
    const index = new WorkspaceIndex();
    const registry = '@person hoxha: Enver Hoxha\n';
    index.setDocument('file:///ws/registry.hmd', registry);
    index.setDocument('file:///ws/doc.hmd', 'First paragraph.\n\nA word from @hoxha today.\n\n"Words of his own here"{@hoxha}\n');
    const before = preview(index, 'file:///ws/doc.hmd', 'reading').map((b) => b.html).join('\n');
    expect(before).toContain('Enver Hoxha');
    index.setDocument('file:///ws/registry.hmd', registry.replace('Enver Hoxha', 'Enver H. Hoxha'), 1);
    const after = preview(index, 'file:///ws/doc.hmd', 'reading');
    expect(after.map((b) => b.html).join('\n')).toContain('Enver H. Hoxha');
    expect(after.map((b) => b.html).join('\n')).not.toContain('Enver Hoxha');
    expect(after).toEqual(fresh(index, 'file:///ws/doc.hmd', 'reading'));
  });

  it('renders again the runs an edit touches, and moves the others', () => {
    const index = new WorkspaceIndex();
    const uri = 'file:///ws/doc.hmd';
    index.setDocument(uri, 'One @a here.\n\nTwo paragraphs.\n\nThree.\n');
    const first = preview(index, uri, 'reading');
    index.setDocument(uri, 'One @a there.\n\nTwo paragraphs.\n\nThree.\n', 1);
    const second = preview(index, uri, 'reading');
    expect(second.map((b) => b.at)).toEqual(first.map((b) => b.at + (b.at > 0 ? 1 : 0)));
    expect(second).toEqual(fresh(index, uri, 'reading'));
  });
});
