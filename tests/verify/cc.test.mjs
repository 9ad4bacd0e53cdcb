// The C check on a partially staged commit: compile_commands.json names
// work-tree paths (absolute, as CMake writes them), and the check runs in the
// temporary checkout of the index. Its flags and folder must point into the
// checkout, or the compiler reads the work tree's headers instead of the
// staged ones and the verdict is about the wrong content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startVerifyAgent, makeRepo, removeRepo, writeFiles, git, check, snapshot,
} from './helpers.mjs';

let agent;
const repos = [];

before(async () => {
  const home = makeRepo({});
  repos.push(home);
  agent = await startVerifyAgent(home);
});

after(async () => {
  await agent.cleanup(); // throws on a sanitizer report
  repos.forEach(removeRepo);
});

const GOOD = '#define CONFIG_VALUE 0\n';
const BROKEN = '#define CONFIG_VALUE ]\n';

// A committed C project whose compile_commands.json (untracked, as a build
// leaves it) holds absolute work-tree paths; then src/app.c staged whole and
// include/config.h staged as `staged`, with `worktree` left on disk.
function project(staged, worktree) {
  const dir = makeRepo({
    'src/app.c': '#include "config.h"\nint main(void) { return CONFIG_VALUE; }\n',
    'include/config.h': GOOD,
    'build/.keep': '',
  });
  repos.push(dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  fs.writeFileSync(path.join(dir, 'compile_commands.json'), JSON.stringify([{
    directory: path.join(dir, 'build'),
    file: path.join(dir, 'src/app.c'),
    arguments: ['cc', `-I${path.join(dir, 'include')}`, '-c', '-o', 'app.o', path.join(dir, 'src/app.c')],
  }]));
  writeFiles(dir, {
    'src/app.c': '#include "config.h"\nint main(void) { return CONFIG_VALUE + 0; }\n',
    'include/config.h': staged,
  });
  git(dir, 'add', 'src/app.c', 'include/config.h');
  writeFiles(dir, { 'include/config.h': worktree });
  return dir;
}

test('a broken header in the work tree over a good staged one passes: -I points into the checkout', async () => {
  const dir = project(GOOD, BROKEN);
  const before = snapshot(dir);
  const r = await agent.request('verify/run', { root: dir, staged: true, checks: ['c'] });
  const c = check(r, 'c');
  assert.equal(c.status, 'passed', c.output);
  // No flag, and not the source, names the work tree.
  assert.ok(c.command.includes('-fsyntax-only'), JSON.stringify(c.command));
  assert.ok(!c.command.some((a) => a.includes(dir)), JSON.stringify(c.command));
  assert.deepEqual(snapshot(dir), before);
  assert.deepEqual(fs.readdirSync(agent.tmpdir), []);
});

test('a broken staged header under a good work tree fails', async () => {
  const dir = project(BROKEN, GOOD);
  const r = await agent.request('verify/run', { root: dir, staged: true, checks: ['c'] });
  const c = check(r, 'c');
  assert.equal(c.status, 'failed', c.output);
  assert.equal(r.ok, false);
  const d = c.diagnostics.find((x) => x.severity === 'error');
  assert.ok(d, JSON.stringify(c));
  // Where the staged macro is used, named by its workspace path.
  assert.equal(d.file, 'src/app.c');
  assert.equal(d.line, 2);
  // The work tree alone passes: only the checkout's header made it fail.
  const wt = await agent.request('verify/run', { root: dir, files: ['src/app.c'], checks: ['c'] });
  assert.equal(check(wt, 'c').status, 'passed', check(wt, 'c').output);
});
