// `histmark lint --changed-since REF`: the documents changed since a git ref
// (committed, staged, unstaged or untracked), and those whose diagnostics
// the change can alter through the registry, found by comparing each
// changed file's contribution at REF with now (model/contribution.ts).
// git runs without a shell; a ref never reaches it as an option. No
// repository or an unknown ref is an error (exit 2) that says so.

import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { affectedBy, changeBetween, claimedName, type Contribution, type CrossReferences, definedId, EMPTY_CONTRIBUTION, heldAuthority, mergeChanges } from '../model/contribution';
import { CONFIG_FILE } from '../model/config';
import { decodeUtf8, isExcludedFile } from '../model/fileSystem';
import { containsWord } from '../model/nameMatcher';
import { contributionOfText, readAll } from './lintFiles';

function git(args: string[], cwd: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 2 ** 30 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}

const paths = (output: Buffer) => decodeUtf8(output).split('\0').filter((p) => p !== '');

export interface ChangedDocuments {
  documents: Set<string>;
  /** Whether `histmark.json` changed (then every document is in `documents`). */
  config: boolean;
}

/** The documents of the workspace `documents` at `root` that a change since `ref` can affect. */
export async function changedSince(ref: string, root: string, documents: string[], exclude: string[], readFile: (file: string) => Promise<string>): Promise<ChangedDocuments> {
  if (ref.startsWith('-') || ref === '') throw new Error(`--changed-since takes a git revision, not "${ref}".`);
  let top: string;
  try {
    top = decodeUtf8(await git(['rev-parse', '--show-toplevel'], root)).trim();
  } catch {
    throw new Error(`--changed-since needs a git repository, and ${root} is not in one.`);
  }
  try {
    await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
  } catch {
    throw new Error(`--changed-since: "${ref}" is not a known git revision.`);
  }
  const [diff, untracked] = await Promise.all([git(['diff', '--name-only', '--no-renames', '-z', ref, '--'], top), git(['ls-files', '--others', '--exclude-standard', '-z'], top)]);
  // Paths from git are relative to the top of the repository, which may be reached through links.
  const rootInRepository = path.relative(realpathSync(top), realpathSync(root)).split(path.sep).join('/');
  const inRoot = (p: string) => (rootInRepository === '' ? p : p.startsWith(rootInRepository + '/') ? p.slice(rootInRepository.length + 1) : undefined);
  const changedFiles = new Map<string, string>();
  for (const p of [...paths(diff), ...paths(untracked)]) {
    const relative = inRoot(p);
    if (relative !== undefined) changedFiles.set(path.join(root, relative), p);
  }
  if (changedFiles.has(path.join(root, CONFIG_FILE))) return { documents: new Set(documents), config: true };

  const { texts } = await readAll(documents, readFile);
  const contributions = new Map<string, Contribution>();
  for (const [file, text] of texts) {
    const contribution = contributionOfText(file, text);
    if (contribution.definitions.size > 0) contributions.set(file, contribution);
  }
  const workspaceFiles = [...changedFiles].filter(([file]) => file.endsWith('.hmd') && !isExcludedFile(root, file, exclude));
  const changes = await Promise.all(
    workspaceFiles.map(async ([file, inRepository]) => {
      const atRef = await git(['show', `${ref}:${inRepository}`], top)
        .then((bytes) => decodeUtf8(bytes))
        .catch(() => undefined);
      const before = atRef === undefined ? EMPTY_CONTRIBUTION : contributionOfText(file, atRef);
      return changeBetween(before, contributions.get(file) ?? EMPTY_CONTRIBUTION);
    }),
  );
  const byKey = (pick: (c: Contribution) => Set<string>, head: (key: string) => string) => (key: string) =>
    [...contributions].filter(([, c]) => [...pick(c)].some((k) => head(k) === key)).map(([file]) => file);
  const workspace: CrossReferences = {
    // Every reference is written `@id`: a text without it references no `id`.
    referencing: (id) => [...texts].filter(([, text]) => text.includes(`@${id}`)).map(([file]) => file),
    defining: byKey((c) => c.definitions, definedId),
    claiming: byKey((c) => c.names, claimedName),
    holding: byKey((c) => c.authorities, heldAuthority),
    containingAnyWord: (words) => [...texts].filter(([, text]) => words.some((w) => containsWord(text, w))).map(([file]) => file),
  };
  const present = new Set(documents);
  const selected = new Set(workspaceFiles.map(([file]) => file).filter((file) => present.has(file)));
  for (const file of affectedBy(mergeChanges(changes), workspace)) if (present.has(file)) selected.add(file);
  return { documents: selected, config: false };
}
