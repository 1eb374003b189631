/**
 * Makes snippetz output a complete program a person can paste and run (issue 10 point 9):
 * the imports, the entry point and its runtime, the current API of the library, and a print
 * of the status code and the body. Each function says what it adds and why.
 */

/** A Java string literal (`"…"` with `\` escapes) as a regular expression source. */
const JAVA_STRING = String.raw`"(?:[^"\\]|\\.)*"`;

/** Indents every non-empty line of `text` by `pad`. */
const indent = (text: string, pad: string): string =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => (l === '' ? '' : pad + l))
    .join('\n');

/**
 * JavaScript / Node.js fetch: snippetz writes a bare `fetch(…)` whose result nobody reads.
 * Await it and print the status code, reason phrase and body (top-level await: an ES
 * module, `.mjs` in Node, or a browser console).
 */
export function completeFetch(text: string): string {
  const awaited = text.replace(/^fetch\(/m, () => 'const response = await fetch(');
  return `${awaited.trimEnd()};\n\nconsole.log(response.status, response.statusText);\nconsole.log(await response.text());\n`;
}

/**
 * Rust reqwest: snippetz writes statements using `.await?` outside any function. Wrap them
 * in a Tokio `main` returning `Result` and print the status and body; the dependencies go
 * in a comment (reqwest 0.12, tokio 1 from crates.io).
 */
export function completeRust(text: string): string {
  return (
    '// Cargo.toml, [dependencies]:\n' +
    '//   reqwest = { version = "0.12", features = ["multipart"] }\n' +
    '//   tokio = { version = "1", features = ["full"] }\n\n' +
    '#[tokio::main]\nasync fn main() -> Result<(), Box<dyn std::error::Error>> {\n' +
    `${indent(text, '    ')}\n\n` +
    '    println!("{}", response.status());\n    println!("{}", response.text().await?);\n    Ok(())\n}\n'
  );
}

/**
 * Java OkHttp 4: snippetz prints statements without imports or class, and calls
 * `RequestBody.create(MediaType, String)`, deprecated since OkHttp 4 and one that appends
 * `; charset=utf-8` to a Content-Type without one (other octets than Parley's). Use
 * `RequestBody.create(byte[] | File, MediaType)` (OkHttp 4.x API), wrap in `Main`, and print
 * the status code and reason phrase before the body.
 */
export function completeJavaOkHttp(text: string): string {
  const body = text
    .replace(
      new RegExp(String.raw`RequestBody\.create\(MediaType\.parse\((${JAVA_STRING})\), (${JAVA_STRING})\)`, 'g'),
      (_m, type: string, content: string) =>
        `RequestBody.create(${content}.getBytes(StandardCharsets.UTF_8), MediaType.get(${type}))`,
    )
    .replace(
      new RegExp(
        String.raw`RequestBody\.create\(MediaType\.parse\((${JAVA_STRING})\), (new java\.io\.File\(${JAVA_STRING}\))\)`,
        'g',
      ),
      (_m, type: string, file: string) => `RequestBody.create(${file}, MediaType.get(${type}))`,
    )
    .replace(/RequestBody\.create\(null, ""\)/g, () => 'RequestBody.create(new byte[0], null)')
    .replace(
      /^( *)System\.out\.println\(response\.body\(\)\.string\(\)\);$/m,
      (_m, pad: string) =>
        `${pad}System.out.println(response.code() + " " + response.message());\n${pad}System.out.println(response.body().string());`,
    );
  const imports = ['MediaType', 'MultipartBody', 'OkHttpClient', 'Request', 'RequestBody', 'Response']
    .filter((name) => new RegExp(String.raw`\b${name}\b`).test(body))
    .map((name) => `import okhttp3.${name};`);
  return (
    '// OkHttp 4.12 (com.squareup.okhttp3:okhttp:4.12.0)\n' +
    `import java.nio.charset.StandardCharsets;\n${imports.join('\n')}\n\n` +
    `public class Main {\n  public static void main(String[] args) throws Exception {\n${indent(body, '    ')}\n  }\n}\n`
  );
}

/**
 * Kotlin OkHttp 4: snippetz uses `MediaType.parse` and `RequestBody.create(MediaType, …)`,
 * which OkHttp 4 made compile errors in Kotlin (moved to the extension functions
 * `toMediaType()`, `toRequestBody()`, `asRequestBody()`), and has no imports or `main`.
 * Content goes as bytes (a String body would get `; charset=utf-8` appended to its type).
 */
export function completeKotlinOkHttp(text: string): string {
  const body = text
    .replace(
      new RegExp(
        String.raw`RequestBody\.create\(MediaType\.parse\((${JAVA_STRING})\), (File\(${JAVA_STRING}\))\)`,
        'g',
      ),
      (_m, type: string, file: string) => `${file}.asRequestBody(${type}.toMediaType())`,
    )
    .replace(
      new RegExp(String.raw`MediaType\.parse\((${JAVA_STRING})\)`, 'g'),
      (_m, type: string) => `${type}.toMediaType()`,
    )
    .replace(
      new RegExp(String.raw`RequestBody\.create\(mediaType, (${JAVA_STRING})\)`, 'g'),
      (_m, content: string) => `${content}.toByteArray().toRequestBody(mediaType)`,
    )
    .replace(/RequestBody\.create\(null, ""\)/g, () => 'ByteArray(0).toRequestBody(null)')
    .replace(
      /^val response = client\.newCall\(request\)\.execute\(\)$/m,
      () =>
        'client.newCall(request).execute().use { response ->\n  println("${response.code} ${response.message}")\n  println(response.body!!.string())\n}',
    );
  const imports = [
    ...(/\bFile\(/.test(body) ? ['java.io.File'] : []),
    ...(/\.toMediaType\(\)/.test(body) ? ['okhttp3.MediaType.Companion.toMediaType'] : []),
    ...(/\bMultipartBody\b/.test(body) ? ['okhttp3.MultipartBody'] : []),
    'okhttp3.OkHttpClient',
    'okhttp3.Request',
    ...(/\.asRequestBody\(/.test(body) ? ['okhttp3.RequestBody.Companion.asRequestBody'] : []),
    ...(/\.toRequestBody\(/.test(body) ? ['okhttp3.RequestBody.Companion.toRequestBody'] : []),
  ];
  return (
    '// OkHttp 4.12 (com.squareup.okhttp3:okhttp:4.12.0)\n' +
    `${imports.map((i) => `import ${i}`).join('\n')}\n\nfun main() {\n${indent(body, '  ')}\n}\n`
  );
}

/** Go net/http: snippetz prints the whole `*http.Response` struct; print its status line instead. */
export function completeGo(text: string): string {
  return text.replace(/^(\s*)fmt\.Println\(res\)$/m, (_m, pad: string) => `${pad}fmt.Println(res.Status)`);
}

/** PHP Guzzle: snippetz assigns `$response` and prints nothing; print the status code and body. */
export function completeGuzzle(text: string): string {
  return `${text.trimEnd()}\n\necho $response->getStatusCode(), ' ', $response->getReasonPhrase(), "\\n";\necho $response->getBody();\n`;
}
