/**
 * Fuzzy matching for the command palette: every character of the query must appear in the
 * text in order (case-insensitive, like VS Code's quick open and fzf's default mode). Matches
 * score higher when they are contiguous, start a word, or start the text.
 */

export interface FuzzyMatch {
  /** Higher is better; only comparable between matches of the same query. */
  score: number;
  /** Indices (UTF-16 code units) of `text` that matched, ascending, for highlighting. */
  indices: number[];
}

const isWordStart = (text: string, i: number): boolean => i === 0 || /[\s\-_/.:({[]/.test(text[i - 1] ?? '');

/**
 * Matches `query` against `text`. Whitespace in the query is ignored. An empty query matches
 * everything with score 0. Returns `null` when some query character is missing.
 * @example fuzzyMatch('nr', 'New request') // { score: …, indices: [0, 4] }
 */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const q = query.replace(/\s+/g, '').toLowerCase();
  if (q === '') return { score: 0, indices: [] };
  const t = text.toLowerCase();
  // Greedy from the left, preferring a word start ahead when one holds the next character; when
  // that leaves later characters unmatched, plain greedy (which finds any in-order match).
  const indices = positions(q, t, text, true) ?? positions(q, t, text, false);
  if (!indices) return null;
  let score = 0;
  indices.forEach((i, k) => {
    score += 1;
    if (k > 0 && indices[k - 1] === i - 1) score += 5;
    if (isWordStart(text, i)) score += 8;
    if (i === 0) score += 4;
  });
  // Shorter texts first among equal matches.
  score -= text.length / 100;
  return { score, indices };
}

/**
 * The items whose `text(item)` matches `query`, best first (ties keep the input order).
 * @example fuzzyFilter(['Save', 'Share'], 'sh', (s) => s) // ['Share']
 */
export function fuzzyFilter<T>(items: readonly T[], query: string, text: (item: T) => string): T[] {
  return items
    .map((item, order) => ({ item, order, match: fuzzyMatch(query, text(item)) }))
    .filter((x): x is { item: T; order: number; match: FuzzyMatch } => x.match !== null)
    .sort((a, b) => b.match.score - a.match.score || a.order - b.order)
    .map((x) => x.item);
}

function positions(q: string, t: string, text: string, preferWordStarts: boolean): number[] | null {
  const indices: number[] = [];
  let from = 0;
  for (const ch of q) {
    let at = t.indexOf(ch, from);
    if (at < 0) return null;
    const prev = indices[indices.length - 1];
    if (preferWordStarts && (prev === undefined || at !== prev + 1)) {
      for (let j = at; j >= 0; j = t.indexOf(ch, j + 1)) {
        if (isWordStart(text, j)) {
          at = j;
          break;
        }
      }
    }
    indices.push(at);
    from = at + 1;
  }
  return indices;
}
