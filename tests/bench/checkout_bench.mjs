/*
 * `status` p99 from a second client while a client verifies a partially
 * staged commit of a 50,000-file repository again and again (each run checks
 * the index out into a temporary folder, runs a trivial check, and removes
 * the checkout), against the same agent idle: the peer, in the same run.
 * With AIRUNNER_OLD_BIN, the same for that binary (before/after).
 *
 *   node tests/bench/checkout_bench.mjs [--files N] [--requests N] [--runs N]
 *
 * --requests: idle samples (default 2000); during the load, `status` is
 * sent back to back (1 ms apart) until --runs verifications (default 2)
 * have finished.
 *
 * Target (issue 13): p99 under 1 ms while the checkout runs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startAgent, tmpDir } from '../lib/agent.mjs';

const opt = (name, def) => {
	const i = process.argv.indexOf(name);
	return i > 0 ? Number(process.argv[i + 1]) : def;
};
const FILES = opt('--files', 50000);
const N = opt('--requests', 2000);
const RUNS = opt('--runs', 2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const git = (dir, ...args) => execFileSync('git', args, {
	cwd: dir, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28,
	env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b',
	       GIT_COMMITTER_EMAIL: 'b@b', GIT_CONFIG_NOSYSTEM: '1' },
});

function makeRepo() {
	const dir = tmpDir();
	git(dir, 'init', '-q');
	for (let d = 0; d < FILES / 100; d++) {
		fs.mkdirSync(path.join(dir, `d${d}`));
		for (let f = 0; f < 100; f++)
			fs.writeFileSync(path.join(dir, `d${d}`, `f${f}.txt`), `file ${d}/${f}\n`);
	}
	git(dir, 'add', '-A');
	git(dir, 'commit', '-qm', 'base');
	/* Partially staged: the index is not the work tree, so every run
	 * checks the index out. */
	fs.writeFileSync(path.join(dir, 'd0/f0.txt'), 'staged\n');
	git(dir, 'add', 'd0/f0.txt');
	fs.writeFileSync(path.join(dir, 'd0/f0.txt'), 'staged, then edited\n');
	fs.writeFileSync(path.join(dir, '.git/info/exclude'), '.airunner\n');
	return dir;
}

function percentiles(times) {
	times.sort((a, b) => a - b);
	const at = (q) => times[Math.min(times.length - 1, Math.floor(times.length * q))];
	return { p50: at(0.5), p99: at(0.99), max: times[times.length - 1] };
}

/* `status` round trips, spread out so the load is sampled throughout: n of
 * them, or until more() is false. */
async function statusTimes(conn, n, more = () => true) {
	const times = [];
	for (let i = 0; i < n && more(); i++) {
		const t0 = process.hrtime.bigint();
		await conn.sendRequest('status');
		times.push(Number(process.hrtime.bigint() - t0) / 1e6);
		await sleep(1);
	}
	return times;
}

async function measure(bin, repo) {
	const agent = await startAgent({ bin, env: { AIRUNNER_LOG: 'error' } });
	try {
		const pinger = await agent.client(repo);
		const worker = await agent.client(repo);
		await statusTimes(pinger, 50); /* warm up */
		const idle = percentiles(await statusTimes(pinger, N));
		let stop = false, runs = 0, runTime = 0, k = 0;
		const loop = (async () => {
			while (!stop) {
				/* Another check configuration each time: never the
				 * cache's answer. */
				fs.writeFileSync(path.join(repo, '.airunner'),
					`[check "t"]\n\tcommand = true\n\tfiles = *.txt\n\ttimeout = ${1000 + k++}\n`);
				const t0 = Date.now();
				const r = await worker.sendRequest('verify/run', { root: repo, staged: true });
				if (r.cached || !r.checks.length)
					throw new Error(`not a real run: ${JSON.stringify(r).slice(0, 200)}`);
				runTime += Date.now() - t0;
				runs++;
			}
		})();
		await sleep(300); /* the first checkout is under way */
		const busy = percentiles(await statusTimes(pinger, Infinity, () => runs < RUNS));
		stop = true;
		await loop;
		return { idle, busy, runs, runMs: runTime / runs };
	} finally {
		await agent.cleanup();
	}
}

const repo = makeRepo();
const fmt = (p) => `p50 ${p.p50.toFixed(3)} ms, p99 ${p.p99.toFixed(3)} ms, max ${p.max.toFixed(3)} ms`;
const report = (name, m) => {
	console.log(`${name}: idle ${fmt(m.idle)}`);
	console.log(`${name}: during checkouts ${fmt(m.busy)} (${m.runs} runs, ${m.runMs.toFixed(0)} ms each)`);
	console.log(`${name}: p99 ratio busy/idle ${(m.busy.p99 / m.idle.p99).toFixed(2)}x`);
};
try {
	const now = await measure(undefined, repo);
	report('this build', now);
	if (process.env.AIRUNNER_OLD_BIN) {
		const old = await measure(process.env.AIRUNNER_OLD_BIN, repo);
		report('old build', old);
		console.log(`p99 during checkouts, old/this: ${(old.busy.p99 / now.busy.p99).toFixed(1)}x`);
	}
} finally {
	fs.rmSync(repo, { recursive: true, force: true });
}
