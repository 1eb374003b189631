import { describe, expect, it } from 'vitest';
import { blankDraft } from '../../src/core/model/defaults.ts';
import {
  draftReplaced,
  getDraft,
  multipartFileChosen,
  multipartFileContentTypeEdited,
} from '../../src/stores/request-store.ts';

const withPart = (contentType: string) =>
  draftReplaced({
    ...blankDraft(),
    method: 'POST',
    url: 'http://h.test/up',
    body: {
      mode: 'multipart',
      parts: [{ id: 'p', name: 'f', enabled: true, kind: 'file', value: '', contentType, file: null }],
    },
  });
const part = () => {
  const b = getDraft().body;
  if (b.mode !== 'multipart') throw new Error('not multipart');
  return b.parts[0]!;
};

describe('choosing a file for a multipart part', () => {
  it('keeps the type an import gave, over the browser guess', async () => {
    withPart('application/vnd.api+json');
    await multipartFileChosen('p', new File(['{}'], 'data.png', { type: 'image/png' }));
    expect([part().file?.contentType, part().file?.detectedType, part().file?.size]).toEqual([
      'application/vnd.api+json',
      'image/png',
      2,
    ]);
  });
  it('uses the browser guess when none was given; a typed type is kept for the next file', async () => {
    withPart('');
    await multipartFileChosen('p', new File(['x'], 'a.txt', { type: 'text/plain' }));
    expect(part().file?.contentType).toBe('text/plain');
    multipartFileContentTypeEdited('p', 'text/csv');
    expect([part().contentType, part().file?.contentType]).toEqual(['text/csv', 'text/csv']);
    await multipartFileChosen('p', new File(['y'], 'b.png', { type: 'image/png' }));
    expect(part().file?.contentType).toBe('text/csv');
  });
  it('a type can be given before a file is chosen', async () => {
    withPart('');
    multipartFileContentTypeEdited('p', 'application/pdf');
    expect([part().contentType, part().file]).toEqual(['application/pdf', null]);
    await multipartFileChosen('p', new File(['%PDF'], 'doc.bin', { type: '' }));
    expect(part().file?.contentType).toBe('application/pdf');
  });
});
