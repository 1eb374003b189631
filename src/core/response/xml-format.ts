/**
 * Pretty-printing XML for display: a tolerant tokenizer (XML 1.0 §2–§4 lexical forms: tags,
 * comments, CDATA, processing instructions, DOCTYPE, character data) re-indented one node per line.
 * It does not validate; unbalanced tags still print. Whitespace-only text between tags is dropped
 * (that is the point of pretty-printing); other text is kept with its inner spacing, trimmed.
 */

type XmlToken =
  | { type: 'open'; text: string; name: string }
  | { type: 'close'; text: string; name: string }
  | { type: 'empty'; text: string } // self-closing tag, comment, PI, doctype, CDATA
  | { type: 'text'; text: string };

function tokenize(xml: string): XmlToken[] {
  const tokens: XmlToken[] = [];
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) {
      tokens.push({ type: 'text', text: xml.slice(i) });
      break;
    }
    if (lt > i) tokens.push({ type: 'text', text: xml.slice(i, lt) });
    let end: number;
    if (xml.startsWith('<!--', lt)) {
      end = xml.indexOf('-->', lt + 4);
      end = end === -1 ? n : end + 3;
      tokens.push({ type: 'empty', text: xml.slice(lt, end) });
    } else if (xml.startsWith('<![CDATA[', lt)) {
      end = xml.indexOf(']]>', lt + 9);
      end = end === -1 ? n : end + 3;
      tokens.push({ type: 'empty', text: xml.slice(lt, end) });
    } else if (xml.startsWith('<?', lt)) {
      end = xml.indexOf('?>', lt + 2);
      end = end === -1 ? n : end + 2;
      tokens.push({ type: 'empty', text: xml.slice(lt, end) });
    } else if (xml.startsWith('<!', lt)) {
      end = skipDeclaration(xml, lt);
      tokens.push({ type: 'empty', text: xml.slice(lt, end) });
    } else {
      end = skipTag(xml, lt);
      const text = xml.slice(lt, end);
      const name = /^<\/?\s*([^\s/>]*)/.exec(text)?.[1] ?? '';
      if (text.startsWith('</')) tokens.push({ type: 'close', text, name });
      else if (text.endsWith('/>')) tokens.push({ type: 'empty', text });
      else tokens.push({ type: 'open', text, name });
    }
    i = end;
  }
  return tokens;
}

/** End of a tag starting at `lt`, skipping `>` inside quoted attribute values. */
function skipTag(xml: string, lt: number): number {
  let quote = '';
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return xml.length;
}

/** End of `<!DOCTYPE …>` including an internal subset in brackets. */
function skipDeclaration(xml: string, lt: number): number {
  let depth = 0;
  for (let i = lt + 2; i < xml.length; i++) {
    const c = xml[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return xml.length;
}

/**
 * Re-indents XML text.
 * @param xml the document text (already decoded). @param indent spaces per level (default 2).
 * @returns the pretty text, lines joined by `\n`; an element holding only text stays on one line
 *   (`<name>Emma</name>`). Never throws.
 * @example formatXml('<a><b>1</b><c/></a>') // '<a>\n  <b>1</b>\n  <c/>\n</a>'
 */
export function formatXml(xml: string, indent = 2): string {
  const tokens = tokenize(xml);
  const out: string[] = [];
  const pad = (d: number) => ' '.repeat(Math.max(0, d) * indent);
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.type === 'text') {
      const trimmed = t.text.trim();
      if (trimmed !== '') out.push(pad(depth) + trimmed);
      continue;
    }
    if (t.type === 'open') {
      const a = tokens[k + 1];
      const b = tokens[k + 2];
      if (a?.type === 'text' && b?.type === 'close' && b.name === t.name) {
        out.push(pad(depth) + t.text + a.text.trim() + b.text);
        k += 2;
        continue;
      }
      if (a?.type === 'close' && a.name === t.name) {
        out.push(pad(depth) + t.text + a.text);
        k += 1;
        continue;
      }
      out.push(pad(depth) + t.text);
      depth++;
      continue;
    }
    if (t.type === 'close') {
      depth = Math.max(0, depth - 1);
      out.push(pad(depth) + t.text);
      continue;
    }
    out.push(pad(depth) + t.text);
  }
  return out.join('\n');
}
