// Benchmark: what the agent spends on the pre-commit hook's request when
// there is nothing to check, in CPU time (its own threads, read from
// /proc/<pid>/stat before and after) and in round-trip time, against
// `status` on the same connection in the same run (the floor: framing,
// dispatch, reply).
//
// The request is the one airunner-hook sends under `git commit`:
// verify/run {root, staged, index, origin: "hook", priority: "urgent"}, in
// a repository of 50 text files (no check applies), each round after a
// fresh change was staged (untimed, by git in a child of this script, so
// not counted as the agent's).
//
//   cd tests && node bench/hook_agent_cpu.mjs [N]      (default 300 rounds)
//   AIRUNNER_BIN picks the binary (default build/airunner).
//
// Not run by ctest: it prints figures, it asserts nothing about time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startAgent, tmpDir } from '../lib/agent.mjs';

const n = Number(process.argv[2] ?? 300);
const warm = 10;
const dir = tmpDir('airunner-hookcpu-');
const genv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir,
	GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com',
	GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
const git = (...args) => execFileSync('git', args, { cwd: dir, env: genv, stdio: 'pipe' });

git('init', '-q', '-b', 'main', '.');
for (let i = 1; i <= 50; i++)
	fs.writeFileSync(path.join(dir, `notes-${i}.txt`), `line ${i}\n`);
git('add', '-A');
git('commit', '-qm', 'init');

// HOME as git's hook would see it: the agent reads the user's git config.
const agent = await startAgent({ env: { HOME: dir, GIT_CONFIG_NOSYSTEM: '1' } });
const conn = await agent.client(dir);
const params = { root: dir, staged: true, index: path.join(dir, '.git', 'index'),
	origin: 'hook', priority: 'urgent' };

const tck = Number(execFileSync('getconf', ['CLK_TCK']).toString()) || 100;
function cpuMs() { // utime + stime of every thread, living or ended
	const f = fs.readFileSync(`/proc/${agent.pid}/stat`, 'utf8');
	const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
	return (Number(rest[11]) + Number(rest[12])) * 1000 / tck;
}
const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function verifyRound(i) {
	fs.appendFileSync(path.join(dir, 'notes-1.txt'), `change ${i}\n`);
	git('add', 'notes-1.txt');
	const t = performance.now();
	const r = await conn.sendRequest('verify/run', params);
	const dt = performance.now() - t;
	if (!r.ok || r.checks.some((c) => c.status !== 'skipped'))
		throw new Error(`expected nothing to check: ${JSON.stringify(r).slice(0, 300)}`);
	return dt;
}

for (let i = 0; i < warm; i++) {
	await verifyRound(-i);
	await conn.sendRequest('status');
}
// The two kinds in separate blocks (CPU is read per block), several times.
const blocks = 5, per = Math.ceil(n / blocks);
let cpuVerify = 0, cpuStatus = 0;
const tVerify = [], tStatus = [];
for (let b = 0; b < blocks; b++) {
	let c0 = cpuMs();
	for (let i = 0; i < per; i++)
		tVerify.push(await verifyRound(b * per + i));
	cpuVerify += cpuMs() - c0;
	c0 = cpuMs();
	for (let i = 0; i < per; i++) {
		const t = performance.now();
		await conn.sendRequest('status');
		tStatus.push(performance.now() - t);
	}
	cpuStatus += cpuMs() - c0;
}
await agent.cleanup();
fs.rmSync(dir, { recursive: true, force: true });

const total = blocks * per;
const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`empty verify/run (hook's request), ${total} rounds:`);
console.log(`  agent CPU per request: ${(cpuVerify / total).toFixed(3)} ms`
	+ `   (status: ${(cpuStatus / total).toFixed(3)} ms)`);
console.log(`  round trip median:     ${median(tVerify).toFixed(3)} ms`
	+ `   (status: ${median(tStatus).toFixed(3)} ms)`);
console.log(`load average: ${load} (CPU ticks are ${(1000 / tck).toFixed(0)} ms: read over ${per}-request blocks)`);
