// The messages between the Show Timeline webview and the extension.

import type { Timeline } from '../../../../server/src/lsp/protocol';

export type ToWebview = { type: 'timeline'; timeline: Timeline } | { type: 'error'; message: string };

/** `open`: the user clicked item `index` of the timeline last sent. */
export type ToExtension = { type: 'ready' } | { type: 'refresh' } | { type: 'open'; index: number };
