// A staged verification that no check covers (the commit hook's most
// common case: docs, data, config): it answers from the index and HEAD
// alone, and stays right when the config, the index or the work tree change
// between two requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startAgent, tmpDir } from '../lib/agent.mjs';
import { assertResult } from '../lib/openrpc.mjs';
import { makeRepo, removeRepo, writeFiles, git, check } from './helpers.mjs';

let agent, conn;
const temps = [];

before(async () => {
  const home = makeRepo({});
  temps.push(home);
  agent = await startAgent({ testMethods: false, env: { AIRUNNER_LOG: 'error' } });
  conn = await agent.client(home);
});

after(async () => {
  await agent.cleanup(); // throws on a sanitizer report
  temps.forEach(removeRepo);
});

async function verify(root) {
  return assertResult('verify/run', await conn.sendRequest('verify/run',
    { root, staged: true, origin: 'hook', priority: 'urgent' }));
}

// A repo whose one check covers *.py and counts its runs in a file outside
// the repo; the team's pattern file is named in .airunner but missing, so
// any run that reads the patterns fails with that error.
function pyRepo() {
  const outside = tmpDir('airunner-idle-test-');
  temps.push(outside);
  const script = path.join(outside, 'check.sh');
  fs.writeFileSync(script, `echo run >> ${outside}/runs\nexit 0\n`);
  const dir = makeRepo({
    'README.md': '# notes\n',
    '.airunner': `[check "py"]\n\tcommand = sh ${script}\n\tfiles = *.py\n`
      + `[classify]\n\tpatterns = ${outside}/missing.conf\n`,
  });
  temps.push(dir);
  const runs = () => (fs.existsSync(`${outside}/runs`)
    ? fs.readFileSync(`${outside}/runs`, 'utf8').split('\n').filter(Boolean).length : 0);
  return { dir, outside, script, runs };
}

test('nothing covered: passes with the index tree, the check skipped, nothing cached, the patterns not read', async () => {
  const { dir, runs } = pyRepo();
  git(dir, 'add', 'README.md');
  // the work tree differs from the index (an unstaged edit): still no
  // checkout to make, since nothing runs
  writeFiles(dir, { 'README.md': '# notes, edited\n' });
  const r = await verify(dir);
  assert.equal(r.ok, true);
  assert.equal(check(r, 'py').status, 'skipped');
  assert.equal(r.tree, git(dir, 'write-tree').trim());
  assert.equal(r.cached, false);
  // the same content again: decided again (cheaper than a lookup), same tree
  const again = await verify(dir);
  assert.equal(again.cached, false);
  assert.equal(again.tree, r.tree);
  assert.equal(runs(), 0);

  // a covered file staged: the check runs, and the pattern file is read
  // (missing: the run fails with its error, as it always did)
  writeFiles(dir, { 'app.py': 'x = 1\n' });
  git(dir, 'add', 'app.py');
  await assert.rejects(conn.sendRequest('verify/run', { root: dir, staged: true }),
    (e) => /missing\.conf/.test(e.message));
});

test('between two requests, a config change, a new staged file and a partial stage are all seen', async () => {
  const { dir, script, runs } = pyRepo();
  fs.writeFileSync(path.join(dir, '.airunner'), `[check "py"]\n\tcommand = sh ${script}\n\tfiles = *.py\n`);
  writeFiles(dir, { 'notes.txt': 'one\n' });
  git(dir, 'add', 'notes.txt');
  assert.equal(check(await verify(dir), 'py').status, 'skipped');

  // the config (the work tree's .airunner, not staged) now covers *.txt
  fs.writeFileSync(path.join(dir, '.airunner'), `[check "py"]\n\tcommand = sh ${script}\n\tfiles = *.py\n\tfiles = *.txt\n`);
  const covered = await verify(dir);
  assert.equal(check(covered, 'py').status, 'passed');
  assert.equal(runs(), 1);
  // the same content and config again: from the cache, nothing run
  assert.equal((await verify(dir)).cached, true);
  assert.equal(runs(), 1);

  // back to *.py only: nothing runs; then a .py file staged: it runs
  fs.writeFileSync(path.join(dir, '.airunner'), `[check "py"]\n\tcommand = sh ${script}\n\tfiles = *.py\n`);
  assert.equal(check(await verify(dir), 'py').status, 'skipped');
  writeFiles(dir, { 'app.py': 'x = 1\n' });
  git(dir, 'add', 'app.py');
  assert.equal(check(await verify(dir), 'py').status, 'passed');
  assert.equal(runs(), 2);

  // partially staged: the check runs on the index's content, in a
  // checkout (the partial comparison is still made when something runs)
  fs.writeFileSync(script, `echo run >> ${path.dirname(script)}/runs\n`
    + 'test "$(cat app.py)" = "x = 2" || { echo "app.py: $(cat app.py)"; exit 1; }\n'
    + 'test "$(pwd)" != "$ROOT" || { echo "ran in the work tree"; exit 1; }\n');
  fs.writeFileSync(path.join(dir, '.airunner'),
    `[check "py"]\n\tcommand = sh ${script}\n\tfiles = *.py\n\tenv = ROOT=${dir}\n`);
  writeFiles(dir, { 'app.py': 'x = 2\n' });
  git(dir, 'add', 'app.py');
  writeFiles(dir, { 'app.py': 'x = 3\n' });
  const partial = await verify(dir);
  assert.equal(check(partial, 'py').status, 'passed', check(partial, 'py').output);
  assert.equal(runs(), 3);
});

test('the hook hears its answer first, and the run is recorded before the next request', async () => {
  const { dir } = pyRepo();
  git(dir, 'add', 'README.md');
  const r = await verify(dir);
  assert.equal(r.ok, true);
  const list = (await conn.sendRequest('run/list', { workTree: dir, kind: 'verify' })).runs;
  assert.deepEqual(list.map((x) => [x.origin, x.priority, x.state, x.outcome]),
    [['hook', 'urgent', 'succeeded', 'passed']]);
});
