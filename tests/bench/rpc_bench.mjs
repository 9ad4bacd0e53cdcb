/*
 * JSON-RPC round trip over the Unix socket: the agent against a
 * vscode-jsonrpc server in Node (node_peer_server.mjs), same client, same run.
 *
 *   node tests/bench/rpc_bench.mjs [--requests N]      (AIRUNNER_BIN as for the tests)
 *
 * The client is rt_client.c, compiled here with cc: one thread and one
 * socket per client, a closed loop of pre-framed `status` requests, replies
 * read by Content-Length only, so that the servers are what is measured (a
 * Node client costs more per round trip than the agent does). Prints median
 * and p99 latency with one client, the server's CPU time per request (all its
 * threads, from schedstat), requests per second with 1 and 8 clients,
 * idle RSS after start + initialize, and the ratios; and the floor: the same
 * client against a server that sends a canned reply (what the kernel and the
 * scheduler cost, which no server can beat). Not run by ctest.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function rssKiB(pid) {
	return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
}

/* CPU time of all the process's threads, in ns: what a request costs the
 * server, whatever the machine's load does to latency. */
function cpuNs(pid) {
	let ns = 0;
	for (const t of fs.readdirSync(`/proc/${pid}/task`)) {
		try {
			ns += Number(fs.readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
		} catch { /* thread gone */ }
	}
	return ns;
}

async function waitSocket(p) {
	for (let i = 0; i < 500; i++) {
		const ok = await new Promise((res) => {
			const s = net.connect(p);
			s.once('connect', () => { s.destroy(); res(true); });
			s.once('error', () => res(false));
		});
		if (ok)
			return;
		await new Promise((r) => setTimeout(r, 10));
	}
	throw new Error(`nothing listens on ${p}`);
}

function run(client, socket, clients, count) {
	return JSON.parse(execFileSync(client, [socket, String(clients), String(count),
						String(Math.min(2000, count))], { encoding: 'utf8' }));
}

/* Starts a server, reads its RSS after one initialize, then the runs. */
async function measure(client, argv, socket, count) {
	const proc = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'ignore'] });
	try {
		await waitSocket(socket);
		run(client, socket, 1, 1); /* start + initialize (+ one status) */
		const rss = rssKiB(proc.pid);
		const cpu0 = cpuNs(proc.pid);
		const one = run(client, socket, 1, count);
		one.cpu_us = (cpuNs(proc.pid) - cpu0) / 1000 / count;
		const eight = run(client, socket, 8, Math.ceil(count / 4));
		return { rss, one, eight };
	} finally {
		proc.kill('SIGTERM');
		await new Promise((r) => proc.once('exit', r));
	}
}

const bin = path.resolve(process.env.AIRUNNER_BIN ?? path.join(here, '../../build/airunner'));
const i = process.argv.indexOf('--requests');
const count = i > 0 ? Number(process.argv[i + 1]) : 20000;
const dir = fs.mkdtempSync('/tmp/airunner-bench-');
try {
	const client = path.join(dir, 'rt_client');
	execFileSync('cc', ['-O2', '-pthread', '-o', client, path.join(here, 'rt_client.c')], { stdio: 'inherit' });
	const a = await measure(client, [bin, 'serve', '--socket', path.join(dir, 'a.sock')],
				path.join(dir, 'a.sock'), count);
	const n = await measure(client, [process.execPath, path.join(here, 'node_peer_server.mjs'), path.join(dir, 'n.sock')],
				path.join(dir, 'n.sock'), count);
	const f = await measure(client, [client, '--floor', path.join(dir, 'f.sock')], path.join(dir, 'f.sock'), count);
	const us = (v) => `${v.toFixed(1)} us`;
	const rps = (v) => `${Math.round(v)}/s`;
	const x = (v) => `${v.toFixed(1)}x`;
	const rows = [
		['', 'airunner', 'node peer', 'ratio', 'floor'],
		['median, 1 client', us(a.one.median_us), us(n.one.median_us), x(n.one.median_us / a.one.median_us), us(f.one.median_us)],
		['p99, 1 client', us(a.one.p99_us), us(n.one.p99_us), x(n.one.p99_us / a.one.p99_us), us(f.one.p99_us)],
		['server CPU/request', us(a.one.cpu_us), us(n.one.cpu_us), x(n.one.cpu_us / a.one.cpu_us), us(f.one.cpu_us)],
		['req/s, 1 client', rps(a.one.rps), rps(n.one.rps), x(a.one.rps / n.one.rps), rps(f.one.rps)],
		['median, 8 clients', us(a.eight.median_us), us(n.eight.median_us), x(n.eight.median_us / a.eight.median_us), us(f.eight.median_us)],
		['req/s, 8 clients', rps(a.eight.rps), rps(n.eight.rps), x(a.eight.rps / n.eight.rps), rps(f.eight.rps)],
		['idle RSS', `${(a.rss / 1024).toFixed(1)} MiB`, `${(n.rss / 1024).toFixed(1)} MiB`, x(n.rss / a.rss), ''],
	];
	const w = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
	console.log(`status round trips over a Unix socket: ${count} with 1 client, ${Math.ceil(count / 4)} per client with 8`);
	for (const r of rows)
		console.log(r.map((cell, c) => (c ? cell.padStart(w[c]) : cell.padEnd(w[c]))).join('  '));
	console.log('floor: rt_client --floor, one poll() loop sending a canned reply per frame (kernel + scheduler, no server work)');
	console.log('targets: median < 50 us, >= 5x the node peer, idle RSS < 10 MiB');
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}
