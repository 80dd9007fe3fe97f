import type { ChildProcess } from 'node:child_process';

/** Asks a bench's server child to stop (`{type: 'stop'}` over IPC), waits up to 30 s for it, then kills it. */
export async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ type: 'stop' });
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
