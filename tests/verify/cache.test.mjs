// The verification cache outlives the agent: its verdicts are files under
// the state folder, read back by a restarted agent and by the hook's
// in-process fallback; an edited pattern file is another key.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startAgent, BIN } from '../lib/agent.mjs';
import { assertResult } from '../lib/openrpc.mjs';
import { makeRepo, removeRepo, git, check } from './helpers.mjs';

const temps = [];
function temp(prefix) {
  const d = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  temps.push(d);
  return d;
}
after(() => temps.forEach(removeRepo));

// A repo whose one check is a script outside it: it counts its runs in
// `runs` and prints one line the team's pattern file classifies.
function countingRepo() {
  const outside = temp('airunner-cache-test-');
  const script = path.join(outside, 'check.sh');
  fs.writeFileSync(script, `echo run >> ${outside}/runs\necho 'a.txt:1: DEPRECATED old_api'\nexit 1\n`);
  fs.writeFileSync(path.join(outside, 'team.conf'), teamPatterns('use the v2 API'));
  const dir = makeRepo({
    'a.txt': 'hello\n',
    '.airunner': `[check "count"]\n\tcommand = sh ${script}\n\tfiles = *.txt\n`
      + `[classify]\n\tpatterns = ${outside}/team.conf\n`,
  });
  temps.push(dir);
  git(dir, 'add', '-A');
  const runs = () => (fs.existsSync(`${outside}/runs`)
    ? fs.readFileSync(`${outside}/runs`, 'utf8').split('\n').filter(Boolean).length : 0);
  return { dir, outside, runs };
}

function teamPatterns(advice) {
  return `[pattern "team.deprecated"]
tool = team
category = lint_violation
severity = warning
needle = DEPRECATED
regex = ^(?<file>%{path}):(?<line>\\d+): DEPRECATED (?<name>\\w+)$
hint = '{name}' is deprecated: ${advice}
`;
}

// An agent over stdio whose state folder is `state`.
async function agentOn(state, root) {
  const agent = await startAgent({ transport: 'stdio', testMethods: false,
    env: { AIRUNNER_LOG: 'error', XDG_STATE_HOME: state } });
  const conn = await agent.client(root);
  return {
    verify: async () => assertResult('verify/run',
      await conn.sendRequest('verify/run', { root, staged: true })),
    cleanup: () => agent.cleanup(),
  };
}

test('a verdict survives a restart of the agent', async () => {
  const state = temp('airunner-cache-state-');
  const { dir, runs } = countingRepo();
  let agent = await agentOn(state, dir);
  const first = await agent.verify();
  assert.equal(first.cached, false);
  assert.equal(first.ok, false);
  assert.equal(runs(), 1);
  await agent.cleanup();

  agent = await agentOn(state, dir);
  const again = await agent.verify();
  await agent.cleanup();
  assert.equal(runs(), 1, 'the check ran again after the restart');
  assert.equal(again.cached, true);
  assert.equal(again.ok, false);
  assert.equal(again.tree, first.tree);
  // the same answer, field for field, but for the flag and the time taken
  assert.deepEqual({ ...again, cached: false, durationMs: 0 }, { ...first, durationMs: 0 });
  // one file per verdict, in the state folder, private to the user
  const folder = path.join(state, 'airunner/verify-cache');
  assert.equal(fs.statSync(folder).mode & 0o777, 0o700);
  assert.equal(fs.readdirSync(folder).filter((f) => f.endsWith('.json')).length, 1);
});

test('the in-process fallback of the hook reads and writes the same cache', async () => {
  const state = temp('airunner-cache-state-');
  const { dir, runs } = countingRepo();
  // no agent can be reached or started: verify runs in the CLI's process
  const cli = () => {
    const r = spawnSync(BIN, ['verify', '--staged', '--json'], {
      cwd: dir, encoding: 'utf8',
      env: { ...process.env, XDG_STATE_HOME: state, AIRUNNER_SOCKET: path.join(state, 'missing/sub/agent.sock') },
    });
    assert.equal(r.status, 1, r.stderr); // the check fails: blocked
    return JSON.parse(r.stdout);
  };
  const first = cli();
  assert.equal(first.cached, false);
  assert.equal(runs(), 1);
  // the agent finds what the fallback left
  const agent = await agentOn(state, dir);
  const byAgent = await agent.verify();
  await agent.cleanup();
  assert.equal(byAgent.cached, true);
  assert.equal(runs(), 1);
  // and the fallback finds it again
  const again = cli();
  assert.equal(again.cached, true);
  assert.equal(runs(), 1);
});

test('an edited pattern file is never answered from the cache', async () => {
  const state = temp('airunner-cache-state-');
  const { dir, outside, runs } = countingRepo();
  const agent = await agentOn(state, dir);
  try {
    const first = await agent.verify();
    assert.equal(check(first, 'count').diagnostics[0].hint, "'old_api' is deprecated: use the v2 API");
    assert.equal((await agent.verify()).cached, true);
    assert.equal(runs(), 1);
    // same index, same checks, same files: only the patterns changed
    fs.writeFileSync(path.join(outside, 'team.conf'), teamPatterns('use the v3 API'));
    const edited = await agent.verify();
    assert.equal(edited.cached, false);
    assert.equal(runs(), 2);
    assert.equal(check(edited, 'count').diagnostics[0].hint, "'old_api' is deprecated: use the v3 API");
    // back to the first patterns: the first verdict again, from the cache
    fs.writeFileSync(path.join(outside, 'team.conf'), teamPatterns('use the v2 API'));
    const reverted = await agent.verify();
    assert.equal(reverted.cached, true);
    assert.equal(runs(), 2);
    assert.equal(check(reverted, 'count').diagnostics[0].hint, "'old_api' is deprecated: use the v2 API");
  } finally {
    await agent.cleanup();
  }
});

test('a damaged cache file is a miss, never an error or a wrong verdict', async () => {
  const state = temp('airunner-cache-state-');
  const { dir, runs } = countingRepo();
  let agent = await agentOn(state, dir);
  const first = await agent.verify();
  await agent.cleanup();
  const folder = path.join(state, 'airunner/verify-cache');
  const [entry] = fs.readdirSync(folder).filter((f) => f.endsWith('.json'));
  const damages = [
    '', '{"format": 1', 'null',
    // a well-formed entry for another key must not answer this one
    JSON.stringify({ ...JSON.parse(fs.readFileSync(path.join(folder, entry), 'utf8')), key: 'another' }),
    // a newer format
    JSON.stringify({ ...JSON.parse(fs.readFileSync(path.join(folder, entry), 'utf8')), format: 99 }),
  ];
  for (const [i, bytes] of damages.entries()) {
    fs.writeFileSync(path.join(folder, entry), bytes);
    agent = await agentOn(state, dir);
    const r = await agent.verify();
    await agent.cleanup();
    assert.equal(r.cached, false, `damage ${i} answered from the cache`);
    assert.equal(runs(), 2 + i);
    assert.deepEqual(check(r, 'count').diagnostics, check(first, 'count').diagnostics);
  }
  // the run wrote a good entry over the damaged one
  agent = await agentOn(state, dir);
  assert.equal((await agent.verify()).cached, true);
  await agent.cleanup();
});

test('the cache is written atomically and the rest of the folder left alone', async () => {
  const state = temp('airunner-cache-state-');
  const { dir } = countingRepo();
  const folder = path.join(state, 'airunner/verify-cache');
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(folder, 'notes.txt'), 'mine\n');
  const agent = await agentOn(state, dir);
  await agent.verify();
  await agent.cleanup();
  const names = fs.readdirSync(folder).sort();
  assert.equal(names.filter((f) => f.endsWith('.json')).length, 1);
  assert.ok(names.includes('notes.txt'));
  assert.deepEqual(names.filter((f) => f.startsWith('.tmp-')), [], 'a temporary file was left');
});
