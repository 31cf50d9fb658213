import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import { PARQUET_SCHEMA } from './features';
import type { TrainingRecord } from './record';

/** Parquet file of training records (hub layout), one row group per pushed batch. */
export class ParquetSink {
  private readonly writer: ParquetWriter;
  rows = 0;
  constructor(path: string) {
    this.writer = new ParquetWriter({
      writer: fileWriter(path),
      // biome-ignore lint/suspicious/noExplicitAny: hyparquet's SchemaElement typing is narrower than the literal table
      schema: PARQUET_SCHEMA as any,
      createdBy: 'biotrain',
    });
  }

  push(records: readonly TrainingRecord[]): void {
    if (records.length === 0) return;
    this.writer.write({
      columnData: [
        { name: 'id', data: records.map((r) => r.id) },
        { name: 'messages', data: records.map((r) => r.messages.map((m) => ({ role: m.role, content: m.content }))) },
        { name: 'metadata', data: records.map((r) => ({ ...r.metadata, tools: [...r.metadata.tools] })) },
      ],
      rowGroupSize: records.length,
    });
    this.rows += records.length;
  }

  close(): void {
    this.writer.finish();
  }
}
