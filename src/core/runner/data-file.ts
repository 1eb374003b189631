/**
 * Data files for data-driven runs (issue 15 §4): CSV (RFC 4180: a header row of variable
 * names, `"` quoting with `""` for a quote, CRLF or LF line ends) or JSON (an array of
 * objects). One row per iteration; values are text (JSON strings unquoted, other JSON values
 * as JSON text), as Postman and Newman read them.
 */

export type DataFileResult = { ok: true; rows: Record<string, string>[] } | { ok: false; message: string };

/** Parses `text` as JSON when it starts with `[` (after whitespace/BOM), else as CSV. Never throws. */
export function parseDataFile(text: string): DataFileResult {
  const t = text.replace(/^\uFEFF/, '');
  return t.trimStart().startsWith('[') ? parseJsonData(t) : parseCsv(t);
}

function parseJsonData(text: string): DataFileResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `The data file is not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!Array.isArray(value)) return { ok: false, message: 'A JSON data file must be an array of objects.' };
  const rows: Record<string, string>[] = [];
  for (const [i, row] of value.entries()) {
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      return { ok: false, message: `Row ${i + 1} of the JSON data file is not an object.` };
    rows.push(
      Object.fromEntries(
        Object.entries(row as Record<string, unknown>).map(([k, v]) => [
          k,
          typeof v === 'string' ? v : JSON.stringify(v),
        ]),
      ),
    );
  }
  return { ok: true, rows };
}

/** RFC 4180 records; a quoted field may hold commas, quotes (`""`) and line breaks. */
function csvRecords(text: string): string[][] | string {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      line++;
    } else field += c;
    i++;
  }
  if (quoted) return `The CSV data file has an unclosed quote (opened before line ${line}).`;
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

function parseCsv(text: string): DataFileResult {
  const records = csvRecords(text);
  if (typeof records === 'string') return { ok: false, message: records };
  const [header, ...body] = records;
  if (!header) return { ok: false, message: 'The CSV data file is empty: its first line must name the variables.' };
  const rows: Record<string, string>[] = [];
  for (const [i, r] of body.entries()) {
    if (r.length !== header.length)
      return {
        ok: false,
        message: `Row ${i + 2} of the CSV data file has ${r.length} fields; the header has ${header.length}.`,
      };
    rows.push(Object.fromEntries(header.map((name, j) => [name, r[j] as string])));
  }
  return { ok: true, rows };
}
