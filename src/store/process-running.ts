import { hostname } from 'node:os';

/**
 * Whether process `pid` on `host` still runs. Only this machine's processes can be asked: one on
 * another host counts as running (a heartbeat must tell instead).
 */
export function processRunning(pid: number, host: string): boolean {
  if (host !== hostname()) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
