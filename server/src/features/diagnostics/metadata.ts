// Front matter (SPEC 2): HM007 for missing required keys and invalid values,
// HM009 for its dates.

import { article, KIND_LABELS } from '../../model/entity';
import type { DocumentEntry, WorkspaceIndex } from '../../model/workspaceIndex';
import type { IdRef } from '../../syntax/types';
import { checkDate } from './dates';
import { type Finding, valueRange } from './types';

const BCP47 = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const MENTION_KEYS = ['author', 'recipient', 'translator', 'recorder', 'original'];

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
}

export function metadataFindings(index: WorkspaceIndex, entry: DocumentEntry): Finding[] {
  const config = index.config;
  const findings: Finding[] = [];
  const frontMatter = entry.tree.frontMatter;
  if (!entry.isRegistry) {
    const present = new Set(frontMatter?.entries.map((e) => e.key));
    const missing = config.requiredMetadata.filter((key) => !present.has(key));
    for (const key of missing) {
      const span = frontMatter ? frontMatter.open : { start: 0, end: 0 };
      findings.push({ ...span, code: 'HM007', message: `This transcript has no \`${key}\` in its front matter (histmark.json requires it).`, data: { key } });
    }
  }
  if (!frontMatter) return findings;
  for (const line of frontMatter.malformed) {
    findings.push({ ...line, code: 'HM007', message: 'A front-matter line is `key: value`.' });
  }
  for (const e of frontMatter.entries) {
    const invalid = (message: string) => findings.push({ ...valueRange(e), code: 'HM007', message });
    switch (e.key) {
      case 'date':
        checkDate(e.value, valueRange(e), 'The date', 'any', findings);
        break;
      case 'url':
        if (!isHttpUrl(e.value)) invalid(`\`url\` must be an absolute http(s) URL, not “${e.value}”.`);
        break;
      case 'language':
      case 'original-language':
        if (!BCP47.test(e.value)) invalid(`\`${e.key}\` takes a BCP 47 language tag such as \`en\`, \`sq\` or \`ru\`, not “${e.value}”.`);
        break;
      case 'voice':
        if (e.refs.length !== 1 || e.badRefs.length > 0) invalid('`voice` takes exactly one mention, `@id`: whose “I” and “we” the text speaks in.');
        break;
      default:
        if (MENTION_KEYS.includes(e.key)) {
          if (e.refs.length === 0 && e.badRefs.length === 0) invalid(`\`${e.key}\` takes one or more mentions (\`@id\`).`);
          for (const bad of e.badRefs) {
            findings.push({ ...bad, code: 'HM007', message: `\`${e.key}\` takes mentions (\`@id\`), not “${entry.text.slice(bad.start, bad.end)}”.` });
          }
          if (e.key === 'original') originalFindings(index, e.refs, findings);
        }
    }
  }
  return findings;
}

/** `original` names the work a transcript translates or excerpts (SPEC 2): an entity of another kind is HM007. */
function originalFindings(index: WorkspaceIndex, refs: IdRef[], findings: Finding[]): void {
  for (const ref of refs) {
    const target = index.entity(ref.id);
    if (target && target.kind !== 'work') {
      findings.push({ ...ref.span, code: 'HM007', message: `\`original\` names the work this transcript translates or excerpts (a \`@work\`), but @${ref.id} is ${article(KIND_LABELS[target.kind])}.` });
    }
  }
}
