// Histmark: Open Preview (to the Side): a webview showing the transcript as
// a reading text, rendered by the server (histmark/renderHtml) with the
// serialiser the CLI's edition uses. Live: edits are debounced, the server
// renders the document's blocks, and only the blocks that changed are sent
// to the webview (blockDiff.ts). Scroll follows the editor both ways by
// source line; a click on a mention opens its definition.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type RenderHtmlResult, Requests } from '../../../server/src/lsp/protocol';
import { diffBlocks } from './blockDiff';
import type { FromWebview, PreviewBlock, ToWebview } from './messages';

type ClientGetter = () => LanguageClient | undefined;

const DEBOUNCE_MS = 150;

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export class PreviewPanel {
  private static readonly open = new Map<string, PreviewPanel>();
  private blocks: PreviewBlock[] = [];
  private mode: 'reading' | 'diplomatic' = 'reading';
  private timer: NodeJS.Timeout | undefined;
  private rendering = false;
  /** The webview's script listens: until then a posted update would be lost. */
  private ready = false;
  private again = false;
  /** The line we scrolled the editor to: that scroll is not sent back to the preview. */
  private revealedLine: number | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  static show(context: vscode.ExtensionContext, getClient: ClientGetter, document: vscode.TextDocument, column: vscode.ViewColumn): PreviewPanel {
    const key = document.uri.toString();
    const existing = PreviewPanel.open.get(key);
    if (existing) {
      existing.panel.reveal(column, true);
      return existing;
    }
    const roots = [vscode.Uri.joinPath(context.extensionUri, 'media', 'preview'), vscode.Uri.joinPath(context.extensionUri, 'dist', 'preview')];
    const panel = vscode.window.createWebviewPanel('histmark.preview', `Preview ${document.fileName.split(/[\\/]/).pop()}`, { viewColumn: column, preserveFocus: true }, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: roots,
      retainContextWhenHidden: true,
    });
    const preview = new PreviewPanel(context, getClient, document, panel);
    PreviewPanel.open.set(key, preview);
    return preview;
  }

  private constructor(
    context: vscode.ExtensionContext,
    private readonly getClient: ClientGetter,
    private readonly document: vscode.TextDocument,
    private readonly panel: vscode.WebviewPanel,
  ) {
    panel.webview.html = this.shell(context);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: FromWebview) => void this.receive(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        // A registry edit changes names and dates in this document's rendering too.
        if (event.document.languageId === 'histmark' && event.contentChanges.length > 0) this.schedule();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        if (event.textEditor.document !== this.document) return;
        const top = event.visibleRanges[0]?.start.line;
        const own = this.revealedLine !== undefined && top !== undefined && Math.abs(top - this.revealedLine) <= 1;
        this.revealedLine = undefined;
        if (top !== undefined && !own) void this.post({ type: 'scroll', line: top });
      }),
    );
  }

  private shell(context: vscode.ExtensionContext): string {
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const css = webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'media', 'preview', 'preview.css'));
    const script = webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'preview', 'webview.js'));
    const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource}; font-src ${webview.cspSource}`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeAttribute(css.toString())}">
</head>
<body class="hm-preview">
<header class="hm-toolbar"><span id="title"></span><button id="mode" type="button">Reading text — show diplomatic</button></header>
<main id="content" class="hm-text"></main>
<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(script.toString())}"></script>
</body>
</html>`;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), DEBOUNCE_MS);
  }

  /** One request at a time; edits that arrive meanwhile are rendered right after it. */
  private async render(): Promise<void> {
    if (this.rendering) {
      this.again = true;
      return;
    }
    const client = this.getClient();
    if (!client || !this.ready) return;
    this.rendering = true;
    try {
      const result = await client.sendRequest<RenderHtmlResult | null>(Requests.renderHtml, { textDocument: { uri: this.document.uri.toString() }, mode: this.mode });
      if (result) this.apply(result);
      // The server had not seen the last edit yet: ask again.
      if (result && result.version < this.document.version) this.again = true;
    } finally {
      this.rendering = false;
    }
    if (this.again) {
      this.again = false;
      this.schedule();
    }
  }

  private apply(result: RenderHtmlResult): void {
    const change = diffBlocks(this.blocks, result.blocks);
    this.blocks = result.blocks;
    const update = change ?? { start: 0, deleteCount: 0, blocks: [], lineDelta: 0, atDelta: 0 };
    void this.post({ type: 'update', title: result.title, mode: this.mode, ...update });
  }

  private post(message: ToWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A new page (first load, or the webview was reloaded): it has no blocks.
        this.ready = true;
        this.blocks = [];
        return this.render();
      case 'toggleMode':
        this.mode = this.mode === 'reading' ? 'diplomatic' : 'reading';
        // Every block changes: start from an empty preview.
        void this.post({ type: 'update', title: '', mode: this.mode, start: 0, deleteCount: this.blocks.length, blocks: [], lineDelta: 0, atDelta: 0 });
        this.blocks = [];
        return this.render();
      case 'reveal': {
        const editor = this.editor();
        if (!editor) return;
        this.revealedLine = message.line;
        editor.revealRange(new vscode.Range(message.line, 0, message.line, 0), vscode.TextEditorRevealType.AtTop);
        return;
      }
      case 'open':
        return this.openDefinition(message.at);
    }
  }

  private editor(): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document === this.document);
  }

  /** The definition of the reference at source offset `at` (the mention's first character, `[` or `@`), as Go to Definition finds it. */
  private async openDefinition(at: number): Promise<void> {
    const position = this.document.positionAt(at + 1);
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', this.document.uri, position);
    const first = found?.[0];
    if (!first) return;
    const [uri, range] = 'targetUri' in first ? [first.targetUri, first.targetSelectionRange ?? first.targetRange] : [first.uri, first.range];
    const column = this.editor()?.viewColumn ?? vscode.ViewColumn.One;
    await vscode.window.showTextDocument(uri, { viewColumn: column, selection: range });
  }

  private dispose(): void {
    clearTimeout(this.timer);
    PreviewPanel.open.delete(this.document.uri.toString());
    for (const d of this.disposables) d.dispose();
  }
}

export function registerPreviewCommands(context: vscode.ExtensionContext, getClient: ClientGetter): vscode.Disposable[] {
  const open = (side: boolean) => () => {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId !== 'histmark') {
      void vscode.window.showInformationMessage('Histmark: open a .hmd document to preview it.');
      return;
    }
    PreviewPanel.show(context, getClient, editor.document, side ? vscode.ViewColumn.Beside : (editor.viewColumn ?? vscode.ViewColumn.Active));
  };
  return [vscode.commands.registerCommand('histmark.openPreview', open(false)), vscode.commands.registerCommand('histmark.openPreviewToSide', open(true))];
}
