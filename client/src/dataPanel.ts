// A webview panel that shows what one server request computes (Show
// Network, Show Timeline): one panel per view, reloaded when revealed and
// when its page asks, and a click on an item opens its location beside it.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type JsonRange, toRange } from './convert';

type ClientGetter = () => LanguageClient | undefined;

/** The page's resources: the script and stylesheet are `dist/<name>.js` and `media/<name>/<name>.css`. */
export interface PageResources {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
}

/** What the page may send: `ready` and `refresh` ask for the data; anything else is a click. */
type FromPage = { type: 'ready' } | { type: 'refresh' } | { type: 'open' };

export interface DataView<T, M extends FromPage> {
  name: string;
  viewType: string;
  title: string;
  request: string;
  /** "The network", "The timeline": what error messages say could not be computed. */
  subject: string;
  html(resources: PageResources): string;
  /** The message that hands the page its data. */
  dataMessage(data: T): unknown;
  /** Where a click (`open`) goes, if anywhere. */
  target(data: T, message: Extract<M, { type: 'open' }>): { uri: string; range: JsonRange } | undefined;
}

export function registerDataPanel<T, M extends FromPage>(command: string, view: DataView<T, M>, context: vscode.ExtensionContext, getClient: ClientGetter): vscode.Disposable {
  let current: { panel: vscode.WebviewPanel; load: () => Promise<void> } | undefined;

  const open = () => {
    if (current) {
      current.panel.reveal();
      return void current.load();
    }
    const media = vscode.Uri.joinPath(context.extensionUri, 'media', view.name);
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel(view.viewType, view.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [media, dist],
    });
    const webview = panel.webview;
    webview.html = view.html({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, `${view.name}.js`)).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, `${view.name}.css`)).toString(),
    });
    let data: T | undefined;
    const post = (message: unknown) => void webview.postMessage(message);
    const load = async () => {
      const client = getClient();
      if (!client) return post({ type: 'error', message: 'The Histmark language server is not running.' });
      try {
        const answer = await client.sendRequest<T | null>(view.request);
        if (!answer) return post({ type: 'error', message: `${view.subject} could not be computed: see the Histmark output.` });
        data = answer;
        post(view.dataMessage(answer));
      } catch (error) {
        post({ type: 'error', message: `${view.subject} could not be computed: ${(error as Error).message}` });
      }
    };
    webview.onDidReceiveMessage(async (message: M) => {
      if (message.type === 'ready' || message.type === 'refresh') return load();
      const target = data && view.target(data, message as Extract<M, { type: 'open' }>);
      if (!target) return;
      const start = toRange(target.range).start;
      await vscode.window.showTextDocument(vscode.Uri.parse(target.uri), { selection: new vscode.Range(start, start), viewColumn: vscode.ViewColumn.Beside });
    });
    panel.onDidDispose(() => (current = undefined));
    current = { panel, load };
  };

  return vscode.commands.registerCommand(command, open);
}
