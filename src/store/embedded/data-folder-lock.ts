import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import fsx from 'fs-native-extensions';
import { DataFolderBusyError } from '../../errors.js';
import { processRunning } from '../process-running.js';

const LOCK_FILE = 'lock';
const HOLDER_FILE = 'lock-holder.json';

/** What kind of process writes the folder: it decides the advice a refused writer gets. */
export type HolderRole = 'server' | 'load' | 'other';

/** The process that holds a data folder, as it names itself in `lock-holder.json`. */
export interface Holder {
  pid: number;
  host: string;
  role: HolderRole;
  /** The command line, for people: `kg load new-papers.jsonl`. */
  command: string;
  /** ISO time the lock was taken. */
  since: string;
  /** A server's GraphQL endpoint, once it listens. */
  url?: string;
  /** Whether that server takes papers through `Mutation.ingest`. */
  ingest?: boolean;
}

/**
 * One writer per data folder: an exclusive OS lock (an open-file-description lock on Linux, a
 * BSD lock on macOS, LockFileEx on Windows, from fs-native-extensions) on `lock`, beside a
 * `lock-holder.json` naming the holder. The kernel drops the lock when its holder exits, however
 * it exits (kill -9 included), so a lock is never stale and takeover needs no guessing from pids
 * or timestamps; a holder file whose lock is free was left by a process that died holding it.
 * `lock` itself is never deleted: a process waiting on a deleted file would lock a file nobody
 * else sees.
 */
export class DataFolderLock {
  private fd: number | null;

  private constructor(
    private readonly dir: string,
    fd: number,
    private holder: Holder,
    /** The holder named by a process that died holding the folder, when this lock followed one. */
    readonly tookOverFrom: Holder | null,
  ) {
    this.fd = fd;
  }

  /**
   * Takes the folder for this process, creating it if needed. Throws DataFolderBusyError naming
   * the holder and what to do when another open file holds it (another process, or another open
   * store of this one).
   */
  static acquire(dir: string, who: { role: HolderRole; command: string }): DataFolderLock {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(join(dir, LOCK_FILE), 'a+');
    let granted = false;
    try {
      granted = fsx.tryLock(fd);
    } finally {
      if (!granted) closeSync(fd);
    }
    if (!granted) {
      // The holder file may still name a process that died, if the new holder has not written its own yet.
      const named = DataFolderLock.readHolder(dir);
      const holder = named && DataFolderLock.isRunning(named) ? named : null;
      throw new DataFolderBusyError(busyMessage(dir, holder), holder ? describeHolder(holder) : 'another process');
    }
    const previous = DataFolderLock.readHolder(dir);
    const holder: Holder = { pid: process.pid, host: hostname(), role: who.role, command: who.command, since: new Date().toISOString() };
    const lock = new DataFolderLock(dir, fd, holder, previous);
    lock.writeHolder();
    return lock;
  }

  /** Who holds (or, if it died, last held) the folder; null when nobody has named themselves. */
  static readHolder(dir: string): Holder | null {
    try {
      const holder = JSON.parse(readFileSync(join(dir, HOLDER_FILE), 'utf8')) as Holder;
      return typeof holder.pid === 'number' ? holder : null;
    } catch {
      return null;
    }
  }

  /** Whether a holder's process still runs; a holder on another host is assumed to. */
  static isRunning(holder: Holder): boolean {
    return processRunning(holder.pid, holder.host);
  }

  /** Adds what a server knows once it listens (its URL, whether it ingests) to the holder file. */
  announce(details: { url: string; ingest: boolean }): void {
    this.holder = { ...this.holder, ...details };
    if (this.fd !== null) this.writeHolder();
  }

  /** Removes the holder file, then drops the lock. Idempotent. */
  release(): void {
    if (this.fd === null) return;
    rmSync(join(this.dir, HOLDER_FILE), { force: true });
    closeSync(this.fd);
    this.fd = null;
  }

  private writeHolder(): void {
    // Replaced whole, so a refused writer reading it never sees half a file.
    const file = join(this.dir, HOLDER_FILE);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(this.holder)}\n`);
    renameSync(temp, file);
  }
}

/** A holder in words: `the server (pid 12, since …, GraphQL at …)`. */
export function describeHolder(holder: Holder): string {
  const who = holder.role === 'server' ? 'the paper-kg server' : `\`${holder.command}\``;
  const where = holder.host === hostname() ? '' : ` on ${holder.host}`;
  return `${who} (pid ${holder.pid}${where}, since ${holder.since}${holder.url ? `, GraphQL at ${holder.url}/graphql` : ''})`;
}

function busyMessage(dir: string, holder: Holder | null): string {
  const lines = [
    `the data folder ${dir} is in use by ${holder ? describeHolder(holder) : 'another process'}; the embedded store takes one writer at a time, and nothing was written.`,
  ];
  if (holder?.role === 'server') {
    lines.push(
      `Stop the server (Ctrl-C) and run this again, or send the papers through the running server's \`ingest\` mutation` +
        (holder.ingest === false ? ' (start the server with KG_API_KEY set to enable it).' : '.'),
    );
  } else if (holder?.role === 'load') {
    lines.push('Wait for that load to finish and run this again (`kg load --wait SECONDS` waits by itself).');
  } else {
    lines.push('Stop that process, or wait for it to finish, and run this again.');
  }
  lines.push('`kg stats` reads the folder meanwhile; set KG_DATA_DIR to use another folder.');
  return lines.join('\n  ');
}
