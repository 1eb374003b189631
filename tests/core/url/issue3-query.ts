/** Issue 3's query table example: rows as typed, and the query they must be sent as (RFC 3986 §3.4). */
export const ISSUE3_QUERY_PAIRS: readonly { name: string; value: string }[] = [
  { name: 'token', value: 'a b' },
  { name: 'attrs', value: 'password%3Dabc' },
  { name: 'tag', value: 'test#abc' },
  { name: 'q', value: 'a&b' },
  { name: 'pct', value: '100%' },
  { name: 'city', value: 'Zürich' },
];

export const ISSUE3_ENCODED_QUERY =
  'token=a%20b&attrs=password%3Dabc&tag=test%23abc&q=a%26b&pct=100%25&city=Z%C3%BCrich';
