// histmark.json (SPEC.md section 10) and what makes up a workspace (section 1):
// exclude globs, node_modules and dot-folders, severity overrides and `off`,
// requiredMetadata, quotations.minWords, and HM012 for a broken or unknown
// configuration, where the defaults (or the valid part) still apply.

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, DEFAULT_MAX_FILE_SIZE, MAX_CONFIG_DEPTH, parseConfig } from '../../server/src/model/config';
import { isExcludedFile } from '../../server/src/model/fileSystem';
import { brief, diagnose, diagnosticsByFile, loadFixture, loadWorkspace } from './helpers';

const UNATTRIBUTED = 'An "unattributed quotation of words" here.\n';

describe('the configured fixture workspace', () => {
  it('reads every .hmd file but the excluded ones and dot-folders', async () => {
    const { loaded } = await loadFixture('config/valid');
    expect(loaded.documents).toEqual(['/letters/letter.hmd', '/letters/untitled.hmd', '/registry/people.hmd']);
    expect(loaded.failures).toEqual([]);
  });

  it('applies minWords, rule overrides and requiredMetadata', async () => {
    expect(diagnosticsByFile(await loadFixture('config/valid'))).toEqual({
      'letters/letter.hmd': [
        // minWords 5: the 4-word quotation is a term; the 5-word one is HM001, raised to error.
        '3:38-3:65 error HM001',
        '3:65-3:69 hint HM006',
        '3:74-3:79 information HM002',
        // HM005 is off: "Tito" is never reported.
      ],
      'letters/untitled.hmd': ['0:0-0:0 warning HM007'],
    });
  });
});

describe('HM012', () => {
  it('a file that is not JSON is one error naming the line, and the defaults apply', async () => {
    const workspace = await loadFixture('config/broken-json');
    expect(workspace.index.config).toEqual({ exclude: [], requiredMetadata: [], minWords: 3, rules: {}, maxFileSize: 10 * 1024 * 1024 });
    expect(diagnosticsByFile(workspace)).toEqual({
      'histmark.json': ['3:2-3:11 error HM012'],
      // Defaults: drafts/ is read, HM001 is a warning, no title is required.
      'drafts/draft.hmd': ['0:43-0:80 warning HM001'],
      'letter.hmd': ['0:8-0:27 warning HM001'],
    });
    const [message] = diagnosticsByFile(workspace, (d) => d.message)['histmark.json'];
    expect(message).toBe('histmark.json is not valid JSON (comma expected on line 4); the defaults apply.');
  });

  it('an empty file is invalid JSON too', async () => {
    const workspace = await loadWorkspace({ 'histmark.json': '', 'a.hmd': UNATTRIBUTED });
    expect(diagnosticsByFile(workspace)).toEqual({ 'histmark.json': ['0:0-0:0 error HM012'], 'a.hmd': ['0:3-0:36 warning HM001'] });
  });

  it('each unknown key and invalid value is one error on it, and the valid settings still apply', async () => {
    const workspace = await loadFixture('config/unknown-keys');
    expect(diagnosticsByFile(workspace)).toEqual({
      'histmark.json': [
        '2:2-2:10 error HM012', // "exlude"
        '3:33-3:43 error HM012', // "maxWords"
        '4:30-4:37 error HM012', // "HM015"
        '4:55-4:62 error HM012', // "fatal"
        '5:2-5:10 error HM012', // "colour"
      ],
      // minWords 2 and HM001 → hint apply; HM002 keeps its default; drafts/ is excluded.
      'letter.hmd': ['0:8-0:19 hint HM001', '0:24-0:29 error HM002'],
    });
    expect(workspace.loaded.documents).toEqual(['/letter.hmd']);
  });

  it('rejects values of the wrong type', async () => {
    const workspace = await loadWorkspace({
      'histmark.json': '{"exclude": "drafts", "requiredMetadata": [1], "quotations": {"minWords": 2.5}, "rules": []}',
    });
    expect(diagnosticsByFile(workspace, (d) => `${brief(d)} ${d.message}`)['histmark.json']).toEqual([
      '0:12-0:20 error HM012 "exclude" must be an array of strings.',
      '0:42-0:45 error HM012 "requiredMetadata" must be an array of strings.',
      '0:74-0:77 error HM012 "minWords" must be a whole number of at least 1.',
      '0:89-0:91 error HM012 "rules" must be an object mapping codes to severities, e.g. { "HM005": "off" }.',
    ]);
  });
});

describe('HM012 for hostile files', () => {
  it('200,000 levels of nesting are one error where the nesting passes the limit, and the defaults apply', async () => {
    const text = `{"rules": ${'['.repeat(100_000)}${'{"a":'.repeat(100_000)}`;
    const workspace = await loadWorkspace({ 'histmark.json': text, 'a.hmd': UNATTRIBUTED });
    expect(workspace.index.config).toEqual(DEFAULT_CONFIG);
    // `{` is level 1 and the first `[` (offset 10) level 2: level 101 is at offset 109.
    expect(diagnosticsByFile(workspace)).toEqual({ 'histmark.json': [`0:${9 + MAX_CONFIG_DEPTH}-0:${10 + MAX_CONFIG_DEPTH} error HM012`], 'a.hmd': ['0:3-0:36 warning HM001'] });
    expect(diagnosticsByFile(workspace, (d) => d.message)['histmark.json']).toEqual(['histmark.json nests more than 100 levels deep (on line 1); the defaults apply.']);
  });

  it('nesting up to the limit is read as usual', () => {
    const text = `{"x": ${'['.repeat(MAX_CONFIG_DEPTH - 1)}${']'.repeat(MAX_CONFIG_DEPTH - 1)}}`;
    expect(parseConfig(text).problems.map((p) => p.message)).toEqual(['Unknown key "x" in histmark.json: the known keys are exclude, requiredMetadata, quotations, rules and maxFileSize.']);
  });

  it('a key given twice, at any depth, is an error on the second; the first applies', async () => {
    const text = '{\n  "rules": { "HM001": "error", "HM001": "off" },\n  "rules": {}\n}';
    const workspace = await loadWorkspace({ 'histmark.json': text, 'a.hmd': UNATTRIBUTED });
    expect(diagnosticsByFile(workspace, (d) => `${brief(d)} ${d.message}`)['histmark.json']).toEqual([
      '1:31-1:38 error HM012 "HM001" is given twice in this object: the first one applies and this one is ignored; remove one.',
      '2:2-2:9 error HM012 "rules" is given twice in this object: the first one applies and this one is ignored; remove one.',
    ]);
    expect(diagnosticsByFile(workspace)['a.hmd']).toEqual(['0:3-0:36 error HM001']);
  });
});

describe('maxFileSize', () => {
  it('takes bytes or a size with a unit; anything else is HM012 and the default applies', () => {
    const size = (value: unknown) => parseConfig(JSON.stringify({ maxFileSize: value }));
    expect(size(1000).config.maxFileSize).toBe(1000);
    expect(size('512KB').config.maxFileSize).toBe(512 * 1024);
    expect(size('1.5 mb').config.maxFileSize).toBe(1.5 * 1024 * 1024);
    for (const bad of [0, -1, 2.5, 'big', '10 MiB', true]) {
      const { config, problems } = size(bad);
      expect(config.maxFileSize).toBe(DEFAULT_MAX_FILE_SIZE);
      expect(problems.map((p) => p.message)).toEqual(['"maxFileSize" is a size in bytes (e.g. 10485760) or a string such as "10MB" or "512KB"; the default is 10 MB.']);
    }
  });
});

describe('rules', () => {
  it('sets each severity, and off removes the diagnostic', async () => {
    const files = (rules: object) => ({
      'histmark.json': JSON.stringify({ rules }),
      'registry.hmd': '@person tito: Josip Broz Tito\n  aka: Tito\n',
      'a.hmd': 'Tito and @ghost: "three words here".\n',
    });
    expect(await diagnose(files({}), 'a.hmd')).toEqual(['0:0-0:4 information HM005', '0:10-0:15 error HM002', '0:17-0:35 warning HM001']);
    expect(await diagnose(files({ HM005: 'hint', HM002: 'warning', HM001: 'error' }), 'a.hmd')).toEqual([
      '0:0-0:4 hint HM005',
      '0:10-0:15 warning HM002',
      '0:17-0:35 error HM001',
    ]);
    expect(await diagnose(files({ HM005: 'off', HM002: 'information', HM001: 'off' }), 'a.hmd')).toEqual(['0:10-0:15 information HM002']);
  });
});

describe('quotations.minWords', () => {
  it('counts words as runs of letters or digits', async () => {
    const files = (minWords: number) => ({ 'histmark.json': JSON.stringify({ quotations: { minWords } }), 'a.hmd': 'He said "in 1960 we" and "no".\n' });
    expect(await diagnose(files(3), 'a.hmd')).toEqual(['0:8-0:20 warning HM001']);
    expect(await diagnose(files(4), 'a.hmd')).toEqual([]);
    expect(await diagnose(files(1), 'a.hmd')).toEqual(['0:8-0:20 warning HM001', '0:25-0:29 warning HM001']);
  });
});

describe('what the workspace is', () => {
  const files = {
    'a.hmd': UNATTRIBUTED,
    'notes.txt': UNATTRIBUTED,
    'node_modules/pkg/b.hmd': UNATTRIBUTED,
    'letters/node_modules/c.hmd': UNATTRIBUTED,
    '.git/d.hmd': UNATTRIBUTED,
    'letters/.trash/e.hmd': UNATTRIBUTED,
    'letters/f.hmd': UNATTRIBUTED,
    'letters/.hidden-file.hmd': UNATTRIBUTED,
    'drafts/g.hmd': UNATTRIBUTED,
    'drafts/deeper/h.hmd': UNATTRIBUTED,
    'old/i.draft.hmd': UNATTRIBUTED,
  };

  it('skips node_modules and dot-folders at any depth, and files not ending in .hmd', async () => {
    const { loaded } = await loadWorkspace(files);
    // A dot-file is not a dot-folder: only folders are skipped (SPEC 1).
    expect(loaded.documents).toEqual(['/a.hmd', '/drafts/deeper/h.hmd', '/drafts/g.hmd', '/letters/.hidden-file.hmd', '/letters/f.hmd', '/old/i.draft.hmd']);
  });

  it('leaves out the exclude globs, matched against paths relative to the root', async () => {
    const { loaded } = await loadWorkspace({ ...files, 'histmark.json': '{"exclude": ["drafts/**", "**/*.draft.hmd", "letters/.*"]}' });
    expect(loaded.documents).toEqual(['/a.hmd', '/letters/f.hmd']);
  });

  it('a folder named in exclude is left out with everything under it', async () => {
    const { loaded } = await loadWorkspace({ ...files, 'histmark.json': '{"exclude": ["drafts"]}' });
    expect(loaded.documents).toEqual(['/a.hmd', '/letters/.hidden-file.hmd', '/letters/f.hmd', '/old/i.draft.hmd']);
  });

  it('isExcludedFile (used for files that appear later) agrees with the loader', () => {
    const excluded = (file: string, exclude: string[]) => isExcludedFile('/root', `/root/${file}`, exclude);
    expect(excluded('a.hmd', [])).toBe(false);
    expect(excluded('node_modules/pkg/b.hmd', [])).toBe(true);
    expect(excluded('letters/.trash/e.hmd', [])).toBe(true);
    expect(excluded('letters/.hidden-file.hmd', [])).toBe(false);
    expect(excluded('drafts/deeper/h.hmd', ['drafts/**'])).toBe(true);
    expect(excluded('drafts/deeper/h.hmd', ['drafts'])).toBe(true);
    expect(excluded('old/i.draft.hmd', ['**/*.draft.hmd'])).toBe(true);
    expect(isExcludedFile('/root', '/elsewhere/a.hmd', [])).toBe(true);
  });

  it('a registry needs no required metadata; a transcript without front matter gets HM007 at 0:0', async () => {
    const config = { 'histmark.json': '{"requiredMetadata": ["title"]}' };
    expect(await diagnose({ ...config, 'r.hmd': '# People\n\n@person tito: Josip Broz Tito\n' }, 'r.hmd')).toEqual([]);
    expect(await diagnose({ ...config, 't.hmd': 'Text.\n' }, 't.hmd')).toEqual(['0:0-0:0 warning HM007']);
    expect(await diagnose({ ...config, 't.hmd': '---\ndate: 1960\n---\nText.\n' }, 't.hmd')).toEqual(['0:0-0:3 warning HM007']);
  });
});
