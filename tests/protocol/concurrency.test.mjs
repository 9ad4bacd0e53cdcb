/*
 * Requests run concurrently: a slow request (test/sleep) holds up nothing on
 * its own connection or another; $/cancelRequest answers it with -32800; a
 * client that vanishes mid-request costs nothing but its own request.
 * Assertions are about order and counts, never about durations.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node.js';
import { startAgent, withTimeout } from '../lib/agent.mjs';
import { assertError, assertResult } from '../lib/openrpc.mjs';

/* Polls status on conn until pred(status) holds (bounded, no timed assertion). */
async function statusUntil(conn, pred, what) {
	const deadline = Date.now() + 5000;
	let st;
	do {
		st = await withTimeout(conn.sendRequest('status'));
		if (pred(st))
			return st;
		await new Promise((r) => setTimeout(r, 10));
	} while (Date.now() < deadline);
	assert.fail(`${what}: last status ${JSON.stringify(st)}`);
}

test('a slow request holds up nothing on its connection or another', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const a = await agent.client();
	const b = await agent.client();

	const order = [];
	const sleep = a.sendRequest('test/sleep', { ms: 1500 }).then((r) => { order.push('sleep'); return r; });
	const sa = a.sendRequest('status').then((r) => { order.push('status A'); return r; });
	const stA = await withTimeout(sa);
	const stB = await withTimeout(b.sendRequest('status').then((r) => { order.push('status B'); return r; }));
	assertResult('status', stA);
	assertResult('status', stB);
	assert.equal(stA.requestsInFlight, 1, 'the sleep is in flight while A asks');
	assert.equal(stB.requestsInFlight, 1, 'the sleep is in flight while B asks');
	assertResult('test/sleep', await withTimeout(sleep));
	assert.deepEqual(order, ['status A', 'status B', 'sleep']);
});

test('$/cancelRequest answers the request with -32800 and the connection keeps working', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const a = await agent.client();
	const b = await agent.client();

	/* vscode-jsonrpc's own cancellation: token -> $/cancelRequest {id}. */
	const cts = new CancellationTokenSource();
	const sleep = a.sendRequest('test/sleep', { ms: 30000 }, cts.token);
	await withTimeout(a.sendRequest('status')); /* the sleep is dispatched */
	cts.cancel();
	const err = await withTimeout(sleep.then(() => null, (e) => e));
	assert.ok(err, 'the sleep was answered with an error');
	assertError(err, -32800, 'cancelled');
	const st = assertResult('status', await withTimeout(a.sendRequest('status')));
	assert.equal(st.requestsInFlight, 0);
	assertResult('status', await withTimeout(b.sendRequest('status')));
});

test('raw: cancellation by number and string id, per connection, unknown ids ignored', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const a = await agent.raw();
	const b = await agent.raw();
	await a.request(0, 'initialize', {});
	await b.request(0, 'initialize', {});

	a.sendFrame(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'test/sleep', params: { ms: 30000 } }));
	a.sendFrame(JSON.stringify({ jsonrpc: '2.0', id: 'seven', method: 'test/sleep', params: { ms: 30000 } }));
	/* A's frames are read in order: once this status is answered, both
	 * sleeps are in flight. */
	assert.equal((await a.request(1, 'status')).result.requestsInFlight, 2);
	/* Another connection's cancel does not reach A's requests. */
	b.notify('$/cancelRequest', { id: 7 });
	assert.equal((await b.request(1, 'status')).result.requestsInFlight, 2);
	/* Unknown ids, and 7 as a string (not the number 7), are ignored. */
	a.notify('$/cancelRequest', { id: 99 });
	a.notify('$/cancelRequest', { id: '7' });
	const st = await a.request(2, 'status');
	assert.equal(st.id, 2);
	assert.equal(st.result.requestsInFlight, 2);

	a.notify('$/cancelRequest', { id: 7 });
	const c7 = await a.next();
	assert.equal(c7.id, 7);
	assertError(c7.error, -32800, 'cancelled');
	/* Sent as a request, $/cancelRequest is answered with null after the cancelled one. */
	a.sendFrame(JSON.stringify({ jsonrpc: '2.0', id: 8, method: '$/cancelRequest', params: { id: 'seven' } }));
	const cs = await a.next();
	assert.equal(cs.id, 'seven');
	assertError(cs.error, -32800, 'cancelled');
	assert.deepEqual(await a.next(), { jsonrpc: '2.0', id: 8, result: null });
	/* Cancelling again is a no-op: nothing more is sent for 7. */
	a.notify('$/cancelRequest', { id: 7 });
	const after = await a.request(3, 'status');
	assert.equal(after.id, 3);
	assert.equal(after.result.requestsInFlight, 0);
});

test('a client that disconnects mid-request costs nothing', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const b = await agent.client();
	const before = await withTimeout(b.sendRequest('status'));

	const c = await agent.raw();
	await c.request(0, 'initialize', {});
	c.sendFrame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'test/sleep', params: { ms: 30000 } }));
	c.sendFrame(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'test/sleep', params: { ms: 30000 } }));
	assert.equal((await c.request(3, 'status')).result.requestsInFlight, 2);
	const during = await withTimeout(b.sendRequest('status'));
	assert.equal(during.connections, before.connections + 1);
	assert.equal(during.requestsInFlight, 2);

	c.close();
	const st = await statusUntil(b, (s) => s.requestsInFlight === 0 && s.connections === before.connections,
				     'the vanished client\'s requests end');
	assertResult('status', st);
	assert.equal(st.pid, agent.pid);
	/* A new client is served as before. */
	const d = await agent.client();
	assertResult('status', await withTimeout(d.sendRequest('status')));
});

test('a client that does not read holds up nobody and loses nothing', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const a = await agent.raw();
	await a.request(0, 'initialize', {});
	const b = await agent.client();

	/* ~18 MB of replies, more than the socket buffers and the agent's
	 * 16 MiB high-water mark, while A reads nothing. */
	const BATCHES = 80, PER = 1000;
	a.socket.pause();
	for (let i = 0; i < BATCHES; i++)
		a.sendFrame(JSON.stringify(Array.from({ length: PER },
			(_, j) => ({ jsonrpc: '2.0', id: i * PER + j, method: 'status' }))));
	/* B is served while the agent works through A's requests (and, past the
	 * high-water mark, stops reading A until A reads). */
	await statusUntil(b, (s) => s.requestsTotal >= 10 * PER, 'A\'s requests run');

	a.socket.resume();
	const seen = new Set();
	for (let i = 0; i < BATCHES; i++) {
		const batch = await a.next();
		assert.equal(batch.length, PER);
		for (const m of batch) {
			assert.equal(m.result.pid, agent.pid);
			seen.add(m.id);
		}
	}
	assert.equal(seen.size, BATCHES * PER, 'every reply arrived once');
	assertResult('status', (await a.request('last', 'status')).result);
});

test('a client that disconnects with its reply unread: the agent lives on', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const c = await agent.raw();
	await c.request(0, 'initialize', {});
	/* The reply to this short sleep finds the socket closed (EPIPE, not SIGPIPE). */
	c.sendFrame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'test/sleep', params: { ms: 50 } }));
	c.close();
	await new Promise((r) => setTimeout(r, 150));
	const b = await agent.client();
	const st = await statusUntil(b, (s) => s.requestsInFlight === 0 && s.connections === 1, 'settled');
	assert.equal(st.pid, agent.pid);
});
