// The preview's view of a document: the blocks the edition renders, in the
// preview's terms (no entity pages: a mention is a span the webview opens
// the definition of by its source offset).

import type { WorkspaceIndex } from '../../model/workspaceIndex';
import type { RenderHtmlParams, RenderHtmlResult } from '../../lsp/protocol';
import { documentHtmlBlocks } from './document';

export function renderHtmlRequest(index: WorkspaceIndex, params: RenderHtmlParams): RenderHtmlResult | null {
  const entry = index.document(params.textDocument.uri);
  if (!entry) return null;
  const title = entry.tree.frontMatter?.entries.find((e) => e.key === 'title')?.value.trim() || decodeURIComponent(entry.uri.slice(entry.uri.lastIndexOf('/') + 1));
  const mode = params.mode === 'diplomatic' ? 'diplomatic' : 'reading';
  return { uri: entry.uri, version: entry.version, title, blocks: documentHtmlBlocks(index, entry, mode, () => undefined) };
}
