// TEI commands: export the current document or the whole workspace (the
// document's TEI opens beside its source; warnings go to Problems and a
// notification), and import TEI files. The work is done by the server
// (histmark/exportTei, histmark/importTei), as the CLI does it.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type ExportTeiResult, type ImportTeiResult, Requests } from '../../server/src/lsp/protocol';
import { toRange } from './convert';

type ClientGetter = () => LanguageClient | undefined;

/** `<workspace folder>/out/tei`, as `histmark export tei … --out out/tei` would write. */
function defaultOutDir(uri: vscode.Uri | undefined): string | undefined {
  const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder ? path.join(folder.uri.fsPath, 'out', 'tei') : undefined;
}

function showExportWarnings(problems: vscode.DiagnosticCollection, result: ExportTeiResult): void {
  problems.clear();
  const byUri = new Map<string, vscode.Diagnostic[]>();
  for (const w of result.warnings) {
    const diagnostic = new vscode.Diagnostic(toRange(w.range), w.message, vscode.DiagnosticSeverity.Warning);
    diagnostic.source = 'Histmark TEI export';
    byUri.set(w.uri, [...(byUri.get(w.uri) ?? []), diagnostic]);
  }
  for (const [uri, list] of byUri) problems.set(vscode.Uri.parse(uri), list);
}

async function exportTei(getClient: ClientGetter, problems: vscode.DiagnosticCollection, whole: boolean): Promise<void> {
  const client = getClient();
  const editor = vscode.window.activeTextEditor;
  const uri = whole ? undefined : editor?.document.languageId === 'histmark' ? editor.document.uri : undefined;
  if (!client || (!whole && !uri)) {
    void vscode.window.showInformationMessage('Histmark: open a Histmark transcript to export it as TEI.');
    return;
  }
  const outDir = defaultOutDir(uri);
  if (!outDir) {
    void vscode.window.showInformationMessage('Histmark: open a folder to export its transcripts as TEI.');
    return;
  }
  let result: ExportTeiResult | null;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: whole ? 'Histmark: exporting the workspace as TEI' : 'Histmark: exporting TEI' }, () =>
      client.sendRequest<ExportTeiResult | null>(Requests.exportTei, { uri: uri?.toString(), outDir }),
    );
  } catch (error) {
    void vscode.window.showErrorMessage((error as Error).message);
    return;
  }
  if (!result) return;
  showExportWarnings(problems, result);
  if (result.document) await vscode.window.showTextDocument(vscode.Uri.file(result.document), { viewColumn: vscode.ViewColumn.Beside, preview: true });
  if (whole && result.written.length === 0) {
    void vscode.window.showInformationMessage('Histmark: the workspace has no transcripts to export.');
    return;
  }
  const where = vscode.workspace.asRelativePath(outDir);
  const files = result.written.length === 1 ? '1 TEI file' : `${result.written.length} TEI files`;
  if (result.warnings.length === 0) void vscode.window.showInformationMessage(`Histmark: wrote ${files} to ${where}.`);
  else void vscode.window.showWarningMessage(`Histmark: wrote ${files} to ${where}, with ${result.warnings.length} warnings (see Problems).`);
}

async function importTei(getClient: ClientGetter, problems: vscode.DiagnosticCollection): Promise<void> {
  const client = getClient();
  if (!client) return;
  const files = await vscode.window.showOpenDialog({ title: 'Import TEI', canSelectMany: true, filters: { 'TEI XML': ['xml'] }, openLabel: 'Import' });
  if (!files || files.length === 0) return;
  const folders = await vscode.window.showOpenDialog({ title: 'Folder for the imported transcripts', canSelectFolders: true, canSelectFiles: false, defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri, openLabel: 'Import here' });
  if (!folders || folders.length === 0) return;
  let result: ImportTeiResult | null;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Histmark: importing TEI' }, () =>
      client.sendRequest<ImportTeiResult | null>(Requests.importTei, { files: files.map((f) => f.fsPath), outDir: folders[0].fsPath }),
    );
  } catch (error) {
    void vscode.window.showErrorMessage((error as Error).message);
    return;
  }
  if (!result) return;
  problems.clear();
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const m of result.messages) {
    const position = new vscode.Position(Math.max(m.line - 1, 0), Math.max(m.column - 1, 0));
    const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position), m.message, m.fatal ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
    diagnostic.source = 'Histmark TEI import';
    byFile.set(m.file, [...(byFile.get(m.file) ?? []), diagnostic]);
  }
  for (const [file, list] of byFile) problems.set(vscode.Uri.file(file), list);
  const summary = `Histmark: imported ${result.written.length} files into ${vscode.workspace.asRelativePath(folders[0])}`;
  if (result.messages.length === 0) void vscode.window.showInformationMessage(`${summary}.`);
  else void vscode.window.showWarningMessage(`${summary}; ${result.messages.length} things have no Histmark form (see Problems).`);
}

export function registerTeiCommands(getClient: ClientGetter): vscode.Disposable[] {
  const problems = vscode.languages.createDiagnosticCollection('histmark-tei');
  return [
    problems,
    vscode.commands.registerCommand('histmark.exportDocumentTei', () => exportTei(getClient, problems, false)),
    vscode.commands.registerCommand('histmark.exportWorkspaceTei', () => exportTei(getClient, problems, true)),
    vscode.commands.registerCommand('histmark.importTei', () => importTei(getClient, problems)),
  ];
}
