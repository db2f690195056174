// The preview's view of a document: the blocks the edition renders, in the
// preview's terms (no entity pages: a mention is a span the webview opens
// the definition of by its source offset). After an edit only the changed
// blocks are rendered again (previewCache.ts).

import type { WorkspaceIndex } from '../../model/workspaceIndex';
import type { RenderHtmlParams, RenderHtmlResult } from '../../lsp/protocol';
import { PreviewCache } from './previewCache';

const caches = new WeakMap<WorkspaceIndex, PreviewCache>();

export function renderHtmlRequest(index: WorkspaceIndex, params: RenderHtmlParams): RenderHtmlResult | null {
  let cache = caches.get(index);
  if (!cache) caches.set(index, (cache = new PreviewCache(index)));
  cache.prune();
  const entry = index.document(params.textDocument.uri);
  if (!entry) return null;
  const title = entry.tree.frontMatter?.entries.find((e) => e.key === 'title')?.value.trim() || decodeURIComponent(entry.uri.slice(entry.uri.lastIndexOf('/') + 1));
  const mode = params.mode === 'diplomatic' ? 'diplomatic' : 'reading';
  return { uri: entry.uri, version: entry.version, title, blocks: cache.blocks(entry, mode) };
}
