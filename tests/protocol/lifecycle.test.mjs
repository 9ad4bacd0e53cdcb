/*
 * The lifecycle through a real client (vscode-jsonrpc), on stdio and on the
 * socket: initialize, initialized, status, shutdown, exit; every result
 * checked against protocol/openrpc.json.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { initialize, startAgent, withTimeout } from '../lib/agent.mjs';
import { assertError, assertResult } from '../lib/openrpc.mjs';

/* The request's rejection as a plain error object. */
async function rpcError(promise) {
	try {
		await withTimeout(promise);
	} catch (e) {
		if (e.code === undefined)
			throw e;
		return e;
	}
	assert.fail('expected a JSON-RPC error');
}

test('stdio: initialize, status, shutdown, exit ends the agent with 0', async (t) => {
	const agent = await startAgent({ transport: 'stdio' });
	t.after(() => agent.cleanup());
	const conn = await agent.connect();

	assertError(await rpcError(conn.sendRequest('status')), -32002, 'not_initialized');

	const root = agent.runtimeDir;
	const init = assertResult('initialize', await initialize(conn, root));
	assert.equal(init.serverInfo.name, 'airunner');
	assert.equal(init.workspace, root);
	for (const m of ['initialize', 'initialized', 'shutdown', 'exit', 'status', '$/cancelRequest'])
		assert.ok(init.capabilities.methods.includes(m), `capabilities lists ${m}`);
	assert.ok(!init.capabilities.methods.includes('test/sleep'), 'test methods stay hidden');
	assert.deepEqual(init.capabilities.notifications, ['$/progress', 'run/event']);

	assertError(await rpcError(conn.sendRequest('initialize', {})), -32600, 'invalid_request');

	const st = assertResult('status', await withTimeout(conn.sendRequest('status')));
	assert.equal(st.pid, agent.pid);
	assert.equal(st.transport, 'stdio');
	assert.equal(st.socket, undefined);
	assert.equal(st.connections, 1);
	assert.equal(st.requestsInFlight, 0);

	assertResult('shutdown', await withTimeout(conn.sendRequest('shutdown')));
	assertError(await rpcError(conn.sendRequest('status')), -32600, 'shutting_down');
	await conn.sendNotification('exit');
	assert.deepEqual(await withTimeout(agent.exited), { code: 0, signal: null });
});

test('stdio: exit without shutdown ends the agent with 1', async (t) => {
	const agent = await startAgent({ transport: 'stdio' });
	t.after(() => agent.cleanup());
	const conn = await agent.connect();
	await initialize(conn);
	await conn.sendNotification('exit');
	assert.deepEqual(await withTimeout(agent.exited), { code: 1, signal: null });
});

test('stdio: end of input ends the agent', async (t) => {
	const agent = await startAgent({ transport: 'stdio' });
	t.after(() => agent.cleanup());
	agent.proc.stdin.end();
	assert.deepEqual(await withTimeout(agent.exited), { code: 0, signal: null });
});

test('stdio: end of input lets requests in flight finish, then the agent exits 0', async (t) => {
	const agent = await startAgent({ transport: 'stdio' });
	t.after(() => agent.cleanup());
	const r = await agent.raw();
	r.sendFrame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }));
	r.sendFrame(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'test/sleep', params: { ms: 100 } }));
	r.close(); /* `... | airunner serve --stdio` */
	assert.equal((await r.next()).id, 1);
	const slept = await r.next();
	assert.deepEqual(slept, { jsonrpc: '2.0', id: 2, result: { slept: 100, run: slept.result?.run } });
	assert.deepEqual(await withTimeout(agent.exited), { code: 0, signal: null });
});

test('stdio and socket: a request in flight when the agent is killed fails at once, with the cause', async (t) => {
	for (const transport of ['stdio', 'socket']) {
		const agent = await startAgent({ transport });
		t.after(() => agent.cleanup());
		const conn = await agent.client();
		const sleeping = conn.sendRequest('test/sleep', { ms: 30000 });
		await withTimeout(conn.sendRequest('status'));
		await agent.stop('SIGKILL');
		/* not the 30 s sleep, nor the test helper's own timeout */
		await assert.rejects(withTimeout(sleeping, 5000, `${transport} pending request`),
				     /disposed/);
	}
});

test('socket: per-connection lifecycle; exit closes one connection; shutdown daemon stops the agent', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const a = await agent.connect();
	const b = await agent.connect();

	const ia = assertResult('initialize', await initialize(a, agent.runtimeDir));
	assert.equal(ia.workspace, agent.runtimeDir);
	/* Initializing A does not initialize B. */
	assertError(await rpcError(b.sendRequest('status')), -32002, 'not_initialized');
	const ib = assertResult('initialize', await initialize(b));
	assert.equal(ib.workspace, undefined);

	const st = assertResult('status', await withTimeout(a.sendRequest('status')));
	assert.equal(st.pid, agent.pid);
	assert.equal(st.transport, 'socket');
	assert.equal(st.socket, agent.socket);
	assert.equal(st.connections, 2);

	/* shutdown marks A only. */
	assertResult('shutdown', await withTimeout(a.sendRequest('shutdown', { daemon: false })));
	assertError(await rpcError(a.sendRequest('status')), -32600, 'shutting_down');
	assertError(await rpcError(a.sendRequest('shutdown')), -32600, 'shutting_down');
	assertResult('status', await withTimeout(b.sendRequest('status')));

	/* exit closes A's connection; the agent serves on. */
	const closed = new Promise((r) => a.socket.once('close', r));
	await a.sendNotification('exit');
	await withTimeout(closed, undefined, 'A closed after exit');
	const st2 = assertResult('status', await withTimeout(b.sendRequest('status')));
	assert.equal(st2.connections, 1);
	assert.equal(agent.proc.exitCode, null);

	assertResult('shutdown', await withTimeout(b.sendRequest('shutdown', { daemon: true })));
	assert.deepEqual(await withTimeout(agent.exited), { code: 0, signal: null });
	assert.ok(!fs.existsSync(agent.socket), 'socket removed');
	assert.ok(!fs.existsSync(`${agent.socket}.lock`), 'lock removed');
});

test('socket: shutdown with daemon true answers in-flight requests of others with -32800', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const a = await agent.client();
	const b = await agent.client();
	const sleeping = rpcError(a.sendRequest('test/sleep', { ms: 30000 }));
	/* A's frames are read in order: once status on A is answered, the sleep
	 * was dispatched and is in flight. */
	await withTimeout(a.sendRequest('status'));
	assert.equal((await withTimeout(b.sendRequest('status'))).requestsInFlight, 1);
	await withTimeout(b.sendRequest('shutdown', { daemon: true }));
	assertError(await sleeping, -32800, 'cancelled');
	assert.deepEqual(await withTimeout(agent.exited), { code: 0, signal: null });
});

test('initialize: a rootUri that is not a local absolute path is invalid_params', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const conn = await agent.connect();
	assertError(await rpcError(conn.sendRequest('initialize', { rootUri: 'https://example.com/x' })),
		    -32602, 'invalid_params');
	assertError(await rpcError(conn.sendRequest('initialize', { rootPath: 'relative/dir' })),
		    -32602, 'invalid_params');
	assertError(await rpcError(conn.sendRequest('initialize', { processId: 'me' })),
		    -32602, 'invalid_params');
	/* percent-decoding; the failed attempts left the connection uninitialized */
	const init = await withTimeout(conn.sendRequest('initialize', { rootUri: 'file:///tmp/a%20b' }));
	assert.equal(init.workspace, '/tmp/a b');
});

test('stdio: a reply that cannot be written (stdout closed) ends the agent cleanly', async (t) => {
	const agent = await startAgent({ transport: 'stdio' });
	t.after(() => agent.cleanup());
	const r = await agent.raw();
	r.sendFrame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }));
	assert.equal((await r.next()).id, 1);
	/* The reader goes away, stdin stays open: the agent learns of it only
	 * when its reply to the pending request fails with EPIPE, while that
	 * request is still cancellable. */
	agent.proc.stdout.destroy();
	r.sendFrame(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'test/sleep', params: { ms: 10 } }));
	assert.deepEqual(await withTimeout(agent.exited), { code: 0, signal: null });
});
