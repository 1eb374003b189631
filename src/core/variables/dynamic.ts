/**
 * Dynamic variables, as Postman names them: `{{$guid}}`, `{{$timestamp}}`,
 * `{{$isoTimestamp}}`, `{{$randomInt}}`. Their values are made ONCE per send by the caller
 * (from the clock and a random source) and passed to resolveRequest, so the raw view, the
 * code snippets and the wire show the same values for that send, and core stays pure.
 */

/** The values of the dynamic variables for one send. All are strings as substituted. */
export interface DynamicValues {
  /** `{{$guid}}`: a random (version 4) UUID, lower-case hex, RFC 9562 §5.4. */
  guid: string;
  /** `{{$timestamp}}`: Unix time in whole SECONDS (Postman's meaning), e.g. `1796278702`. */
  timestamp: string;
  /** `{{$isoTimestamp}}`: the same instant as ISO 8601 UTC with milliseconds, e.g. `2026-12-03T06:18:22.123Z`. */
  isoTimestamp: string;
  /** `{{$randomInt}}`: an integer from 0 to 1000 inclusive, as Postman. */
  randomInt: string;
}

/** The dynamic variable names Parley knows, with `$`. */
export const DYNAMIC_VARIABLE_NAMES = ['$guid', '$timestamp', '$isoTimestamp', '$randomInt'] as const;

/**
 * Makes the values for one send from `nowMs` (milliseconds since the Unix epoch, e.g.
 * `Date.now()`) and 18 random octets (`random`, e.g. from `crypto.getRandomValues`): octets
 * 0–15 make the UUID (version and variant bits set per RFC 9562 §5.4), octets 16–17 the
 * random integer (a 16-bit number reduced to 0–1000). Pure. Throws `RangeError` when
 * `random` has fewer than 18 octets or `nowMs` is not a finite date.
 * Example: `makeDynamicValues(0, new Uint8Array(18))` → `{ guid: '00000000-0000-4000-8000-000000000000',
 * timestamp: '0', isoTimestamp: '1970-01-01T00:00:00.000Z', randomInt: '0' }`.
 */
export function makeDynamicValues(nowMs: number, random: Uint8Array): DynamicValues {
  if (random.length < 18) throw new RangeError(`makeDynamicValues needs 18 random octets, got ${random.length}`);
  const b = random.slice(0, 16);
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  const guid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const iso = new Date(nowMs).toISOString(); // throws RangeError for an invalid time
  const int16 = ((random[16] as number) << 8) | (random[17] as number);
  return {
    guid,
    timestamp: String(Math.floor(nowMs / 1000)),
    isoTimestamp: iso,
    randomInt: String(int16 % 1001),
  };
}

/** The value of dynamic variable `name` (with its `$`), or `undefined` when `name` is not one. */
export function dynamicValue(values: DynamicValues, name: string): string | undefined {
  switch (name) {
    case '$guid':
      return values.guid;
    case '$timestamp':
      return values.timestamp;
    case '$isoTimestamp':
      return values.isoTimestamp;
    case '$randomInt':
      return values.randomInt;
    default:
      return undefined;
  }
}
