// The status bar item: "Histmark: 14 documents · 63 entities · 5 warnings";
// a click opens the Problems panel.

import * as vscode from 'vscode';
import type { WorkspaceStatus } from '../../server/src/lsp/protocol';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function createStatusBar(): { item: vscode.StatusBarItem; update(status: WorkspaceStatus): void } {
  const item = vscode.window.createStatusBarItem('histmark.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Histmark';
  item.command = 'workbench.actions.view.problems';
  const INDEXING = '$(sync~spin) Histmark: indexing…';
  item.text = INDEXING;
  item.show();
  return {
    item,
    update(status) {
      // While the server builds its index the counts are partial: "0 documents" would be false.
      if (status.indexing) {
        item.text = INDEXING;
        item.tooltip = 'Histmark is reading the workspace';
        return;
      }
      const parts = [plural(status.documents, 'document'), plural(status.entities, 'entity').replace('entitys', 'entities')];
      if (status.errors > 0) parts.push(plural(status.errors, 'error'));
      parts.push(plural(status.warnings, 'warning'));
      item.text = `$(quote) Histmark: ${parts.join(' · ')}`;
      item.tooltip = 'Histmark workspace — click to open the Problems panel';
    },
  };
}
