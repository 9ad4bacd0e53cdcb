// Shared set-up for the verify tests: real repos in temp folders, real git,
// real tsc and eslint from npm, and one agent per test file over stdio.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAgent, SRC } from '../lib/agent.mjs';
import { assertResult } from '../lib/openrpc.mjs';

const toolsDir = path.join(SRC, 'tests/fixtures/node-tools');

// typescript and eslint, installed once into tests/fixtures/node-tools.
export function nodeTools() {
  const nm = path.join(toolsDir, 'node_modules');
  if (!fs.existsSync(path.join(nm, '.bin/tsc')) || !fs.existsSync(path.join(nm, '.bin/eslint'))) {
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: toolsDir, stdio: 'ignore' });
  }
  return nm;
}

const gitEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com',
};

export function git(dir, ...args) {
  return execFileSync('git', args, { cwd: dir, env: gitEnv, encoding: 'utf8' });
}

// A new repo holding `files` ({path: content}); node_modules linked in when
// `node` is set. Nothing is staged yet.
export function makeRepo(files, { node = false } = {}) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'airunner-verify-test-')));
  git(dir, 'init', '-q');
  if (node) {
    fs.symlinkSync(nodeTools(), path.join(dir, 'node_modules'));
    files = { '.gitignore': 'node_modules\n', ...files };
  }
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir, files) {
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
}

export function removeRepo(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
}

// The TypeScript project most tests start from.
export const tsProject = {
  'package.json': '{"name":"demo","private":true,"type":"module"}\n',
  'tsconfig.json': `{
  // the project's settings
  "compilerOptions": {
    "strict": true, "noEmit": true, "module": "esnext",
    "moduleResolution": "bundler", "target": "es2022",
  },
  "include": ["src"],
}
`,
  'src/math.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n',
  'src/main.ts': "import { add } from './math';\n\nexport const total: number = add(1, 2);\n",
};

// One agent on stdio (tests/lib/agent.mjs), initialized on `root`, with the
// $/progress notifications it sent collected. Every result is checked
// against its schema in protocol/openrpc.json.
// The agent gets a TMPDIR of its own, so a test can tell that it left no
// temporary checkout behind without seeing other tests' folders.
export async function startVerifyAgent(root) {
  const tmpdir = fs.mkdtempSync(path.join(os.tmpdir(), 'airunner-verify-test-tmp-'));
  const agent = await startAgent({ transport: 'stdio', testMethods: false, env: { AIRUNNER_LOG: 'error', TMPDIR: tmpdir } });
  const conn = await agent.client(root);
  const progress = [];
  conn.onNotification('$/progress', (p) => progress.push(p));
  return {
    conn,
    progress,
    // vscode-jsonrpc sends [params, undefined] as an array: pass the
    // token only when there is one.
    async request(method, params, token) {
      const r = await (token ? conn.sendRequest(method, params, token) : conn.sendRequest(method, params));
      return assertResult(method, r);
    },
    tmpdir,
    stderr: () => agent.stderr(),
    cleanup: async () => {
      await agent.cleanup();
      fs.rmSync(tmpdir, { recursive: true, force: true });
    },
  };
}

export function check(result, name) {
  return result.checks.find((c) => c.name === name);
}

// Bytes and mtime of every file under dir but .git and node_modules.
export function snapshot(dir) {
  const out = {};
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.git' || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const st = fs.statSync(p);
        out[path.relative(dir, p)] = { bytes: fs.readFileSync(p, 'base64'), mtimeMs: st.mtimeMs };
      }
    }
  };
  walk(dir);
  const idx = path.join(dir, '.git/index');
  out['.git/index'] = { bytes: fs.readFileSync(idx, 'base64'), mtimeMs: fs.statSync(idx).mtimeMs };
  return out;
}

// A process is gone when /proc has no entry for it, or only a zombie.
export async function pidGone(pid) {
  for (let i = 0; i < 500; i++) {
    let stat;
    try { stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8'); } catch { return true; }
    const state = stat.slice(stat.lastIndexOf(')') + 2)[0];
    if (state === 'Z' || state === 'X') return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}
