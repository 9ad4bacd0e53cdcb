/*
 * Runs: every job is queued by priority, one writer per work tree at a time
 * (a verification of that tree waits for it), recorded in a real SQLite file,
 * cancellable, replayable, counted in the metrics, and survives a SIGKILL of
 * the agent as `interrupted`. test/sleep {workTree, writer} holds a writer
 * slot until writing runs exist. Waiting is on events and states, never on
 * durations.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { BIN, runEvents, startAgent, tmpDir, withTimeout } from '../lib/agent.mjs';
import { assertError, assertResult, schemaValidator } from '../lib/openrpc.mjs';

/* Debian's python3 has the sqlite3 module; a pyenv one earlier on PATH may not. */
const PY = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const sql = (db, query) => {
	const r = spawnSync(PY, ['-c', 'import sqlite3,sys,json; c=sqlite3.connect(sys.argv[1]); print(json.dumps(c.execute(sys.argv[2]).fetchall())); c.commit()', db, query], { encoding: 'utf8' });
	assert.equal(r.status, 0, r.stderr);
	return JSON.parse(r.stdout);
};

const isRunEvent = schemaValidator('RunEvent');
const collect = (conn) => runEvents(conn, (ev) => assert.ok(isRunEvent(ev), JSON.stringify(ev)));

const git = (dir, ...args) => spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8' });

function repo() {
	const dir = tmpDir('airunner-runs-');
	git(dir, 'init', '-q');
	fs.writeFileSync(path.join(dir, 'a.txt'), 'x\n');
	fs.writeFileSync(path.join(dir, 'check.sh'), '! grep -q bad "$@"\n');
	git(dir, 'add', 'a.txt', 'check.sh');
	return dir;
}

test('the queue: priority first, then first come; one writer per work tree; a verification waits for the writer', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const w = repo();
	const c = await agent.client();
	const watcher = await agent.client();
	const heard = collect(watcher);
	await watcher.sendRequest('run/subscribe', {});

	const hold = c.sendRequest('test/sleep', { ms: 600, workTree: w, writer: true });
	const holdStart = await heard.until((e) => e.phase === 'sleeping', 'the writer holds the work tree');
	const low = c.sendRequest('test/sleep', { ms: 1, workTree: w, writer: true, priority: 'low' });
	const urgent = c.sendRequest('test/sleep', { ms: 1, workTree: w, writer: true, priority: 'urgent' });
	const verify = c.sendRequest('verify/run', { root: w, all: true });
	/* Another work tree goes side by side. */
	const other = repo();
	const beside = c.sendRequest('test/sleep', { ms: 1, workTree: other, writer: true });
	assert.equal((await withTimeout(beside)).slept, 1, 'a writer on another work tree does not wait');

	const list = assertResult('run/list', await c.sendRequest('run/list', { workTree: w }));
	const queued = list.runs.filter((r) => r.state === 'queued');
	assert.deepEqual(queued.map((r) => [r.kind, r.priority, r.position]),
		[['test', 'urgent', 1], ['verify', 'normal', 2], ['test', 'low', 3]]);
	assert.equal(list.runs.find((r) => r.id === holdStart.run).state, 'running');

	await withTimeout(Promise.all([hold, low, urgent, verify]), 20000, 'the queue drains');
	const starts = heard.seen.filter((e) => e.phase === 'started').map((e) => e.run);
	const order = [holdStart.run, ...queued.map((r) => r.id)];
	assert.deepEqual(starts.filter((id) => order.includes(id)), order, 'started in queue order');
	/* Each ran alone on the work tree: every start came after the one before ended. */
	for (let i = 1; i < order.length; i++) {
		const ended = heard.seen.findIndex((e) => e.run === order[i - 1] && e.phase === 'ended');
		const started = heard.seen.findIndex((e) => e.run === order[i] && e.phase === 'started');
		assert.ok(ended >= 0 && ended < started, `run ${order[i]} started after run ${order[i - 1]} ended`);
	}
});

test('run/cancel: a queued run leaves the queue unstarted, a running one stops; finished ones are refused', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const w = repo();
	const c = await agent.client();
	const heard = collect(c);
	await c.sendRequest('run/subscribe', {});
	const running = c.sendRequest('test/sleep', { ms: 60000, workTree: w, writer: true }).catch((e) => e);
	const { run: r1 } = await heard.until((e) => e.phase === 'sleeping', 'running');
	const waiting = c.sendRequest('test/sleep', { ms: 1, workTree: w, writer: true }).catch((e) => e);
	const r2 = (await c.sendRequest('run/list', { workTree: w, state: 'queued' })).runs[0].id;

	assert.deepEqual(await c.sendRequest('run/cancel', { run: r2 }), { cancelled: true });
	assertError(await waiting, -32800, 'cancelled');
	assert.deepEqual(await c.sendRequest('run/cancel', { run: r1 }), { cancelled: true });
	assertError(await running, -32800, 'cancelled');
	await heard.until((e) => e.run === r1 && e.phase === 'ended', 'r1 ended');
	const g2 = assertResult('run/get', await c.sendRequest('run/get', { run: r2 }));
	assert.equal(g2.run.state, 'cancelled');
	assert.equal(g2.run.started, null, 'it never started');
	assert.equal((await c.sendRequest('run/get', { run: r1 })).run.state, 'cancelled');
	await assert.rejects(c.sendRequest('run/cancel', { run: r1 }), (e) => /already ended/.test(e.message));
	await assert.rejects(c.sendRequest('run/get', { run: 999999 }), (e) => e.data.kind === 'not_found');
});

test('events are stored and replayed: a client that reconnects catches up from where it was', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const w = repo();
	const c = await agent.client();
	const heard = collect(c);
	await c.sendRequest('run/subscribe', {});
	const r = await withTimeout(c.sendRequest('verify/run', { root: w, all: true, workDoneToken: 'v' }));
	assert.equal(r.ok, true);
	const live = heard.seen.filter((e) => e.kind === 'verify');
	const run = live[0].run;
	await heard.until((e) => e.run === run && e.phase === 'ended', 'ended');
	const later = await agent.client();
	const all = assertResult('run/events', await later.sendRequest('run/events', { run }));
	assert.equal(all.state, 'succeeded');
	assert.deepEqual(all.events.map((e) => [e.seq, e.phase]),
		heard.seen.filter((e) => e.run === run).map((e) => [e.seq, e.phase]));
	const rest = await later.sendRequest('run/events', { run, after: 1 });
	assert.deepEqual(rest.events.map((e) => e.seq), all.events.slice(1).map((e) => e.seq));
	const got = assertResult('run/get', await later.sendRequest('run/get', { run }));
	assert.equal(got.run.outcome, 'passed');
	assert.equal(got.verification.ok, true);
});

test('the hook\'s verification is urgent, recorded as the hook\'s, and counted in the metrics with numbers the test knows', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const w = repo();
	fs.writeFileSync(path.join(w, '.airunner'), '[check "no-bad"]\n\tcommand = sh check.sh {files}\n\tfiles = *.txt\n');
	const c = await agent.client();
	assert.equal((await c.sendRequest('verify/run', { root: w, all: true, origin: 'hook', priority: 'urgent' })).ok, true);
	fs.writeFileSync(path.join(w, 'a.txt'), 'bad\n');
	assert.equal((await c.sendRequest('verify/run', { root: w, all: true, origin: 'hook', priority: 'urgent' })).ok, false);
	for (let i = 0; i < 3; i++)
		await c.sendRequest('test/sleep', { ms: 1, workTree: w });
	const list = (await c.sendRequest('run/list', { workTree: w, kind: 'verify' })).runs;
	assert.deepEqual(list.map((r) => [r.origin, r.priority, r.state, r.outcome]),
		[['hook', 'urgent', 'failed', 'failed'], ['hook', 'urgent', 'succeeded', 'passed']]);
	assert.equal(list[0].errorKind, 'verification_failed');

	const m = assertResult('metrics/summary', await c.sendRequest('metrics/summary', { workTree: w }));
	assert.equal(m.runs.total, 5);
	assert.equal(m.runs.succeeded, 4);
	assert.equal(m.runs.failed, 1);
	assert.equal(m.runs.successRate, 4 / 5);
	const byKind = Object.fromEntries(m.byKind.map((k) => [k.kind, [k.total, k.succeeded, k.failed]]));
	assert.deepEqual(byKind, { test: [3, 3, 0], verify: [2, 1, 1] });
	assert.equal(m.verification.runs, 2);
	assert.equal(m.verification.passed, 1);
	assert.equal(m.verification.passRate, 0.5);
	assert.equal(m.verification.hookLatency.count, 2);
	assert.ok(m.verification.hookLatency.p50Ms >= 0);
});

test('SIGKILL with runs running and queued: after a restart they are interrupted and cancelled, the database intact', async (t) => {
	const state = tmpDir('airunner-state-');
	const w = repo();
	const env = { XDG_STATE_HOME: state };
	const first = await startAgent({ env });
	const c = await first.client();
	const heard = collect(c);
	await c.sendRequest('run/subscribe', {});
	c.sendRequest('test/sleep', { ms: 60000, workTree: w, writer: true }).catch(() => {});
	const { run: running } = await heard.until((e) => e.phase === 'sleeping', 'running');
	c.sendRequest('test/sleep', { ms: 1, workTree: w, writer: true }).catch(() => {});
	const queued = (await c.sendRequest('run/list', { state: 'queued' })).runs[0].id;
	await first.stop('SIGKILL');

	/* The same socket: the runs it left are its own to mark. */
	const second = await startAgent({ env, socket: first.socket });
	t.after(() => { second.cleanup(); first.cleanup(); fs.rmSync(state, { recursive: true, force: true }); });
	const d = await second.client();
	const r1 = (await d.sendRequest('run/get', { run: running })).run;
	assert.equal(r1.state, 'interrupted');
	assert.equal(r1.errorKind, 'interrupted');
	assert.equal((await d.sendRequest('run/get', { run: queued })).run.state, 'cancelled');
	const db = path.join(state, 'airunner', 'airunner.db');
	assert.deepEqual(sql(db, 'PRAGMA integrity_check'), [['ok']]);
	assert.match(second.stderr(), /1 run\(s\) left running by a dead agent are now interrupted/);
});

test('a database written by a newer airunner is refused, never rewritten', async () => {
	const state = tmpDir('airunner-state-');
	const db = path.join(state, 'airunner', 'airunner.db');
	fs.mkdirSync(path.dirname(db), { mode: 0o700 });
	sql(db, 'PRAGMA user_version = 99');
	sql(db, 'CREATE TABLE future (x)');
	const before = crypto.createHash('sha256').update(fs.readFileSync(db)).digest('hex');
	const r = spawnSync(BIN, ['serve', '--stdio'], { env: { ...process.env, XDG_STATE_HOME: state }, input: '', encoding: 'utf8', timeout: 10000 });
	assert.notEqual(r.status, 0);
	assert.match(r.stderr, /99/);
	assert.match(r.stderr, /newer/);
	assert.equal(crypto.createHash('sha256').update(fs.readFileSync(db)).digest('hex'), before);
	fs.rmSync(state, { recursive: true, force: true });
});
