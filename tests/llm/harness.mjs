// Shared setup of the llm protocol tests: the fake provider server
// (tests/llm-server) and an agent (`airunner serve --stdio`) pointed at it,
// spoken to through vscode-jsonrpc as an editor would.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as rpc from 'vscode-jsonrpc/node.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SRC = process.env.AIRUNNER_SRC ?? path.resolve(HERE, '../..');
export const BIN = process.env.AIRUNNER_BIN ?? path.join(SRC, 'build/airunner');
export const SECRET = 'sk-ant-test-SECRET123';
export const OPENAI_SECRET = 'sk-openai-test-SECRET456';

function withTimeout(p, ms, what) {
  let t;
  return Promise.race([p, new Promise((_, rej) => {
    t = setTimeout(() => rej(new Error(`timeout: ${what}`)), ms);
  })]).finally(() => clearTimeout(t));
}

export async function startServer() {
  const proc = spawn(process.execPath,
    [path.join(SRC, 'tests/llm-server/server.mjs'), '--port', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const m = await withTimeout(new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const r = /listening 127\.0\.0\.1:(\d+)\n/.exec(out);
      if (r) resolve(r);
    });
    proc.on('exit', (c) => reject(new Error(`llm server exited ${c}`)));
  }), 10000, 'llm server start');
  const base = `http://127.0.0.1:${m[1]}`;
  const ctl = async (method, p, body) => {
    const res = await fetch(base + p, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return {
    base,
    ctl,
    script: (steps) => ctl('POST', '/__control/script', steps),
    requests: () => ctl('GET', '/__control/requests'),
    reset: () => ctl('POST', '/__control/reset'),
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.on('exit', r));
      proc.kill('SIGTERM');
      await withTimeout(exited, 5000, 'llm server stop');
    },
  };
}

// An agent whose providers both point at the server. Everything it writes to
// stderr and every message it sends is kept, to be searched for secrets.
export async function startAgent(server, { env = {}, workspace } = {}) {
  const ws = workspace ?? fs.mkdtempSync(path.join(os.tmpdir(), 'airunner-llm-'));
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'airunner-home-'));
  const proc = spawn(BIN, ['serve', '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      AIRUNNER_LOG: 'debug',
      ANTHROPIC_API_KEY: SECRET,
      OPENAI_API_KEY: OPENAI_SECRET,
      ANTHROPIC_BASE_URL: server.base,
      OPENAI_BASE_URL: `${server.base}/v1`,
      ...env,
    },
  });
  const agent = { proc, stderr: '', wire: '', progress: [], workspace: ws };
  proc.stderr.on('data', (d) => { agent.stderr += d; });
  proc.stdout.on('data', (d) => { agent.wire += d; });
  const conn = rpc.createMessageConnection(
    new rpc.StreamMessageReader(proc.stdout),
    new rpc.StreamMessageWriter(proc.stdin));
  conn.onNotification('$/progress', (p) => agent.progress.push(p));
  conn.listen();
  agent.conn = conn;
  agent.request = (method, params, token) =>
    (token ? conn.sendRequest(method, params, token) : conn.sendRequest(method, params));
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: `file://${ws}`, capabilities: {} });
  agent.stop = async () => {
    const exited = new Promise((r) => (proc.exitCode !== null ? r() : proc.on('exit', r)));
    try {
      await withTimeout(conn.sendRequest('shutdown'), 5000, 'shutdown');
      conn.sendNotification('exit');
    } catch {
      proc.kill('SIGTERM');
    }
    await withTimeout(exited, 5000, 'agent exit');
    conn.dispose();
    fs.rmSync(home, { recursive: true, force: true });
    if (!workspace) fs.rmSync(ws, { recursive: true, force: true });
    return proc.exitCode;
  };
  return agent;
}

export const user = (text) => ({ role: 'user', content: text });
