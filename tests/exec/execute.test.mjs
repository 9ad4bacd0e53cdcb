// subtask/execute and run/rollback through the protocol: the provider test
// server plays scripted models, the agent edits a real git repository of a
// TypeScript project, real tsc verifies, libgit2 commits and restores.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as rpc from 'vscode-jsonrpc/node.js';
import { assertResult } from '../lib/openrpc.mjs';
import {
  git, makeProject, scratch, startExecAgent, startServer, tool, text, treeState, turn, writeFiles,
  SECRET, OPENAI_SECRET,
} from './helpers.mjs';

const ORIGINAL = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';
const WITH_SUB = `${ORIGINAL}\nexport function sub(a: number, b: number): number {\n  return a - b;\n}\n`;
const BROKEN_MAIN = "import { add } from './math';\n\nexport const total: number = String(add(1, 2));\n";
const BROKEN_MAIN_2 = "import { add } from './math';\n\nexport const total: string = add(1, 2);\n";
const MAIN = "import { add } from './math';\n\nexport const total: number = add(1, 2);\n";

const subtask = {
  id: 'S1',
  title: 'Add sub to math',
  description: 'Add sub(a, b), the difference, next to add.',
  files: ['src/math.ts'],
  acceptanceCriteria: ['sub(3, 1) is 2'],
};
const issue = { key: 'DEMO-1', title: 'Subtraction' };

let server;
let agent;
let repo;
const cleanups = [];

before(async () => {
  server = await startServer();
});

after(async () => {
  for (const c of cleanups.splice(0)) await c();
  if (server) await server.stop();
});

beforeEach(async () => {
  await server.reset();
  // Small prefixes are cached too: the test project's context is small.
  await server.ctl('POST', '/__control/settings', { min_cacheable_tokens: 64 });
  if (agent) await finish();
  repo = makeProject();
  agent = await startExecAgent(server);
});

async function finish() {
  const all = agent.wire() + agent.stderr();
  await agent.stop();
  agent = null;
  assert.ok(!all.includes(SECRET) && !all.includes(OPENAI_SECRET), 'an API key leaked');
  fs.rmSync(repo, { recursive: true, force: true });
}
cleanups.push(async () => { if (agent) await finish(); });

// With a progress token, so the run's events reach this client.
const execute = async (params = {}) =>
  assertResult('subtask/execute',
    await agent.request('subtask/execute', { root: repo, subtask, issue, workDoneToken: 'run', ...params }));

async function executeError(params = {}) {
  try {
    await agent.request('subtask/execute', { root: repo, subtask, issue, workDoneToken: 'run', ...params });
  } catch (e) {
    return e;
  }
  assert.fail('subtask/execute succeeded');
}

const anthropic = async () => (await server.requests()).filter((r) => r.provider === 'anthropic' && r.body);
const userText = (req) => req.body.messages[0].content.map((b) => b.text ?? '').join('\n');
const phases = (run) => agent.events.seen.filter((e) => e.run === run).map((e) => e.phase);

test('a subtask done at the first attempt is committed with its trailers and tag; the developer\'s other changes stay', async () => {
  // Unrelated work in progress: a staged new file and an unstaged edit.
  writeFiles(repo, { 'notes.txt': 'todo\n' });
  git(repo, 'add', 'notes.txt');
  git(repo, 'commit', '-qm', 'notes');
  writeFiles(repo, { 'docs.md': '# docs\n', 'notes.txt': 'todo: more\n' });
  git(repo, 'add', 'docs.md');
  const stagedBefore = git(repo, 'diff', '--cached');
  const unstagedBefore = git(repo, 'diff');
  const parent = git(repo, 'rev-parse', 'HEAD').trim();

  await server.script({ anthropic: [
    turn(tool('read_file', { path: 'src/math.ts' })),
    turn(tool('write_file', { path: 'src/math.ts', content: WITH_SUB })),
    turn(text('Added sub next to add.')),
  ] });
  const r = await execute();

  assert.equal(r.state, 'succeeded');
  assert.equal(r.attempts, 1);
  assert.deepEqual(r.files, ['src/math.ts']);
  assert.match(r.commit, /^[0-9a-f]{40}$/);
  assert.equal(r.tag, `ai/DEMO-1/before-${parent.slice(0, 7)}`);
  assert.equal(git(repo, 'rev-parse', `${r.tag}^{commit}`).trim(), parent);
  assert.equal(git(repo, 'rev-parse', 'HEAD').trim(), r.commit);
  // Exactly the run's file, with the subject and trailers.
  assert.equal(git(repo, 'show', '--name-only', '--format=', r.commit).trim(), 'src/math.ts');
  assert.equal(git(repo, 'show', `${r.commit}:src/math.ts`), WITH_SUB);
  const msg = git(repo, 'log', '-1', '--format=%B', r.commit);
  assert.match(msg, /^DEMO-1: Add sub to math\n/);
  assert.match(msg, new RegExp(`^AI-Run: ${r.runId}$`, 'm'));
  assert.match(msg, /^Model: claude-sonnet-4-5$/m);
  assert.match(msg, /^Attempts: 1$/m);
  // The developer's staged and unstaged changes are as they were.
  assert.equal(git(repo, 'diff', '--cached'), stagedBefore);
  assert.equal(git(repo, 'diff'), unstagedBefore);
  // No snapshot is left pinned once the commit holds the change.
  assert.equal(git(repo, 'for-each-ref', 'refs/airunner/'), '');

  // The request: thinking with the execution budget, a breakpoint on the
  // system block (instructions + context) and one on the task layer.
  const reqs = await anthropic();
  assert.equal(reqs.length, 3);
  assert.equal(reqs[0].body.thinking.budget_tokens, 5000);
  assert.ok([undefined, 1].includes(reqs[0].body.temperature));
  assert.equal(reqs[0].body.tool_choice, undefined);
  assert.ok(reqs[0].body.system.at(-1).cache_control, 'no breakpoint on the context');
  assert.ok(reqs[0].body.messages[0].content[0].cache_control, 'no breakpoint on the task');
  assert.match(reqs[0].body.messages[0].content[0].text, /Add sub\(a, b\)/);
  assert.match(reqs[0].body.system[0].text, /src\/math\.ts/);
  assert.deepEqual(reqs[0].body.tools.map((t) => t.name).sort(),
    ['delete_file', 'list_files', 'read_file', 'replace_in_file', 'search', 'write_file']);
  // The read's answer went back as a tool_result, the thinking unchanged.
  const second = reqs[1].body.messages;
  assert.equal(second[1].content[0].type, 'thinking');
  assert.equal(second[2].content[0].type, 'tool_result');
  assert.equal(second[2].content[0].content, ORIGINAL);

  const seen = phases(r.runId);
  for (const p of ['started', 'attempt', 'tool', 'snapshot', 'edit', 'verify', 'check', 'verified', 'commit', 'ended'])
    assert.ok(seen.includes(p), `no ${p} event in ${seen}`);
  const { run } = await agent.request('run/get', { run: r.runId });
  assert.equal(run.state, 'succeeded');
  assert.equal(run.kind, 'execute');
  assert.equal(run.issueKey, 'DEMO-1');
});

test('a type error is healed at attempt 2: the retry carries the category, location and hint, and reads the prefix from the cache', async () => {
  await server.script({ anthropic: [
    turn(tool('write_file', { path: 'src/math.ts', content: WITH_SUB }),
      tool('write_file', { path: 'src/main.ts', content: BROKEN_MAIN })),
    turn(text('Done.')),
    turn(tool('write_file', { path: 'src/main.ts', content: MAIN })),
    turn(text('Fixed the type.')),
  ] });
  const r = await execute();
  assert.equal(r.attempts, 2);
  assert.equal(git(repo, 'log', '-1', '--format=%B').match(/^Attempts: (\d)$/m)[1], '2');

  const reqs = await anthropic();
  assert.equal(reqs.length, 4);
  const retry = userText(reqs[2]);
  assert.match(retry, /attempt 2 of at most 3/);
  assert.match(retry, /type_error at src\/main\.ts:3:\d+/);
  assert.match(retry, /hint: /);
  assert.match(retry, /TS2322/);
  assert.match(retry, /```diff\n[^]*-export const total: number = add\(1, 2\);/);
  // The retry's prefix (tools, system, the task) is the first attempt's,
  // byte for byte, and the provider served it from the cache.
  assert.deepEqual(reqs[2].body.system, reqs[0].body.system);
  assert.deepEqual(reqs[2].body.messages[0].content[0], reqs[0].body.messages[0].content[0]);
  assert.ok(reqs[2].usage.cache_read_input_tokens > 0, 'the retry read nothing from the cache');

  // The run's record is what the provider reported.
  const { run, attempts } = await agent.request('run/get', { run: r.runId });
  const sum = (f) => reqs.reduce((n, q) => n + f(q.usage), 0);
  assert.equal(run.tokens.input, sum((u) => u.input_tokens));
  assert.equal(run.tokens.output, sum((u) => u.output_tokens));
  assert.equal(run.tokens.cacheRead, sum((u) => u.cache_read_input_tokens));
  assert.equal(run.tokens.cacheWrite, sum((u) => u.cache_creation_input_tokens));
  assert.equal(attempts.length, 2);
  assert.equal(attempts[0].outcome, 'failed');
  assert.equal(attempts[0].errorCategory, 'type_error');
  assert.equal(attempts[1].outcome, 'succeeded');
  assert.ok(attempts[1].tokens.cacheRead > 0);
  const m = await agent.request('metrics/summary', { kind: 'execute' });
  assert.equal(m.tokens.input, run.tokens.input);
  assert.equal(m.tokens.cacheRead, run.tokens.cacheRead);
});

test('the same errors twice move the run to the next rung at once', async () => {
  writeFiles(repo, { '.airunner': '[ladder "1"]\n\tprovider = anthropic\n\tthinkingBudget = 5000\n\tattempts = 3\n[ladder "2"]\n\tprovider = openai\n' });
  git(repo, 'add', '.airunner');
  git(repo, 'commit', '-qm', 'ladder');
  await server.script({
    anthropic: [
      turn(tool('write_file', { path: 'src/math.ts', content: WITH_SUB }),
        tool('write_file', { path: 'src/main.ts', content: BROKEN_MAIN })), turn(text('Done.')),
      turn(tool('write_file', { path: 'src/main.ts', content: BROKEN_MAIN })), turn(text('Done again.')),
    ],
    openai: [
      { tool_calls: [{ name: 'replace_in_file', arguments: { path: 'src/main.ts', old_text: 'String(add(1, 2))', new_text: 'add(1, 2)' } }] },
      { content: 'Removed the String() call.' },
    ],
  });
  const r = await execute();
  // What each attempt's verification said, for the reader of a failure.
  const story = JSON.stringify(agent.events.seen.filter((e) => e.run === r.runId && /verif|check/.test(e.phase)));
  assert.equal(r.attempts, 3, story);
  const reqs = await server.requests();
  assert.equal(reqs.filter((q) => q.provider === 'anthropic').length, 4, `a third Anthropic attempt was made: ${story}`);
  const oa = reqs.filter((q) => q.provider === 'openai');
  assert.equal(oa.length, 2);
  const prompt = JSON.stringify(oa[0].body.messages);
  assert.match(prompt, /exactly the same errors/);
  assert.match(prompt, /Attempt 1 failed verification[^]*Attempt 2 failed verification/);
  const attempt3 = agent.events.seen.find((e) => e.run === r.runId && e.phase === 'attempt' && e.data.attempt === 3);
  assert.equal(attempt3.data.provider, 'openai');
  assert.match(git(repo, 'log', '-1', '--format=%B'), /^Model: gpt-4\.1/m);
});

test('when every attempt fails, the work tree and the index are as they were, and the run failed with its category', async () => {
  writeFiles(repo, { '.airunner': '[ladder "1"]\n\tprovider = anthropic\n\tthinkingBudget = 2000\n[ladder "2"]\n\tprovider = openai\n' });
  git(repo, 'add', '.airunner');
  git(repo, 'commit', '-qm', 'ladder');
  writeFiles(repo, { 'docs.md': '# docs\n', 'README.md': 'work in progress\n' });
  git(repo, 'add', 'docs.md');
  const before = treeState(repo);
  await server.script({
    anthropic: [
      turn(tool('write_file', { path: 'src/main.ts', content: BROKEN_MAIN }),
        tool('write_file', { path: 'src/new/helper.ts', content: 'export const h = 1;\n' })),
      turn(text('Done.')),
    ],
    openai: [
      { tool_calls: [{ name: 'write_file', arguments: { path: 'src/main.ts', content: BROKEN_MAIN_2 } }] },
      { content: 'Done.' },
    ],
  });
  const e = await executeError();
  assert.equal(e.code, -32001);
  assert.equal(e.data.kind, 'verification_failed');
  assert.equal(e.data.category, 'type_error');
  assert.equal(e.data.attempts, 2);
  assert.equal(e.data.restored, true);
  assert.ok(e.data.diagnostics.some((d) => d.file === 'src/main.ts' && d.category === 'type_error'));
  assert.deepEqual(treeState(repo), before);
  assert.ok(!fs.existsSync(path.join(repo, 'src/new')), 'the folder the run made is still there');
  const { run } = await agent.request('run/get', { run: e.data.runId });
  assert.equal(run.state, 'failed');
  assert.equal(run.errorCategory, 'type_error');
  assert.ok(phases(e.data.runId).includes('restored'));
});

test('edits aimed outside the work tree are refused and write nothing', async () => {
  const outside = scratch('airunner-outside-');
  fs.symlinkSync(outside, path.join(repo, 'link'));
  git(repo, 'add', 'link');
  git(repo, 'commit', '-qm', 'a link out');
  const before = treeState(repo);
  const hooksBefore = fs.readdirSync(path.join(repo, '.git/hooks')).sort();
  await server.script({ anthropic: [
    turn(tool('write_file', { path: '../escaped.txt', content: 'x' }),
      tool('write_file', { path: path.join(outside, 'abs.txt'), content: 'x' }),
      tool('write_file', { path: 'link/through-link.txt', content: 'x' }),
      tool('write_file', { path: '.git/hooks/pre-commit', content: '#!/bin/sh\nexit 0\n' }),
      tool('write_file', { path: '.airunner', content: '[hook]\n\tonError = allow\n' })),
    turn(text('Done.')),
  ] });
  const e = await executeError();
  assert.equal(e.data.kind, 'outside_workspace');
  const refused = agent.events.seen.filter((ev) => ev.run === e.data.runId && ev.phase === 'refused');
  assert.equal(refused.length, 5);
  for (const ev of refused) assert.match(ev.message, /^outside_workspace: /);
  assert.deepEqual(fs.readdirSync(outside), []);
  assert.ok(!fs.existsSync(path.join(path.dirname(repo), 'escaped.txt')));
  assert.deepEqual(fs.readdirSync(path.join(repo, '.git/hooks')).sort(), hooksBefore);
  assert.deepEqual(treeState(repo), before);
  // The model was told, in words it can act on.
  const reqs = await anthropic();
  const results = reqs[1].body.messages[2].content;
  assert.equal(results.length, 5);
  assert.ok(results.every((b) => b.is_error && /outside_workspace/.test(b.content)));
  fs.rmSync(outside, { recursive: true, force: true });
});

test('an agent killed mid-run finds the run interrupted at its next start, and run/rollback restores it', async () => {
  await server.script({ anthropic: [
    turn(tool('write_file', { path: 'src/math.ts', content: WITH_SUB }),
      tool('write_file', { path: 'src/extra.ts', content: 'export const extra = 1;\n' })),
    { ...turn(text('Done.')), delay_ms: 60_000 },
  ] });
  const pending = agent.request('subtask/execute', { root: repo, subtask, issue, workDoneToken: 'run' }).catch(() => null);
  const edit = await agent.events.until((ev) => ev.phase === 'edit' && ev.data.path === 'src/extra.ts', 'the edits');
  const runId = edit.run;
  await agent.events.until((ev) => ev.run === runId && ev.phase === 'tool' && ev.data.path === 'src/extra.ts', 'the second edit');
  await new Promise((r) => setTimeout(r, 300)); // the second call is out
  assert.equal(fs.readFileSync(path.join(repo, 'src/math.ts'), 'utf8'), WITH_SUB);
  const state = agent.state;
  await agent.kill();
  void pending; // never answered: the agent is gone
  await agent.stop({ keepState: true });

  agent = await startExecAgent(server, { state });
  const { run } = await agent.request('run/get', { run: runId });
  assert.equal(run.state, 'interrupted');
  // The snapshot is still pinned in the repository.
  assert.match(git(repo, 'for-each-ref', '--format=%(refname)', 'refs/airunner/'), new RegExp(`refs/airunner/runs/${runId}`));
  const rb = assertResult('run/rollback', await agent.request('run/rollback', { runId }));
  assert.equal(rb.mode, 'restore');
  assert.deepEqual(rb.files.sort(), ['src/extra.ts', 'src/math.ts']);
  assert.equal(fs.readFileSync(path.join(repo, 'src/math.ts'), 'utf8'), ORIGINAL);
  assert.ok(!fs.existsSync(path.join(repo, 'src/extra.ts')));
  assert.equal(git(repo, 'status', '--porcelain'), '');
  assert.equal(git(repo, 'for-each-ref', 'refs/airunner/'), '');
});

test('a run cancelled during verification restores the work tree', async () => {
  writeFiles(repo, { '.airunner': '[check "slow"]\n\tcommand = sleep 30\n\tfiles = src/*.ts\n' });
  git(repo, 'add', '.airunner');
  git(repo, 'commit', '-qm', 'a slow check');
  const before = treeState(repo);
  await server.script({ anthropic: [
    turn(tool('write_file', { path: 'src/math.ts', content: WITH_SUB })),
    turn(text('Done.')),
  ] });
  const pending = agent.request('subtask/execute', { root: repo, subtask, issue, workDoneToken: 'run' }).then(() => null, (e) => e);
  const v = await agent.events.until((ev) => ev.phase === 'check' || ev.phase === 'verify', 'verification');
  await agent.request('run/cancel', { run: v.run });
  const e = await pending;
  assert.ok(e, 'the run was not cancelled');
  assert.equal(e.code, -32800);
  assert.deepEqual(treeState(repo), before);
  const { run } = await agent.request('run/get', { run: v.run });
  assert.equal(run.state, 'cancelled');
});

test('a spend cap stops the run before a call that could cross it, restores, and says what it spent', async () => {
  const before = treeState(repo);
  await server.script({ anthropic: [
    { ...turn(tool('write_file', { path: 'src/math.ts', content: WITH_SUB })), output_tokens: 5000 },
    turn(text('Done.')),
  ] });
  const e = await executeError({ maxCostUsd: 0.25 });
  assert.equal(e.code, -32030);
  assert.equal(e.data.kind, 'budget_exceeded');
  assert.ok(e.data.spentUsd > 0.07 && e.data.spentUsd <= 0.25, `spent ${e.data.spentUsd}`);
  assert.match(e.message, /spend cap/);
  assert.equal((await anthropic()).length, 1, 'the call over the cap was made');
  assert.deepEqual(treeState(repo), before);
});

test('a committed run is rolled back by reset when nothing moved, by a revert commit otherwise, and not at all over the developer\'s edits', async () => {
  const script = () => server.script({ anthropic: [
    turn(tool('write_file', { path: 'src/math.ts', content: WITH_SUB })), turn(text('Done.')),
  ] });
  await script();
  const first = await execute();
  const rb = assertResult('run/rollback', await agent.request('run/rollback', { runId: first.runId, mode: 'reset' }));
  assert.equal(rb.mode, 'reset');
  assert.equal(git(repo, 'rev-parse', 'HEAD').trim(), git(repo, 'rev-parse', `${first.tag}^{commit}`).trim());
  assert.equal(fs.readFileSync(path.join(repo, 'src/math.ts'), 'utf8'), ORIGINAL);

  await script();
  const second = await execute();
  // The developer edits the run's file: neither mode touches it.
  writeFiles(repo, { 'src/math.ts': `${WITH_SUB}// mine\n` });
  for (const mode of ['reset', 'revert']) {
    await assert.rejects(agent.request('run/rollback', { runId: second.runId, mode }),
      (err) => err.code === -32005 && err.data.kind === 'workspace_dirty' && /src\/math\.ts|HEAD|clean/.test(err.message));
    assert.equal(fs.readFileSync(path.join(repo, 'src/math.ts'), 'utf8'), `${WITH_SUB}// mine\n`);
  }
  git(repo, 'checkout', 'src/math.ts');
  // An edit elsewhere survives the revert.
  writeFiles(repo, { 'src/main.ts': `${MAIN}// mine\n` });
  const rv = assertResult('run/rollback', await agent.request('run/rollback', { runId: second.runId }));
  assert.equal(rv.mode, 'revert');
  assert.deepEqual(rv.files, ['src/math.ts']);
  assert.equal(git(repo, 'rev-parse', 'HEAD').trim(), rv.commit);
  assert.equal(git(repo, 'rev-parse', 'HEAD~1').trim(), second.commit);
  assert.equal(fs.readFileSync(path.join(repo, 'src/math.ts'), 'utf8'), ORIGINAL);
  assert.equal(fs.readFileSync(path.join(repo, 'src/main.ts'), 'utf8'), `${MAIN}// mine\n`);
  assert.match(git(repo, 'log', '-1', '--format=%B'), new RegExp(`reverts commit ${second.commit}`));
});

test('a subtask of a stored plan runs by its ids: the plan is the task, the issue key is the commit\'s', async () => {
  const plan = {
    summary: 'Subtraction next to addition, then used by main.',
    subtasks: [
      { id: 'S1', title: 'Add sub to math', description: 'sub(a, b) in src/math.ts.', files: ['src/math.ts'],
        newFiles: [], acceptanceCriteria: ['sub(3, 1) is 2'], estimateHours: 0.5, dependsOn: [] },
      { id: 'S2', title: 'Use sub in main', description: 'main shows 3 - 1.', files: ['src/main.ts'],
        newFiles: [], acceptanceCriteria: ['difference is 2'], estimateHours: 0.5, dependsOn: ['S1'] },
    ],
    risks: [],
    openQuestions: [],
  };
  await server.script({ anthropic: [
    { content: [{ type: 'thinking', thinking: 'Two steps.', signature: 'auto' }, text(JSON.stringify(plan))] },
    turn(tool('write_file', { path: 'src/math.ts', content: WITH_SUB })),
    turn(text('Added sub.')),
  ] });
  const gen = await agent.request('plan/generate', { root: repo, issue: { key: 'MATH-7', title: 'Subtraction', description: 'We need sub.' } });
  const r = await execute({ subtask: undefined, issue: undefined, planId: gen.plan.id, subtaskId: 'S1' });
  assert.equal(r.attempts, 1);
  assert.equal(git(repo, 'log', '-1', '--format=%s').trim(), 'MATH-7: Add sub to math');
  const reqs = await anthropic();
  const task = reqs[1].body.messages[0].content[0].text;
  assert.match(task, /Subtraction next to addition/);
  assert.match(task, /- S2: Use sub in main/);
  assert.match(task, /Id: S1/);
  const { run } = await agent.request('run/get', { run: r.runId });
  assert.equal(run.issueKey, 'MATH-7');
  assert.equal(run.subtask, 'S1');
  await assert.rejects(agent.request('subtask/execute', { root: repo, planId: gen.plan.id, subtaskId: 'S9' }),
    (e) => e.data.kind === 'not_found' && /S9/.test(e.message));
});

test('a second writing run on the same work tree waits for the first; cancelled while it waits, it never runs', async () => {
  await server.script({ anthropic: [
    { ...turn(tool('write_file', { path: 'src/math.ts', content: WITH_SUB })), delay_ms: 1500 },
    turn(text('Done.')),
  ] });
  const first = execute();
  await agent.events.until((ev) => ev.phase === 'attempt', 'the first run started');
  const source = new rpc.CancellationTokenSource();
  const second = agent.conn.sendRequest('subtask/execute',
    { root: repo, subtask: { ...subtask, id: 'S2' }, issue, workDoneToken: 'second' }, source.token).then(() => null, (e) => e);
  // It waits behind the first, the work tree's writer.
  await new Promise((res) => setTimeout(res, 300));
  assert.equal((await agent.request('status', {})).jobs.queued, 1);
  source.cancel();
  const e = await second;
  assert.ok(e, 'the second run was not cancelled');
  assert.equal(e.code, -32800);
  const r = await first;
  assert.equal(r.state, 'succeeded');
  assert.equal((await anthropic()).length, 2, 'the cancelled run called the model');
  const { runs } = await agent.request('run/list', { kind: 'execute' });
  const cancelled = runs.filter((x) => x.state === 'cancelled');
  assert.equal(cancelled.length, 1);
  assert.equal(cancelled[0].started, null, 'the cancelled run started');
});

test('bad requests get clear errors and start nothing', async () => {
  await assert.rejects(agent.request('subtask/execute', { root: repo }),
    (e) => e.code === -32602 && /subtask/.test(e.message));
  await assert.rejects(agent.request('subtask/execute', { root: repo, subtask: { id: 'x' } }),
    (e) => e.code === -32602 && /title/.test(e.message));
  await assert.rejects(agent.request('subtask/execute', { root: repo, subtask, maxCostUsd: -1 }),
    (e) => e.code === -32602 && /maxCostUsd/.test(e.message));
  await assert.rejects(agent.request('run/rollback', { runId: 999999 }),
    (e) => e.data.kind === 'not_found');
  await assert.rejects(agent.request('run/rollback', { runId: 1, mode: 'sideways' }),
    (e) => e.code === -32602 && /mode/.test(e.message));
  assert.equal((await server.requests()).length, 0);
});
