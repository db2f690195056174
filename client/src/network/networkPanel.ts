// *Histmark: Show Network*: one webview panel with the entity network the
// server computes (`histmark/network`); a click on an entity opens its
// definition beside the graph.

import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type NetworkView, Requests } from '../../../server/src/lsp/protocol';
import { registerDataPanel } from '../dataPanel';
import { networkHtml } from './html';
import type { ToExtension } from './webview/messages';

export function registerNetworkCommands(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): vscode.Disposable[] {
  const view = {
    name: 'network',
    viewType: 'histmark.network',
    title: 'Histmark Network',
    request: Requests.network,
    subject: 'The network',
    html: networkHtml,
    dataMessage: (network: NetworkView) => ({ type: 'network', view: network }),
    target: (network: NetworkView, message: Extract<ToExtension, { type: 'open' }>) => network.nodes.find((n) => n.id === message.id)?.definition,
  };
  return [registerDataPanel<NetworkView, ToExtension>('histmark.showNetwork', view, context, getClient)];
}
