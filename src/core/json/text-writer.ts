/**
 * An append-only text builder for very large outputs (100 MB+): code units go into a
 * fixed Uint16Array and are turned into a string 8 K at a time, so building the output
 * is linear and does not create millions of tiny concatenated strings. Lone surrogates
 * are kept exactly (no decoding step that could replace them).
 */
const CHUNK = 8192; // fromCharCode.apply argument count stays far below engine limits
/** Slices at least this long are kept as strings instead of being copied unit by unit. */
const LONG = 512;

/** Builds a string by appending slices and code units; `toString()` returns the whole text. */
export class TextWriter {
  private readonly buf = new Uint16Array(CHUNK);
  private pos = 0;
  private readonly parts: string[] = [];

  private flush(): void {
    if (this.pos === 0) return;
    this.parts.push(String.fromCharCode.apply(null, this.buf.subarray(0, this.pos) as unknown as number[]));
    this.pos = 0;
  }

  /** Appends `text[start..end)` (UTF-16 indices). */
  slice(text: string, start: number, end: number): void {
    if (end - start >= LONG) {
      this.flush();
      this.parts.push(text.slice(start, end));
      return;
    }
    const buf = this.buf;
    let pos = this.pos;
    for (let i = start; i < end; i++) {
      if (pos === CHUNK) {
        this.pos = pos;
        this.flush();
        pos = 0;
      }
      buf[pos++] = text.charCodeAt(i);
    }
    this.pos = pos;
  }

  /** Appends all of `text`. */
  write(text: string): void {
    this.slice(text, 0, text.length);
  }

  /** Appends one UTF-16 code unit. */
  unit(code: number): void {
    if (this.pos === CHUNK) this.flush();
    this.buf[this.pos++] = code;
  }

  /** The text written so far. */
  toString(): string {
    this.flush();
    return this.parts.join('');
  }
}
