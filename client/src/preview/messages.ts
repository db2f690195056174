// The messages between the preview panel (extension side) and its webview
// script: shapes only, bundled into both.

export interface PreviewBlock {
  at: number;
  line: number;
  html: string;
}

/** Extension → webview. */
export type ToWebview =
  /** Replace `deleteCount` blocks from `start` by `blocks`; the blocks after them moved by `lineDelta` lines and `atDelta` characters. */
  | { type: 'update'; title: string; mode: 'reading' | 'diplomatic'; start: number; deleteCount: number; blocks: PreviewBlock[]; lineDelta: number; atDelta: number }
  /** The editor shows `line` (0-based, fractional within it) at its top. */
  | { type: 'scroll'; line: number };

/** Webview → extension. */
export type FromWebview =
  /** The script runs: messages posted before this are lost. */
  | { type: 'ready' }
  /** A mention was clicked: open the definition of the reference at this source offset. */
  | { type: 'open'; at: number }
  /** The preview shows `line` at its top. */
  | { type: 'reveal'; line: number }
  | { type: 'toggleMode' };
