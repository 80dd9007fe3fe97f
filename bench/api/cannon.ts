/** One autocannon run of a POSTed GraphQL request, with sub-millisecond percentiles from every response's time. */
import autocannon from 'autocannon';

/** A non-error GraphQL-shaped answer: `{"data": …}` first, no `errors`. Cheap: runs per response. */
const goodBody = (body: string): boolean => body.startsWith('{"data":') && !body.includes('"errors":[');

export interface Measurement {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function cannon(url: string, body: string, seconds: number, connections: number): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const times: number[] = [];
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections,
        duration: seconds,
        timeout: 10,
        verifyBody: (b) => goodBody(typeof b === 'string' ? b : String(b ?? '')),
      },
      (error, result) => {
        if (error) return reject(error);
        times.sort((a, b) => a - b);
        resolve({
          p50: percentile(times, 50),
          p99: percentile(times, 99),
          rps: result.requests.average,
          requests: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          mismatches: result.mismatches,
        });
      },
    );
    // autocannon emits (client, statusCode, bytes, responseTime in ms, fractional) per response.
    (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
    });
  });
}
