// Shared set-up of the execution tests: the provider test server playing
// scripted models, a real git repository of the TypeScript project with
// real tsc, and an agent (over stdio, as an editor runs it) whose providers
// point at the server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAgent as startLibAgent, initialize, runEvents, tmpDir, withTimeout } from '../lib/agent.mjs';
import { startServer, SECRET, OPENAI_SECRET } from '../llm/harness.mjs';
import { git, makeRepo, tsProject, writeFiles } from '../verify/helpers.mjs';

export { git, writeFiles, startServer, SECRET, OPENAI_SECRET };

// The project committed once, with tsc from npm linked in.
export function makeProject(extra = {}) {
  const repo = makeRepo({ ...tsProject, ...extra }, { node: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'the project');
  return repo;
}

// An agent on stdio for the tests of one file. state: the folder of its
// run store (kept across a restart when the caller passes its own).
export async function startExecAgent(server, { state, env = {} } = {}) {
  const home = tmpDir('airunner-exec-home-');
  const stateDir = state ?? tmpDir('airunner-exec-state-');
  const a = await startLibAgent({
    transport: 'stdio',
    testMethods: false,
    env: {
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_STATE_HOME: stateDir,
      GIT_CONFIG_NOSYSTEM: '1',
      AIRUNNER_LOG: 'info',
      ANTHROPIC_API_KEY: SECRET,
      OPENAI_API_KEY: OPENAI_SECRET,
      ANTHROPIC_BASE_URL: server.base,
      OPENAI_BASE_URL: `${server.base}/v1`,
      ...env,
    },
  });
  const conn = await a.connect();
  let wire = '';
  a.proc.stdout.on('data', (d) => { wire += d; });
  const progress = [];
  conn.onNotification('$/progress', (p) => progress.push(p));
  const heard = runEvents(conn);
  // Verification runs real tsc: on a loaded machine that takes a while.
  const events = {
    seen: heard.seen,
    async until(pred, what, ms = 120_000) {
      for (const end = Date.now() + ms; Date.now() < end;) {
        const hit = heard.seen.find(pred);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`${what}: not within ${ms} ms`);
    },
  };
  await initialize(conn, null);
  return {
    lib: a,
    conn,
    events,
    progress,
    state: stateDir,
    wire: () => wire,
    stderr: () => a.stderr(),
    request: (method, params, token) =>
      (token ? conn.sendRequest(method, params, token) : conn.sendRequest(method, params)),
    // The agent gone at once, as a crash would leave it.
    async kill() {
      a.proc.kill('SIGKILL');
      await withTimeout(a.exited, 5000, 'agent killed');
    },
    async stop({ keepState = false } = {}) {
      await a.cleanup();
      fs.rmSync(home, { recursive: true, force: true });
      if (!keepState) fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

// What a scripted Anthropic turn looks like: thinking first (the ladder's
// Anthropic rungs think), then the given blocks.
export function turn(...blocks) {
  return { content: [{ type: 'thinking', thinking: 'Working out the change.', signature: 'auto' }, ...blocks] };
}
export const tool = (name, input) => ({ type: 'tool_use', name, input });
export const text = (t) => ({ type: 'text', text: t });

// The state of the work tree, the index and HEAD: bytes of every file but
// .git and node_modules, `git ls-files -s`, and HEAD.
export function treeState(dir) {
  const files = {};
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.git' || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isSymbolicLink()) files[path.relative(dir, p)] = { link: fs.readlinkSync(p) };
      else if (e.isDirectory()) walk(p);
      else files[path.relative(dir, p)] = { bytes: fs.readFileSync(p, 'base64'), mode: fs.statSync(p).mode };
    }
  };
  walk(dir);
  return { files, index: git(dir, 'ls-files', '-s'), head: git(dir, 'rev-parse', 'HEAD') };
}

export function scratch(prefix = 'airunner-exec-') {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}
