import { describe, expect, it } from 'vitest';
import { fileRefForPart, fileTypeWarning } from '../../../src/core/body/file-type.ts';
import { resolveRequest } from '../../../src/core/resolve/resolve-request.ts';
import { blankDraft } from '../../../src/core/model/defaults.ts';

const chosen = { fileId: 'f1', fileName: 'a.png', size: 3 };

describe('fileRefForPart (issue 10 point 4)', () => {
  it('keeps the type the user or an import gave; the browser guess is only remembered', () => {
    expect(fileRefForPart({ contentType: 'application/json' }, chosen, 'image/png')).toEqual({
      fileId: 'f1',
      fileName: 'a.png',
      contentType: 'application/json',
      size: 3,
      detectedType: 'image/png',
    });
  });
  it("uses the browser's guess only when no type was given, octet-stream when there is none", () => {
    expect(fileRefForPart({ contentType: '  ' }, chosen, 'image/png').contentType).toBe('image/png');
    expect(fileRefForPart({ contentType: '' }, chosen, '')).toEqual({
      fileId: 'f1',
      fileName: 'a.png',
      contentType: 'application/octet-stream',
      size: 3,
    });
  });
});

describe('fileTypeWarning', () => {
  it('warns when the type sent differs from the guess (case and parameters aside)', () => {
    expect(fileTypeWarning(fileRefForPart({ contentType: 'application/json' }, chosen, 'image/png'))).toBe(
      'The browser takes "a.png" for image/png; it is sent as application/json, the type given. Change Part content type if the file is really image/png.',
    );
    expect(fileTypeWarning(fileRefForPart({ contentType: 'IMAGE/PNG; x=1' }, chosen, 'image/png'))).toBeNull();
    expect(fileTypeWarning(fileRefForPart({ contentType: '' }, chosen, 'image/png'))).toBeNull();
    expect(fileTypeWarning(null)).toBeNull();
  });
});

describe('resolveRequest: a file part sends the type given, with the warning on its row', () => {
  it('Content-Type of the part is the given one', () => {
    const file = fileRefForPart({ contentType: 'application/json' }, chosen, 'image/png');
    const r = resolveRequest(
      {
        ...blankDraft(),
        method: 'POST',
        url: 'http://h.test/up',
        body: {
          mode: 'multipart',
          parts: [
            { id: 'p1', name: 'f', enabled: true, kind: 'file', value: '', contentType: 'application/json', file },
          ],
        },
      },
      { files: (id) => (id === 'f1' ? Uint8Array.of(0x7b, 0x7d, 0x0a) : undefined), boundary: 'B' },
    );
    expect(new TextDecoder().decode(r.request!.body!)).toBe(
      '--B\r\nContent-Disposition: form-data; name="f"; filename="a.png"\r\nContent-Type: application/json\r\n\r\n{}\n\r\n--B--\r\n',
    );
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        field: 'body',
        rowId: 'p1',
        message:
          'The browser takes "a.png" for image/png; it is sent as application/json, the type given. Change Part content type if the file is really image/png.',
      },
    ]);
  });
});
