// The status bar item, with VS Code's API stood in for by a plain object.
import { describe, expect, it, vi } from 'vitest';

const item = { text: '', tooltip: '', show: () => {} };
vi.mock('vscode', () => ({
  window: { createStatusBarItem: () => item },
  StatusBarAlignment: { Left: 1 },
}));

const { createStatusBar } = await import('../../client/src/statusBar');

describe('status bar', () => {
  it('says "indexing…" while the server indexes, never "0 documents", then the counts', () => {
    const statusBar = createStatusBar();
    expect(item.text).toBe('$(sync~spin) Histmark: indexing…');
    statusBar.update({ indexing: true, documents: 0, entities: 0, errors: 0, warnings: 0 });
    expect(item.text).toBe('$(sync~spin) Histmark: indexing…');
    statusBar.update({ indexing: false, documents: 14, entities: 1, errors: 0, warnings: 5 });
    expect(item.text).toBe('$(quote) Histmark: 14 documents · 1 entity · 5 warnings');
    statusBar.update({ indexing: true, documents: 3, entities: 1, errors: 0, warnings: 0 });
    expect(item.text).toBe('$(sync~spin) Histmark: indexing…');
  });
});
