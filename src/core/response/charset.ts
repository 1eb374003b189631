/**
 * Which text decoder to use for a response body: WHATWG Encoding Standard §4.2 "get an encoding"
 * (label table) and §6 "decode" (a byte order mark overrides the declared charset).
 */
import { parseMediaType } from './media-type.ts';

/** WHATWG encoding name → its labels (Encoding Standard §4.2, encodings.json). */
const ENCODING_LABELS: Record<string, string> = {
  'UTF-8': 'unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8',
  IBM866: '866 cp866 csibm866 ibm866',
  'ISO-8859-2': 'csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2',
  'ISO-8859-3': 'csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3',
  'ISO-8859-4': 'csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4',
  'ISO-8859-5': 'csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988',
  'ISO-8859-6':
    'arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987',
  'ISO-8859-7':
    'csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek',
  'ISO-8859-8':
    'csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual',
  'ISO-8859-8-I': 'csiso88598i iso-8859-8-i logical',
  'ISO-8859-10': 'csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6',
  'ISO-8859-13': 'iso-8859-13 iso8859-13 iso885913',
  'ISO-8859-14': 'iso-8859-14 iso8859-14 iso885914',
  'ISO-8859-15': 'csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9',
  'ISO-8859-16': 'iso-8859-16',
  'KOI8-R': 'cskoi8r koi koi8 koi8-r koi8_r',
  'KOI8-U': 'koi8-ru koi8-u',
  macintosh: 'csmacintosh mac macintosh x-mac-roman',
  'windows-874': 'dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874',
  'windows-1250': 'cp1250 windows-1250 x-cp1250',
  'windows-1251': 'cp1251 windows-1251 x-cp1251',
  'windows-1252':
    'ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252',
  'windows-1253': 'cp1253 windows-1253 x-cp1253',
  'windows-1254':
    'cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254',
  'windows-1255': 'cp1255 windows-1255 x-cp1255',
  'windows-1256': 'cp1256 windows-1256 x-cp1256',
  'windows-1257': 'cp1257 windows-1257 x-cp1257',
  'windows-1258': 'cp1258 windows-1258 x-cp1258',
  'x-mac-cyrillic': 'x-mac-cyrillic x-mac-ukrainian',
  GBK: 'chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk',
  gb18030: 'gb18030',
  Big5: 'big5 big5-hkscs cn-big5 csbig5 x-x-big5',
  'EUC-JP': 'cseucpkdfmtjapanese euc-jp x-euc-jp',
  'ISO-2022-JP': 'csiso2022jp iso-2022-jp',
  Shift_JIS: 'csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis',
  'EUC-KR': 'cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949',
  replacement: 'csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement',
  'UTF-16BE': 'unicodefffe utf-16be',
  'UTF-16LE': 'csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le',
  'x-user-defined': 'x-user-defined',
};

const LABEL_TO_ENCODING = new Map<string, string>();
for (const [encoding, labels] of Object.entries(ENCODING_LABELS)) {
  for (const label of labels.split(' ')) LABEL_TO_ENCODING.set(label, encoding);
}

/**
 * WHATWG Encoding §4.2 "get an encoding": trims ASCII whitespace, lowercases, looks the label up.
 * @returns the encoding's name (e.g. `windows-1252` for `ISO-8859-1`), or `null` for an unknown label.
 * @example encodingForLabel(' Latin1 ') // 'windows-1252'
 */
export function encodingForLabel(label: string): string | null {
  return LABEL_TO_ENCODING.get(label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase()) ?? null;
}

export interface DecoderChoice {
  /** WHATWG encoding name to give `TextDecoder` (never `replacement`). */
  encoding: string;
  /** The charset label the response declared, as written; `null` when none. */
  declared: string | null;
  /** Why this encoding: a byte order mark, the Content-Type charset, or the UTF-8 default. */
  source: 'bom' | 'header' | 'default';
  /** Bytes to skip at the start (the BOM), 0–3. */
  skipBytes: number;
  /** Set when the declared label could not be honoured, in words a person understands. */
  note: string | null;
}

/**
 * Chooses how to decode a response body as text.
 *
 * Order (WHATWG Encoding §6 "decode"; RFC 8259 §8.1 for JSON): a UTF-8/UTF-16 BOM wins; then the
 * Content-Type `charset` parameter mapped through the WHATWG label table; otherwise UTF-8.
 * An unknown label or one mapping to `replacement` (ISO-2022-KR, HZ…) falls back to UTF-8 with a note.
 *
 * @param contentType the Content-Type field value or `null`.
 * @param head the first bytes of the content (at least 3 to detect a BOM).
 * @returns the decoder choice; never throws.
 */
export function chooseDecoder(contentType: string | null, head: Uint8Array): DecoderChoice {
  const declared = parseMediaType(contentType)?.parameters.get('charset') ?? null;
  const bom = sniffBom(head);
  if (bom) return { encoding: bom.encoding, declared, source: 'bom', skipBytes: bom.length, note: null };
  if (declared === null) return { encoding: 'UTF-8', declared, source: 'default', skipBytes: 0, note: null };
  const encoding = encodingForLabel(declared);
  if (encoding === null) {
    return {
      encoding: 'UTF-8',
      declared,
      source: 'default',
      skipBytes: 0,
      note: `Unknown charset "${declared}"; decoded as UTF-8.`,
    };
  }
  if (encoding === 'replacement') {
    return {
      encoding: 'UTF-8',
      declared,
      source: 'default',
      skipBytes: 0,
      note: `Charset "${declared}" is not supported by browsers (WHATWG Encoding maps it to "replacement"); decoded as UTF-8.`,
    };
  }
  return { encoding, declared, source: 'header', skipBytes: 0, note: null };
}

/** WHATWG Encoding §6 "BOM sniff". */
function sniffBom(b: Uint8Array): { encoding: string; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'UTF-8', length: 3 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'UTF-16BE', length: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'UTF-16LE', length: 2 };
  return null;
}

/**
 * A one-line description of the decoder used, for the body viewer's status line.
 * @example describeDecoder({encoding:'windows-1252', declared:'iso-8859-1', source:'header', …}) // 'charset: iso-8859-1 (decoded as windows-1252)'
 */
export function describeDecoder(choice: DecoderChoice): string {
  const used = choice.encoding;
  if (choice.source === 'bom') return `charset: ${used} (byte order mark)`;
  if (choice.source === 'header' && choice.declared !== null) {
    return choice.declared.toLowerCase() === used.toLowerCase()
      ? `charset: ${choice.declared}`
      : `charset: ${choice.declared} (decoded as ${used})`;
  }
  return `charset: ${used} (default)`;
}
