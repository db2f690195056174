// The progress line of a long lint: on a terminal only, after a second,
// rewritten in place and cleared at the end.

import { afterAll, describe, expect, it } from 'vitest';
import { ProgressLine } from '../../server/src/cli/progress';
import { removeTempWorkspaces, runCli, tempWorkspace } from './run';

afterAll(removeTempWorkspaces);

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (text: string) => writes.push(text) }, writes };
}

describe('progress line', () => {
  it('on a terminal: nothing in the first second, then done/total rewritten with \\r, then cleared', () => {
    let now = 0;
    const { stream, writes } = fakeStream(true);
    const progress = new ProgressLine(stream, () => now);
    now = 999;
    progress.update(10, 100);
    expect(writes).toEqual([]);
    now = 1000;
    progress.update(20, 100);
    now = 1050;
    progress.update(30, 100);
    now = 1100;
    progress.update(40, 100);
    // An unchanged count is not drawn again.
    now = 1200;
    progress.update(40, 100);
    expect(writes).toEqual(['\rhistmark: 20/100 files linted', '\rhistmark: 40/100 files linted']);
    progress.clear();
    expect(writes.at(-1)).toBe('\r\x1b[K');
  });

  it('a lint done within the second leaves nothing to clear', () => {
    const { stream, writes } = fakeStream(true);
    const progress = new ProgressLine(stream, () => 0);
    progress.update(1, 1);
    progress.clear();
    expect(writes).toEqual([]);
  });

  it('never when the stream is not a terminal', () => {
    let now = 0;
    const { stream, writes } = fakeStream(false);
    const progress = new ProgressLine(stream, () => now);
    now = 60_000;
    progress.update(1, 2);
    progress.clear();
    expect(writes).toEqual([]);
  });

  it('the CLI writes none to a pipe, on one thread or many', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 600; i++) files[`d${i}.hmd`] = `Letter ${i}: "an unattributed quotation here".\n`;
    const root = tempWorkspace(files);
    for (const workers of ['1', '2']) {
      const run = runCli(['lint', '--format', 'json'], root, { HISTMARK_LINT_WORKERS: workers });
      expect(run.status).toBe(0);
      expect(run.stderr).toBe('');
    }
  });
});
