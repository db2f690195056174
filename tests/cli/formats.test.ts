// `histmark lint --format text|json|sarif|github` (SPEC.md section 12), run as
// a child process on the fixtures. Build first: `npm test` does.

import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../server/src/model/config';
import { CLI, FIXTURES, lintJson, removeTempWorkspaces, runCli, tempWorkspace } from './run';

afterAll(removeTempWorkspaces);

const HM001_FIRES = 'diagnostics/HM001/fires.hmd';
const ATTRIBUTE = 'has no attribution: add {@id}, {@?} or {~} directly after the closing mark.';

describe('text', () => {
  it('prints file:line:col severity code message, 1-based, then a summary, without colour when not a terminal', () => {
    const run = runCli(['lint', 'diagnostics/HM001']);
    expect(run.stdout).toBe(
      [
        `${HM001_FIRES}:2:33 warning HM001 Quotation “We can come to an agreement on the divis…” ${ATTRIBUTE}`,
        `${HM001_FIRES}:4:51 warning HM001 Quotation “the door is open” ${ATTRIBUTE}`,
        `${HM001_FIRES}:6:20 warning HM001 Quotation “inner quoted words” ${ATTRIBUTE}`,
        `${HM001_FIRES}:8:1 warning HM001 Quotation “This block quote has many words and no a…” has no attribution: end the block quote with a line \`> — @id\`, \`> — {@?}\` or \`> {~}\`.`,
        `${HM001_FIRES}:11:1 warning HM001 Quotation “The first paragraph of a long speech and…” ${ATTRIBUTE}`,
        '5 problems in 1 file (0 errors, 5 warnings, 0 information, 0 hints)',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe('');
  });

  it('counts every severity in the summary', () => {
    expect(runCli(['lint', 'config/valid']).stdout.split('\n').at(-2)).toBe('4 problems in 2 files (1 error, 1 warning, 1 information, 1 hint)');
  });

  it('says so when there is nothing to report', () => {
    expect(runCli(['lint', 'diagnostics/HM001/near-miss.hmd']).stdout).toBe('No problems found.\n');
  });

  it('colours severities on a terminal, unless NO_COLOR is set', () => {
    const hasScript = spawnSync('script', ['--version']).status === 0;
    if (!hasScript) return; // util-linux `script` gives the CLI a terminal; without it this cannot be tested here.
    const onTerminal = (env: string) =>
      spawnSync('script', ['-qec', `${env} ${process.execPath} ${CLI} lint diagnostics/HM004`, '/dev/null'], { cwd: FIXTURES, encoding: 'utf8' }).stdout;
    expect(onTerminal('NO_COLOR=')).toContain('\x1b[31merror\x1b[0m HM004');
    expect(onTerminal('NO_COLOR=1')).not.toContain('\x1b[');
  });
});

describe('json', () => {
  it('is an array of { file, range, severity, code, message }, 0-based as LSP counts', () => {
    const [first] = lintJson(['diagnostics/HM002']);
    expect(first).toEqual({
      file: 'diagnostics/HM002/fires-registry.hmd',
      range: { start: { line: 1, character: 14 }, end: { line: 1, character: 17 } },
      severity: 'error',
      code: 'HM002',
      message: 'No entity is defined with the id “lcy”: define it in a registry (`@person lcy: Name`) or correct the id.',
    });
    expect(Object.keys(first)).toEqual(['file', 'range', 'severity', 'code', 'message']);
  });

  it('is sorted by file, then position, whatever the order of the paths given', () => {
    const all = lintJson(['diagnostics/HM014', 'diagnostics/HM003', 'diagnostics/HM002']);
    expect(all.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.character}`)).toEqual([
      'diagnostics/HM002/fires-registry.hmd:1:14',
      'diagnostics/HM002/fires.hmd:1:9',
      'diagnostics/HM002/fires.hmd:4:15',
      'diagnostics/HM002/fires.hmd:4:32',
      'diagnostics/HM002/fires.hmd:4:69',
      'diagnostics/HM002/fires.hmd:5:31',
      'diagnostics/HM002/fires.hmd:6:28',
      'diagnostics/HM002/fires.hmd:9:5',
      'diagnostics/HM003/more-people.hmd:0:8',
      'diagnostics/HM003/more-people.hmd:2:5',
      'diagnostics/HM003/more-people.hmd:3:5',
      'diagnostics/HM003/people.hmd:1:8',
      'diagnostics/HM014/more.hmd:1:12',
      'diagnostics/HM014/other.hmd:1:12',
      'diagnostics/HM014/registry.hmd:1:8',
      'diagnostics/HM014/registry.hmd:3:8',
    ]);
  });

  it('names files relative to the working folder, with /', () => {
    const files = (cwd: string, target: string) => [...new Set(lintJson([target], cwd).map((d) => d.file))];
    expect(files(path.join(FIXTURES, 'diagnostics'), 'HM003')).toEqual(['HM003/more-people.hmd', 'HM003/people.hmd']);
    expect(files(path.join(FIXTURES, 'diagnostics/HM001'), '../HM003')).toEqual(['../HM003/more-people.hmd', '../HM003/people.hmd']);
    expect(files(path.join(FIXTURES, 'diagnostics/HM003'), '.')).toEqual(['more-people.hmd', 'people.hmd']);
  });

  it('is an empty array when there is nothing to report', () => {
    expect(lintJson(['diagnostics/HM004/near-miss.hmd'])).toEqual([]);
  });
});

describe('sarif', () => {
  const sarif = JSON.parse(runCli(['lint', 'diagnostics/HM002', 'config/valid', '--format', 'sarif']).stdout);
  const json = lintJson(['diagnostics/HM002', 'config/valid']);

  it('is a SARIF 2.1.0 log with one rule per HM code', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const driver = sarif.runs[0].tool.driver;
    expect(driver.name).toBe('histmark');
    expect(driver.version).toBe(runCli(['--version']).stdout.trim());
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual([...DIAGNOSTIC_CODES]);
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text).toMatch(/^[A-Z]/);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
    expect(driver.rules[0]).toMatchObject({ id: 'HM001', name: 'UnattributedQuotation', defaultConfiguration: { level: 'warning' } });
    expect(driver.rules[4].defaultConfiguration.level).toBe('note'); // HM005 is information
  });

  it('has one result per diagnostic: ruleId, level, message and a 1-based region, in the order of the json output', () => {
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(json.length);
    const levels: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
    results.forEach((result: Record<string, any>, i: number) => {
      const d = json[i];
      expect(result.ruleId).toBe(d.code);
      expect(sarif.runs[0].tool.driver.rules[result.ruleIndex].id).toBe(d.code);
      expect(result.level).toBe(levels[d.severity]);
      expect(result.message).toEqual({ text: d.message });
      expect(result.locations).toEqual([
        {
          physicalLocation: {
            artifactLocation: { uri: d.file, uriBaseId: '%SRCROOT%' },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ]);
    });
    // The configured severities are the results' levels: HM001 raised to error, HM006 lowered to hint.
    expect(results.filter((r: { ruleId: string }) => r.ruleId === 'HM001').map((r: { level: string }) => r.level)).toEqual(['error']);
    expect(results.find((r: { ruleId: string }) => r.ruleId === 'HM006').level).toBe('note');
  });

  it('counts columns in UTF-16 code units, as the ranges do', () => {
    expect(sarif.runs[0].columnKind).toBe('utf16CodeUnits');
    const astral = sarif.runs[0].results.find((r: { message: { text: string } }) => r.message.text.includes('“nemo”'));
    expect(astral.locations[0].physicalLocation.region).toMatchObject({ startLine: 7, startColumn: 29, endColumn: 33 });
  });
});

describe('github', () => {
  it('prints one workflow command per diagnostic, 1-based', () => {
    const lines = runCli(['lint', 'diagnostics/HM001', '--format', 'github']).stdout.split('\n');
    expect(lines[0]).toBe(
      `::warning file=${HM001_FIRES},line=2,col=33,endLine=2,endColumn=90,title=HM001 Unattributed quotation::HM001 Quotation “We can come to an agreement on the divis…” ${ATTRIBUTE}`,
    );
    expect(lines).toHaveLength(6); // five commands and the final line break
    expect(runCli(['lint', 'config/valid', '--format', 'github']).stdout.split('\n').map((l) => l.slice(0, l.indexOf(' ')))).toEqual([
      '::error',
      '::notice', // hint
      '::notice', // information
      '::warning',
      '',
    ]);
  });

  it('escapes %, : and , in properties and % and line breaks in messages', () => {
    const root = tempWorkspace({ 'a,b:c%.hmd': 'A {50% off} sale.\n' });
    const run = runCli(['lint', '.', '--format', 'github'], root);
    expect(run.stdout).toBe(
      '::error file=a%2Cb%3Ac%25.hmd,line=1,col=3,endLine=1,endColumn=12,title=HM010 Malformed markup::HM010 `{50%25 off}` is not a Histmark brace group: expected a mention {@id}, an attribution ({@id}, {@?}, {~}) or an editorial mark (pb, sic, ?, gap, stage, +, -, lang: tag).\n',
    );
    expect(run.status).toBe(1);
  });

  it('prints nothing when there is nothing to report', () => {
    expect(runCli(['lint', 'diagnostics/HM001/near-miss.hmd', '--format', 'github']).stdout).toBe('');
  });
});
