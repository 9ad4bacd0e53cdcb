/*
 * The Unix socket: modes, one agent per path (flock), stale sockets,
 * signals, autostart (and two clients racing to autostart), no TCP at all,
 * other users refused (SO_PEERCRED).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { alive, BIN, initialize, runCli, startAgent, tmpDir, withTimeout } from '../lib/agent.mjs';
import { assertResult } from '../lib/openrpc.mjs';

const mode = (p) => fs.statSync(p).mode & 0o777;

/* Waits (bounded) until no process has this pid. */
async function gone(pid) {
	const deadline = Date.now() + 5000;
	while (alive(pid) && Date.now() < deadline)
		await new Promise((r) => setTimeout(r, 10));
	return !alive(pid);
}

/* pids of agents serving this socket path. */
function agentsOn(socket) {
	const r = spawnSync('pgrep', ['-f', `^${BIN} serve --socket ${socket}$`], { encoding: 'utf8' });
	return r.stdout.split('\n').filter(Boolean).map(Number).filter(alive);
}

test('the socket folder is 0700 and the socket 0600', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	assert.equal(mode(path.dirname(agent.socket)), 0o700);
	assert.equal(mode(agent.socket), 0o600);
	assert.ok(fs.statSync(agent.socket).isSocket());
});

test('a folder open to others is refused', async (t) => {
	const dir = tmpDir();
	t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
	fs.mkdirSync(path.join(dir, 'open'), { mode: 0o755 });
	fs.chmodSync(path.join(dir, 'open'), 0o755);
	const r = await runCli(['serve', '--socket', path.join(dir, 'open', 'agent.sock')]);
	assert.equal(r.code, 1);
	assert.match(r.stderr, /open to other users .*0700/);
});

test('a second agent on the same path exits 3 and says who serves', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const r = await runCli(['serve', '--socket', agent.socket]);
	assert.equal(r.code, 3);
	assert.match(r.stderr, new RegExp(`already serving on ${agent.socket} \\(pid ${agent.pid}\\)`));
	/* ... and the first one serves on, its socket untouched. */
	const conn = await agent.connect();
	assert.equal((await initialize(conn)).serverInfo.name, 'airunner');
});

test('a stale socket file (nobody listening) is replaced', async (t) => {
	const dir = tmpDir();
	t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
	const sock = path.join(dir, 'agent.sock');
	/* A listener that exits without unlinking leaves a dead socket file. */
	execFileSync('python3', ['-c', 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.listen()', sock]);
	assert.ok(fs.statSync(sock).isSocket());
	const agent = await startAgent({ socket: sock });
	t.after(() => agent.cleanup());
	const conn = await agent.client();
	assert.equal((await withTimeout(conn.sendRequest('status'))).pid, agent.pid);
});

test('after SIGKILL the next agent takes over the socket and the lock', async (t) => {
	const first = await startAgent();
	t.after(() => first.cleanup());
	assert.deepEqual(await first.stop('SIGKILL'), { code: null, signal: 'SIGKILL' });
	assert.ok(fs.existsSync(first.socket), 'SIGKILL leaves the socket behind');
	const second = await startAgent({ socket: first.socket });
	t.after(() => second.cleanup());
	const conn = await second.client();
	assert.equal((await withTimeout(conn.sendRequest('status'))).pid, second.pid);
});

for (const sig of ['SIGTERM', 'SIGINT']) {
	test(`${sig} stops the agent with 0 and removes the socket and the lock`, async (t) => {
		const agent = await startAgent();
		t.after(() => agent.cleanup());
		await agent.client();
		assert.ok(fs.existsSync(`${agent.socket}.lock`));
		assert.deepEqual(await agent.stop(sig), { code: 0, signal: null });
		assert.ok(!fs.existsSync(agent.socket), 'socket removed');
		assert.ok(!fs.existsSync(`${agent.socket}.lock`), 'lock removed');
	});
}

/* A private runtime dir for `airunner call`; kills what it started. */
function autostartEnv(t) {
	const dir = tmpDir();
	const env = { XDG_RUNTIME_DIR: dir, XDG_STATE_HOME: dir, AIRUNNER_SOCKET: '' };
	const socket = path.join(dir, 'airunner', 'agent.sock');
	t.after(async () => {
		for (const pid of agentsOn(socket)) {
			process.kill(pid, 'SIGTERM');
			await gone(pid);
		}
		fs.rmSync(dir, { recursive: true, force: true });
	});
	return { dir, env, socket };
}

test('airunner call starts an agent when none listens; the next call reuses it', async (t) => {
	const { dir, env, socket } = autostartEnv(t);
	const r1 = await runCli(['call', 'status'], { env });
	assert.equal(r1.code, 0, r1.stderr);
	const st = assertResult('status', JSON.parse(r1.stdout));
	assert.equal(st.socket, socket);
	assert.equal(mode(path.join(dir, 'airunner')), 0o700);
	assert.deepEqual(agentsOn(socket), [st.pid]);
	const r2 = await runCli(['call', 'status'], { env });
	assert.equal(r2.code, 0, r2.stderr);
	assert.equal(JSON.parse(r2.stdout).pid, st.pid);
	/* The agent logs to the state folder, not to the caller's terminal. */
	assert.match(fs.readFileSync(path.join(dir, 'airunner', 'agent.log'), 'utf8'), /serving on/);
});

test('an agent started from inside a git hook does not inherit the hook\'s repository', async (t) => {
	const { env, socket } = autostartEnv(t);
	const gitEnv = { ...env, GIT_DIR: '/nowhere/.git', GIT_INDEX_FILE: '/nowhere/index', GIT_WORK_TREE: '/nowhere', LANG_TEST_KEEP: 'kept' };
	const r = await runCli(['call', 'status'], { env: gitEnv });
	assert.equal(r.code, 0, r.stderr);
	const { pid } = JSON.parse(r.stdout);
	assert.deepEqual(agentsOn(socket), [pid]);
	const names = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').map((v) => v.split('=')[0]);
	for (const v of ['GIT_DIR', 'GIT_INDEX_FILE', 'GIT_WORK_TREE'])
		assert.ok(!names.includes(v), `${v} reached the agent`);
	assert.ok(names.includes('LANG_TEST_KEEP'), 'the rest of the environment is kept');
});

test('two calls racing to autostart end with exactly one agent', async (t) => {
	const { env, socket } = autostartEnv(t);
	const [a, b] = await Promise.all([runCli(['call', 'status'], { env }), runCli(['call', 'status'], { env })]);
	assert.equal(a.code, 0, a.stderr);
	assert.equal(b.code, 0, b.stderr);
	const pa = JSON.parse(a.stdout).pid, pb = JSON.parse(b.stdout).pid;
	assert.equal(pa, pb, 'both calls talked to the same agent');
	/* A loser of the race exits by itself (code 3); wait for it, bounded. */
	const deadline = Date.now() + 5000;
	while (agentsOn(socket).length > 1 && Date.now() < deadline)
		await new Promise((r) => setTimeout(r, 10));
	assert.deepEqual(agentsOn(socket), [pa]);
});

/* Socket inodes of a process, from its fd table. */
function socketInodes(pid) {
	const inodes = new Set();
	for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
		try {
			const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
			if (m)
				inodes.add(m[1]);
		} catch { /* closed meanwhile */ }
	}
	return inodes;
}

test('no TCP or UDP socket at all, only Unix ones', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	await agent.client(); /* a connection of ours to find among its sockets */
	const mine = socketInodes(agent.pid);
	assert.ok(mine.size >= 2, 'the listener and our connection');
	for (const table of ['tcp', 'tcp6', 'udp', 'udp6']) {
		const lines = fs.readFileSync(`/proc/${agent.pid}/net/${table}`, 'utf8').trim().split('\n').slice(1);
		for (const line of lines) {
			const inode = line.trim().split(/\s+/)[9];
			assert.ok(!mine.has(inode), `the agent owns a ${table} socket: ${line}`);
		}
	}
	const unix = fs.readFileSync(`/proc/${agent.pid}/net/unix`, 'utf8');
	const unixInodes = new Set(unix.trim().split('\n').slice(1).map((l) => l.trim().split(/\s+/)[6]));
	for (const inode of mine)
		assert.ok(unixInodes.has(inode), `socket ${inode} is a Unix socket`);
});

const canSwitchUser = process.getuid() === 0 &&
	spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', BIN, '--version']).status === 0;

test('another user is refused (SO_PEERCRED), even with the socket opened up', { skip: !canSwitchUser && 'needs root and setpriv' }, async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	/* Open the path to everyone for this test only, so that only the agent's
	 * own uid check stands between nobody and the agent. */
	fs.chmodSync(agent.runtimeDir, 0o711);
	fs.chmodSync(path.dirname(agent.socket), 0o711);
	fs.chmodSync(agent.socket, 0o666);
	/* Our own client would refuse this folder before connecting (it is not
	 * nobody's; hostile.test.mjs), so nobody talks with a raw socket. */
	const talk = 'import socket,sys\n' +
		's=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])\n' +
		'b=b\'{"jsonrpc":"2.0","id":1,"method":"status"}\'\n' +
		'try:\n s.sendall(b"Content-Length: %d\\r\\n\\r\\n" % len(b) + b); print(len(s.recv(65536)))\n' +
		'except OSError: print(0)\n';
	const r = spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups',
					'python3', '-c', talk, agent.socket],
			    { encoding: 'utf8', timeout: 5000, env: { PATH: '/usr/bin:/bin' } });
	assert.equal(r.status, 0, r.stderr);
	assert.equal(r.stdout.trim(), '0', 'nobody got no answer: the agent closed the connection');
	/* spawnSync held node's loop: let the agent's log reach us (bounded). */
	const deadline = Date.now() + 5000;
	while (!/refused a connection/.test(agent.stderr()) && Date.now() < deadline)
		await new Promise((res) => setTimeout(res, 10));
	const nobody = spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).stdout.trim();
	assert.match(agent.stderr(), new RegExp(`refused a connection from uid ${nobody}\\b`));
	/* We are still served. */
	const conn = await agent.client();
	assert.equal((await withTimeout(conn.sendRequest('status'))).connections, 1);
});
