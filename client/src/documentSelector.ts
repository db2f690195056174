// The documents the language client hands to the server: Histmark files on
// disk and unsaved ones, never virtual documents (see SERVED_SCHEMES).

import { SERVED_SCHEMES } from '../../server/src/lsp/protocol';

export const DOCUMENT_SELECTOR = SERVED_SCHEMES.map((scheme) => ({ scheme, language: 'histmark' }));
