/** The Code panel highlights every code target's language, each registered in the lazy Monaco chunk. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODE_TARGETS, generateSnippet } from '../../src/core/codegen/targets.ts';

describe('snippet languages', () => {
  it('map each code target to its Monaco language; raw HTTP, which Monaco lacks, to plain text', () => {
    expect(Object.fromEntries(CODE_TARGETS.map((t) => [t.id, t.language]))).toEqual({
      curl: 'shell',
      httpie: 'shell',
      wget: 'shell',
      powershell: 'powershell',
      'js-fetch': 'javascript',
      'node-fetch': 'javascript',
      'node-axios': 'javascript',
      'python-requests': 'python',
      'python-http-client': 'python',
      'php-curl': 'php',
      'php-guzzle': 'php',
      'java-nethttp': 'java',
      'java-okhttp': 'java',
      'csharp-httpclient': 'csharp',
      go: 'go',
      ruby: 'ruby',
      'rust-reqwest': 'rust',
      swift: 'swift',
      'kotlin-okhttp': 'kotlin',
      http: 'plaintext',
    });
  });

  it('come with each generated snippet', async () => {
    const req = { method: 'GET', url: 'http://h.test/', headers: [], body: null };
    expect([(await generateSnippet('curl', req)).language, (await generateSnippet('http', req)).language]).toEqual([
      'shell',
      'plaintext',
    ]);
  });

  it('are registered in monaco-setup (with the body editor’s JSON, XML and GraphQL), and nothing else is', () => {
    const setup = readFileSync(new URL('../../src/services/monaco-setup.ts', import.meta.url), 'utf8');
    const registered = [
      ...setup.matchAll(/^import 'monaco-editor\/languages\/(?:definitions|features)\/([a-z]+)\/register';$/gm),
    ].map((m) => m[1]);
    const wanted = new Set([...CODE_TARGETS.map((t) => t.language), 'json', 'xml', 'graphql']);
    wanted.delete('plaintext');
    expect(registered.sort()).toEqual([...wanted].sort());
  });
});
