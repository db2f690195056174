// Protocol JSON (ranges, locations) to VS Code objects, for the places
// where the language client does not convert them itself.

import * as vscode from 'vscode';

export interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export function toRange(r: JsonRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toLocation(uri: string, range: JsonRange): vscode.Location {
  return new vscode.Location(vscode.Uri.parse(uri), toRange(range));
}
