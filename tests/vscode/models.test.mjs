// The VS Code extension's parts that need no editor: the Problems panel's
// mapping of diagnostics, the plan view's model moved by run events, the
// metrics dashboard's data, what an agent must offer, where its socket is,
// and errors as a person reads them. The extension's own TypeScript, bundled
// fresh by lib/load.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { load } from './lib/load.mjs';

const diag = await load('diagnosticsModel');
const planM = await load('planModel');
const metrics = await load('metricsData');
const compat = await load('compat');
const errors = await load('errors');

/* verify/run's answer for the bundled example with a type error, as the
 * agent gives it (tests/e2e/hook_commit.sh makes the same error). */
const failedVerify = {
	ok: false,
	checks: [
		{ name: 'tsc', tool: 'tsc', status: 'failed', diagnostics: [{
			file: 'src/cart.ts', line: 15, column: 36, severity: 'error', code: 'TS2345',
			message: "Argument of type 'string' is not assignable to parameter of type 'number'.",
			category: 'type_error', hint: "a 'string' is used where 'number' is expected: convert the value",
			tool: 'tsc' }] },
		{ name: 'eslint', tool: 'eslint', status: 'failed', diagnostics: [{
			file: '/repo/src/format.ts', line: 3, column: 7, severity: 'warning', code: 'no-unused-vars',
			message: "'x' is assigned a value but never used.", category: 'lint_violation', hint: null, tool: 'eslint' }] },
		{ name: 'imports', tool: 'imports', status: 'passed', diagnostics: [] },
		{ name: 'tests', tool: 'node:test', status: 'timeout', diagnostics: [{
			file: null, line: null, column: null, severity: 'error', code: null, message: 'ran out of time after 60 s',
			category: 'timeout', hint: 'make the test faster or raise its timeout', tool: null }] },
	],
	summary: { checks: 4, failed: 3, errors: 2, warnings: 1 },
};

test('a type error becomes a Problem at its place: category as code, check as source, hint kept', () => {
	const byFile = diag.problemsFromVerify(failedVerify, '/repo');
	const cart = byFile.get('/repo/src/cart.ts');
	assert.equal(cart.length, 1);
	assert.deepEqual(cart[0], {
		file: '/repo/src/cart.ts', line: 14, column: 35, severity: 'error',
		message: "Argument of type 'string' is not assignable to parameter of type 'number'. (TS2345)",
		code: 'type_error', source: 'tsc', hint: "a 'string' is used where 'number' is expected: convert the value",
	});
	const fmt = byFile.get('/repo/src/format.ts')[0];
	assert.equal(fmt.severity, 'warning', 'an absolute path inside the root stays as it is');
	assert.equal(fmt.hint, null);
	assert.equal(fmt.source, 'eslint');
});

test('a diagnostic without a file goes on the workspace folder, naming its check', () => {
	const root = diag.problemsFromVerify(failedVerify, '/repo').get('/repo');
	assert.equal(root.length, 1);
	assert.equal(root[0].line, 0);
	assert.equal(root[0].code, 'timeout');
	assert.match(root[0].message, /^tests: ran out of time/);
});

test('a passed verification gives no Problems (the panel is cleared) and says so', () => {
	const ok = { ok: true, checks: [{ name: 'tsc', status: 'passed', diagnostics: [] }], summary: { checks: 1, failed: 0, errors: 0, warnings: 0 } };
	assert.equal(diag.problemsFromVerify(ok, '/repo').size, 0);
	assert.equal(diag.verifySummary(ok), 'all 1 check passed');
	assert.equal(diag.verifySummary(failedVerify),
		'tsc failed, eslint failed, tests timeout: 2 errors, 1 warning (type_error, lint_violation, timeout)');
});

test('one error reported twice by a check is shown once; notes are information', () => {
	const d = failedVerify.checks[0].diagnostics[0];
	const r = diag.problemsFromVerify({ ok: false, checks: [{ name: 'tsc', status: 'failed',
		diagnostics: [d, d, { ...d, severity: 'note', line: 2 }] }] }, '/repo');
	const list = r.get('/repo/src/cart.ts');
	assert.equal(list.length, 2);
	assert.equal(list[1].severity, 'information');
});

test('a classified build log maps the same way, the tool as source', () => {
	const r = diag.problemsFromClassify([{ file: 'a.c', line: 3, column: null, severity: 'error', code: null,
		message: "undefined reference to 'f'", category: 'link_error', hint: "define 'f'", tool: 'ld' }], '/w');
	assert.deepEqual(r.get('/w/a.c')[0], { file: '/w/a.c', line: 2, column: 0, severity: 'error',
		message: "undefined reference to 'f'", code: 'link_error', source: 'ld', hint: "define 'f'" });
});

const plan = {
	id: 7, revision: 1, runId: 40,
	issue: { source: 'file', key: 'docs/tax.md', title: 'Show the tax', url: null },
	summary: 'Add a tax line to the receipt',
	subtasks: [
		{ id: 'S1', title: 'Add formatTax', files: ['src/format.ts'], dependsOn: [] },
		{ id: 'S2', title: 'Print the tax line', files: ['src/cart.ts'], newFiles: ['src/tax.ts'], dependsOn: ['S1'] },
	],
};

function ev(run, seq, phase, data = null, message) {
	return { run, seq, time: 1e9 + seq, kind: 'execute', phase, data, ...(message ? { message } : {}) };
}

test('the plan view follows an execute run: queued, attempt N of M, done with the commit', () => {
	const m = new planM.PlanModel();
	let changes = 0;
	m.onChange(() => changes++);
	m.setPlan(plan);
	assert.deepEqual(m.rows().map((r) => [r.label, r.description, r.contextValue]),
		[['S1 Add formatTax', 'pending', 'subtask.pending'], ['S2 Print the tax line', 'pending', 'subtask.pending']]);
	assert.match(m.rows()[1].tooltip, /src\/tax\.ts \(new\)/);
	m.bindRun(41, 'S1');
	assert.equal(m.rows()[0].description, 'queued (run 41)');
	const events = [
		ev(41, 1, 'started'),
		ev(41, 2, 'snapshot', { files: ['src/format.ts'] }),
		ev(41, 3, 'attempt', { attempt: 1, of: 3, provider: 'anthropic', model: 'claude-x' }),
		ev(41, 4, 'edit', { path: 'src/format.ts', action: 'replace' }),
		ev(41, 5, 'verified', { attempt: 1, passed: false, category: 'type_error', diagnostics: [] }),
		ev(41, 6, 'attempt', { attempt: 2, of: 3, provider: 'anthropic', model: 'claude-x' }),
	];
	for (const e of events)
		assert.equal(m.applyEvent(e), true, `event ${e.phase} moves S1`);
	assert.equal(m.rows()[0].description, 'running: attempt 2 of 3 · with claude-x');
	assert.equal(m.applyEvent(ev(41, 4, 'edit', { path: 'x', action: 'write' })), false, 'an event heard before changes nothing');
	assert.equal(m.applyEvent(ev(99, 1, 'started')), false, 'a run of no subtask changes nothing');
	m.applyEvent(ev(41, 7, 'verified', { attempt: 2, passed: true, diagnostics: [] }));
	m.applyEvent(ev(41, 8, 'commit', { sha: 'abcdef0123456789', tag: 'airunner/run-41' }));
	m.applyEvent(ev(41, 9, 'ended'));
	assert.equal(m.rows()[0].description, 'done: abcdef0 (airunner/run-41)');
	assert.equal(m.rows()[0].contextValue, 'subtask.done');
	assert.equal(m.rows()[1].description, 'pending');
	assert.ok(changes >= 10);
});

test('a run that ends without a commit fails with the last category; the record has the last word', () => {
	const m = new planM.PlanModel();
	m.setPlan(plan);
	m.bindRun(50, 'S2');
	m.applyEvent(ev(50, 1, 'started'));
	m.applyEvent(ev(50, 2, 'attempt', { attempt: 3, of: 3 }));
	m.applyEvent(ev(50, 3, 'verified', { attempt: 3, passed: false, category: 'test_failure' }));
	m.applyEvent(ev(50, 4, 'restored', { files: ['src/cart.ts'] }));
	m.applyEvent(ev(50, 5, 'ended'));
	assert.equal(m.rows()[1].description, 'failed: test_failure');
	m.finish(50, 'cancelled', null, 'cancelled');
	assert.equal(m.state('S2').kind, 'failed');
	m.reset('S2');
	assert.equal(m.rows()[1].description, 'pending', 'after a rollback the subtask is to do again');
});

test('a revision keeps the state of the subtasks it still has', () => {
	const m = new planM.PlanModel();
	m.setPlan(plan);
	m.bindRun(60, 'S1');
	m.applyEvent(ev(60, 1, 'commit', { sha: '1234567890', tag: null }));
	m.applyEvent(ev(60, 2, 'ended'));
	m.setPlan({ ...plan, revision: 2, subtasks: [plan.subtasks[0], { id: 'S3', title: 'Document it' }] });
	assert.deepEqual(m.rows().map((r) => r.description), ['done: 1234567', 'pending']);
});

/* metrics/summary for a window, as the agent writes it (agent/store/metrics.c). */
function summary(over = {}) {
	const dist = (n, p50, p95) => ({ count: n, sumMs: n * p50, p50Ms: n ? p50 : null, p95Ms: n ? p95 : null });
	const kc = (o) => ({ total: 0, queued: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0, interrupted: 0,
		successRate: null, duration: dist(0), ...o });
	return {
		since: 0, until: null, workTree: null, kind: null,
		runs: kc({}), byKind: [], tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, cost: 0, cacheReadShare: null,
		verification: { runs: 0, passed: 0, failed: 0, cached: 0, passRate: null, hookLatency: dist(0), diagnostics: [] },
		healing: { runs: 0, healed: 0, rate: null, byAttempt: [], byCategory: [] },
		topErrorCategories: [], kc, dist, ...over,
	};
}

test('the dashboard\'s charts carry the numbers of the runs', () => {
	const s0 = summary();
	const total = summary({
		runs: s0.kc({ total: 4, succeeded: 1, failed: 3, successRate: 0.25, duration: s0.dist(4, 1500, 13000) }),
		byKind: [{ kind: 'verify', ...s0.kc({ total: 3, failed: 3, successRate: 0, duration: s0.dist(3, 1500, 13000) }) },
			{ kind: 'llm', ...s0.kc({ total: 1, succeeded: 1, successRate: 1, duration: s0.dist(1, 800, 800) }) }],
		tokens: { input: 1200, output: 300, cacheRead: 3000, cacheWrite: 800 }, cost: 0.0123, cacheReadShare: 3000 / 5000,
		verification: { ...s0.verification, runs: 3, passed: 0, failed: 3, passRate: 0 },
		healing: { runs: 2, healed: 1, rate: 0.5, byAttempt: [{ attempt: 1, tried: 2, succeeded: 0, rate: 0 },
			{ attempt: 2, tried: 2, succeeded: 1, rate: 0.5 }], byCategory: [] },
		topErrorCategories: [{ category: 'type_error', runs: 2 }, { category: 'lint_violation', runs: 1 }],
	});
	const range = metrics.rangeById('1h');
	const now = 1_800_000_000;
	const bs = metrics.buckets(now, range);
	assert.equal(bs.length, 12);
	assert.equal(bs[11][1], now);
	assert.equal(bs[0][0], now - 3600);
	const per = bs.map(([since, until], i) => ({ since, until, summary: i === 11 ? total : summary() }));
	const v = metrics.metricsView(total, per, range, now);
	assert.equal(v.empty, false);
	const head = Object.fromEntries(v.headline.map((h) => [h.id, h.value]));
	assert.deepEqual(head, { runs: '4', succeeded: '1', failed: '3', successRate: '25%', tokens: '5300', cost: '$0.01',
		cacheReadShare: '60%', passRate: '0%' });
	const chart = Object.fromEntries(v.charts.map((c) => [c.id, c]));
	assert.deepEqual(Object.keys(chart), ['success', 'durations', 'tokens', 'cache', 'verification', 'healing', 'errors']);
	assert.equal(chart.success.labels.length, 12);
	assert.deepEqual(chart.success.datasets[0].data.slice(10), [null, 25]);
	assert.deepEqual(chart.success.datasets[1].data.slice(10), [0, 4]);
	assert.deepEqual(chart.durations.labels, ['verify', 'llm']);
	assert.deepEqual(chart.durations.datasets.map((d) => d.data), [[1.5, 0.8], [13, 0.8]]);
	assert.equal(chart.tokens.datasets.find((d) => d.label === 'cost ($)').data[11], 0.0123);
	assert.deepEqual(chart.cache.datasets[0].data, [3000, 800, 1200]);
	assert.deepEqual(chart.verification.datasets[0].data, [0, 3]);
	assert.deepEqual(chart.healing.datasets[0].data, [0, 50]);
	assert.deepEqual(chart.errors.labels, ['type_error', 'lint_violation']);
	assert.equal(chart.errors.summary, 'Top error categories: type_error 2, lint_violation 1');
	assert.equal(chart.verification.summary, 'Verification pass rate 0%: 0 passed, 3 failed of 3');
	assert.match(chart.success.summary, /25% of 4$/);
	assert.equal(chart.tokens.summary, 'Tokens: input 1200, output 300, cache read 3000, cache write 800; cost $0.01');
});

test('a window without runs is shown as empty, no division by zero', () => {
	const range = metrics.rangeById('24h');
	const per = metrics.buckets(1e9, range).map(([since, until]) => ({ since, until, summary: summary() }));
	const v = metrics.metricsView(summary(), per, range, 1e9);
	assert.equal(v.empty, true);
	assert.equal(v.headline.find((h) => h.id === 'successRate').value, '—');
	assert.match(v.charts[0].summary, /no runs$/);
	assert.equal(metrics.rangeById('nonsense').id, '24h');
});

test('an agent is accepted by version, protocol and methods; a too old one is told which version is needed', () => {
	assert.equal(compat.compareVersions('0.10.0', '0.9.9'), 1);
	assert.equal(compat.compareVersions('0.1.0', '0.1'), 0);
	assert.equal(compat.compareVersions('0.1.0-rc1', '0.1.0'), -1);
	const methods = ['initialize', 'verify/run', 'run/list', 'run/get', 'run/events', 'run/subscribe', 'run/cancel', 'metrics/summary'];
	const init = { protocolVersion: '1.0', serverInfo: { name: 'airunner', version: '0.1.0' }, capabilities: { methods, notifications: [] } };
	assert.equal(compat.incompatibility(init), null);
	const old = compat.incompatibility({ ...init, serverInfo: { name: 'airunner', version: '0.0.9' } });
	assert.match(old, /version 0\.0\.9/);
	assert.match(old, /needs airunner 0\.1\.0 or newer/);
	assert.match(compat.incompatibility({ ...init, protocolVersion: '2.0' }), /protocol 2\.0/);
	assert.match(compat.incompatibility({ ...init, capabilities: { methods: ['verify/run'], notifications: [] } }),
		/without run\/list, run\/get/);
	const f = compat.features(methods);
	assert.equal(f.verify, true);
	assert.equal(f.metrics, true);
	assert.equal(f.plan, false, 'Plan Issue is offered only with plan/generate');
	assert.equal(f.execute, false);
	assert.equal(f.rollback, false);
	assert.equal(compat.features([...methods, 'plan/generate', 'subtask/execute', 'run/rollback']).rollback, true);
});

test('the socket is found as airunner serve finds it', () => {
	assert.equal(compat.socketPath(' /s/a.sock ', { AIRUNNER_SOCKET: '/x' }, 5), '/s/a.sock');
	assert.equal(compat.socketPath('~/a.sock', { HOME: '/home/u' }, 5), '/home/u/a.sock');
	assert.equal(compat.socketPath('', { AIRUNNER_SOCKET: '/x', XDG_RUNTIME_DIR: '/run/u' }, 5), '/x');
	assert.equal(compat.socketPath(undefined, { XDG_RUNTIME_DIR: '/run/u' }, 5), '/run/u/airunner/agent.sock');
	assert.equal(compat.socketPath(undefined, {}, 1000), '/tmp/airunner-1000/agent.sock');
	assert.equal(compat.agentLogPath({ XDG_STATE_HOME: '/st' }), '/st/airunner/agent.log');
	assert.equal(compat.agentLogPath({ HOME: '/h' }), '/h/.local/state/airunner/agent.log');
});

test('what is typed in Plan Issue becomes an IssueRef; a selection an inline issue', () => {
	assert.deepEqual(compat.parseIssueRef('PROJ-12', '/r'), { source: 'jira', key: 'PROJ-12' });
	assert.deepEqual(compat.parseIssueRef(' octo/hello-world#42 ', '/r'), { source: 'github', key: 'octo/hello-world#42' });
	assert.deepEqual(compat.parseIssueRef('https://github.com/o/r/issues/3', '/r'), { source: 'github', url: 'https://github.com/o/r/issues/3' });
	assert.deepEqual(compat.parseIssueRef('https://jira.example.com/browse/AB-1', '/r'), { url: 'https://jira.example.com/browse/AB-1' });
	assert.deepEqual(compat.parseIssueRef('/r/docs/tax.md', '/r'), { source: 'file', path: 'docs/tax.md', root: '/r' });
	assert.equal(compat.parseIssueRef('fix the bug', '/r'), null);
	assert.equal(compat.parseIssueRef('', '/r'), null);
	const i = compat.inlineIssue('# Show the tax\n\nThe receipt should list the tax.\n');
	assert.equal(i.source, 'inline');
	assert.equal(i.title, 'Show the tax');
	assert.equal(i.description, '# Show the tax\n\nThe receipt should list the tax.');
	assert.equal(i.key, null);
});

test('errors a person can act on: the binary, the key variable, the rate limit, the spend cap', () => {
	const nf = errors.explain(new errors.AgentNotFound('/opt/airunner', 'no such file in PATH'), 'connecting');
	assert.match(nf.message, /\/opt\/airunner/);
	assert.match(nf.message, /airunner\.agentPath/);
	assert.deepEqual(nf.actions, [{ title: 'Open Setting', action: 'openAgentPathSetting' }]);

	const auth = errors.explain({ code: -32011, message: 'no API key for anthropic: set ANTHROPIC_API_KEY', data: { kind: 'auth' } }, 'Plan Issue');
	assert.match(auth.message, /set ANTHROPIC_API_KEY in the environment/);
	assert.doesNotMatch(auth.message, /OPENAI_API_KEY or/);
	const auth2 = errors.explain({ code: -32011, message: 'missing credentials', data: { kind: 'auth' } }, 'Plan Issue');
	assert.match(auth2.message, /ANTHROPIC_API_KEY or OPENAI_API_KEY/);

	const rl = errors.explain({ code: -32004, message: 'rate limited (429)', data: { kind: 'rate_limited', retryAfterMs: 2500 } }, 'Execute Subtask');
	assert.equal(rl.severity, 'warning');
	assert.match(rl.message, /rate-limited Execute Subtask; it may be retried after 3 s/);

	const b = errors.explain({ code: -32030, message: 'cap', data: { kind: 'budget_exceeded', spentUsd: 0.5 } }, 'S1');
	assert.match(b.message, /spend cap \(\$0\.5000 spent\); the workspace was restored/);

	const gone = errors.explain({ message: 'Connection got disposed.' }, 'Verify Staged');
	assert.match(gone.message, /the agent went away/);
	assert.equal(gone.actions[0].action, 'reconnect');
	assert.match(errors.explain({ code: -32601, message: 'method not found' }, 'plan').message, /update airunner/);
});
