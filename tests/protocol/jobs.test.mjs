/*
 * Work is a job: it has a run id, tells its story as run/event to the client
 * that asked for progress and to every client that subscribed, and a job
 * whose kind outlives its caller goes on when that client leaves. Waiting is
 * on events and counts, never on durations.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runEvents, startAgent, withTimeout } from '../lib/agent.mjs';
import { assertError, assertResult, schemaValidator } from '../lib/openrpc.mjs';

const isRunEvent = schemaValidator('RunEvent');

const events = (conn) => runEvents(conn, (ev) => assert.ok(isRunEvent(ev), JSON.stringify(ev)));

test('a detached job outlives the client that started it, and a subscriber hears it end', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const starter = await agent.client();
	const watcher = await agent.client();
	const heard = events(watcher);
	assertResult('run/subscribe', await watcher.sendRequest('run/subscribe', {}));

	const mine = events(starter);
	starter.sendRequest('test/sleep', { ms: 400, detach: true, workDoneToken: 'w1' }).catch(() => {});
	const started = await mine.until((e) => e.phase === 'sleeping', 'the starter hears its job begin');
	const run = started.run;
	await heard.until((e) => e.run === run && e.phase === 'sleeping', 'the watcher hears it too');

	/* The starter goes away mid-sleep; the job does not. */
	starter.dispose();
	starter.socket.destroy();
	const st = await withTimeout(watcher.sendRequest('status'));
	assert.equal(st.jobs.running, 1, JSON.stringify(st));
	const end = await heard.until((e) => e.run === run && e.phase === 'ended', 'the watcher hears the end');
	assert.equal(end.message, undefined, 'it ended on its own, not cancelled');
	const seqs = heard.seen.filter((e) => e.run === run).map((e) => e.seq);
	assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'events arrive in order');
	assert.equal((await watcher.sendRequest('status')).jobs.running, 0);
});

test('a job of the caller is cancelled when the caller leaves; a subscriber to that one run hears it', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const starter = await agent.client();
	const watcher = await agent.client();
	const mine = events(starter);
	starter.sendRequest('test/sleep', { ms: 30000, workDoneToken: 1 }).catch(() => {});
	const { run } = await mine.until((e) => e.phase === 'sleeping', 'started');
	const heard = events(watcher);
	assert.deepEqual(await watcher.sendRequest('run/subscribe', { run }), { subscribed: run });
	starter.dispose();
	starter.socket.destroy();
	const end = await heard.until((e) => e.run === run && e.phase === 'ended', 'ended');
	assert.equal(end.message, 'cancelled');
});

test('a caller without a progress token hears no run/event; its reply names the run', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const c = await agent.client();
	const mine = events(c);
	const r = await withTimeout(c.sendRequest('test/sleep', { ms: 1 }));
	assert.equal(r.slept, 1);
	assert.ok(Number.isInteger(r.run) && r.run >= 1);
	await withTimeout(c.sendRequest('status'));
	assert.equal(mine.seen.length, 0);
});

test('run/subscribe refuses a run id that is not a positive integer', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const c = await agent.client();
	for (const run of [0, -3, 1.5, 'x'])
		await assert.rejects(c.sendRequest('run/subscribe', { run }), (e) => {
			assertError(e, -32602, 'invalid_params');
			return true;
		});
});
