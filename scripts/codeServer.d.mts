// Types of codeServer.mjs, for the TypeScript tests that import it.

/** The repository's root folder. */
export const root: string;

export function ensureCodeServer(): string;
export function packageExtension(outFile: string): string;
export function installExtension(vsixPath: string, extensionsDir: string): void;
export function linkExtension(folder: string, extensionsDir: string): string;
export function freePort(preferred?: number): Promise<number>;

export interface CodeServerOptions {
  folder: string;
  extensionsDir: string;
  userDataDir: string;
  /** User settings, merged over the quiet, offline defaults. */
  settings?: object;
  /** Default: a free port. */
  port?: number;
}

export interface CodeServer {
  /** Opens `folder` in the workbench. */
  url: string;
  /** Resolves with the exit code (or signal) once code-server exits. */
  exited: Promise<number | string | null>;
  /** The last 4000 characters code-server printed. */
  output(): string;
  stop(): Promise<void>;
}

export function startCodeServer(opts: CodeServerOptions): Promise<CodeServer>;
