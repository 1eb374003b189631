// Copies the tree-sitter wasm files curlconverter's browser parser loads from the site
// root ("/tree-sitter.wasm", "/tree-sitter-bash.wasm", see
// node_modules/curlconverter/dist/src/shell/webParser.js) into public/, so the cURL
// import works in the built app offline. Run by the `postinstall` and `prebuild` scripts.
import { copyFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const files = [
  ['node_modules/web-tree-sitter/tree-sitter.wasm', 'public/tree-sitter.wasm'],
  ['node_modules/curlconverter/dist/tree-sitter-bash.wasm', 'public/tree-sitter-bash.wasm'],
];
mkdirSync(resolve(root, 'public'), { recursive: true });
for (const [from, to] of files) {
  const src = resolve(root, from);
  if (!existsSync(src)) {
    console.error(`copy-curl-wasm: ${from} is missing; run npm install.`);
    process.exit(1);
  }
  copyFileSync(src, resolve(root, to));
}
console.log('copy-curl-wasm: copied tree-sitter wasm files into public/');
