import { pino, type Logger } from 'pino';

/** The server's structured logger: JSON lines on stderr, so stdout stays free for data. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'paper-kg' } }, pino.destination(2));
}

export type { Logger };
