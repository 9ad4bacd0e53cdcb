// Warm checks: tsc and eslint keep their incremental state per work tree in
// the state folder, and a warm verification gives exactly the diagnostics a
// cold one gives, on the staged content, through edits of a file, of a file
// it depends on, and reverts.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAgent } from '../lib/agent.mjs';
import { assertResult } from '../lib/openrpc.mjs';
import { makeRepo, removeRepo, writeFiles, git, check, tsProject, nodeTools } from './helpers.mjs';

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
async function agentOn(state, root) {
  const agent = await startAgent({ transport: 'stdio', testMethods: false,
    env: { AIRUNNER_LOG: 'error', XDG_STATE_HOME: state } });
  const conn = await agent.client(root);
  let n = 0;
  return {
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

// What must not differ between warm and cold.
const verdict = (c) => ({
  status: c.status,
  diagnostics: c.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.code, d.message]),
});

function toolState(state, file) {
  const tools = path.join(state, 'airunner/tools');
  if (!fs.existsSync(tools)) return [];
  return fs.readdirSync(tools).flatMap((d) => fs.readdirSync(path.join(tools, d)).map((f) => path.join(d, f)))
    .filter((f) => f.endsWith(file));
}

test('tsc warm: the same diagnostics as cold through edits, a dependency and reverts', async () => {
  nodeTools();
  const dir = makeRepo({ ...tsProject }, { node: true });
  temps.push(dir);
  fs.appendFileSync(path.join(dir, '.git/info/exclude'), '.airunner\n');
  git(dir, 'add', '-A');
  const warmState = temp();
  const warm = await agentOn(warmState, dir);
  const coldState = temp();
  const cold = await agentOn(coldState, dir);
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
    // no private copy is ever left behind
    assert.deepEqual(toolState(warmState, '.tmp'), []);
  } finally {
    await warm.cleanup();
    await cold.cleanup();
  }
});

test('eslint warm: the same diagnostics as cold through an edit and its revert', async () => {
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
  const warm = await agentOn(warmState, dir);
  const coldState = temp();
  const cold = await agentOn(coldState, dir);
  const steps = [
    ['base', {}, 'passed'],
    ['an error', { 'a.js': 'console.log(notDefined);\n' }, 'failed'],
    ['reverted', { 'a.js': 'console.log("a");\n' }, 'passed'],
    ['the config changes', { 'eslint.config.js': 'export default [{ rules: { "no-unused-vars": "error" } }];\n' }, 'failed'],
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
      assert.equal(toolState(warmState, 'eslint.cache').length, 1, `${what}: no cache kept`);
    }
  } finally {
    await warm.cleanup();
    await cold.cleanup();
  }
});
