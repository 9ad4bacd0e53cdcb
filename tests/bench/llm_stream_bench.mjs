// Benchmark (not run by ctest): 100 concurrent streamed completions against
// the fake provider server while another client measures `status` round
// trips on the same agent. Prints the round-trip p50/p99 during the streams
// next to the same figures on an idle agent (the peer of this run), checks
// that every stream arrived whole, and prints the agent's CPU time per
// streamed megabyte.
//
//   node tests/bench/llm_stream_bench.mjs [--streams 100] [--bytes 200000] [--progress]
import fs from 'node:fs';
import { startServer, startAgent, user } from '../llm/harness.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? def : Number(process.argv[i + 1]);
};
const STREAMS = arg('streams', 100);
const BYTES = arg('bytes', 200000);
const PROGRESS = process.argv.includes('--progress');

function cpuSeconds(pid) {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in ticks of 10 ms
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function roundTrips(agent, until) {
  const out = [];
  while (!until()) {
    const t = process.hrtime.bigint();
    await agent.request('status', {});
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

const server = await startServer();
const agent = await startAgent(server);
// Each stream is scripted to carry BYTES of text, in 1024-character deltas.
await server.ctl('POST', '/__control/settings', { write_delay_ms: 0 });

let done = false;
const idleEnd = Date.now() + 2000;
const idle = await roundTrips(agent, () => Date.now() > idleEnd);

await server.script({ anthropic: Array.from({ length: STREAMS }, () => ({ fault: 'huge', bytes: BYTES })) });
const cpu0 = cpuSeconds(agent.proc.pid);
const t0 = Date.now();
const streams = Promise.all(Array.from({ length: STREAMS }, (_, i) => agent.request('llm/complete', {
  model: 'claude-sonnet-4-5', messages: [user(`stream ${i}`)], stream: true,
  ...(PROGRESS ? { workDoneToken: `s${i}` } : {}),
}))).finally(() => { done = true; });
const busy = await roundTrips(agent, () => done);
const results = await streams;
const wall = (Date.now() - t0) / 1000;
const cpu = cpuSeconds(agent.proc.pid) - cpu0;
const whole = results.filter((r) => Buffer.byteLength(r.text) === BYTES).length;
const mb = (STREAMS * BYTES) / 1e6;

console.log(`streams: ${whole}/${STREAMS} whole, ${mb.toFixed(1)} MB in ${wall.toFixed(2)} s${PROGRESS ? ' (with progress notifications)' : ''}`);
console.log(`status round trip, idle agent:  p50 ${pct(idle, 50).toFixed(3)} ms  p99 ${pct(idle, 99).toFixed(3)} ms  (n=${idle.length})`);
console.log(`status round trip, 100 streams: p50 ${pct(busy, 50).toFixed(3)} ms  p99 ${pct(busy, 99).toFixed(3)} ms  (n=${busy.length})`);
console.log(`p99 ratio busy/idle: ${(pct(busy, 99) / pct(idle, 99)).toFixed(2)}`);
console.log(`agent CPU: ${cpu.toFixed(2)} s, ${(cpu * 1000 / mb).toFixed(1)} ms per streamed MB`);

await agent.stop();
await server.stop();
process.exit(whole === STREAMS ? 0 : 1);
