/*
 * Runs: what recording costs (issue 9's figures), ratios in one run.
 *
 *   node tests/bench/runs_bench.mjs [--seconds N]
 *     AIRUNNER_BIN      the agent (default build/airunner)
 *     AIRUNNER_OLD_BIN  an agent from before the run store, for the
 *                       per-verification overhead (optional)
 *
 * 1. `status` round trips from one client, idle, then while another client
 *    starts runs at 1,000 a minute (test/sleep {ms: 1}: each is a row, five
 *    events and a finish in the store): p50, p99, max, and the ratio.
 * 2. verify/run on a repository with nothing to check, sequentially: the
 *    queue's and the store's cost per verification, against AIRUNNER_OLD_BIN.
 * 3. metrics/summary over the runs just recorded (see store_bench for
 *    100,000).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startAgent, tmpDir } from '../lib/agent.mjs';

const arg = (name, dflt) => {
	const i = process.argv.indexOf(name);
	return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const seconds = arg('--seconds', 20);

const pct = (xs, p) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const fmt = (us) => `${us.toFixed(1)} us`;

async function statusLatencies(conn, ms) {
	const out = [];
	const end = Date.now() + ms;
	while (Date.now() < end) {
		const t = process.hrtime.bigint();
		await conn.sendRequest('status');
		out.push(Number(process.hrtime.bigint() - t) / 1000);
	}
	return out;
}

async function verifyRoundTrips(bin, repo, n) {
	const agent = await startAgent(bin ? { bin } : {});
	try {
		const c = await agent.client();
		const out = [];
		for (let i = 0; i < n + 20; i++) {
			const t = process.hrtime.bigint();
			await c.sendRequest('verify/run', { root: repo, all: true });
			if (i >= 20) /* warm up first */
				out.push(Number(process.hrtime.bigint() - t) / 1000);
		}
		return out;
	} finally {
		await agent.cleanup();
	}
}

const agent = await startAgent();
const watcher = await agent.client();
const starter = await agent.client();

const idle = await statusLatencies(watcher, seconds * 1000);
let started = 0, stop = false;
const pace = (async () => {
	while (!stop) {
		starter.sendRequest('test/sleep', { ms: 1 }).catch(() => {});
		started++;
		await new Promise((r) => setTimeout(r, 60)); /* 1,000 a minute */
	}
})();
const loaded = await statusLatencies(watcher, seconds * 1000);
stop = true;
await pace;
await new Promise((r) => setTimeout(r, 200));
const t0 = process.hrtime.bigint();
const m = await watcher.sendRequest('metrics/summary', {});
const summaryMs = Number(process.hrtime.bigint() - t0) / 1e6;
await agent.cleanup();

console.log(`status round trips from a second client, ${seconds} s each`);
console.log(`                 idle        while recording ${(started * 60 / seconds).toFixed(0)} runs/min`);
for (const p of [50, 99])
	console.log(`p${p}     ${fmt(pct(idle, p)).padStart(12)}  ${fmt(pct(loaded, p)).padStart(12)}   ratio ${(pct(loaded, p) / pct(idle, p)).toFixed(2)}x`);
const max = (xs) => xs.reduce((a, b) => (b > a ? b : a), 0);
console.log(`max     ${fmt(max(idle)).padStart(12)}  ${fmt(max(loaded)).padStart(12)}`);
console.log(`target: p99 under 1 ms while recording; recorded ${m.runs.total} runs`);
console.log(`metrics/summary over them: ${summaryMs.toFixed(2)} ms round trip`);

const repo = tmpDir('airunner-bench-repo-');
spawnSync('git', ['init', '-q', repo]);
fs.writeFileSync(path.join(repo, 'a.txt'), 'x\n');
spawnSync('git', ['-C', repo, 'add', 'a.txt']);
const now = await verifyRoundTrips(null, repo, 300);
console.log(`\nverify/run with nothing to check, 300 sequential calls`);
console.log(`this agent:    median ${fmt(pct(now, 50))}, p99 ${fmt(pct(now, 99))}`);
if (process.env.AIRUNNER_OLD_BIN) {
	const old = await verifyRoundTrips(process.env.AIRUNNER_OLD_BIN, repo, 300);
	console.log(`before (old):  median ${fmt(pct(old, 50))}, p99 ${fmt(pct(old, 99))}`);
	console.log(`queue + store overhead per verification: ${fmt(pct(now, 50) - pct(old, 50))} (median)`);
}
fs.rmSync(repo, { recursive: true, force: true });
