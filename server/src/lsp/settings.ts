// Client settings the server honours (the `histmark.*` configuration).

export interface ServerSettings {
  /** Show HM005 (unlinked mentions) in the editor. */
  showUnlinkedMentions: boolean;
  /** Workspace-relative registry file where "create entity" puts new entities. */
  defaultRegistryFile: string;
}

export const DEFAULT_SETTINGS: ServerSettings = { showUnlinkedMentions: true, defaultRegistryFile: '' };

export function readSettings(raw: unknown): ServerSettings {
  const value = (raw ?? {}) as Partial<Record<keyof ServerSettings, unknown>>;
  return {
    showUnlinkedMentions: typeof value.showUnlinkedMentions === 'boolean' ? value.showUnlinkedMentions : DEFAULT_SETTINGS.showUnlinkedMentions,
    defaultRegistryFile: typeof value.defaultRegistryFile === 'string' ? value.defaultRegistryFile : DEFAULT_SETTINGS.defaultRegistryFile,
  };
}
