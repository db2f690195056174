// The messages between the Show Network webview and the extension.

import type { NetworkView } from '../../../../server/src/lsp/protocol';

export type ToWebview = { type: 'network'; view: NetworkView } | { type: 'error'; message: string };

/** `ready`: the page listens (send the network); `open`: the user clicked entity `id`. */
export type ToExtension = { type: 'ready' } | { type: 'refresh' } | { type: 'open'; id: string };
