// verify/checks and verify/run through the protocol, on real repos with
// real git, tsc, eslint, gcc and python3.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as rpc from 'vscode-jsonrpc/node.js';
import {
  startVerifyAgent, makeRepo, removeRepo, writeFiles, git, tsProject, check,
  snapshot, pidGone, nodeTools,
} from './helpers.mjs';

let agent;
const repos = [];
function repo(files, opts) {
  const dir = makeRepo(files, opts);
  repos.push(dir);
  return dir;
}

before(async () => {
  nodeTools();
  const home = repo({});
  agent = await startVerifyAgent(home);
});

after(async () => {
  await agent.cleanup(); // throws on a sanitizer report
  repos.forEach(removeRepo);
});

test('verify/checks lists what the project has', async () => {
  const dir = repo({
    ...tsProject,
    'eslint.config.js': 'export default [];\n',
    'package.json': '{"name":"d","private":true,"scripts":{"test":"jest"}}\n',
    '.airunner': '[check "tests"]\n\ttimeout = 5\n[check "imports"]\n\tenabled = false\n',
  }, { node: true });
  const { checks } = await agent.request('verify/checks', { root: dir });
  const byName = Object.fromEntries(checks.map((c) => [c.name, c]));
  assert.deepEqual(Object.keys(byName).sort(), ['eslint', 'tests', 'tsc']);
  assert.deepEqual(byName.tsc.command, ['node_modules/.bin/tsc', '--noEmit', '--pretty', 'false']);
  assert.equal(byName.tsc.source, 'detected');
  assert.deepEqual(byName.eslint.command, ['node_modules/.bin/eslint', '{files}']);
  assert.deepEqual(byName.tests.command, ['npm', 'test', '--', '--passWithNoTests']);
  assert.equal(byName.tests.timeout, 5);
  assert.equal(byName.tests.source, 'config');
});

test('a repo with no checks passes with nothing run', async () => {
  const dir = repo({ 'README.md': '# hi\n' });
  git(dir, 'add', '-A');
  assert.deepEqual((await agent.request('verify/checks', { root: dir })).checks, []);
  const r = await agent.request('verify/run', { root: dir, staged: true });
  assert.equal(r.ok, true);
  assert.deepEqual(r.checks, []);
  assert.match(r.tree, /^[0-9a-f]{40}$/);
});

test('a type error fails tsc with type_error at the right place', async () => {
  const dir = repo({
    ...tsProject,
    'src/main.ts': "import { add } from './math';\n\nexport const total: string = add(1, 2);\n",
  }, { node: true });
  git(dir, 'add', '-A');
  const r = await agent.request('verify/run', { root: dir, staged: true, workDoneToken: 'v1' });
  assert.equal(r.ok, false);
  const tsc = check(r, 'tsc');
  assert.equal(tsc.status, 'failed');
  assert.equal(tsc.exitCode, 2);
  const d = tsc.diagnostics.find((x) => x.code === 'TS2322');
  assert.ok(d, JSON.stringify(tsc));
  assert.equal(d.category, 'type_error');
  assert.equal(d.file, 'src/main.ts');
  assert.equal(d.line, 3);
  assert.equal(check(r, 'imports').status, 'passed');
  assert.equal(r.summary.checks, 2);
  assert.equal(r.summary.failed, 1);
  assert.ok(r.summary.errors >= 1);
  // begin, a report per check that ran, end
  const mine = agent.progress.filter((p) => p.token === 'v1').map((p) => p.value.kind);
  assert.deepEqual(mine, ['begin', 'report', 'report', 'end']);
});

test('an unresolved import fails the imports check', async () => {
  const dir = repo({
    ...tsProject,
    'src/main.ts': "import { add } from './maths';\n\nexport const total = add(1, 2);\n",
  }, { node: true });
  git(dir, 'add', '-A');
  const r = await agent.request('verify/run', { root: dir, staged: true, checks: ['imports'] });
  assert.equal(r.ok, false);
  assert.equal(r.checks.length, 1);
  const [d] = check(r, 'imports').diagnostics;
  assert.equal(d.category, 'import_resolution');
  assert.equal(d.file, 'src/main.ts');
  assert.equal(d.line, 1);
  assert.match(d.message, /'\.\/maths'/);
});

test('eslint: warnings pass, errors block, on the changed files only', async () => {
  const dir = repo({
    'package.json': '{"name":"d","private":true,"type":"module"}\n',
    'eslint.config.js': 'export default [{ rules: { "no-unused-vars": "warn", "no-undef": "error" }, '
      + 'languageOptions: { globals: { console: "readonly" } } }];\n',
    'ok.js': 'const unused = 1;\nconsole.log("x");\n',
    'bad.js': 'console.log(notDefined);\n',
  }, { node: true });
  git(dir, 'add', 'ok.js', 'package.json', 'eslint.config.js', '.gitignore');
  let r = await agent.request('verify/run', { root: dir, staged: true, checks: ['eslint'] });
  let es = check(r, 'eslint');
  assert.equal(es.status, 'passed');
  assert.equal(r.ok, true);
  assert.ok(!es.command.includes('bad.js'));
  assert.ok(es.diagnostics.some((d) => d.severity === 'warning' && d.file === 'ok.js' && d.line === 1));
  assert.equal(r.summary.warnings >= 1, true);

  r = await agent.request('verify/run', { root: dir, files: ['bad.js'], checks: ['eslint'] });
  es = check(r, 'eslint');
  assert.equal(es.status, 'failed');
  assert.equal(r.ok, false);
  const d = es.diagnostics.find((x) => x.code === 'no-undef');
  assert.ok(d, JSON.stringify(es));
  assert.equal(d.file, 'bad.js');
  assert.equal(d.line, 1);
});

test('partially staged: a broken work tree over a good index passes, untouched', async () => {
  const dir = repo(tsProject, { node: true });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  // staged: a good change; then the work tree breaks the same file
  writeFiles(dir, { 'src/math.ts': 'export function add(a: number, b: number): number {\n  return a + b + 0;\n}\n' });
  git(dir, 'add', 'src/math.ts');
  writeFiles(dir, { 'src/math.ts': 'export function add(a: number, b: number): number {\n  return "broken";\n}\n' });
  const before = snapshot(dir);
  const r = await agent.request('verify/run', { root: dir, staged: true });
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.equal(check(r, 'tsc').status, 'passed');
  assert.deepEqual(snapshot(dir), before);
  // the work tree alone does fail: the checkout is what made it pass
  const wt = await agent.request('verify/run', { root: dir, files: ['src/math.ts'] });
  assert.equal(wt.ok, false);
  // no checkout left behind
  assert.deepEqual(fs.readdirSync(agent.tmpdir), []);
});

test('partially staged: a broken index under a good work tree fails', async () => {
  const dir = repo(tsProject, { node: true });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  writeFiles(dir, { 'src/main.ts': "import { add } from './math';\n\nexport const total: string = add(1, 2);\n" });
  git(dir, 'add', 'src/main.ts');
  writeFiles(dir, { 'src/main.ts': "import { add } from './math';\n\nexport const total: number = add(1, 2);\n" });
  const before = snapshot(dir);
  const r = await agent.request('verify/run', { root: dir, staged: true });
  assert.equal(r.ok, false);
  const d = check(r, 'tsc').diagnostics.find((x) => x.code === 'TS2322');
  assert.ok(d, JSON.stringify(check(r, 'tsc')));
  assert.equal(d.file, 'src/main.ts'); // the workspace's name, not the checkout's
  assert.equal(d.line, 3);
  assert.deepEqual(snapshot(dir), before);
});

test('the same staged content again comes from the cache', async () => {
  // python3's py_compile: a real tool, and quicker than tsc
  const dir = repo({ 'app.py': 'x = 1\n', 'lib.py': 'def f():\n    return 2\n' });
  git(dir, 'add', '-A');
  const first = await agent.request('verify/run', { root: dir, staged: true });
  assert.equal(first.cached, false);
  assert.equal(first.ok, true);
  const again = await agent.request('verify/run', { root: dir, staged: true });
  assert.equal(again.cached, true);
  assert.equal(again.tree, first.tree);
  assert.deepEqual(again.checks.map((c) => [c.name, c.status, c.command]),
    first.checks.map((c) => [c.name, c.status, c.command]));
  // the same content in the index, but a check's configuration changed
  writeFiles(dir, { '.airunner': '[check "python"]\n\ttimeout = 30\n' });
  assert.equal((await agent.request('verify/run', { root: dir, staged: true })).cached, false);
  // new staged content: run again
  writeFiles(dir, { 'lib.py': 'def f(:\n' });
  git(dir, 'add', 'lib.py');
  const changed = await agent.request('verify/run', { root: dir, staged: true });
  assert.equal(changed.cached, false);
  assert.notEqual(changed.tree, first.tree);
  assert.equal(changed.ok, false);
  // and a failing verdict is cached as well
  const failedAgain = await agent.request('verify/run', { root: dir, staged: true });
  assert.equal(failedAgain.cached, true);
  assert.equal(failedAgain.ok, false);
});

test('a hanging check is killed at its timeout with its whole group', async () => {
  const dir = repo({
    'README.md': 'x\n',
    '.airunner': '[check "hang"]\n'
      // git-config syntax: quote a value holding ';' (a comment) or '"'
      + '\tcommand = "sh -c \'sleep 100 & echo $! > \\"$0\\"; sleep 100\' grandchild.pid"\n'
      + '\ttimeout = 1\n',
  });
  git(dir, 'add', 'README.md');
  const r = await agent.request('verify/run', { root: dir, staged: true });
  const hang = check(r, 'hang');
  assert.equal(hang.status, 'timeout');
  assert.equal(r.ok, false);
  assert.equal(hang.diagnostics[0].category, 'timeout');
  const pid = Number(fs.readFileSync(path.join(dir, 'grandchild.pid'), 'utf8'));
  assert.ok(pid > 1);
  assert.ok(await pidGone(pid), `grandchild ${pid} still running`);
  // a timeout is not a verdict on the content: not cached
  fs.unlinkSync(path.join(dir, 'grandchild.pid'));
  const again = await agent.request('verify/run', { root: dir, staged: true });
  assert.equal(again.cached, false);
  assert.ok(await pidGone(Number(fs.readFileSync(path.join(dir, 'grandchild.pid'), 'utf8'))));
});

test('cancelling a run kills its children and answers cancelled', async () => {
  const dir = repo({
    'README.md': 'x\n',
    '.airunner': '[check "slow"]\n'
      + '\tcommand = "sh -c \'echo $$ > \\"$0\\"; sleep 100\' leader.pid"\n\ttimeout = 60\n',
  });
  git(dir, 'add', 'README.md');
  const source = new rpc.CancellationTokenSource();
  const pending = agent.request('verify/run', { root: dir, staged: true }, source.token);
  const pidFile = path.join(dir, 'leader.pid');
  while (!fs.existsSync(pidFile) || !fs.readFileSync(pidFile, 'utf8').trim()) {
    await new Promise((res) => setTimeout(res, 20));
  }
  source.cancel();
  await assert.rejects(pending, (e) => e.code === -32800);
  assert.ok(await pidGone(Number(fs.readFileSync(pidFile, 'utf8'))));
  // the agent is fine afterwards
  const { checks } = await agent.request('verify/checks', { root: dir });
  assert.equal(checks[0].name, 'slow');
});

test('configured commands get the files as separate arguments', async () => {
  const dir = repo({
    'a b.txt': '1\n', '-n.txt': '2\n', 'c.md': '3\n',
    '.airunner': '[check "args"]\n\tcommand = "sh -c \'printf \\"<%s>\\" \\"$@\\"; exit 3\' sh {files}"\n'
      + '\tfiles = *.txt\n\tblocking = false\n\tenv = AIRUNNER_X=1\n',
  });
  git(dir, 'add', '--', 'a b.txt', '-n.txt', 'c.md');
  const r = await agent.request('verify/run', { root: dir, staged: true });
  const c = check(r, 'args');
  assert.equal(c.output, '<./-n.txt><a b.txt>');
  assert.equal(c.status, 'failed');
  assert.equal(c.exitCode, 3);
  assert.equal(c.blocking, false);
  assert.equal(r.ok, true); // not blocking
});

test('files: changed by default, every file with all, skipped when none match', async () => {
  const dir = repo({
    'old.txt': '1\n', 'same.txt': '2\n', 'notes.md': '3\n',
    '.airunner': '[check "list"]\n\tcommand = "sh -c \'printf \\"<%s>\\" \\"$@\\"\' sh {files}"\n'
      + '\tfiles = *.txt\n',
  });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  writeFiles(dir, { 'old.txt': 'changed\n', 'new.txt': 'untracked\n' });
  let r = await agent.request('verify/run', { root: dir });
  assert.equal(check(r, 'list').output, '<new.txt><old.txt>');
  assert.equal(r.tree, undefined); // no index tree outside a staged run
  r = await agent.request('verify/run', { root: dir, all: true });
  assert.equal(check(r, 'list').output, '<new.txt><old.txt><same.txt>');
  r = await agent.request('verify/run', { root: dir, files: ['notes.md'] });
  assert.equal(check(r, 'list').status, 'skipped');
  assert.equal(check(r, 'list').exitCode, null);
  assert.equal(r.ok, true);
  assert.equal(r.summary.checks, 0); // skipped checks did not run
});

test('a long file list is cut into several children, never one exec too long', async () => {
  const files = {
    '.airunner': '[check "count"]\n\tcommand = "sh -c \'echo $#\' sh {files}"\n\tfiles = *.txt\n',
  };
  for (let i = 0; i < 2000; i++) files[`a-rather-long-file-name-to-fill-the-argument-list-${i}.txt`] = '';
  const dir = repo(files);
  const r = await agent.request('verify/run', { root: dir, all: true });
  const c = check(r, 'count');
  assert.equal(c.status, 'passed');
  const counts = c.output.trim().split('\n').map(Number);
  assert.ok(counts.length >= 2, c.output);
  assert.equal(counts.reduce((a, b) => a + b, 0), 2000);
});

test('the test script runs with CI=true and fails the run when it fails', async () => {
  const script = "node -e \\\"process.exit(process.env.CI === 'true' ? Number(require('fs').readFileSync('code', 'utf8')) : 9)\\\"";
  const dir = repo({
    'package.json': `{"name":"t","private":true,"scripts":{"test":"${script}"}}\n`,
    code: '0',
  });
  git(dir, 'add', '-A');
  let r = await agent.request('verify/run', { root: dir, staged: true });
  let t = check(r, 'tests');
  assert.deepEqual(t.command, ['npm', 'test']);
  assert.equal(t.status, 'passed', t.output);
  writeFiles(dir, { code: '4' });
  git(dir, 'add', '-A');
  r = await agent.request('verify/run', { root: dir, staged: true });
  t = check(r, 'tests');
  assert.equal(t.status, 'failed');
  assert.equal(t.exitCode, 4);
  assert.equal(r.ok, false);
});

test('python and C: the real compilers find the errors', async () => {
  const dir = repo({
    'bad.py': 'def f(:\n    pass\n',
    'good.py': 'x = 1\n',
    'main.c': '#include <stdio.h>\nint main(void)\n{\n\treturn undefined_thing;\n}\n',
  });
  git(dir, 'add', '-A');
  const r = await agent.request('verify/run', { root: dir, staged: true });
  const py = check(r, 'python');
  assert.equal(py.status, 'failed');
  assert.deepEqual(py.command.slice(0, 3), ['python3', '-m', 'py_compile']);
  const pd = py.diagnostics.find((d) => d.file === 'bad.py');
  assert.ok(pd, JSON.stringify(py));
  assert.equal(pd.line, 1);
  assert.equal(pd.category, 'syntax_error');
  const c = check(r, 'c');
  assert.equal(c.status, 'failed');
  const cd = c.diagnostics.find((d) => d.severity === 'error');
  assert.equal(cd.file, 'main.c');
  assert.equal(cd.line, 4);
  assert.equal(cd.category, 'undefined_symbol');
  // py_compile wrote nothing into the work tree
  assert.equal(fs.existsSync(path.join(dir, '__pycache__')), false);
});

test('a build that enters folders names its files from there: recursive make, meson over ninja', async () => {
  // make -C lib prints "a.c:1:22: error" under "Entering directory
  // '.../lib'"; the top folder has an a.c of its own, which is not it.
  const mk = repo({
    'Makefile': 'all:\n\t$(MAKE) -C lib\n',
    'lib/Makefile': 'a.o: a.c\n\tcc -c a.c\n',
    'lib/a.c': 'int f(void) { return undefined_x; }\n',
    'a.c': 'int g(void) { return 0; }\n',
    '.airunner': '[check "build"]\n\tcommand = make\n\ttimeout = 60\n',
  });
  git(mk, 'add', '-A');
  let c = check(await agent.request('verify/run', { root: mk, all: true }), 'build');
  assert.equal(c.status, 'failed');
  assert.match(c.output, /Entering directory/);
  let d = c.diagnostics.find((x) => x.category === 'undefined_symbol');
  assert.ok(d, JSON.stringify(c.diagnostics));
  assert.deepEqual([d.file, d.line, d.column], ['lib/a.c', 1, 22]);

  // ninja builds in build/ and the compiler names "../src/a.c"
  const ms = repo({
    'meson.build': "project('p', 'c')\nexecutable('p', 'src/a.c')\n",
    'src/a.c': 'int main(void) { return undefined_y; }\n',
    'build.sh': 'meson setup build >/dev/null && meson compile -C build\n',
    '.airunner': '[check "build"]\n\tcommand = sh build.sh\n\ttimeout = 120\n',
  });
  git(ms, 'add', '-A');
  c = check(await agent.request('verify/run', { root: ms, all: true }), 'build');
  assert.equal(c.status, 'failed');
  assert.match(c.output, /ninja: Entering directory/);
  assert.match(c.output, /\.\.\/src\/a\.c:1:25/);
  d = c.diagnostics.find((x) => x.category === 'undefined_symbol');
  assert.ok(d, JSON.stringify(c.diagnostics));
  assert.deepEqual([d.file, d.line, d.column], ['src/a.c', 1, 25]);
});

test('a tool run in a package folder names files from there: the one verified file ending in that path', async () => {
  // a monorepo's package type-checked from its own folder (as pnpm -r,
  // turbo or a script that cd's run it): tsc says "src/a.ts"
  const dir = repo({
    'apps/web/tsconfig.json': '{"compilerOptions": {"strict": true, "noEmit": true}, "include": ["src"]}\n',
    'apps/web/src/a.ts': 'export const n: number = "one";\n',
    'apps/api/src/b.ts': 'export const m = 1;\n',
    'web.sh': 'cd apps/web && exec ../../node_modules/.bin/tsc -p .\n',
    '.airunner': '[check "web"]\n\tcommand = sh web.sh\n\ttimeout = 60\n',
  }, { node: true });
  git(dir, 'add', '-A');
  const c = check(await agent.request('verify/run', { root: dir, staged: true }), 'web');
  assert.equal(c.status, 'failed');
  assert.match(c.output, /^src\/a\.ts\(1,14\)/m);
  const d = c.diagnostics.find((x) => x.code === 'TS2322');
  assert.ok(d, JSON.stringify(c.diagnostics));
  assert.deepEqual([d.file, d.line, d.column, d.category], ['apps/web/src/a.ts', 1, 14, 'type_error']);
});

test('C with compile_commands.json uses its flags', async () => {
  const dir = repo({
    'src/app.c': '#include "config.h"\nint main(void) { return CONFIG_VALUE; }\n',
    'include/config.h': '#define CONFIG_VALUE 0\n',
  });
  fs.writeFileSync(path.join(dir, 'compile_commands.json'), JSON.stringify([{
    directory: path.join(dir, 'build'),
    file: '../src/app.c',
    arguments: ['cc', '-I../include', '-DX=1', '-c', '-o', 'app.o', '../src/app.c'],
  }]));
  fs.mkdirSync(path.join(dir, 'build'));
  git(dir, 'add', 'src', 'include');
  let r = await agent.request('verify/run', { root: dir, staged: true, checks: ['c'] });
  assert.equal(check(r, 'c').status, 'passed', check(r, 'c').output);
  assert.ok(check(r, 'c').command.includes('-I../include'));
  assert.ok(!check(r, 'c').command.includes('-o'));
  writeFiles(dir, { 'src/app.c': '#include "config.h"\nint main(void) { return CONFIG_VALU; }\n' });
  git(dir, 'add', 'src');
  r = await agent.request('verify/run', { root: dir, staged: true, checks: ['c'] });
  const d = check(r, 'c').diagnostics.find((x) => x.severity === 'error');
  assert.equal(d.file, 'src/app.c');
  assert.equal(d.line, 2);
});

test('bad requests get clear errors', async () => {
  const dir = repo({ 'a.txt': 'x\n' });
  await assert.rejects(agent.request('verify/run', { root: dir, files: ['../../etc/passwd'] }),
    (e) => e.data?.kind === 'outside_workspace' && /outside the workspace/.test(e.message));
  await assert.rejects(agent.request('verify/run', { root: dir, files: ['/etc/passwd'] }),
    (e) => e.data?.kind === 'outside_workspace');
  await assert.rejects(agent.request('verify/run', { root: dir, checks: ['nope'] }),
    (e) => e.code === -32602 && /nope/.test(e.message));
  await assert.rejects(agent.request('verify/run', { root: dir, files: [3] }),
    (e) => e.code === -32602);
  await assert.rejects(agent.request('verify/run', { root: 'relative' }), (e) => e.code === -32602);
  /* A NUL would cut the path short in C: the repository's own index would
   * be verified instead of the one named. */
  await assert.rejects(agent.request('verify/run', { root: dir, staged: true, index: `${dir}/.git/index\u0000.lock` }),
    (e) => e.code === -32602 && /'index'.*NUL/.test(e.message));
  await assert.rejects(agent.request('verify/run', { root: dir, files: ['a.txt\u0000b'] }),
    (e) => e.code === -32602 && /'files'/.test(e.message));
  const plain = fs.mkdtempSync(path.join(path.dirname(dir), 'airunner-verify-test-plain-'));
  repos.push(plain);
  await assert.rejects(agent.request('verify/run', { root: plain, staged: true }),
    (e) => e.data?.kind === 'not_a_repository' && /needs a git repository/.test(e.message));
  writeFiles(dir, { '.airunner': '[check "x"]\n\tcommand = a \'b\n' });
  await assert.rejects(agent.request('verify/checks', { root: dir }),
    (e) => e.code === -32013 && e.data.kind === 'config' && /unbalanced/.test(e.message));
});
