import fs from 'node:fs';
import path from 'node:path';

/**
 * Which processes are using a SQLite database now: each `serve`/`start`/`worker` leaves a mark
 * (DATA_DIR/run/<pid>.json naming the database file) while it runs and removes it when it stops.
 * A mark whose process is gone (a crash, a kill -9) is ignored and cleaned up. `motcua restore`
 * reads them: replacing the file under a running server would lose its writes.
 */
interface Mark {
  pid: number;
  database: string;
  startedAt: string;
  command: string;
}

const dirOf = (dataDir: string) => path.join(dataDir, 'run');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, owned by someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Leaves this process's mark; returns how to remove it. */
export function markRunning(dataDir: string, database: string, command: string): () => void {
  const dir = dirOf(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${process.pid}.json`);
  const mark: Mark = { pid: process.pid, database: path.resolve(database), startedAt: new Date().toISOString(), command };
  fs.writeFileSync(file, JSON.stringify(mark) + '\n');
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    fs.rmSync(file, { force: true });
  };
  process.once('exit', remove);
  return remove;
}

/** The live processes that use `database` (stale marks are removed on the way). */
export function runningOn(dataDir: string, database: string): Mark[] {
  const dir = dirOf(dataDir);
  const target = path.resolve(database);
  const out: Mark[] = [];
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!name.endsWith('.json')) continue;
    let m: Mark;
    try {
      m = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Mark;
    } catch {
      continue;
    }
    if (m.pid === process.pid) continue;
    if (!alive(m.pid)) {
      fs.rmSync(path.join(dir, name), { force: true });
      continue;
    }
    if (m.database === target) out.push(m);
  }
  return out;
}
