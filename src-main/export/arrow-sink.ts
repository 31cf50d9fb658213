import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { Field, List, makeData, RecordBatch, RecordBatchStreamWriter, Struct, Utf8, vectorFromArray } from 'apache-arrow';
import { arrowSchema, MESSAGE_TYPE, METADATA_TYPE } from './features';
import type { TrainingRecord } from './record';

/**
 * Arrow IPC *stream* file (what `datasets.save_to_disk` writes), fed in record batches so a split of any
 * size passes through with bounded memory.
 */
export class ArrowStreamSink {
  private readonly schema = arrowSchema();
  private readonly writer = new RecordBatchStreamWriter();
  private readonly out: fs.WriteStream;
  rows = 0;
  private error: Error | undefined;
  constructor(path: string) {
    this.out = fs.createWriteStream(path);
    // kept, not thrown from an event: an export that fails elsewhere removes its folder under this stream
    this.out.on('error', (e) => {
      this.error ??= e;
    });
    this.writer.toNodeStream().pipe(this.out);
    this.writer.reset(undefined, this.schema);
  }

  async push(records: readonly TrainingRecord[]): Promise<void> {
    if (records.length === 0) return;
    const id = vectorFromArray(records.map((r) => r.id), new Utf8());
    const messages = vectorFromArray(
      records.map((r) => r.messages.map((m) => ({ role: m.role, content: m.content }))),
      new List(new Field('item', MESSAGE_TYPE, true)),
    );
    const metadata = vectorFromArray(
      records.map((r) => ({ ...r.metadata, tools: [...r.metadata.tools] })),
      METADATA_TYPE,
    );
    const struct = makeData({
      type: new Struct(this.schema.fields),
      length: records.length,
      nullCount: 0,
      children: [id.data[0]!, messages.data[0]!, metadata.data[0]!],
    });
    this.writer.write(new RecordBatch(this.schema, struct));
    this.rows += records.length;
    // let the piped file stream drain before the next batch
    await new Promise((r) => setImmediate(r));
  }

  async close(): Promise<void> {
    this.writer.finish();
    this.writer.close();
    await finished(this.out);
    if (this.error) throw this.error;
  }
}
