/*
 * Hostile input and bad luck (issue 8): the client trusts no stranger's
 * socket, a symlinked folder or a file in the socket's place is refused,
 * running out of descriptors does not spin the loop, and unread output is
 * bounded in total, a reply that does not fit being answered with an error.
 * Each test ends by asking the agent for `status`.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node.js';
import { BIN, runCli, startAgent, tmpDir, withTimeout } from '../lib/agent.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(cond, ms = 5000) {
	const deadline = Date.now() + ms;
	while (!cond() && Date.now() < deadline)
		await sleep(10);
	return cond();
}

/* The agent still answers at once. */
async function answersStatus(agent) {
	const conn = await agent.client();
	const st = await withTimeout(conn.sendRequest('status'), 2000, 'status');
	assert.equal(st.pid, agent.pid);
}

const frame = (obj) => {
	const body = Buffer.from(JSON.stringify(obj));
	return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
};

/* Splits received bytes into parsed messages. */
function parseFrames(buf) {
	const out = [];
	let off = 0;
	for (;;) {
		const sep = buf.indexOf('\r\n\r\n', off);
		if (sep < 0)
			break;
		const n = Number(/Content-Length: (\d+)/i.exec(buf.subarray(off, sep).toString())[1]);
		if (buf.length < sep + 4 + n)
			break;
		out.push(JSON.parse(buf.subarray(sep + 4, sep + 4 + n).toString()));
		off = sep + 4 + n;
	}
	return out;
}

/* ---- items 1 and 2: whose socket is it? ---- */

test('a symlinked socket folder is refused by serve and by call', async (t) => {
	const dir = tmpDir();
	t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
	fs.mkdirSync(path.join(dir, 'real'), { mode: 0o700 });
	fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'));
	const served = await runCli(['serve', '--socket', path.join(dir, 'link', 'agent.sock')]);
	assert.equal(served.code, 1);
	assert.match(served.stderr, /link is a symlink/);
	/* A real agent behind the symlink: the client still refuses the path. */
	const agent = await startAgent({ socket: path.join(dir, 'real', 'agent.sock') });
	t.after(() => agent.cleanup());
	const called = await runCli(['call', '--no-start', '--socket', path.join(dir, 'link', 'agent.sock'), 'status']);
	assert.equal(called.code, 2);
	assert.match(called.stderr, /refusing the agent's socket .*link is a symlink/);
	await answersStatus(agent);
});

test('a file where the socket goes is not deleted', async (t) => {
	const dir = tmpDir();
	t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
	const sock = path.join(dir, 'agent.sock');
	fs.writeFileSync(sock, 'precious');
	const r = await runCli(['serve', '--socket', sock]);
	assert.equal(r.code, 1);
	assert.match(r.stderr, /agent\.sock exists and is not a socket; not removing it/);
	assert.equal(fs.readFileSync(sock, 'utf8'), 'precious');
});

const canSwitchUser = process.getuid() === 0 &&
	spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', BIN, '--version']).status === 0;

/* A uid of our own for the victim, so that /tmp/airunner-UID is nobody
 * else's default folder on this machine. */
const victim = 40000 + (process.pid % 20000);
const asUser = (uid, args, opts = {}) => spawnSync('setpriv',
	[`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', ...args],
	{ encoding: 'utf8', timeout: 10000, ...opts });

/* The stranger (nobody) listening on SOCKET; resolves once it listens. */
async function startStranger(t, socket, log, uid = 65534) {
	const proc = spawn('setpriv', [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups',
				       'python3', path.join(here, 'stranger_agent.py'), socket, log],
			   { stdio: ['ignore', 'pipe', 'inherit'], env: { PATH: '/usr/bin:/bin' } });
	t.after(() => proc.kill('SIGKILL'));
	let out = '';
	proc.stdout.on('data', (d) => { out += d; });
	assert.ok(await until(() => out.includes('ready')), 'the stranger listens');
	return proc;
}

test('the client and the hook refuse a stranger\'s agent in /tmp/airunner-UID and send it nothing',
     { skip: !canSwitchUser && 'needs root and setpriv' }, async (t) => {
	const folder = `/tmp/airunner-${victim}`;
	const home = tmpDir();
	const logDir = tmpDir();
	fs.rmSync(folder, { recursive: true, force: true });
	t.after(() => {
		fs.rmSync(folder, { recursive: true, force: true });
		fs.rmSync(home, { recursive: true, force: true });
		fs.rmSync(logDir, { recursive: true, force: true });
	});
	fs.chmodSync(logDir, 0o777);
	const log = path.join(logDir, 'received');
	await startStranger(t, path.join(folder, 'agent.sock'), log);
	assert.equal(fs.statSync(folder).uid, 65534);

	/* No XDG_RUNTIME_DIR: the default socket is the stranger's. */
	fs.chownSync(home, victim, victim);
	const env = { PATH: process.env.PATH, HOME: home };
	for (const args of [['call', '--no-start', 'status'], ['call', 'status'],
			    ['call', 'verify/run', JSON.stringify({ root: home, staged: true })]]) {
		const r = asUser(victim, [BIN, ...args], { env, cwd: home });
		assert.equal(r.status, 2, r.stderr);
		assert.match(r.stderr, new RegExp(`refusing the agent's socket ${folder}/agent.sock: ${folder} belongs to uid 65534, not to us \\(uid ${victim}\\)`));
	}

	/* The hook: a failing check staged; refused socket = hook.onError. */
	const repo = path.join(home, 'repo');
	const git = (...a) => {
		const r = asUser(victim, ['git', ...a], { env, cwd: repo });
		assert.equal(r.status, 0, r.stderr);
	};
	fs.mkdirSync(repo);
	fs.chownSync(repo, victim, victim);
	git('init', '-q');
	git('config', 'user.email', 'v@example.com');
	git('config', 'user.name', 'victim');
	fs.writeFileSync(path.join(repo, '.airunner'), '[check "fail"]\n\tcommand = false\n\tfiles = *\n');
	fs.chownSync(path.join(repo, '.airunner'), victim, victim);
	git('add', '.airunner');
	const blocked = asUser(victim, [BIN, 'hook', 'pre-commit'], { env, cwd: repo });
	assert.equal(blocked.status, 1, blocked.stderr);
	assert.match(blocked.stderr, /refusing the agent's socket .*belongs to uid 65534/);
	assert.match(blocked.stderr, /commit blocked \(hook.onError = block\)/);
	git('config', 'airunner.hook.onError', 'allow');
	const allowed = asUser(victim, [BIN, 'hook', 'pre-commit'], { env, cwd: repo });
	assert.equal(allowed.status, 0, allowed.stderr);
	assert.match(allowed.stderr, /commit allowed without verification/);

	assert.equal(fs.readFileSync(log).length, 0, 'the stranger received bytes');
});

test('an agent of another uid in a folder of ours is refused before a byte is sent (SO_PEERCRED)',
     { skip: !canSwitchUser && 'needs root and setpriv' }, async (t) => {
	const top = tmpDir();
	t.after(() => fs.rmSync(top, { recursive: true, force: true }));
	fs.chmodSync(top, 0o755);
	const folder = path.join(top, 'v');
	const log = path.join(top, 'received');
	/* The listener is root's; then the folder is handed to the victim,
	 * private: only the peer's uid gives it away. */
	await startStranger(t, path.join(folder, 'agent.sock'), log, 0);
	fs.chownSync(folder, victim, victim);
	fs.chmodSync(folder, 0o700);
	const r = asUser(victim, [BIN, 'call', '--no-start', '--socket', path.join(folder, 'agent.sock'), 'status'],
			 { env: { PATH: process.env.PATH } });
	assert.equal(r.status, 2, r.stderr);
	assert.match(r.stderr, /runs as uid 0, not as us/);
	assert.equal(fs.readFileSync(log).length, 0, 'the stranger received bytes');
});

/* ---- item 3: no process outlives its check ---- */

/* A repo whose one check leaves a grandchild in a session of its own,
 * ignoring SIGTERM, its output closed, its pid written to a file; then the
 * check hangs. */
function leavingRepo(t, timeout) {
	const repo = tmpDir();
	t.after(() => fs.rmSync(repo, { recursive: true, force: true }));
	const pidFile = path.join(repo, '.pid');
	fs.writeFileSync(path.join(repo, 'leave.sh'),
			 `setsid sh -c 'trap "" TERM; echo $$ >"$1"; exec sleep 300' sh ${pidFile} >/dev/null 2>&1 &\n` +
			 'trap "" TERM\nsleep 300\n');
	fs.writeFileSync(path.join(repo, '.airunner'),
			 `[check "leave"]\n\tcommand = sh ${path.join(repo, 'leave.sh')}\n\tfiles = *\n` +
			 (timeout ? `\ttimeout = ${timeout}\n` : ''));
	spawnSync('git', ['init', '-q', repo]);
	spawnSync('git', ['-C', repo, 'add', '.']);
	return { repo, pidFile };
}

const pidAlive = (pid) => {
	try {
		const st = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return !/^\S+ \(.*\) [ZX]/.test(st);
	} catch {
		return false;
	}
};

for (const how of ['timeout', 'cancel']) {
	test(`verify/run ended by ${how}: the check's setsid grandchild that ignores SIGTERM is killed too`, async (t) => {
		const agent = await startAgent();
		t.after(() => agent.cleanup());
		const { repo, pidFile } = leavingRepo(t, how === 'timeout' ? 1 : 0);
		const conn = await agent.client(repo);
		const cts = new CancellationTokenSource();
		const run = conn.sendRequest('verify/run', { root: repo, staged: true }, cts.token);
		assert.ok(await until(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').trim()), 'the grandchild started');
		const pid = Number(fs.readFileSync(pidFile, 'utf8'));
		if (how === 'cancel')
			cts.cancel();
		const outcome = await withTimeout(run.then((r) => r, (e) => e), 10000, 'verify/run');
		if (how === 'timeout')
			assert.equal(outcome.checks[0].status, 'timeout');
		else
			assert.equal(outcome.code, -32800);
		assert.ok(await until(() => !pidAlive(pid)), `the grandchild (pid ${pid}) outlived the check`);
		await answersStatus(agent);
	});
}

/* ---- item 8: out of file descriptors ---- */

/* utime + stime of pid, in clock ticks. */
function cpuTicks(pid) {
	const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
	return Number(rest[11]) + Number(rest[12]);
}

test('out of descriptors: new clients are closed at once, the loop does not spin, status is answered once some close',
     async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	await answersStatus(agent);
	const lim = spawnSync('prlimit', ['--pid', String(agent.pid), '--nofile=40:40']);
	assert.equal(lim.status, 0, String(lim.stderr));

	const held = [];
	t.after(() => held.forEach((s) => s.destroy()));
	let closedByAgent = 0;
	for (let i = 0; i < 60; i++) {
		const s = net.connect(agent.socket);
		s.on('error', () => {});
		const ended = new Promise((r) => s.on('close', r));
		await new Promise((r) => s.on('connect', r));
		held.push(s);
		/* A connection the agent could not keep is closed at once. */
		const closed = await Promise.race([ended.then(() => true), sleep(100).then(() => false)]);
		if (closed)
			closedByAgent++;
		if (closedByAgent >= 3)
			break;
	}
	assert.ok(closedByAgent >= 3, 'the agent closed connections it had no descriptor for');
	/* Clients keep knocking; the loop must sleep between them. */
	const before = cpuTicks(agent.pid);
	const knock = setInterval(() => { const s = net.connect(agent.socket); s.on('error', () => {}); s.on('close', () => {}); }, 50);
	await sleep(1000);
	clearInterval(knock);
	const used = cpuTicks(agent.pid) - before;
	assert.ok(used < 30, `the agent used ${used} ticks of CPU in 1 s while out of descriptors`);
	assert.match(agent.stderr(), /out of file descriptors/);

	for (const s of held.splice(0, 10))
		s.destroy();
	await sleep(100);
	await answersStatus(agent);
});

/* ---- item 9: unread output, bounded in total ---- */

test('unread output is capped in total; a reply that does not fit is answered with output_limit', async (t) => {
	/* 4 clients, each sent 0.9 MiB of replies it does not read: 3.6 MiB
	 * against a 1 MiB total (the kernel's socket buffers hold some). The
	 * error replies echo the 8 KiB ids, and fit each client's 1 MiB
	 * reserve for them. */
	const cap = 1 << 20;
	const agent = await startAgent({ env: { AIRUNNER_MAX_QUEUED_OUTPUT: String(cap) } });
	t.after(() => agent.cleanup());
	const bigId = (c, i) => `${c}-${i}-${'x'.repeat(8 << 10)}`;
	const perClient = 110;
	const clients = [];
	for (let c = 0; c < 4; c++) {
		const s = net.connect(agent.socket);
		await new Promise((r) => s.on('connect', r));
		s.pause(); /* a client that does not read */
		const got = [];
		s.on('data', (d) => got.push(d));
		s.write(frame({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { processId: null } }));
		s.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
		for (let i = 0; i < perClient; i++)
			s.write(frame({ jsonrpc: '2.0', id: bigId(c, i), method: 'status' }));
		clients.push({ s, got });
	}
	t.after(() => clients.forEach(({ s }) => s.destroy()));
	assert.ok(await until(() => /cannot be queued/.test(agent.stderr()), 10000), 'the agent refused to queue a reply');
	/* Meanwhile another client is served at once, and is told how much
	 * output waits for readers. */
	await sleep(300);
	const conn = await agent.client();
	const st = await withTimeout(conn.sendRequest('status'), 2000, 'status');

	let errors = 0, errorBytes = 0;
	for (const [c, { s, got }] of clients.entries()) {
		s.resume();
		const done = () => parseFrames(Buffer.concat(got)).length >= perClient + 1;
		assert.ok(await until(done, 10000), `client ${c} got every reply`);
		const replies = parseFrames(Buffer.concat(got));
		const ids = replies.map((m) => m.id).filter((id) => id !== 0);
		assert.deepEqual(ids.sort(), Array.from({ length: perClient }, (_, i) => bigId(c, i)).sort(),
				 'every request answered once, none dropped');
		for (const m of replies.filter((r) => r.error)) {
			assert.equal(m.error.code, -32022);
			assert.equal(m.error.data.kind, 'output_limit');
			errors++;
			errorBytes += frame(m).length;
		}
	}
	assert.ok(errors > 0, 'some replies did not fit the total and were answered with an error');
	/* Bounded: the total, plus what each reading client may always get
	 * (64 KiB), plus the error replies standing in for the rest. */
	const bound = cap + 4 * (64 << 10) + errorBytes;
	t.diagnostic(`${st.queuedOutputBytes} bytes queued (bound ${bound}); ${errors} replies answered with output_limit`);
	assert.ok(st.queuedOutputBytes <= bound, `${st.queuedOutputBytes} bytes queued, over ${bound}`);
	await answersStatus(agent);
});

test('a hostile pattern file costs its request a time budget, and every other client is answered meanwhile', async (t) => {
	/* ^(a+)+$ backtracks on every line of a's that ends in b: the match
	 * limit holds per line, but 50,000 lines used to hold the loop 30 s. */
	const ws = tmpDir('airunner-evil-');
	fs.writeFileSync(path.join(ws, 'evil.conf'), [
		'[pattern "evil.backtrack"]', 'tool = evil', 'category = unknown',
		'needle = aaaa', 'regex = ^(a+)+$', ''].join('\n'));
	fs.writeFileSync(path.join(ws, '.airunner'), '[classify]\n\tpatterns = evil.conf\n');
	const agent = await startAgent();
	t.after(() => { agent.cleanup(); fs.rmSync(ws, { recursive: true, force: true }); });
	const a = await agent.client(ws);
	const b = await agent.client();
	const log = `${'a'.repeat(28)}b\n`.repeat(50000);
	let classified = false;
	const reply = a.sendRequest('errors/classify', { output: log, budgetMs: 1500 })
		.then((r) => { classified = true; return r; });
	/* While A's text is classified, B is answered, again and again. */
	let answered = 0;
	while (!classified && answered < 200) {
		await withTimeout(b.sendRequest('status'), 1000, 'status while classifying');
		answered++;
	}
	const r = await withTimeout(reply, 20000, 'the classification');
	assert.ok(answered > 0, 'a status was answered before the classification ended');
	const cut = r.diagnostics.find((d) => d.tool === 'classify');
	assert.ok(cut, `the budget cut the text short: ${JSON.stringify(r.summary)}`);
	assert.match(cut.message, /time budget/);
	await answersStatus(agent);
});
