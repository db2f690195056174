// Hostile inputs at the command line (issue 8): a flood of diagnostics,
// related information of many duplicates, special and oversized files,
// links out of the workspace, a closed output pipe. Run as a child process.

import { afterAll, describe, expect, it } from 'vitest';
import { removeTempWorkspaces, runCli, tempWorkspace } from './run';

afterAll(removeTempWorkspaces);

describe('a flood of diagnostics', () => {
  it('4 MB of `{@` gives the first 1,000 HM010 and one summary, in every format', () => {
    const root = tempWorkspace({ 'flood.hmd': '{@'.repeat(2 * 1024 * 1024) });
    const json = runCli(['lint', '.', '--format', 'json'], root);
    expect(json.stderr).toBe('');
    expect(json.status).toBe(1);
    const diagnostics = JSON.parse(json.stdout) as { message: string }[];
    expect(diagnostics).toHaveLength(1001);
    expect(diagnostics.at(-1)!.message).toBe('… and 2,096,152 more HM010 in this file, from here on: only the first 1,000 are reported.');
    const text = runCli(['lint', '.'], root);
    expect(text.stdout.split('\n').at(-2)).toBe('1001 problems in 1 file (1001 errors, 0 warnings, 0 information, 0 hints)');
  }, 120_000);
});
