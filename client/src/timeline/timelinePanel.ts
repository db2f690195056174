// *Histmark: Show Timeline*: one webview panel with the transcripts, events
// and lives by date (`histmark/timeline`); a click opens the document or the
// entity's definition beside the timeline.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Requests, type Timeline } from '../../../server/src/lsp/protocol';
import { toRange } from '../convert';
import { timelineHtml } from './html';
import type { ToExtension, ToWebview } from './webview/messages';

type ClientGetter = () => LanguageClient | undefined;

class TimelinePanel {
  static current: TimelinePanel | undefined;
  private timeline: Timeline | undefined;

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly getClient: ClientGetter,
  ) {
    panel.onDidDispose(() => (TimelinePanel.current = undefined));
    panel.webview.onDidReceiveMessage((message: ToExtension) => this.received(message));
  }

  static show(context: vscode.ExtensionContext, getClient: ClientGetter): void {
    if (TimelinePanel.current) {
      TimelinePanel.current.panel.reveal();
      return void TimelinePanel.current.load();
    }
    const media = vscode.Uri.joinPath(context.extensionUri, 'media', 'timeline');
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel('histmark.timeline', 'Histmark Timeline', vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [media, dist],
    });
    const webview = panel.webview;
    webview.html = timelineHtml({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'timeline.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'timeline.css')).toString(),
    });
    TimelinePanel.current = new TimelinePanel(panel, getClient);
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async load(): Promise<void> {
    const client = this.getClient();
    if (!client) return this.post({ type: 'error', message: 'The Histmark language server is not running.' });
    try {
      const timeline = await client.sendRequest<Timeline | null>(Requests.timeline);
      if (!timeline) return this.post({ type: 'error', message: 'The timeline could not be computed: see the Histmark output.' });
      this.timeline = timeline;
      this.post({ type: 'timeline', timeline });
    } catch (error) {
      this.post({ type: 'error', message: `The timeline could not be computed: ${(error as Error).message}` });
    }
  }

  private async received(message: ToExtension): Promise<void> {
    if (message.type === 'ready' || message.type === 'refresh') return this.load();
    const item = this.timeline?.items[message.index];
    if (!item) return;
    const start = toRange(item.location.range).start;
    await vscode.window.showTextDocument(vscode.Uri.parse(item.location.uri), { selection: new vscode.Range(start, start), viewColumn: vscode.ViewColumn.Beside });
  }
}

export function registerTimelineCommands(context: vscode.ExtensionContext, getClient: ClientGetter): vscode.Disposable[] {
  return [vscode.commands.registerCommand('histmark.showTimeline', () => TimelinePanel.show(context, getClient))];
}
