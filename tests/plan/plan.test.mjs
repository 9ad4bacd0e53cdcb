// plan/generate, plan/get and plan/list through the protocol, against the
// fake provider server (tests/llm-server): what the request carries
// (thinking, the cached context block), prompt-cache reads on a second plan,
// the one repair request, a cyclic plan refused, revisions, issue files, and
// `airunner plan FILE` on the command line.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as rpc from 'vscode-jsonrpc/node.js';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, tmpDir } from '../lib/agent.mjs';
import { assertResult, assertError, schemaValidator } from '../lib/openrpc.mjs';
import { startServer, startAgent, SECRET } from '../llm/harness.mjs';
import { makeRepo, removeRepo, git } from '../verify/helpers.mjs';

let server, agent, repo;

const ISSUE_MD = '# Discount codes at checkout\n\n' +
  'Customers can type a discount code; the total applies it.\n\n' +
  '```\n# not a heading inside a fence\n```\n';

before(async () => {
  server = await startServer();
  agent = await startAgent(server);
  repo = makeRepo({
    'package.json': '{"name":"shop","private":true}\n',
    'README.md': '# Shop\n\nA small shop.\n',
    'src/cart.ts': "import { formatPrice } from './format';\n\n" +
      'export function total(prices: number[]): string {\n' +
      '  return formatPrice(prices.reduce((a, b) => a + b, 0));\n}\n',
    'src/format.ts': 'export function formatPrice(n: number): string {\n' +
      '  return `$${n.toFixed(2)}`;\n}\n',
    'docs/discounts.md': ISSUE_MD,
  });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'base');
});

after(async () => {
  const all = agent.wire() + agent.stderr();
  const code = await agent.stop();
  assert.equal(code, 0, `agent exited ${code}:\n${agent.stderr().slice(-6000)}`);
  await server.stop();
  removeRepo(repo);
  assert.ok(!all.includes(SECRET), 'the Anthropic key leaked');
});

beforeEach(async () => {
  await server.reset();
  agent.progress.length = 0;
});

const progressValue = schemaValidator('PlanProgressValue');
const progressParams = schemaValidator('ProgressParams');
const generate = async (params) =>
  assertResult('plan/generate', await agent.request('plan/generate', { root: repo, ...params }));

// A valid plan of the fixture repo.
function goodPlan(summary = 'Discount codes: a parser, then total() applies it.') {
  return {
    summary,
    subtasks: [
      { id: 'S1', title: 'Parse discount codes', description: 'parseDiscount(code) in src/discount.ts.',
        files: [], newFiles: ['src/discount.ts'], acceptanceCriteria: ["parseDiscount('SAVE10') is 10"],
        estimateHours: 1.5, dependsOn: [] },
      { id: 'S2', title: 'Apply it in total()', description: 'total(prices, code?) applies parseDiscount.',
        files: ['src/cart.ts', 'src/discount.ts'], newFiles: [], acceptanceCriteria: ["total([10,10],'SAVE10') is '$18.00'"],
        estimateHours: 1, dependsOn: ['S1'] },
    ],
    risks: ['rounding'],
    openQuestions: ['may codes be combined?'],
  };
}

// One scripted answer: thinking, then the text.
const answer = (text, thinking = 'The cart computes the total in src/cart.ts; a parser comes first.') => ({
  content: [
    { type: 'thinking', thinking, signature: 'auto' },
    { type: 'text', text: typeof text === 'string' ? text : JSON.stringify(text, null, 2) },
  ],
});

const inline = { title: 'Discount codes at checkout', description: 'Customers can type a discount code.' };

async function failure(p) {
  try {
    await p;
  } catch (e) {
    return e;
  }
  assert.fail('the call succeeded');
}

test('a plan: thinking on, the context block cached, streamed, stored and recorded', async () => {
  const thinking = 'Thinking about the cart. '.repeat(30);
  await server.script({ anthropic: [answer(goodPlan(), thinking)] });
  const r = await generate({ issue: inline, workDoneToken: 'plan-1' });

  // The request, as the provider saw it.
  const [req] = await server.requests();
  assert.deepEqual(req.body.thinking, { type: 'enabled', budget_tokens: 10000 });
  assert.ok(req.body.max_tokens > 10000);
  assert.ok(req.body.temperature === undefined || req.body.temperature === 1, 'temperature other than 1');
  assert.equal(req.body.tool_choice, undefined);
  assert.equal(req.body.tools, undefined);
  assert.equal(req.body.stream, true);
  assert.equal(req.body.system.length, 2, 'instructions, then the repo context');
  assert.equal(req.body.system[0].cache_control, undefined);
  assert.match(req.body.system[0].text, /one JSON object/);
  assert.deepEqual(req.body.system[1].cache_control, { type: 'ephemeral' });
  // The context block is context/get's view, byte for byte.
  const ctx = await agent.request('context/get', { root: repo });
  assert.equal(req.body.system[1].text, ctx.text);
  assert.equal(r.context.bytes, ctx.bytes);
  assert.equal(req.body.messages.length, 1);
  assert.match(req.body.messages[0].content, /Title: Discount codes at checkout/);

  // The plan, stored and read back the same.
  assert.equal(r.plan.revision, 1);
  assert.deepEqual(r.plan.issue, { source: 'inline', key: null, title: inline.title, url: null });
  assert.deepEqual(r.plan.subtasks.map((s) => s.id), ['S1', 'S2']);
  assert.equal(r.plan.runId, r.runId);
  assert.equal(r.plan.model, 'claude-sonnet-4-5');
  assert.deepEqual(assertResult('plan/get', await agent.request('plan/get', { planId: r.plan.id })), r.plan);

  // Thinking and text streamed as $/progress, adding up to the answer.
  const values = agent.progress.filter((p) => p.token === 'plan-1').map((p) => p.value);
  for (const p of agent.progress) assert.ok(progressParams(p), JSON.stringify(p));
  for (const v of values) assert.ok(progressValue(v), JSON.stringify(v));
  assert.equal(values.filter((v) => v.type === 'thinking').map((v) => v.delta).join(''), thinking);
  assert.equal(JSON.parse(values.filter((v) => v.type === 'text').map((v) => v.delta).join('')).summary,
    goodPlan().summary);

  // The run: kind plan, one attempt with the call's tokens; its events.
  const run = await agent.request('run/get', { run: r.runId });
  const rec = run.run ?? run;
  assert.equal(rec.kind, 'plan');
  assert.equal(rec.state, 'succeeded');
  assert.equal(rec.attempts, 1);
  assert.equal(rec.tokens.output, r.usage.output);
  const events = await agent.request('run/events', { run: r.runId });
  const phases = (events.events ?? events).map((e) => e.phase);
  for (const p of ['context', 'request', 'thinking', 'text', 'saved'])
    assert.ok(phases.includes(p), `no ${p} event in ${phases}`);
});

test('a second plan of the same repo reads the context from the prompt cache', async () => {
  await server.ctl('POST', '/__control/settings', { min_cacheable_tokens: 256 });
  await server.script({ anthropic: [answer(goodPlan()), answer(goodPlan('Another issue.'))] });
  const first = await generate({ issue: inline });
  assert.ok(first.usage.cacheWrite > 256, JSON.stringify(first.usage));
  assert.equal(first.usage.cacheRead, 0);
  const second = await generate({ issue: { title: 'Another issue', description: 'Something else.' } });
  assert.equal(second.context.fromCache, true);
  assert.equal(second.usage.cacheRead, first.usage.cacheWrite, JSON.stringify(second.usage));
  assert.equal(second.usage.cacheWrite, 0);
  assert.notEqual(second.plan.id, first.plan.id);
});

test('a malformed plan gets exactly one repair request carrying the errors', async () => {
  const bad = goodPlan();
  delete bad.subtasks[0].acceptanceCriteria;
  bad.subtasks[1].dependsOn = ['S9'];
  bad.subtasks[1].files = ['src/missing.ts'];
  bad.subtasks[1].estimateHours = 0;
  // The repair comes fenced, with prose around it: still read.
  const fixed = 'Here is the corrected plan:\n\n```json\n' + JSON.stringify(goodPlan()) + '\n```\nDone.';
  await server.script({ anthropic: [answer(bad), answer(fixed)] });
  const r = await generate({ issue: inline });
  assert.equal(r.plan.subtasks.length, 2);

  const reqs = await server.requests();
  assert.equal(reqs.length, 2, 'one repair request, no more');
  const [one, two] = reqs.map((q) => q.body);
  assert.deepEqual(two.system, one.system, 'the same cached prefix');
  assert.deepEqual(two.thinking, one.thinking);
  assert.equal(two.messages.length, 3);
  assert.deepEqual(two.messages[0], one.messages[0]);
  assert.equal(two.messages[1].role, 'assistant');
  assert.equal(two.messages[1].content[0].type, 'thinking', 'the answer goes back as it came');
  const repair = two.messages[2].content;
  assert.match(repair, /subtasks\[0\]\.acceptanceCriteria: missing/);
  assert.match(repair, /subtasks\[1\]\.dependsOn: "S9" is not a subtask id/);
  assert.match(repair, /subtasks\[1\]\.files: "src\/missing\.ts" does not exist/);
  assert.match(repair, /subtasks\[1\]\.estimateHours: 0/);

  // Two attempts on the run; the result's usage is both calls together.
  const run = (await agent.request('run/get', { run: r.runId }));
  assert.equal((run.run ?? run).attempts, 2);
  assert.equal((run.run ?? run).tokens.output, r.usage.output);
});

test('an answer cut at max_tokens is repaired with a word about the limit', async () => {
  const cut = { ...answer(JSON.stringify(goodPlan()).slice(0, 120)), stop_reason: 'max_tokens' };
  await server.script({ anthropic: [cut, answer(goodPlan())] });
  const r = await generate({ issue: inline });
  assert.equal(r.plan.revision, 1);
  const [, two] = await server.requests();
  assert.match(two.body.messages[2].content, /no JSON object found/);
  assert.match(two.body.messages[2].content, /stopped at the token limit \(26000\)/);
});

test('a cyclic plan is refused with plan_invalid naming the cycle', async () => {
  const cyclic = goodPlan();
  cyclic.subtasks[0].dependsOn = ['S2'];
  const before = await agent.request('plan/list', { root: repo });
  await server.script({ anthropic: [answer(cyclic), answer(cyclic)] });
  const e = assertError(await failure(generate({ issue: inline })), -32029, 'plan_invalid');
  assert.match(e.message, /after one repair/);
  assert.ok(e.data.errors.some((m) => /cycle S1 -> S2 -> S1/.test(m)), JSON.stringify(e.data.errors));
  assert.equal((await server.requests()).length, 2, 'one repair, then the error');
  assert.match((await server.requests())[1].body.messages[2].content, /S1 -> S2 -> S1/);
  const run = await agent.request('run/get', { run: e.data.runId });
  assert.equal((run.run ?? run).state, 'failed');
  assert.equal((run.run ?? run).errorKind, 'plan_invalid');
  const afterList = await agent.request('plan/list', { root: repo });
  assert.equal(afterList.plans.length, before.plans.length, 'nothing stored');
});

test('revision feedback reaches the prompt and makes revision 2', async () => {
  const revised = goodPlan('Discount codes, with the parser tested first.');
  revised.subtasks.unshift({ id: 'S0', title: 'Test the parser first', description: 'Tests for parseDiscount.',
    files: [], newFiles: ['src/discount.test.ts'], acceptanceCriteria: ['the tests fail before S1'],
    estimateHours: 0.5, dependsOn: [] });
  await server.script({ anthropic: [answer(goodPlan()), answer(revised)] });
  const r1 = await generate({ issue: { source: 'file', path: 'docs/discounts.md' } });
  const feedback = 'Write the tests for the parser before the parser.';
  const r2 = await generate({ planId: r1.plan.id, feedback });

  const [, req] = await server.requests();
  const turn = req.body.messages[0].content;
  assert.ok(turn.includes(feedback), 'the feedback is in the prompt');
  assert.match(turn, /current plan \(revision 1\)/);
  assert.ok(turn.includes(goodPlan().summary), 'the previous plan is in the prompt');
  assert.match(turn, /Title: Discount codes at checkout/, 'the stored issue is kept');
  assert.match(turn, /Customers can type a discount code/, 'with its description');

  assert.equal(r2.plan.id, r1.plan.id);
  assert.equal(r2.plan.revision, 2);
  assert.deepEqual(r2.plan.issue, r1.plan.issue);
  const latest = assertResult('plan/get', await agent.request('plan/get', { planId: r1.plan.id }));
  assert.equal(latest.revision, 2);
  assert.equal(latest.subtasks[0].id, 'S0');
  const first = await agent.request('plan/get', { planId: r1.plan.id, revision: 1 });
  assert.equal(first.summary, goodPlan().summary);

  const list = assertResult('plan/list', await agent.request('plan/list', { issueKey: 'docs/discounts.md' }));
  assert.equal(list.plans.length, 1);
  assert.deepEqual({ ...list.plans[0], created: undefined, runId: undefined, workTree: undefined },
    { id: r1.plan.id, revision: 2, issueKey: 'docs/discounts.md', title: 'Discount codes at checkout',
      summary: revised.summary, subtasks: 3, created: undefined, runId: undefined, workTree: undefined });
  assert.equal(list.plans[0].workTree, repo);
  const mine = await agent.request('plan/list', { root: repo, limit: 1 });
  assert.equal(mine.plans.length, 1);
  assert.equal(mine.plans[0].id, r1.plan.id, 'newest first');
});

test('an issue file: the first heading outside a fence is the title', async () => {
  await server.script({ anthropic: [answer(goodPlan())] });
  const r = await generate({ issue: { source: 'file', path: `${repo}/docs/discounts.md` } });
  assert.deepEqual(r.plan.issue, { source: 'file', key: 'docs/discounts.md', title: 'Discount codes at checkout', url: null });
  const [req] = await server.requests();
  assert.match(req.body.messages[0].content, /Customers can type a discount code/);
  assert.ok(!/Title: not a heading/.test(req.body.messages[0].content));
});

test('$/cancelRequest stops the model call; the run is cancelled and nothing is stored', async () => {
  await server.script({ anthropic: [{ fault: 'stall', after_events: 3 }] });
  const before = await agent.request('plan/list', {});
  const source = new rpc.CancellationTokenSource();
  const p = agent.request('plan/generate', { root: repo, issue: inline }, source.token);
  for (let i = 0; i < 200 && (await server.ctl('GET', '/__control/health')).open_streams === 0; i++)
    await new Promise((r) => setTimeout(r, 20));
  source.cancel();
  const e = await failure(p);
  assert.equal(e.code, -32800);
  // The answer comes at once; the transfer is aborted from the loop just
  // after (cancel is deferred), so the stream closes within moments.
  let open = 1;
  for (let i = 0; i < 250 && open; i++) {
    open = (await server.ctl('GET', '/__control/health')).open_streams;
    if (open) await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal(open, 0, 'the stream stayed open after the cancel');
  let state;
  for (let i = 0; i < 250 && state !== 'cancelled'; i++) {
    const runs = await agent.request('run/list', { kind: 'plan', limit: 1 });
    state = (runs.runs ?? runs)[0].state;
    if (state !== 'cancelled') await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal(state, 'cancelled');
  assert.equal((await agent.request('plan/list', {})).plans.length, before.plans.length);
});

test('another provider plans without thinking; its system prompt is one message', async () => {
  await server.script({ openai: [{ content: JSON.stringify(goodPlan()) }] });
  const r = await generate({ issue: inline, provider: 'openai', model: 'gpt-4o' });
  assert.equal(r.plan.subtasks.length, 2);
  const [req] = await server.requests();
  assert.equal(req.path, '/v1/chat/completions');
  assert.equal(req.body.messages[0].role, 'system');
  const ctx = await agent.request('context/get', { root: repo });
  assert.ok(req.body.messages[0].content.endsWith(`\n\n${ctx.text}`), 'the instructions, then the context');
  assert.equal(req.body.reasoning_effort, undefined);
});

test('bad requests are refused before any model call', async () => {
  assertError(await failure(agent.request('plan/get', { planId: 999999 })), -32008, 'not_found');
  assertError(await failure(generate({})), -32602, 'invalid_params');
  // A Jira key is fetched first: with no Jira site configured, the error
  // says what to set, and no model is called.
  const noSite = await failure(generate({ issue: { source: 'jira', key: 'PROJ-1' } }));
  assertError(noSite, -32013, 'config');
  assert.match(noSite.message, /JIRA_BASE_URL/);
  assertError(await failure(generate({ issue: { path: '/etc/passwd' } })), -32006, 'outside_workspace');
  fs.symlinkSync('/etc/passwd', path.join(repo, 'docs/link.md'));
  try {
    assertError(await failure(generate({ issue: { path: 'docs/link.md' } })), -32006, 'outside_workspace');
  } finally {
    fs.unlinkSync(path.join(repo, 'docs/link.md'));
  }
  assertError(await failure(generate({ issue: { path: 'docs/nothing.md' } })), -32008, 'not_found');
  assertError(await failure(generate({ planId: 999999, feedback: 'x' })), -32008, 'not_found');
  assertError(await failure(generate({ issue: inline, thinkingBudget: 10 })), -32602, 'invalid_params');
  assert.equal((await server.requests()).length, 0);
});

// `airunner plan FILE` from inside the work tree, with a private agent
// (--stdio) that reaches the same provider server.
function cli(args, env) {
  return new Promise((resolve, reject) => {
    const proc = spawn(BIN, args, { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    proc.stdout.on('data', (d) => { stdout += d; });
    proc.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error('airunner plan hangs')); }, 30000);
    proc.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

test('airunner plan FILE prints the plan; --json gives the result', async () => {
  const home = tmpDir('airunner-plan-cli-');
  const env = {
    HOME: home, XDG_STATE_HOME: path.join(home, 'state'), XDG_RUNTIME_DIR: home, XDG_CONFIG_HOME: path.join(home, 'cfg'),
    ANTHROPIC_API_KEY: SECRET, ANTHROPIC_BASE_URL: server.base, AIRUNNER_SOCKET: '',
  };
  try {
    await server.script({ anthropic: [answer(goodPlan()), answer(goodPlan('Revised.'))] });
    const r = await cli(['plan', '--stdio', 'docs/discounts.md'], env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Plan 1, revision 1: docs\/discounts\.md Discount codes at checkout\n/);
    assert.match(r.stdout, /\nSummary\n  Discount codes: a parser, then total\(\) applies it\.\n/);
    assert.match(r.stdout, /\nSubtasks \(2, 2\.5 h in all\)\n  1\. \[S1\] Parse discount codes  \(1\.5 h\)\n/);
    assert.match(r.stdout, /new files: src\/discount\.ts\n/);
    assert.match(r.stdout, / 2\. \[S2\] Apply it in total\(\)  \(1\.0 h\)\n/);
    assert.match(r.stdout, /files: src\/cart\.ts, src\/discount\.ts\n {7}depends on: S1\n/);
    assert.match(r.stdout, /acceptance criteria:\n {9}- total\(\[10,10\],'SAVE10'\) is '\$18\.00'\n/);
    assert.match(r.stdout, /\nRisks\n  - rounding\n\nOpen questions\n  - may codes be combined\?\n/);

    const j = await cli(['plan', '--stdio', '--json', '--feedback', 'Shorter, please.', '--plan', '1', 'docs/discounts.md'], env);
    assert.equal(j.code, 0, j.stderr);
    const res = assertResult('plan/generate', JSON.parse(j.stdout));
    assert.equal(res.plan.revision, 2);
    assert.match((await server.requests())[1].body.messages[0].content, /Shorter, please\./);

    const shown = await cli(['plan', '--stdio', '--plan', '1', '--revision', '1'], env);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /^Plan 1, revision 1: /);

    const usage = await cli(['plan', '--feedback', 'x', 'docs/discounts.md'], env);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--feedback revises a plan: name it with --plan ID/);
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
});
