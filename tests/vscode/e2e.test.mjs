// The VS Code extension in a real VS Code: code-server's workbench in
// headless Chromium (lib/workbench.mjs), the .vsix built from the tree
// installed, the real agent (build/airunner) on its socket, the bundled
// TypeScript project as the workspace, the provider test server (tests/
// llm-server) as the model. Each test drives the workbench as a person does
// (the command palette, quick picks, toasts, the status bar) and saves a
// screenshot in test-artifacts/vscode/. One code-server serves the suite.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { alive, BIN, initialize, messageConnection, SRC, tmpDir, waitForSocket, withTimeout, connectSocket } from '../lib/agent.mjs';
import { startServer } from '../llm/harness.mjs';
import { ARTIFACTS, buildVsix, startWorkbench } from './lib/workbench.mjs';

const T = fs.realpathSync(tmpDir('airunner-vscode-e2e-'));
const WS = path.join(T, 'example-ts');
const RUN = path.join(T, 'run');
const SOCKET = path.join(RUN, 'airunner', 'agent.sock');
let env, wb, llm, agentProc = null, methods = [];
const agentPids = new Set();

function git(...args) {
	return execFileSync('git', args, { cwd: WS, env, encoding: 'utf8' });
}

/* `airunner serve` on the socket, as a person (or a hook's `airunner call`)
 * starts it; resolves once it listens. */
async function startAgent() {
	const log = fs.openSync(path.join(T, 'agent-test.log'), 'a');
	agentProc = spawn(BIN, ['serve'], { env, stdio: ['ignore', log, log] });
	fs.closeSync(log);
	agentPids.add(agentProc.pid);
	await waitForSocket(SOCKET, 10000);
	return agentProc;
}

/* A connection of the test's own to the agent (to check what the
 * extension shows against what the agent says). */
async function agentCall(method, params = {}) {
	const s = await connectSocket(SOCKET);
	const conn = messageConnection(s, s);
	try {
		await initialize(conn, WS);
		return await withTimeout(conn.sendRequest(method, params), 60000, method);
	} finally {
		conn.dispose();
		s.destroy();
	}
}

/* Every process that inherited our tag (code-server, its extension host,
 * the agents, their checks) is ours to end; nothing else is touched. */
function killTagged() {
	for (const p of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(p) || Number(p) === process.pid)
			continue;
		try {
			if (fs.readFileSync(`/proc/${p}/environ`, 'utf8').split('\0').includes(`AIRUNNER_TEST_TAG=${T}`))
				process.kill(Number(p), 'SIGKILL');
		} catch { /* gone, or not ours to read */ }
	}
}

before(async () => {
	fs.mkdirSync(RUN, { mode: 0o700 });
	const home = path.join(T, 'home');
	fs.mkdirSync(home);
	llm = await startServer();
	env = {
		...process.env,
		AIRUNNER_TEST_TAG: T,
		HOME: home, XDG_RUNTIME_DIR: RUN, XDG_STATE_HOME: path.join(T, 'state'),
		XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache'),
		ANTHROPIC_API_KEY: 'sk-ant-test-e2e', ANTHROPIC_BASE_URL: llm.base,
		OPENAI_API_KEY: 'sk-openai-test-e2e', OPENAI_BASE_URL: `${llm.base}/v1`,
		GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
		GIT_AUTHOR_NAME: 'tester', GIT_AUTHOR_EMAIL: 'tester@example.com',
		GIT_COMMITTER_NAME: 'tester', GIT_COMMITTER_EMAIL: 'tester@example.com',
		AIRUNNER_LOG: 'info',
	};
	for (const k of ['AIRUNNER_SOCKET', 'AIRUNNER_TEST_METHODS', 'GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE'])
		delete env[k];

	/* the bundled example as a committed repository, its tools linked in */
	const deps = execFileSync('bash', [path.join(SRC, 'scripts/example-deps.sh')], { encoding: 'utf8' }).trim();
	fs.mkdirSync(WS);
	execFileSync('sh', ['-c', `tar -C "$0" --exclude=./node_modules -cf - . | tar -C "$1" -xf -`,
		path.join(SRC, 'tests/fixtures/example-ts'), WS]);
	fs.symlinkSync(deps, path.join(WS, 'node_modules'));
	fs.writeFileSync(path.join(WS, '.gitignore'), 'node_modules\n');
	git('init', '-q', '-b', 'main');
	git('add', '-A');
	git('commit', '-qm', 'the example');

	await startAgent();
	const s = await connectSocket(SOCKET);
	const conn = messageConnection(s, s);
	methods = (await initialize(conn, WS)).capabilities.methods;
	conn.dispose();
	s.destroy();

	const vsix = buildVsix(T);
	wb = await startWorkbench({
		folder: WS, vsix, env, scratch: path.join(T, 'code-server'),
		settings: { 'airunner.agentPath': BIN },
	});
	await wb.waitStatus(/^AI Runner( ·.*)?$/, 60000);
});

after(async () => {
	await wb?.stop();
	/* the agents (ours and the one the extension started) stopped in order,
	 * so an ASan build writes its report; then whatever is left is killed */
	const agents = await agentCall('status').then((st) => [st.pid], () => []);
	if (agentProc && agentProc.exitCode === null)
		agents.push(agentProc.pid);
	for (const pid of new Set(agents))
		try { process.kill(pid, 'SIGTERM'); } catch { /* gone */ }
	await withTimeout((async () => {
		while (agents.some((pid) => alive(pid)))
			await new Promise((r) => setTimeout(r, 50));
	})(), 10000, 'the agents stopping').catch(() => {});
	await llm?.stop();
	killTagged();
	const logs = [path.join(T, 'agent-test.log'), path.join(T, 'state', 'airunner', 'agent.log')]
		.filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
	/* kept beside the screenshots: what the agent did, for a failure's reader */
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	fs.writeFileSync(path.join(ARTIFACTS, 'agent.log'), logs);
	if (wb)
		fs.writeFileSync(path.join(ARTIFACTS, 'extension.log'), wb.extensionLog());
	fs.rmSync(T, { recursive: true, force: true });
	const report = /(ERROR: \w+Sanitizer|runtime error:)[^]*/.exec(logs);
	if (report)
		throw new Error(`an agent's sanitizer report:\n${report[0].slice(0, 4000)}`);
});

test('Verify Staged from the command palette puts the type error in the Problems panel, with its category and hint; a passing run clears it', { timeout: 240000 }, async () => {
	const cart = path.join(WS, 'src/cart.ts');
	fs.writeFileSync(cart, fs.readFileSync(cart, 'utf8').replace('formatPrice(total(items))', 'formatPrice(String(total(items)))'));
	git('add', 'src/cart.ts');

	await wb.command('AI Runner: Verify Staged');
	/* the summary's toast, not the progress toast: while the run ends, its
	 * progress message says "tsc failed" too */
	const toast = await wb.waitToast(/Verify Staged: tsc failed: \d+ errors?/, 180000);
	assert.match(await toast.textContent(), /1 error, 0 warnings \(type_error\)/);
	await toast.getByRole('button', { name: 'Show Problems' }).click();
	const panel = await wb.problems();
	const row = panel.locator('.monaco-list-row', { hasText: "Argument of type 'string' is not assignable" });
	await row.first().waitFor({ timeout: 10000 });
	const text = (await panel.locator('.monaco-list-row').allTextContents()).join('\n');
	assert.match(text, /\(TS2345\)\s*tsc\W*type_error/, 'the check as source, the category as code');
	assert.match(text, /\[Ln 15, Col 36\]/, 'at the place tsc names');
	assert.match(text, /hint: a 'string' is used where 'number' is expected/, 'the hint as related information');
	await wb.screenshot('verify-staged-problems');

	/* the fix staged: the next verification passes and the panel is cleared */
	fs.writeFileSync(cart, fs.readFileSync(cart, 'utf8').replace('formatPrice(String(total(items)))', 'formatPrice(total(items))')
		.replace('total: ', 'total due: '));
	git('add', 'src/cart.ts');
	await wb.command('AI Runner: Verify Staged');
	await wb.waitToast(/Verify Staged: all \d+ checks passed/, 180000);
	await withTimeout((async () => {
		while ((await panel.locator('.monaco-list-row').allTextContents()).some((r) => /Argument of type/.test(r)))
			await wb.page.waitForTimeout(100);
	})(), 10000, 'the Problems panel cleared');
	await wb.screenshot('verify-staged-cleared');
	git('commit', '-qm', 'receipt: say total due');
});

test('the agent stopped mid-session: the status bar says so and reconnects', { timeout: 120000 }, async () => {
	const first = agentProc.pid;
	agentProc.kill('SIGTERM');
	await wb.waitStatus(/AI Runner: disconnected/, 20000);
	const tooltip = await wb.statusItem().getAttribute('aria-label');
	assert.ok(tooltip === null || /disconnected/.test(tooltip));
	await wb.screenshot('agent-stopped');

	/* an agent back on the socket (started by a hook, a terminal) is found
	 * without a click */
	await startAgent();
	await wb.waitStatus(/^AI Runner( ·.*)?$/, 20000);
	assert.notEqual(agentProc.pid, first);
	await wb.screenshot('agent-reconnected');

	/* stopped again: a click on the status bar item starts one */
	agentProc.kill('SIGTERM');
	await wb.waitStatus(/AI Runner: disconnected/, 20000);
	await wb.statusItem().click();
	await wb.waitStatus(/^AI Runner( ·.*)?$/, 30000);
	const st = await agentCall('status');
	assert.ok(!agentPids.has(st.pid), 'the extension started a new agent');
	assert.ok(alive(st.pid));
	agentPids.add(st.pid);
	await wb.screenshot('agent-started-by-click');
});

/* A subtask's row in the plan view, and a wait for what it says. */
function planRow(label) {
	return wb.page.locator('.monaco-list-row[role="treeitem"]', { hasText: label }).first();
}

async function rowSays(row, re) {
	await withTimeout((async () => {
		while (!re.test(await row.getAttribute('aria-label') ?? ''))
			await wb.page.waitForTimeout(100);
	})(), 15000, `the plan view's row saying ${re}`);
}

/* The methods plan/execute/rollback need: until the agent has them, the
 * commands are not offered (checked) and the tests say SKIP with why. */
async function needs(t, ...needed) {
	const missing = needed.filter((m) => !methods.includes(m));
	if (!missing.length)
		return true;
	t.skip(`the agent does not advertise ${missing.join(', ')} yet`);
	return false;
}

test('without plan/generate, subtask/execute and run/rollback the palette does not offer their commands', async (t) => {
	const absent = [['plan/generate', 'AI Runner: Plan Issue'], ['subtask/execute', 'AI Runner: Fix Failed Verification'],
		['run/rollback', 'AI Runner: Roll Back Run']].filter(([m]) => !methods.includes(m));
	if (!absent.length) {
		t.skip('the agent advertises them all');
		return;
	}
	for (const [, title] of absent)
		assert.equal(await wb.paletteHas(title), false, `${title} offered without its method`);
	assert.equal(await wb.paletteHas('AI Runner: Verify Staged'), true);
});

test('Plan Issue fills the plan view', { timeout: 180000 }, async (t) => {
	if (!await needs(t, 'plan/generate'))
		return;
	fs.mkdirSync(path.join(WS, 'docs'), { recursive: true });
	fs.writeFileSync(path.join(WS, 'docs/tax.md'), '# Show the tax on the receipt\n\nThe receipt lists a 20% tax line above the total.\n');
	const plan = {
		summary: 'Add a tax line to the receipt',
		subtasks: [{ id: 'S1', title: 'Print the tax line', description: 'In receipt(), add a line with 20% of the total.',
			files: ['src/cart.ts'], newFiles: [], acceptanceCriteria: ['the receipt has a tax line'], estimateHours: 0.5, dependsOn: [] }],
		risks: [], openQuestions: [],
	};
	await llm.script({ anthropic: [{ content: JSON.stringify(plan) }] });
	await wb.command('AI Runner: Plan Issue');
	await wb.pick('A Markdown file', { type: false });
	await wb.pick('docs/tax.md');
	const row = planRow('S1 Print the tax line');
	await row.waitFor({ timeout: 150000 });
	await rowSays(row, /pending/);
	await wb.screenshot('plan-view');
});

test('Execute Subtask shows progress with the attempt number, survives a window reload, and ends with the commit, the subtask done', { timeout: 300000 }, async (t) => {
	if (!await needs(t, 'plan/generate', 'subtask/execute'))
		return;
	const cart = fs.readFileSync(path.join(WS, 'src/cart.ts'), 'utf8');
	const edited = cart.replace('return lines.join', 'lines.push(`tax: ${formatPrice(total(items) * 0.2)}`);\n\treturn lines.join');
	/* the model's turns: thinking, then a tool call; the first one held
	 * until the window has reloaded, so the run is mid-way through it */
	const turn = (...blocks) => ({ content: [{ type: 'thinking', thinking: 'Working out the change.', signature: 'auto' }, ...blocks] });
	await llm.script({ anthropic: [
		{ ...turn({ type: 'tool_use', name: 'write_file', input: { path: 'src/cart.ts', content: edited } }), hold: 'reloaded' },
		turn({ type: 'text', text: 'Done: the receipt prints the tax line.' }),
	] });
	await wb.command('AI Runner: Execute Subtask');
	await wb.pick('S1 Print the tax line');
	await wb.waitToast(/attempt 1 of 3 \(claude-sonnet-4-5\)/, 120000);
	await wb.screenshot('execute-progress');

	/* the window reloaded mid-run: the new window picks the run up again
	 * (run/events), shows where it is, and follows it to its end */
	await wb.reload();
	await wb.waitToast(/S1 Print the tax line: attempt 1 of 3/, 120000);
	await llm.release('reloaded');
	const done = await wb.waitToast(/S1 Print the tax line: done — commit [0-9a-f]{7}/, 240000);
	await rowSays(planRow('S1 Print the tax line'), /done: [0-9a-f]{7}/);
	const head = git('log', '-1', '--format=%h').trim();
	assert.match(await done.textContent(), new RegExp(head.slice(0, 7)));
	await wb.screenshot('execute-done');
});

test('Roll Back Run restores the file', { timeout: 180000 }, async (t) => {
	if (!await needs(t, 'plan/generate', 'subtask/execute', 'run/rollback'))
		return;
	const before = git('show', 'HEAD~1:src/cart.ts');
	await wb.command('AI Runner: Roll Back Run');
	await wb.pick('S1', { type: false });
	await wb.pick('Revert', { type: true });
	await wb.waitToast(/rolled back run #\d+ \(revert\): src\/cart\.ts/, 120000);
	assert.equal(fs.readFileSync(path.join(WS, 'src/cart.ts'), 'utf8'), before);
	await rowSays(planRow('S1 Print the tax line'), /pending/);
	await wb.screenshot('rollback');
});

test('Show Metrics renders the charts with the numbers of the runs just made', { timeout: 120000 }, async () => {
	/* a model call too, so tokens and cost are not zero */
	await llm.script({ anthropic: [{ content: 'Hello from the e2e test.', output_tokens: 7 }] });
	await agentCall('llm/complete', { model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'Say hello.' }] });
	const now = Date.now() / 1000;
	const expected = await agentCall('metrics/summary', { since: now - 86400, until: now + 60 });
	assert.ok(expected.runs.total >= 2, `the runs made so far: ${JSON.stringify(expected.runs)}`);
	assert.ok(expected.tokens.input > 0);

	if (await wb.page.locator('.part.panel').isVisible())
		await wb.page.keyboard.press('Control+J'); // the Problems panel away: room for the charts
	await wb.command('AI Runner: Show Metrics');
	const view = wb.webview();
	const value = (id) => view.locator(`[data-metric="${id}"] .value`);
	await value('runs').waitFor({ timeout: 30000 });
	await withTimeout((async () => {
		while ((await value('runs').textContent()) !== String(expected.runs.total))
			await wb.page.waitForTimeout(200);
	})(), 20000, `runs = ${expected.runs.total} on the dashboard`);
	assert.equal(await value('failed').textContent(), String(expected.runs.failed));
	assert.equal(await value('succeeded').textContent(), String(expected.runs.succeeded));
	const v = expected.verification;
	const summaries = Object.fromEntries(await view.locator('figure.chart').evaluateAll((figs) =>
		figs.map((f) => [f.id, f.querySelector('canvas').getAttribute('aria-label')])));
	assert.deepEqual(Object.keys(summaries), ['chart-success', 'chart-durations', 'chart-tokens', 'chart-cache',
		'chart-verification', 'chart-healing', 'chart-errors']);
	assert.equal(summaries['chart-verification'], `Verification pass rate ${Math.round(v.passRate * 1000) / 10}%: ` +
		`${v.passed} passed, ${v.failed} failed of ${v.runs}`);
	assert.match(summaries['chart-errors'], /type_error 1/);
	assert.match(summaries['chart-tokens'], new RegExp(`input ${expected.tokens.input}, output ${expected.tokens.output}`));
	assert.match(summaries['chart-durations'], /verify p50 [\d.]+ s/);

	/* each chart is drawn: its canvas has a size and coloured pixels */
	const drawn = await view.locator('canvas').evaluateAll((cs) => cs.map((c) => {
		const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
		let ink = 0;
		for (let i = 3; i < d.length; i += 4)
			ink += d[i] > 0;
		return { w: c.width, h: c.height, ink };
	}));
	assert.equal(drawn.length, 7);
	for (const d of drawn)
		assert.ok(d.w > 100 && d.h > 100 && d.ink > 200, `a chart drawn: ${JSON.stringify(d)}`);

	/* a strict content security policy, and nothing it refused */
	const csp = await view.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
	assert.match(csp, /default-src 'none'/);
	assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
	assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*(?!\.vscode-cdn\.net)/);
	/* the only origin named is VS Code's own for the extension's files
	 * (served by code-server, never fetched from outside: see offLoopback) */
	for (const origin of csp.match(/https?:\/\/[^\s;]+/g) ?? [])
		assert.equal(origin, 'https://*.vscode-cdn.net');
	assert.deepEqual(wb.consoleLines.filter((l) => /Content Security Policy|Refused to/.test(l)), []);
	const darkColor = await value('runs').evaluate((e) => getComputedStyle(e).color);
	await wb.page.setViewportSize({ width: 1400, height: 1500 }); // every chart in the picture
	await wb.screenshot('metrics-dark');

	/* readable in a light theme too: the page follows the theme's colours */
	await wb.command('Preferences: Toggle between Light/Dark Themes');
	await withTimeout((async () => {
		while (!(await view.locator('body').getAttribute('class'))?.includes('vscode-light'))
			await wb.page.waitForTimeout(100);
	})(), 10000, 'the light theme');
	await wb.page.waitForTimeout(500);
	const lightColor = await value('runs').evaluate((e) => getComputedStyle(e).color);
	assert.notEqual(lightColor, darkColor, 'text colour follows the theme');
	await wb.screenshot('metrics-light');
	await wb.page.setViewportSize({ width: 1400, height: 900 });
	await wb.command('Preferences: Toggle between Light/Dark Themes');
	await wb.command('View: Close All Editors');
});

test('nothing left the machine: the workbench made requests to loopback only', () => {
	assert.deepEqual(wb.offLoopback, []);
});
