// A completion list in the shape a client can take. Entity lists repeat one
// range in every item and a name beside its label details: 50 items of
// about 420 bytes of JSON each. A client of LSP 3.17 takes the range once
// (itemDefaults.editRange) and asks for the detail of the item it shows
// (completionItem/resolve); VS Code does both.

import type { ClientCapabilities, CompletionItem, CompletionList } from 'vscode-languageserver';
import { sameRange } from '../syntax/positions';

export interface CompletionClient {
  /** The client reads a default edit range from the list (`itemDefaults.editRange`) and an item's `textEditText`. */
  editRangeDefault: boolean;
  /** The client shows label details and resolves `detail` when an item is shown. */
  detailOnResolve: boolean;
}

export const PLAIN_COMPLETION_CLIENT: CompletionClient = { editRangeDefault: false, detailOnResolve: false };

export function completionClientOf(capabilities: ClientCapabilities): CompletionClient {
  const completion = capabilities.textDocument?.completion;
  return {
    editRangeDefault: completion?.completionList?.itemDefaults?.includes('editRange') === true,
    detailOnResolve: completion?.completionItem?.labelDetailsSupport === true && completion.completionItem.resolveSupport?.properties.includes('detail') === true,
  };
}

/** `list` for `client`: the items' shared range once, and no detail where the label details say it and resolve adds it. */
export function shapedFor(list: CompletionList | null, client: CompletionClient): CompletionList | null {
  if (!list || list.items.length === 0) return list;
  const first = list.items[0].textEdit;
  const range = client.editRangeDefault && first && 'range' in first ? first.range : undefined;
  if (!range && !client.detailOnResolve) return list;
  const items = list.items.map((item): CompletionItem => {
    const shaped = { ...item };
    const edit = item.textEdit;
    if (range && edit && 'range' in edit && sameRange(edit.range, range)) {
      delete shaped.textEdit;
      shaped.textEditText = edit.newText;
    }
    if (client.detailOnResolve && item.labelDetails) delete shaped.detail;
    return shaped;
  });
  return { ...list, ...(range && { itemDefaults: { ...list.itemDefaults, editRange: range } }), items };
}
