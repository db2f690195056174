// "Attribute to…" (HM001): a picker with the entities mentioned near the
// quotation first, then every entity (type to search), and a speaker the
// source describes but does not name (`{@?: …}`). The server makes the edit.

import * as vscode from 'vscode';
import type { LanguageClient, WorkspaceEdit } from 'vscode-languageclient/node';
import type { AttributePickerArgs } from '../../server/src/features/attribution';
import { type EntitySummary, Requests } from '../../server/src/lsp/protocol';

type ClientGetter = () => LanguageClient | undefined;

interface Choice extends vscode.QuickPickItem {
  ids?: string[];
  describe?: true;
}

const KIND_NAMES: Record<EntitySummary['kind'], string> = { person: 'person', org: 'organisation', place: 'place', event: 'event', work: 'work' };

async function attributeQuotation(getClient: ClientGetter, args: AttributePickerArgs): Promise<void> {
  const client = getClient();
  if (!client) return;
  const entities = await client.sendRequest<EntitySummary[]>(Requests.entities);
  const nearby = new Set(args.nearby.map((n) => n.ids.join(' ')));
  const items: Choice[] = [
    { label: 'Nearby', kind: vscode.QuickPickItemKind.Separator },
    ...args.nearby.map<Choice>((n) => ({ label: n.names, description: n.source, ids: n.ids })),
    { label: '$(question) A speaker the source describes…', description: 'unnamed: {@?: description}', describe: true },
    { label: 'All entities', kind: vscode.QuickPickItemKind.Separator },
    ...entities
      .filter((e) => !nearby.has(e.id))
      .map<Choice>((e) => ({ label: e.name, description: KIND_NAMES[e.kind], detail: e.aliases.length > 0 ? `also ${e.aliases.join('; ')}` : undefined, ids: [e.id] })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Attribute the quotation to…', placeHolder: 'Type a name to search all entities', matchOnDescription: true, matchOnDetail: true });
  if (!picked) return;
  let description: string | undefined;
  if (picked.describe) {
    description = await vscode.window.showInputBox({
      title: 'Who speaks, as the source describes them',
      placeHolder: 'the Polish minister',
      validateInput: (value) => (value.trim() === '' ? 'Describe the speaker in a few words.' : undefined),
    });
    if (description === undefined) return;
  }
  const params = { textDocument: { uri: args.uri }, range: args.range, ids: picked.ids, description };
  let edit: WorkspaceEdit;
  try {
    edit = await client.sendRequest<WorkspaceEdit>(Requests.attribute, params);
  } catch (error) {
    void vscode.window.showErrorMessage(`Histmark: ${(error as Error).message}`);
    return;
  }
  const applied = await vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(edit));
  if (!applied) void vscode.window.showErrorMessage('Histmark: the attribution could not be written; the document may have changed.');
}

export function registerAttributePicker(getClient: ClientGetter): vscode.Disposable {
  // The id the server's code action names (ATTRIBUTE_COMMAND in features/attribution.ts).
  return vscode.commands.registerCommand('histmark.attributeQuotation', (args: AttributePickerArgs) => attributeQuotation(getClient, args));
}
