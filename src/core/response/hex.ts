/** Hex dump rows for binary bodies, in the layout of `hexdump -C` / `xxd`-style viewers. */

/** Bytes shown per hex dump row. */
const HEX_BYTES_PER_ROW = 16;

/** Number of hex dump rows for `byteLength` bytes (0 for an empty body). */
export function hexRowCount(byteLength: number): number {
  return Math.ceil(byteLength / HEX_BYTES_PER_ROW);
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Formats one row of a hex dump, `hexdump -C` layout: 8-digit hex offset, two spaces, 16 bytes as
 * two-digit lowercase hex in two groups of 8, then the printable ASCII (0x20–0x7E; others as `.`)
 * between `|`. A short last row is padded so the ASCII column lines up.
 * @param bytes the whole body; @param row zero-based row index.
 * @returns the row text, e.g. `00000000  48 69 0a                                          |Hi.|`.
 * @throws RangeError when `row` is outside `[0, hexRowCount(bytes.length))`.
 */
export function hexDumpRow(bytes: Uint8Array, row: number): string {
  const start = row * HEX_BYTES_PER_ROW;
  if (!Number.isInteger(row) || row < 0 || start >= bytes.length) throw new RangeError(`hex row ${row} out of range`);
  const end = Math.min(start + HEX_BYTES_PER_ROW, bytes.length);
  let hex = '';
  let ascii = '';
  for (let i = 0; i < HEX_BYTES_PER_ROW; i++) {
    if (i === 8) hex += ' ';
    if (start + i < end) {
      const b = bytes[start + i]!;
      hex += HEX[b] + ' ';
      ascii += b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.';
    } else hex += '   ';
  }
  return `${start.toString(16).padStart(8, '0')}  ${hex} |${ascii}|`;
}

/**
 * Rows `[from, to)` of the hex dump (clamped to the available rows), for a virtualised view.
 */
export function hexDumpRows(bytes: Uint8Array, from: number, to: number): string[] {
  const last = Math.min(to, hexRowCount(bytes.length));
  const rows: string[] = [];
  for (let r = Math.max(0, from); r < last; r++) rows.push(hexDumpRow(bytes, r));
  return rows;
}
