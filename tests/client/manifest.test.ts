// What the extension manifest promises VS Code.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));

/** Settings that neither write files nor point at paths: safe to read from an untrusted workspace. */
const SAFE_IN_UNTRUSTED_WORKSPACES = ['histmark.trace.server', 'histmark.showUnlinkedMentions'];

describe('package.json', () => {
  it('works in Restricted Mode, limited: every setting that points at a path is restricted, each setting is decided', () => {
    const trust = manifest.capabilities.untrustedWorkspaces;
    expect(trust.supported).toBe('limited');
    expect(trust.description).toMatch(/runs no code from the workspace/);
    expect(trust.restrictedConfigurations).toEqual(['histmark.defaultRegistryFile']);
    const settings = Object.keys(manifest.contributes.configuration.properties);
    expect([...trust.restrictedConfigurations, ...SAFE_IN_UNTRUSTED_WORKSPACES].sort()).toEqual(settings.sort());
  });
});
