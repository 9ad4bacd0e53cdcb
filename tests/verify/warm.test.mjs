// Warm checks, two ways: a resident worker per work tree and tool keeps the
// project's typescript or eslint loaded (the agent's default), and, when no
// worker is to be had (AIRUNNER_RESIDENT_MAX=0 here, or a worker that is busy,
// cannot load the tool or dies), tsc and eslint keep their incremental state
// per work tree in the state folder. Either way a warm verification gives
// exactly the diagnostics a cold one gives, on the staged content, through
// edits of a file, of a file it depends on, and reverts.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAgent } from '../lib/agent.mjs';
import { assertResult } from '../lib/openrpc.mjs';
import { makeRepo, removeRepo, writeFiles, git, check, tsProject, nodeTools, pidGone } from './helpers.mjs';

const temps = [];
function temp() {
  const d = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'airunner-warm-test-')));
  temps.push(d);
  return d;
}
after(() => temps.forEach(removeRepo));

// An agent over stdio with its own state folder. Each verify/run sets a new
// timeout on the check, so the verification cache never answers: the tool
// runs every time.
async function agentOn(state, root, env = {}) {
  const agent = await startAgent({ transport: 'stdio', testMethods: false,
    env: { AIRUNNER_LOG: process.env.WARM_LOG ?? 'error', XDG_STATE_HOME: state, ...env } });
  const conn = await agent.client(root);
  let n = 0;
  return {
    pid: agent.pid,
    async verify(name) {
      fs.writeFileSync(path.join(root, '.airunner'), `[check "${name}"]\n\ttimeout = ${600 + n++}\n`);
      const r = assertResult('verify/run',
        await conn.sendRequest('verify/run', { root, staged: true, checks: [name] }));
      assert.equal(r.cached, false);
      return check(r, name);
    },
    cleanup: () => agent.cleanup(),
  };
}

// What must not differ between warm and cold: the verdict, the tool's
// output as the result shows it, its exit code.
const verdict = (c) => ({
  status: c.status,
  exitCode: c.exitCode,
  output: c.output,
  diagnostics: c.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.code, d.message]),
});

// The agent's resident workers: pid -> [tool, root].
function workers(agentPid) {
  const out = new Map();
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const ppid = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1];
      if (Number(ppid) === agentPid && argv.some((a) => a.endsWith('resident/worker.mjs')))
        out.set(Number(pid), argv.slice(-2));
    } catch { /* gone */ }
  }
  return out;
}
const RESIDENT = {};
const ONE_SHOT = { AIRUNNER_RESIDENT_MAX: '0' };

function toolState(state, file) {
  const tools = path.join(state, 'airunner/tools');
  if (!fs.existsSync(tools)) return [];
  return fs.readdirSync(tools).flatMap((d) => fs.readdirSync(path.join(tools, d)).map((f) => path.join(d, f)))
    .filter((f) => f.endsWith(file));
}

for (const [mode, env] of [['resident', RESIDENT], ['tool state', ONE_SHOT]])
test(`tsc warm (${mode}): the same diagnostics as cold through edits, a dependency and reverts`, async () => {
  nodeTools();
  const dir = makeRepo({ ...tsProject }, { node: true });
  temps.push(dir);
  fs.appendFileSync(path.join(dir, '.git/info/exclude'), '.airunner\n');
  git(dir, 'add', '-A');
  const warmState = temp();
  const warm = await agentOn(warmState, dir, env);
  const coldState = temp();
  const cold = await agentOn(coldState, dir, ONE_SHOT);
  const worker = () => [...workers(warm.pid).values()].filter(([tool, root]) => tool === 'tsc' && root === dir);
  const math = tsProject['src/math.ts'];
  const main = tsProject['src/main.ts'];
  // each step: the files written and staged, then what tsc must say
  const steps = [
    ['base', {}, 'passed'],
    ['a file changes (a type error in it)', { 'src/main.ts': main.replace('total: number', 'total: string') }, 'failed'],
    ['its dependency changes (and fixes it)', { 'src/math.ts': 'export function add(a: number, b: number): string {\n  return String(a + b);\n}\n' }, 'passed'],
    ['the dependency is reverted (broken again)', { 'src/math.ts': math }, 'failed'],
    ['the file is reverted', { 'src/main.ts': main }, 'passed'],
    ['the dependency breaks in a new way', { 'src/math.ts': 'export function add(a: number): number {\n  return a;\n}\n' }, 'failed'],
    ['reverted again', { 'src/math.ts': math }, 'passed'],
  ];
  try {
    for (const [what, files, expected] of steps) {
      writeFiles(dir, files);
      git(dir, 'add', '-A');
      fs.rmSync(path.join(coldState, 'airunner/tools'), { recursive: true, force: true });
      const w = await warm.verify('tsc');
      const c = await cold.verify('tsc');
      assert.equal(c.status, expected, `${what}: cold ${JSON.stringify(c.diagnostics)}`);
      assert.deepEqual(verdict(w), verdict(c), what);
      if (env === RESIDENT)
        assert.equal(worker().length, 1, `${what}: one tsc worker for the work tree`);
      else
        assert.equal(toolState(warmState, 'tsc.tsbuildinfo').length, 1, `${what}: no build info kept`);
    }
    // the staged content, never the work tree's: a broken index under a
    // good work tree fails, warm as cold
    writeFiles(dir, { 'src/main.ts': main.replace('add(1, 2)', 'add(1, "2")') });
    git(dir, 'add', '-A');
    writeFiles(dir, { 'src/main.ts': main });
    fs.rmSync(path.join(coldState, 'airunner/tools'), { recursive: true, force: true });
    const w = await warm.verify('tsc');
    const c = await cold.verify('tsc');
    assert.equal(w.status, 'failed');
    assert.deepEqual(verdict(w), verdict(c));
    // and the other way round: a good index under a broken work tree
    git(dir, 'add', '-A');
    writeFiles(dir, { 'src/main.ts': main.replace('total: number', 'total: boolean') });
    const w2 = await warm.verify('tsc');
    const c2 = await cold.verify('tsc');
    assert.equal(w2.status, 'passed');
    assert.deepEqual(verdict(w2), verdict(c2));
    if (env === RESIDENT) assert.equal(worker().length, 1);
    // no private copy is ever left behind
    assert.deepEqual(toolState(warmState, '.tmp'), []);
  } finally {
    await warm.cleanup();
    await cold.cleanup();
  }
});

for (const [mode, env] of [['resident', RESIDENT], ['tool state', ONE_SHOT]])
test(`eslint warm (${mode}): the same diagnostics as cold through an edit and its revert`, async () => {
  nodeTools();
  const dir = makeRepo({
    'package.json': '{"name":"d","private":true,"type":"module"}\n',
    'eslint.config.js': 'export default [{ rules: { "no-unused-vars": "warn", "no-undef": "error" }, '
      + 'languageOptions: { globals: { console: "readonly" } } }];\n',
    'a.js': 'console.log("a");\n',
    'b.js': 'const unused = 1;\nconsole.log("b");\n',
  }, { node: true });
  temps.push(dir);
  fs.appendFileSync(path.join(dir, '.git/info/exclude'), '.airunner\n');
  git(dir, 'add', '-A');
  const warmState = temp();
  const warm = await agentOn(warmState, dir, env);
  const coldState = temp();
  const cold = await agentOn(coldState, dir, ONE_SHOT);
  const steps = [
    ['base', {}, 'passed'],
    ['an error', { 'a.js': 'console.log(notDefined);\n' }, 'failed'],
    ['reverted', { 'a.js': 'console.log("a");\n' }, 'passed'],
    ['the config changes', { 'eslint.config.js': 'export default [{ rules: { "no-unused-vars": "error" } }];\n' }, 'failed'],
    // what the config imports changes: the worker that loaded it is stale
    ['the config imports its rules', { 'eslint.config.js': 'import rules from "./rules.js";\nexport default [{ rules }];\n',
      'rules.js': 'export default { "no-unused-vars": "error" };\n' }, 'failed'],
    ['the imported rules change', { 'rules.js': 'export default { "no-unused-vars": "off" };\n' }, 'passed'],
    ['and change back', { 'rules.js': 'export default { "no-unused-vars": "warn" };\n' }, 'passed'],
  ];
  try {
    for (const [what, files, expected] of steps) {
      writeFiles(dir, files);
      git(dir, 'add', '-A');
      fs.rmSync(path.join(coldState, 'airunner/tools'), { recursive: true, force: true });
      const w = await warm.verify('eslint');
      const c = await cold.verify('eslint');
      assert.equal(c.status, expected, `${what}: cold ${JSON.stringify(c)}`);
      assert.deepEqual(verdict(w), verdict(c), what);
      if (env === ONE_SHOT)
        assert.equal(toolState(warmState, 'eslint.cache').length, 1, `${what}: no cache kept`);
      else if (!/config|rules/.test(what)) // a changed config ends the worker that loaded it
        assert.equal([...workers(warm.pid).values()].filter(([tool, root]) => tool === 'eslint' && root === dir).length, 1,
          `${what}: one eslint worker for the work tree`);
    }
    // the staged content both ways (eslint in a checkout runs one-shot)
    writeFiles(dir, { 'b.js': 'console.log(;\n' });
    git(dir, 'add', '-A');
    writeFiles(dir, { 'b.js': 'console.log("b");\n' });
    let w = await warm.verify('eslint');
    let c = await cold.verify('eslint');
    assert.equal(w.status, 'failed');
    assert.deepEqual(verdict(w).diagnostics, verdict(c).diagnostics);
    git(dir, 'add', '-A');
    writeFiles(dir, { 'b.js': 'console.log(;\n' });
    w = await warm.verify('eslint');
    c = await cold.verify('eslint');
    assert.equal(w.status, 'passed');
    assert.deepEqual(verdict(w), verdict(c));
  } finally {
    await warm.cleanup();
    await cold.cleanup();
  }
});

test('resident: a worker killed between runs, or one that cannot load typescript, changes nothing but the time', async () => {
  nodeTools();
  const dir = makeRepo({ ...tsProject }, { node: true });
  temps.push(dir);
  fs.appendFileSync(path.join(dir, '.git/info/exclude'), '.airunner\n');
  const main = tsProject['src/main.ts'];
  writeFiles(dir, { 'src/main.ts': main.replace('total: number', 'total: string') });
  git(dir, 'add', '-A');
  const warm = await agentOn(temp(), dir);
  const cold = await agentOn(temp(), dir, ONE_SHOT);
  try {
    const c = await cold.verify('tsc');
    assert.equal(c.status, 'failed');
    assert.deepEqual(verdict(await warm.verify('tsc')), verdict(c));
    const [pid] = [...workers(warm.pid).keys()];
    assert.ok(pid, 'a worker kept');
    process.kill(pid, 'SIGKILL');
    await pidGone(pid);
    // the next runs say the same: the first may still find it dying and
    // run tsc one-shot, the second has a new worker
    assert.deepEqual(verdict(await warm.verify('tsc')), verdict(c));
    assert.deepEqual(verdict(await warm.verify('tsc')), verdict(c));
    const [again] = [...workers(warm.pid).keys()];
    assert.ok(again && again !== pid, 'a new worker');
  } finally {
    await warm.cleanup();
    await cold.cleanup();
  }

  // A typescript the worker cannot use (no builder program: an old or
  // stripped one) whose tsc still runs: the one-shot command answers.
  const tools = temp();
  fs.cpSync(path.join(nodeTools(), '.bin'), path.join(tools, '.bin'), { recursive: true, verbatimSymlinks: true });
  fs.mkdirSync(path.join(tools, 'typescript/bin'), { recursive: true });
  fs.writeFileSync(path.join(tools, 'typescript/package.json'), '{"name":"typescript","version":"0.0.1","main":"index.js"}\n');
  fs.writeFileSync(path.join(tools, 'typescript/index.js'), 'module.exports = { version: "0.0.1" };\n');
  fs.writeFileSync(path.join(tools, 'typescript/bin/tsc'),
    '#!/usr/bin/env node\nconsole.log("src/main.ts(3,14): error TS2322: Type \'number\' is not assignable to type \'string\'.");\nprocess.exit(2);\n');
  fs.chmodSync(path.join(tools, 'typescript/bin/tsc'), 0o755);
  fs.rmSync(path.join(tools, '.bin/tsc'), { force: true });
  fs.symlinkSync('../typescript/bin/tsc', path.join(tools, '.bin/tsc'));
  fs.rmSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(tools, path.join(dir, 'node_modules'));
  const warm2 = await agentOn(temp(), dir);
  const cold2 = await agentOn(temp(), dir, ONE_SHOT);
  try {
    const c = await cold2.verify('tsc');
    assert.equal(c.status, 'failed');
    assert.equal(c.diagnostics.length, 1);
    const w = await warm2.verify('tsc');
    assert.deepEqual(verdict(w), verdict(c));
    // the worker said so and went; the next run tries again, and falls back again
    assert.deepEqual(verdict(await warm2.verify('tsc')), verdict(c));
  } finally {
    await warm2.cleanup();
    await cold2.cleanup();
  }
});
