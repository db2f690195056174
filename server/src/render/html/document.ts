// One document of the workspace as HTML blocks: the shared walk, then the
// HTML serialiser, with names, lines and the quotation threshold from the
// index. Used by the edition (`histmark export html`) and the preview.

import type { DocumentEntry, WorkspaceIndex } from '../../model/workspaceIndex';
import { walkDocument } from '../walk';
import { type HtmlBlock, renderHtmlBlocks } from './blocks';
import type { HtmlMode } from './inline';

export function documentHtmlBlocks(index: WorkspaceIndex, entry: DocumentEntry, mode: HtmlMode, entityHref: (id: string) => string | undefined): HtmlBlock[] {
  const doc = walkDocument(entry.tree, (id) => index.entity(id));
  return renderHtmlBlocks(doc, {
    mode,
    entityHref,
    nameOf: (id) => index.entity(id)?.displayName ?? id,
    lineOf: (offset) => entry.lines.positionAt(offset).line,
    minWords: index.config.minWords,
  });
}
