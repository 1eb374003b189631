/**
 * The target picker's options, without loading the generators: the list mirrors
 * `CODE_TARGETS` in core/codegen/targets.ts (a unit test keeps them equal), so opening the
 * panel does not pull snippetz into the main chunk.
 */
import type { CodeTargetId } from '../../core/codegen/targets.ts';

export const CODE_TARGET_OPTIONS: readonly { id: CodeTargetId; label: string }[] = [
  { id: 'curl', label: 'cURL (bash)' },
  { id: 'httpie', label: 'HTTPie' },
  { id: 'wget', label: 'Wget' },
  { id: 'powershell', label: 'PowerShell (Invoke-WebRequest)' },
  { id: 'js-fetch', label: 'JavaScript (fetch)' },
  { id: 'node-fetch', label: 'Node.js (fetch)' },
  { id: 'node-axios', label: 'Node.js (axios)' },
  { id: 'python-requests', label: 'Python (requests)' },
  { id: 'python-http-client', label: 'Python (http.client)' },
  { id: 'php-curl', label: 'PHP (cURL)' },
  { id: 'php-guzzle', label: 'PHP (Guzzle)' },
  { id: 'java-nethttp', label: 'Java (java.net.http)' },
  { id: 'java-okhttp', label: 'Java (OkHttp)' },
  { id: 'csharp-httpclient', label: 'C# (HttpClient)' },
  { id: 'go', label: 'Go (net/http)' },
  { id: 'ruby', label: 'Ruby (Net::HTTP)' },
  { id: 'rust-reqwest', label: 'Rust (reqwest)' },
  { id: 'swift', label: 'Swift (URLSession)' },
  { id: 'kotlin-okhttp', label: 'Kotlin (OkHttp)' },
  { id: 'http', label: 'HTTP/1.1 (raw)' },
];
