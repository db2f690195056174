// One document of the workspace as HTML blocks: the shared walk, then the
// HTML serialiser, with names, lines and the quotation threshold from the
// index. Used by the edition (`histmark export html`) and the preview.

import type { EntityLookup } from '../inlineWalk';
import type { DocumentEntry, WorkspaceIndex } from '../../model/workspaceIndex';
import { walkDocument } from '../walk';
import { type HtmlBlock, type HtmlOptions, renderHtmlBlocks } from './blocks';
import type { HtmlMode } from './inline';

/** The serialiser's options for a document of the index; names come from `lookup`. */
export function documentHtmlOptions(index: WorkspaceIndex, entry: DocumentEntry, mode: HtmlMode, entityHref: (id: string) => string | undefined, lookup: EntityLookup): HtmlOptions {
  return {
    mode,
    entityHref,
    nameOf: (id) => lookup(id)?.displayName ?? id,
    lineOf: (offset) => entry.lines.positionAt(offset).line,
    minWords: index.config.minWords,
  };
}

export function documentHtmlBlocks(index: WorkspaceIndex, entry: DocumentEntry, mode: HtmlMode, entityHref: (id: string) => string | undefined): HtmlBlock[] {
  const lookup: EntityLookup = (id) => index.entity(id);
  return renderHtmlBlocks(walkDocument(entry.tree, lookup), documentHtmlOptions(index, entry, mode, entityHref, lookup));
}
