// A second writer on a store, driven over stdin, for tests of what the app does while another process
// writes: `pulse <holdMs> <gapMs>` takes the write lock for holdMs, releases it for gapMs, again and again;
// `hold <ms>` takes it once for ms; `stop` stops pulsing. Prints `locked` / `released` lines.
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';

const db = new Database(process.argv[2]);
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE IF NOT EXISTS lock_holder_scratch (n INTEGER)');
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
let pulsing = null;

function holdFor(ms) {
  db.exec('BEGIN IMMEDIATE');
  db.prepare('INSERT INTO lock_holder_scratch (n) VALUES (?)').run(Date.now());
  process.stdout.write('locked\n');
  sleep(ms);
  db.exec('COMMIT');
  process.stdout.write('released\n');
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const [cmd, a, b] = line.trim().split(/\s+/);
  if (cmd === 'pulse') {
    clearInterval(pulsing);
    pulsing = setInterval(() => holdFor(Number(a)), Number(a) + Number(b));
  } else if (cmd === 'hold') {
    clearInterval(pulsing);
    setTimeout(() => holdFor(Number(a)), 0);
  } else if (cmd === 'stop') {
    clearInterval(pulsing);
    process.stdout.write('stopped\n');
  } else if (cmd === 'exit') {
    clearInterval(pulsing);
    db.close();
    process.exit(0);
  }
});
