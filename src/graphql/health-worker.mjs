// The health listener's thread (health-listener.ts): its own HTTP server on the health port, with
// its own event loop and accept queue, so a liveness probe is answered at once however busy the
// main thread is. Plain JavaScript with Node built-ins only: it starts in milliseconds on any Node
// thread (no tsx to register), and it imports nothing of the application's.
//
// Liveness is read from the heartbeat the main thread writes (process.hrtime.bigint(), one
// monotonic clock for every thread of the process) into a SharedArrayBuffer: a heartbeat older
// than `staleMs` means the main event loop has stopped turning, and /healthz says 503.
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { heartbeat, port, host, staleMs } = workerData;
const beats = new BigInt64Array(heartbeat);

/** Milliseconds since the main thread last wrote its heartbeat. */
const heartbeatAge = () => Number(process.hrtime.bigint() - Atomics.load(beats, 0)) / 1e6;

const send = (response, status, body) => {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  response.end(text);
};

const server = createServer((request, response) => {
  const path = (request.url ?? '/').split('?')[0];
  if (path !== '/healthz') {
    return send(response, 404, { status: 'not found', problem: 'this port answers GET /healthz only; /readyz and /graphql are on the main port' });
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return send(response, 405, { status: 'method not allowed', problem: 'use GET /healthz' });
  }
  const age = Math.round(heartbeatAge());
  if (age <= staleMs) return send(response, 200, { status: 'ok', heartbeatAgeMs: age });
  send(response, 503, {
    status: 'stalled',
    heartbeatAgeMs: age,
    problem: `the main event loop has not turned for ${age} ms (more than ${staleMs} ms)`,
  });
});
// A probe's connection is used once: nothing is gained by holding idle ones open.
server.keepAliveTimeout = 1_000;

server.once('error', (error) => parentPort.postMessage({ type: 'error', message: error.message, code: error.code }));
server.listen(port, host, () => parentPort.postMessage({ type: 'listening', port: server.address().port }));

parentPort.on('message', (message) => {
  if (message?.type !== 'stop') return;
  server.close(() => {
    parentPort.postMessage({ type: 'stopped' });
    parentPort.close();
  });
  server.closeAllConnections();
});
