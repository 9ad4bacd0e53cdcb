/*
 * `status` p99 from a second client while a client verifies a partially
 * staged commit of a 50,000-file repository again and again (each run checks
 * the index out into a temporary folder, runs a trivial check, and removes
 * the checkout), against the same agent idle: the peer, in the same run.
 * With AIRUNNER_OLD_BIN, the same for that binary (before/after).
 *
 *   node tests/bench/checkout_bench.mjs [--files N] [--requests N] [--runs N]
 *
 * `status` is sent by rt_client.c (compiled here with cc) from its own
 * connection, one at a time 1 ms apart: a C client, so that the agent is
 * what is sampled, not node's timers. --requests: idle samples (default
 * 2000, about as many seconds / 1000 as that); during the load, until
 * --runs verifications (default 2) have finished.
 *
 * Target (issue 13): p99 under 1 ms while the checkout runs.
 */
import { execFileSync, spawn } from 'node:child_process';
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

/* rt_client --paced on the agent's socket, sampling until stop() resolves;
 * returns its percentiles in ms. */
async function paced(client, socket, stop) {
	const p = spawn(client, ['--paced', socket, '1000'], { stdio: ['pipe', 'pipe', 'inherit'] });
	let out = '';
	p.stdout.on('data', (d) => { out += d; });
	const exited = new Promise((r) => p.on('exit', r));
	await stop();
	p.stdin.end();
	if (await exited !== 0)
		throw new Error('rt_client --paced failed');
	const r = JSON.parse(out);
	return { n: r.n, p50: r.p50_us / 1000, p99: r.p99_us / 1000, max: r.max_us / 1000 };
}

async function measure(bin, repo, client) {
	const agent = await startAgent({ bin, env: { AIRUNNER_LOG: 'error' } });
	try {
		const worker = await agent.client(repo);
		const idle = await paced(client, agent.socket, () => sleep(N));
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
		const busy = await paced(client, agent.socket, async () => {
			while (runs < RUNS)
				await sleep(50);
		});
		stop = true;
		await loop;
		return { idle, busy, runs, runMs: runTime / runs };
	} finally {
		await agent.cleanup();
	}
}

const repo = makeRepo();
const scratch = tmpDir();
const client = path.join(scratch, 'rt_client');
execFileSync('cc', ['-O2', '-pthread', '-o', client, path.join(import.meta.dirname, 'rt_client.c')], { stdio: 'inherit' });
const fmt = (p) => `${p.n} samples: p50 ${p.p50.toFixed(3)} ms, p99 ${p.p99.toFixed(3)} ms, max ${p.max.toFixed(3)} ms`;
const report = (name, m) => {
	console.log(`${name}: idle ${fmt(m.idle)}`);
	console.log(`${name}: during checkouts ${fmt(m.busy)} (${m.runs} runs, ${m.runMs.toFixed(0)} ms each)`);
	console.log(`${name}: p99 ratio busy/idle ${(m.busy.p99 / m.idle.p99).toFixed(2)}x`);
};
try {
	const now = await measure(undefined, repo, client);
	report('this build', now);
	if (process.env.AIRUNNER_OLD_BIN) {
		const old = await measure(process.env.AIRUNNER_OLD_BIN, repo, client);
		report('old build', old);
		console.log(`p99 during checkouts, old/this: ${(old.busy.p99 / now.busy.p99).toFixed(1)}x`);
	}
} finally {
	fs.rmSync(repo, { recursive: true, force: true });
	fs.rmSync(scratch, { recursive: true, force: true });
}
