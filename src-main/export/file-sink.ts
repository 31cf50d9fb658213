import fs from 'node:fs';

/** Buffered synchronous text writer: few syscalls, deterministic bytes, explicit close. */
export class TextSink {
  private readonly fd: number;
  private chunks: string[] = [];
  private size = 0;
  constructor(readonly path: string) {
    this.fd = fs.openSync(path, 'w');
  }
  write(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }
  private flush(): void {
    if (this.chunks.length === 0) return;
    fs.writeSync(this.fd, this.chunks.join(''));
    this.chunks = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

/** Writes a JSON array one element at a time, pretty enough to diff, without holding the array. */
export class JsonArraySink {
  private readonly sink: TextSink;
  private first = true;
  rows = 0;
  constructor(path: string) {
    this.sink = new TextSink(path);
    this.sink.write('[');
  }
  push(value: unknown): void {
    this.sink.write(`${this.first ? '\n' : ',\n'}${JSON.stringify(value)}`);
    this.first = false;
    this.rows++;
  }
  close(): void {
    this.sink.write(this.first ? ']\n' : '\n]\n');
    this.sink.close();
  }
}

export class JsonlSink {
  private readonly sink: TextSink;
  rows = 0;
  constructor(path: string) {
    this.sink = new TextSink(path);
  }
  push(value: unknown): void {
    this.sink.write(`${JSON.stringify(value)}\n`);
    this.rows++;
  }
  close(): void {
    this.sink.close();
  }
}
