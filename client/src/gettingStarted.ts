// Commands of the Getting Started walkthrough: copy the annotated samples
// that ship with the extension into a folder of the user's choice and open
// it, and open the markup guide (docs/guide.md) as a rendered page.

import * as vscode from 'vscode';

const SAMPLES_FOLDER = 'histmark-samples';

async function openSamples(context: vscode.ExtensionContext): Promise<void> {
  const [parent] =
    (await vscode.window.showOpenDialog({
      canSelectFiles: false,
      canSelectFolders: true,
      canSelectMany: false,
      openLabel: 'Copy the samples here',
      title: `Histmark: where to put the “${SAMPLES_FOLDER}” folder`,
    })) ?? [];
  if (!parent) return;
  const target = vscode.Uri.joinPath(parent, SAMPLES_FOLDER);
  const exists = await vscode.workspace.fs.stat(target).then(
    () => true,
    () => false,
  );
  // An earlier copy may hold the user's own annotations: it is opened, never overwritten.
  if (!exists) await vscode.workspace.fs.copy(vscode.Uri.joinPath(context.extensionUri, 'samples'), target);
  await vscode.commands.executeCommand('vscode.openFolder', target);
}

async function openGuide(context: vscode.ExtensionContext): Promise<void> {
  await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(context.extensionUri, 'docs', 'guide.md'));
}

export function registerGettingStartedCommands(context: vscode.ExtensionContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('histmark.openSamples', () => openSamples(context)),
    vscode.commands.registerCommand('histmark.openGuide', () => openGuide(context)),
  ];
}
