// *Histmark: Show Network*: one webview panel with the entity network the
// server computes (`histmark/network`); a click on an entity opens its
// definition beside the graph.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type NetworkView, Requests } from '../../../server/src/lsp/protocol';
import { toRange } from '../convert';
import { networkHtml } from './html';
import type { ToExtension, ToWebview } from './webview/messages';

type ClientGetter = () => LanguageClient | undefined;

class NetworkPanel {
  static current: NetworkPanel | undefined;
  private view: NetworkView | undefined;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly getClient: ClientGetter,
  ) {
    panel.onDidDispose(() => (NetworkPanel.current = undefined));
    panel.webview.onDidReceiveMessage((message: ToExtension) => this.received(message));
  }

  static show(context: vscode.ExtensionContext, getClient: ClientGetter): void {
    if (NetworkPanel.current) {
      NetworkPanel.current.panel.reveal();
      return void NetworkPanel.current.load();
    }
    const media = vscode.Uri.joinPath(context.extensionUri, 'media', 'network');
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel('histmark.network', 'Histmark Network', vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [media, dist],
    });
    const webview = panel.webview;
    webview.html = networkHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'network.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'network.css')).toString(),
    });
    NetworkPanel.current = new NetworkPanel(panel, getClient);
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async load(): Promise<void> {
    const client = this.getClient();
    if (!client) return this.post({ type: 'error', message: 'The Histmark language server is not running.' });
    try {
      const view = await client.sendRequest<NetworkView | null>(Requests.network);
      if (!view) return this.post({ type: 'error', message: 'The network could not be computed: see the Histmark output.' });
      this.view = view;
      this.post({ type: 'network', view });
    } catch (error) {
      this.post({ type: 'error', message: `The network could not be computed: ${(error as Error).message}` });
    }
  }

  private async received(message: ToExtension): Promise<void> {
    if (message.type === 'ready' || message.type === 'refresh') return this.load();
    const node = this.view?.nodes.find((n) => n.id === message.id);
    if (!node) return;
    const { uri, range } = node.definition;
    const start = toRange(range).start;
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(start, start), viewColumn: vscode.ViewColumn.Beside });
  }
}

export function registerNetworkCommands(context: vscode.ExtensionContext, getClient: ClientGetter): vscode.Disposable[] {
  return [vscode.commands.registerCommand('histmark.showNetwork', () => NetworkPanel.show(context, getClient))];
}
