import fs from 'node:fs';
import path from 'node:path';

/** An exclusive claim on a PGlite directory, so that a second process fails clearly instead of corrupting it. */
export interface DirectoryLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `dir/shequ.lock`; a lock left by a dead process is taken over. */
export function acquireDirectoryLock(dir: string): DirectoryLock {
  const file = path.join(dir, 'shequ.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(file, 'utf8'));
      if (holder && alive(holder)) {
        throw new Error(
          `数据目录 ${dir} 已被进程 ${holder} 占用 / The data directory ${dir} is in use by process ${holder}. ` +
            'Stop that process, or set DATA_DIR to another directory, or DATABASE_URL to use PostgreSQL.',
        );
      }
      fs.unlinkSync(file);
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
