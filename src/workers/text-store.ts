/**
 * The prepared documents of one body (raw + pretty) with their row indexes, answering row,
 * search and outline queries. Lives in the worker for big bodies, on the main thread for small ones.
 */
import { prepareBodyText, type TextBodyKind } from '../core/response/body-text.ts';
import { buildRowIndex, searchRows, sliceRows, type RowIndex } from '../core/response/text-rows.ts';
import { jsonOutlineChildren, type JsonOutlinePage } from '../core/response/json-outline.ts';
import {
  SEARCH_LIMIT,
  type DocInfo,
  type DocName,
  type ReadyInfo,
  type Row,
  type SearchReply,
} from './body-protocol.ts';

interface Doc {
  text: string;
  index: RowIndex;
  lower: string | null;
}

export class TextStore {
  private docs: Partial<Record<DocName, Doc>> = {};
  readonly info: ReadyInfo;

  constructor(
    bytes: Uint8Array,
    contentType: string | null,
    kind: TextBodyKind,
    onPhase?: (phase: 'formatting' | 'indexing') => void,
  ) {
    const prepared = prepareBodyText(bytes, contentType, kind, onPhase);
    onPhase?.('indexing');
    this.docs.raw = { text: prepared.raw, index: buildRowIndex(prepared.raw), lower: null };
    if (prepared.pretty !== null)
      this.docs.pretty = { text: prepared.pretty, index: buildRowIndex(prepared.pretty), lower: null };
    const info = (d: Doc | undefined): DocInfo | null =>
      d ? { rows: d.index.count, lines: d.index.lineCount, chars: d.text.length } : null;
    this.info = {
      charset: prepared.charset,
      charsetNote: prepared.charsetNote,
      raw: info(this.docs.raw)!,
      pretty: info(this.docs.pretty),
      prettyError: prepared.prettyError,
      treeRoot: prepared.treeRoot,
    };
  }

  rows(doc: DocName, from: number, to: number): Row[] {
    const d = this.docs[doc];
    return d ? sliceRows(d.text, d.index, from, to) : [];
  }

  search(doc: DocName, query: string, caseSensitive: boolean): SearchReply {
    const d = this.docs[doc];
    if (!d) return { rows: new Uint32Array(0), total: 0, capped: false };
    // Lowercased once per document, then reused by every later search.
    const haystack = caseSensitive ? d.text : (d.lower ??= d.text.toLowerCase());
    return searchRows(haystack, query, d.index, caseSensitive, SEARCH_LIMIT);
  }

  children(offset: number, from: number, limit: number): { page: JsonOutlinePage | null; error: string | null } {
    try {
      return { page: jsonOutlineChildren(this.docs.raw!.text, offset, from, limit), error: null };
    } catch (error) {
      return { page: null, error: error instanceof Error ? error.message : String(error) };
    }
  }

  text(doc: DocName): string {
    return this.docs[doc]?.text ?? '';
  }
}
