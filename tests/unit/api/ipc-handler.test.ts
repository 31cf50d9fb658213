import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ipcApiHandler } from '../../../src-main/api/ipc-handler';
import { openAppContext } from '../../../src-main/app/compose';
import { tempDir } from '../../support/serve';

const FROM_APP = { senderFrame: { url: 'file:///app/out/renderer/index.html' } };

describe('IPC errors: a 4xx with the message, or a logged 5xx', () => {
  it("answers a caller's mistake with its 4xx and logs nothing; logs a fault of Biotrain's own with its message", async () => {
    const ctx = openAppContext({ dbPath: path.join(tempDir(), 'ipc.sqlite') });
    const logged: string[] = [];
    const handler = ipcApiHandler(ctx, { log: (l) => logged.push(l) });
    expect(await handler(FROM_APP, 'review.decide', { id: 'no-such-item', action: 'accept' })).toEqual({ ok: false, status: 404, error: 'no example with id no-such-item' });
    expect(await handler(FROM_APP, 'examples.list', { filter: {}, offset: -1, limit: 1 })).toMatchObject({ ok: false, status: 400 });
    expect(await handler(FROM_APP, 'no.such', {})).toEqual({ ok: false, status: 404, error: "unknown channel 'no.such'" });
    expect(logged).toEqual([]);
    ctx.db.close(); // a store gone from under the handlers: their fault, not the caller's
    expect(await handler(FROM_APP, 'examples.list', { filter: {}, offset: 0, limit: 1 })).toEqual({ ok: false, status: 500, error: 'The database connection is not open' });
    expect(logged).toEqual(['error on examples.list: The database connection is not open']);
  });
});
