// Histmark 1.1 foreign words and not-a-mention ([text]{lang: ru}, [text]{-})
// in the TEI export and back.

import { describe, expect, it } from 'vitest';
import { diagnoseDocument } from '../../server/src/features/diagnostics';
import { importTei } from '../../server/src/interchange/importTei';
import { WorkspaceIndex } from '../../server/src/model/workspaceIndex';
import { attributes, body, elements, exportText, first, textOf } from './helpers';

describe('SPEC 14 rows of Histmark 1.1', () => {
  it('[text]{lang: ru}: foreign xml:lang', () => {
    const { dom, warnings } = exportText('He said [nyet]{lang: ru} twice.\n');
    const foreign = first(body(dom), 'foreign');
    expect(attributes(foreign)).toEqual({ 'xml:lang': 'ru' });
    expect(textOf(foreign)).toBe('nyet');
    expect(warnings).toEqual([]);
  });

  it('[text]{-}: plain text (a seg that keeps {-} for the way back), no name element', () => {
    const { dom } = exportText('Published in [Moscow]{-} by the party.\n');
    const p = first(body(dom), 'p');
    expect(elements(p, 'placeName')).toEqual([]);
    expect(attributes(first(p, 'seg'))).toEqual({ type: 'notMention' });
    expect(textOf(p)).toBe('Published in Moscow by the party.');
  });

  it('round-trips both and lints clean after import', () => {
    const { xml } = exportText('Published in [Moscow]{-}: [nyet]{lang: ru}.\n');
    const result = importTei([{ file: 'doc.xml', xml }]);
    const transcript = result.files.find((f) => f.path === 'doc.hmd')!.text;
    expect(transcript).toContain('Published in [Moscow]{-}: [nyet]{lang: ru}.');
    const index = new WorkspaceIndex();
    for (const f of result.files) index.setDocument(`file:///ws/${f.path}`, f.text);
    expect(diagnoseDocument(index, 'file:///ws/doc.hmd').map((d) => d.code)).toEqual([]);
  });
});
