// The VS Code extension's connection to the agent (editors/vscode/src/
// client.ts) against the real agent: the socket first, an agent started when
// none answers, a missing binary named, an agent too old refused with the
// version needed, run events delivered once, progress routed by token, a
// request cancelled, the agent's death noticed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node.js';
import { alive, BIN, messageConnection, startAgent, tmpDir, withTimeout } from '../lib/agent.mjs';
import { load } from './lib/load.mjs';

const { AgentClient } = await load('client');

function until(pred, ms = 5000, what = 'condition') {
	return withTimeout((async () => {
		while (!(await pred()))
			await new Promise((r) => setTimeout(r, 20));
	})(), ms, what);
}

test('connects to the agent on its socket, initializes, hears run events once and progress by token', async (t) => {
	const agent = await startAgent();
	const root = tmpDir('airunner-vsc-root-');
	const c = new AgentClient({ socket: agent.socket, agentPath: '/nonexistent/airunner', root });
	t.after(async () => { c.dispose(); await agent.cleanup(); fs.rmSync(root, { recursive: true, force: true }); });
	const states = [];
	c.onState((s) => states.push(s));
	const init = await c.connect(false);
	assert.equal(init.serverInfo.name, 'airunner');
	assert.equal(init.workspace, root);
	assert.equal(c.has('verify/run'), true);
	assert.equal(c.has('no/such'), false);
	assert.deepEqual(states, ['connecting', 'connected']);
	assert.equal(c.startedPid, null, 'an agent on the socket is used, none started');

	const st = await c.request('status');
	assert.equal(st.pid, agent.pid);

	/* test/sleep is a run: with a progress token its events reach us, and
	 * we subscribed to every run at initialize, so each could come twice */
	const events = [];
	c.onRunEvent((ev) => events.push(ev));
	const progress = [];
	await c.request('test/sleep', { ms: 50 }, { onProgress: (v) => progress.push(v) });
	await until(() => events.some((e) => e.phase === 'ended'), 5000, 'the ended event');
	const seqs = events.map((e) => `${e.run}:${e.seq}`);
	assert.deepEqual(seqs, [...new Set(seqs)], 'no event delivered twice');
	assert.deepEqual(events.map((e) => e.phase).filter((p) => p === 'started' || p === 'ended'), ['started', 'ended']);

	/* verify/run reports each check as $/progress on our token */
	execFileSync('git', ['init', '-q', root]);
	fs.writeFileSync(path.join(root, 'a.txt'), 'a\n');
	fs.writeFileSync(path.join(root, '.airunner'), '[check "hello"]\n\tcommand = "true"\n[check "imports"]\n\tenabled = false\n');
	execFileSync('git', ['-C', root, 'add', 'a.txt']);
	const result = await c.request('verify/run', { root, staged: true }, { onProgress: (v) => progress.push(v) });
	assert.equal(result.ok, true);
	assert.ok(progress.some((v) => v.kind === 'report' && v.message === 'hello passed'), JSON.stringify(progress));
});

test('a cancelled request becomes $/cancelRequest: the agent answers cancelled at once', async (t) => {
	const agent = await startAgent();
	const c = new AgentClient({ socket: agent.socket, agentPath: BIN, root: null });
	t.after(async () => { c.dispose(); await agent.cleanup(); });
	await c.connect(false);
	const src = new CancellationTokenSource();
	const started = Date.now();
	const p = c.request('test/sleep', { ms: 20000 }, { token: src.token });
	setTimeout(() => src.cancel(), 100);
	await assert.rejects(p, (e) => e.code === -32800);
	assert.ok(Date.now() - started < 5000);
});

test('no agent on the socket: one is started (airunner serve) and used; its death is noticed', async (t) => {
	const run = tmpDir('airunner-vsc-run-');
	fs.chmodSync(run, 0o700);
	const socket = path.join(run, 'airunner', 'agent.sock');
	const env = { ...process.env, XDG_RUNTIME_DIR: run, XDG_STATE_HOME: run };
	delete env.AIRUNNER_SOCKET;
	const c = new AgentClient({ socket, agentPath: BIN, root: null, env });
	t.after(() => {
		c.dispose();
		if (c.startedPid && alive(c.startedPid))
			process.kill(c.startedPid, 'SIGKILL');
		fs.rmSync(run, { recursive: true, force: true });
	});
	await assert.rejects(c.connect(false), (e) => e.name === 'AgentUnavailable' && e.message.includes(socket));
	assert.equal(c.state, 'disconnected');

	const init = await c.connect(true);
	assert.ok(c.startedPid > 0);
	const st = await c.request('status');
	assert.equal(st.pid, c.startedPid, 'the agent we started serves us');
	assert.equal(init.protocolVersion, '1.0');
	assert.ok(fs.existsSync(path.join(run, 'airunner', 'agent.log')), 'it logs where an agent started on demand logs');

	process.kill(c.startedPid, 'SIGTERM');
	await until(() => c.state === 'disconnected', 5000, 'the client notices');
	await assert.rejects(c.connect(false), /no agent answers/);
	await c.connect(true);
	assert.equal(c.state, 'connected', 'a new agent started on the next connect');
});

test('a binary that is not there is named, for the setting', async (t) => {
	const run = tmpDir('airunner-vsc-run-');
	t.after(() => fs.rmSync(run, { recursive: true, force: true }));
	const c = new AgentClient({ socket: path.join(run, 'a', 'agent.sock'), agentPath: '/nonexistent/airunner', root: null,
		env: { ...process.env, XDG_STATE_HOME: run } });
	await assert.rejects(c.connect(true), (e) => e.name === 'AgentNotFound' && e.message.includes('/nonexistent/airunner'));
});

test('a socket folder open to others is refused before a byte is sent', async (t) => {
	const run = tmpDir('airunner-vsc-run-');
	t.after(() => fs.rmSync(run, { recursive: true, force: true }));
	fs.mkdirSync(path.join(run, 'open'), { mode: 0o777 });
	fs.chmodSync(path.join(run, 'open'), 0o777);
	const c = new AgentClient({ socket: path.join(run, 'open', 'agent.sock'), agentPath: BIN, root: null });
	await assert.rejects(c.connect(true), /open to others \(mode 777\): refused/);
});

test('an agent too old for the extension is refused with the version it needs', async (t) => {
	/* A stand-in agent that answers initialize as an old airunner would. */
	const run = tmpDir('airunner-vsc-old-');
	const socket = path.join(run, 'old.sock');
	const server = net.createServer((s) => {
		const conn = messageConnection(s, s);
		conn.onRequest('initialize', () => ({ protocolVersion: '1.0', serverInfo: { name: 'airunner', version: '0.0.3' },
			capabilities: { methods: ['initialize', 'status', 'verify/run'], notifications: [] } }));
	});
	await new Promise((r) => server.listen(socket, r));
	t.after(() => { server.close(); fs.rmSync(run, { recursive: true, force: true }); });
	const c = new AgentClient({ socket, agentPath: BIN, root: null });
	await assert.rejects(c.connect(false), (e) => e.name === 'AgentTooOld' &&
		/version 0\.0\.3/.test(e.message) && /needs airunner 0\.1\.0 or newer/.test(e.message));
	assert.equal(c.state, 'disconnected');
});
