// One document the parser or a diagnostic rule fails on costs only itself
// (issue 8, item 3): it is kept with an empty tree and one document-level
// error that names the internal error, and every other document is read,
// indexed and diagnosed as usual. The failures are injected: the real
// parser bugs that caused them are fixed where they were.

import { describe, expect, it, vi } from 'vitest';
import { lint } from '../../server/src/cli/lint';
import { memoryFileSystem } from '../../server/src/model/fileSystem';
import { diagnoseDocument } from '../../server/src/features/diagnostics';
import { brief, diagnosticsByFile, type LoadedWorkspace, loadWorkspace } from './helpers';

const POISON = 'POISON';

vi.mock('../../server/src/syntax/parse', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../server/src/syntax/parse')>();
  return {
    ...original,
    parse: (text: string) => {
      if (text.includes('POISON')) throw new TypeError("Cannot read properties of null (reading '1')");
      return original.parse(text);
    },
  };
});

vi.mock('../../server/src/features/diagnostics/footnotes', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../server/src/features/diagnostics/footnotes')>();
  return {
    ...original,
    footnoteFindings: (entry: Parameters<typeof original.footnoteFindings>[0]) => {
      if (entry.text.includes('RULE-BREAKER')) throw new RangeError('Maximum call stack size exceeded');
      return original.footnoteFindings(entry);
    },
  };
});

const FILES = {
  'registry.hmd': '@person tito: Josip Broz Tito\n',
  'bad.hmd': `[Tito]{@tito} ${POISON}\n`,
  'good.hmd': '[Tito]{@tito} met @ghost.\n',
};

describe('a document the parser fails on', () => {
  it('is kept with one error naming the internal error, and the others are diagnosed', async () => {
    const workspace = await loadWorkspace(FILES);
    expect(workspace.loaded.failures).toEqual([]);
    expect(diagnosticsByFile(workspace)).toEqual({ 'bad.hmd': ['0:0-0:0 error HM010'], 'good.hmd': ['0:19-0:24 error HM002'] });
    const [failure] = diagnosticsOf(workspace, 'bad.hmd');
    expect(failure.message).toContain("internal error: TypeError: Cannot read properties of null (reading '1')");
    // The tree is empty but still tiles the text.
    const entry = workspace.index.document(workspace.uri('bad.hmd'))!;
    expect(entry.tree.blocks).toEqual([{ kind: 'paragraph', start: 0, end: entry.text.length }]);
  });

  it('an edit that makes it readable again is parsed afresh', async () => {
    const workspace = await loadWorkspace(FILES);
    workspace.index.setDocument(workspace.uri('bad.hmd'), '[Tito]{@tito} is fine now.\n', 2);
    expect(diagnosticsOf(workspace, 'bad.hmd')).toEqual([]);
    expect(workspace.index.referenceCounts('tito').mentions).toBe(2);
  });

  it('in the CLI, it is reported with its path and the rest is linted', async () => {
    const result = await lint(memoryFileSystem(FILES), ['/'], '/');
    expect(result.failures).toEqual([]);
    expect(result.reports.map((r) => [r.path, r.diagnostics.map(brief)])).toEqual([
      ['/bad.hmd', ['0:0-0:0 error HM010']],
      ['/good.hmd', ['0:19-0:24 error HM002']],
    ]);
  });
});

describe('a diagnostic rule that fails on a document', () => {
  it('gives that document one error naming the internal error; the others are diagnosed', async () => {
    const workspace = await loadWorkspace({ ...FILES, 'bad.hmd': 'RULE-BREAKER [Tito]{@tito}\n' });
    const [failure, ...rest] = diagnosticsOf(workspace, 'bad.hmd');
    expect(rest).toEqual([]);
    expect(brief(failure)).toBe('0:0-0:0 error HM010');
    expect(failure.message).toContain('internal error: RangeError: Maximum call stack size exceeded');
    expect(diagnosticsOf(workspace, 'good.hmd').map(brief)).toEqual(['0:19-0:24 error HM002']);
  });
});

function diagnosticsOf(workspace: LoadedWorkspace, file: string) {
  return diagnoseDocument(workspace.index, workspace.uri(file));
}
