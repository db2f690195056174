// What a VS Code user gets for Markdown: vscode-markdown-languageserver
// (the server of VS Code's built-in Markdown extension) over stdio, with the
// client side of it that VS Code's extension implements
// (extensions/markdown-language-features/src/client/client.ts): it finds the
// workspace's Markdown files, reads them for the server (as arrays of bytes)
// and tokenizes them with markdown-it when the server asks (markdown/parse).
// Settings are VS Code's defaults except that link validation is on, so that
// the server computes diagnostics as Histmark's always does.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import lsp from 'vscode-languageserver-protocol/node';
import { BenchServer } from './server.mjs';

const { ResponseError } = lsp;
const require = createRequire(import.meta.url);
export const MARKDOWN_SERVER = require.resolve('vscode-markdown-languageserver');
export const MARKDOWN_SERVER_VERSION = JSON.parse(readFileSync(path.join(MARKDOWN_SERVER, '../../../package.json'), 'utf8')).version;

/** VS Code's list (extensions/markdown-language-features/src/util/file.ts). */
const MARKDOWN_FILE_EXTENSIONS = ['md', 'mkd', 'mdwn', 'mdown', 'markdown', 'markdn', 'mdtxt', 'mdtext', 'workbook'];

/** The `markdown` settings section VS Code sends (its defaults), validation turned on. */
export const MARKDOWN_SETTINGS = {
  markdown: {
    server: { log: 'off' },
    preferredMdPathExtensionStyle: 'auto',
    suggest: { paths: { enabled: true, includeWorkspaceHeaderCompletions: 'onDoubleHash' } },
    occurrencesHighlight: { enabled: false },
    validate: {
      enabled: true,
      referenceLinks: { enabled: 'warning' },
      fragmentLinks: { enabled: 'warning' },
      fileLinks: { enabled: 'warning', markdownFragmentLinks: 'inherit' },
      ignoredLinks: [],
      unusedLinkDefinitions: { enabled: 'hint' },
      duplicateLinkDefinitions: { enabled: 'warning' },
    },
  },
};

/** VS Code's markdown engine strips front matter before markdown-it sees the text. */
const FRONT_MATTER = /^---\s*[^]*?(-{3}|\.{3})\s*/;

/** markdown-it configured as VS Code's engine is for tokenizing (html, linkify), front matter stripped, token lines shifted back. */
export function createTokenizer() {
  const md = MarkdownIt({ html: true, linkify: true, breaks: false });
  return (text) => {
    const frontMatter = FRONT_MATTER.exec(text)?.[0] ?? '';
    const offset = frontMatter === '' ? 0 : frontMatter.split(/\r\n|\n|\r/g).length - 1;
    return md.parse(text.slice(frontMatter.length), {}).map((token) => {
      if (token.map) token.map = [token.map[0] + offset, token.map[1] + offset];
      return token;
    });
  };
}

function* markdownFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* markdownFiles(child);
    } else if (MARKDOWN_FILE_EXTENSIONS.includes(path.extname(entry.name).slice(1))) yield child;
  }
}

export class MarkdownBenchServer extends BenchServer {
  constructor(root, { nodeOptions = [] } = {}) {
    super(root, { server: MARKDOWN_SERVER, nodeOptions, languageId: 'markdown', initializationOptions: { markdownFileExtensions: MARKDOWN_FILE_EXTENSIONS } });
  }

  listen() {
    this.pulls = { count: 0, failed: 0, message: undefined };
    const tokenize = createTokenizer();
    // VS Code's engine keeps the tokens of the last document it tokenized (its TokenCache).
    let cached = { key: undefined, tokens: undefined };
    const textOf = (uri) => this.documents.get(uri) ?? { version: -1, getText: () => readFileSync(fileURLToPath(uri), 'utf8') };
    const on = (method, handler) => this.connection.onRequest(method, handler);
    on('markdown/parse', ({ uri, text }) => {
      if (typeof text === 'string') return tokenize(text);
      const document = textOf(uri);
      const key = `${uri}@${document.version}`;
      if (document.version >= 0 && cached.key === key) return cached.tokens;
      cached = { key, tokens: tokenize(document.getText()) };
      return cached.tokens;
    });
    on('markdown/fs/readFile', ({ uri }) => Array.from(readFileSync(fileURLToPath(uri))));
    on('markdown/fs/stat', ({ uri }) => {
      try {
        return { isDirectory: statSync(fileURLToPath(uri)).isDirectory() };
      } catch {
        return undefined;
      }
    });
    on('markdown/fs/readDirectory', ({ uri }) =>
      readdirSync(fileURLToPath(uri), { withFileTypes: true }).map((e) => [e.name, { isDirectory: e.isDirectory() }]),
    );
    on('markdown/findMarkdownFilesInWorkspace', () => [...markdownFiles(this.root)].map((file) => pathToFileURL(file).href));
    // The bench changes no file on disk while the server runs: watchers never fire.
    on('markdown/fs/watcher/create', () => null);
    on('markdown/fs/watcher/delete', () => null);
    on('workspace/diagnostic/refresh', () => null);
    super.listen();
  }

  /** VS Code's client sends its settings section once the server is initialized. */
  async handshake() {
    await super.handshake();
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: MARKDOWN_SETTINGS });
  }

  /** The server indexes on demand, when a request needs the workspace. */
  ready() {
    return Promise.resolve(performance.now());
  }

  /**
   * Pull diagnostics: the client asks (textDocument/diagnostic) once the
   * notification is sent. An error answer (the server failing on some text)
   * is an answer too: counted in `pulls.failed`, the first message kept, no
   * diagnostics; results.md reports any.
   */
  async freshDiagnostics(uri, send) {
    await send();
    this.pulls.count++;
    try {
      const report = await this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      return report.items;
    } catch (error) {
      if (!(error instanceof ResponseError)) throw error;
      this.pulls.failed++;
      this.pulls.message ??= error.message;
      return [];
    }
  }
}
