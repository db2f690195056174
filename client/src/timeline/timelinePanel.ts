// *Histmark: Show Timeline*: one webview panel with the transcripts, events
// and lives by date (`histmark/timeline`); a click opens the document or the
// entity's definition beside the timeline.

import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Requests, type Timeline } from '../../../server/src/lsp/protocol';
import { registerDataPanel } from '../dataPanel';
import { timelineHtml } from './html';
import type { ToExtension } from './webview/messages';

export function registerTimelineCommands(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): vscode.Disposable[] {
  const view = {
    name: 'timeline',
    viewType: 'histmark.timeline',
    title: 'Histmark Timeline',
    request: Requests.timeline,
    subject: 'The timeline',
    html: timelineHtml,
    dataMessage: (timeline: Timeline) => ({ type: 'timeline', timeline }),
    target: (timeline: Timeline, message: Extract<ToExtension, { type: 'open' }>) => timeline.items[message.index]?.location,
  };
  return [registerDataPanel<Timeline, ToExtension>('histmark.showTimeline', view, context, getClient)];
}
