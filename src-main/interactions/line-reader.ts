import fs from 'node:fs';

/** One line of a file or stream: its text, or why it cannot be read (too long, not UTF-8). `bytes` counts its newline. */
export type FileLine = { n: number; bytes: number; text: string } | { n: number; bytes: number; error: string };

/**
 * Streams the lines of a file (a path) or of a byte stream such as stdin (split on \n, a trailing \r dropped) without ever holding more than `maxBytes` of
 * one line: a longer line is skipped to its end and reported, so a file with a line beyond what a string can
 * hold is read in constant memory. Each line is decoded as strict UTF-8; invalid bytes are reported, not
 * replaced.
 */
export async function* readLines(source: string | AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<FileLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Buffer[] = [];
  let lineBytes = 0;
  let tooLong = false;
  let n = 0;
  const finish = (newline: number): FileLine => {
    n++;
    const bytes = lineBytes + newline;
    let line: FileLine;
    if (tooLong) line = { n, bytes, error: `line is longer than ${maxBytes} bytes (${lineBytes}); skipped` };
    else {
      let buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      if (buf.length > 0 && buf[buf.length - 1] === 0x0d) buf = buf.subarray(0, buf.length - 1);
      try {
        line = { n, bytes, text: decoder.decode(buf) };
      } catch {
        line = { n, bytes, error: 'line is not valid UTF-8 text' };
      }
    }
    parts = [];
    lineBytes = 0;
    tooLong = false;
    return line;
  };
  const chunks = typeof source === 'string' ? (fs.createReadStream(source, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) : source;
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const piece = chunk.subarray(start, nl < 0 ? chunk.length : nl);
      if (!tooLong && lineBytes + piece.length > maxBytes) {
        tooLong = true;
        parts = [];
      }
      if (!tooLong) parts.push(piece);
      lineBytes += piece.length;
      if (nl < 0) break;
      yield finish(1);
      start = nl + 1;
    }
  }
  if (lineBytes > 0) yield finish(0);
}
