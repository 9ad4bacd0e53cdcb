// Benchmark (not run by ctest): 100 concurrent streamed completions against
// the fake provider server, while rt_client.c (the C client of
// rpc_bench.mjs, one socket, one request in flight) measures `status` round
// trips on the same agent over its Unix socket. Prints the round-trip median
// and p99 during the streams next to the same figures on the idle agent (the
// peer of this run), checks that every stream arrived whole, and prints the
// agent's CPU time per streamed megabyte.
//
//   node tests/bench/llm_stream_bench.mjs [--streams 100] [--bytes 200000] [--progress]
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { tmpDir } from '../lib/agent.mjs';
import { startServer, startAgent, user } from '../llm/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? def : Number(process.argv[i + 1]);
};
const STREAMS = arg('streams', 100);
const BYTES = arg('bytes', 200000);
const PROGRESS = process.argv.includes('--progress');
const BATCH = 2000; // status round trips per rt_client run

function cpuSeconds(pid) {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, 10 ms ticks
}

const dir = tmpDir('airunner-llm-bench-');
const client = path.join(dir, 'rt_client');
execFileSync('cc', ['-O2', '-pthread', '-o', client, path.join(here, 'rt_client.c')], { stdio: 'inherit' });
const rt = async (socket) => JSON.parse((await promisify(execFile)(client,
  [socket, '1', String(BATCH), '200'], { encoding: 'utf8' })).stdout);

// Batches of round trips until stop() is true: their medians and p99s.
async function roundTrips(socket, stop) {
  const out = [];
  do out.push(await rt(socket)); while (!stop());
  return out;
}
const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const show = (runs) => `median ${mid(runs.map((r) => r.median_us)).toFixed(0)} us, ` +
  `p99 ${mid(runs.map((r) => r.p99_us)).toFixed(0)} us (worst batch ${Math.max(...runs.map((r) => r.p99_us)).toFixed(0)} us), ` +
  `${runs.length * BATCH} round trips`;

const server = await startServer();
const agent = await startAgent(server, { transport: 'socket' });
try {
  await server.ctl('POST', '/__control/settings', { write_delay_ms: 0 });
  const t = Date.now();
  const idle = await roundTrips(agent.socket, () => Date.now() - t > 2000);

  await server.script({ anthropic: Array.from({ length: STREAMS }, () => ({ fault: 'huge', bytes: BYTES })) });
  let done = false;
  const cpu0 = cpuSeconds(agent.proc.pid);
  const t0 = Date.now();
  const streams = Promise.all(Array.from({ length: STREAMS }, (_, i) => agent.request('llm/complete', {
    model: 'claude-sonnet-4-5', messages: [user(`stream ${i}`)], stream: true,
    ...(PROGRESS ? { workDoneToken: `s${i}` } : {}),
  }))).finally(() => { done = true; });
  const busy = await roundTrips(agent.socket, () => done);
  const results = await streams;
  const wall = (Date.now() - t0) / 1000;
  const cpu = cpuSeconds(agent.proc.pid) - cpu0;
  const whole = results.filter((r) => Buffer.byteLength(r.text) === BYTES).length;
  const mb = (STREAMS * BYTES) / 1e6;

  console.log(`streams: ${whole}/${STREAMS} whole, ${mb.toFixed(1)} MB in ${wall.toFixed(2)} s` +
    `${PROGRESS ? ' (deltas sent as $/progress)' : ''}`);
  console.log(`status round trip, idle agent:       ${show(idle)}`);
  console.log(`status round trip, during ${STREAMS} streams: ${show(busy)}`);
  console.log(`p99 ratio during/idle: ${(mid(busy.map((r) => r.p99_us)) / mid(idle.map((r) => r.p99_us))).toFixed(2)}`);
  console.log(`agent CPU during the streams: ${cpu.toFixed(2)} s, ${(cpu * 1000 / mb).toFixed(1)} ms per streamed MB ` +
    '(status round trips included)');
  process.exitCode = whole === STREAMS ? 0 : 1;
} finally {
  await agent.stop();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
