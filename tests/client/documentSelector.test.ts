import { describe, expect, it } from 'vitest';
import { DOCUMENT_SELECTOR } from '../../client/src/documentSelector';

describe('the client’s document selector', () => {
  it('selects Histmark files and unsaved documents only, never virtual documents', () => {
    expect(DOCUMENT_SELECTOR).toEqual([
      { scheme: 'file', language: 'histmark' },
      { scheme: 'untitled', language: 'histmark' },
    ]);
  });
});
