// Shared setup of the llm protocol tests: the fake provider server
// (tests/llm-server) and an agent (`airunner serve --stdio`) pointed at it,
// spoken to through vscode-jsonrpc as an editor would.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { initialize, SRC, startAgent as startLibAgent, tmpDir, withTimeout } from '../lib/agent.mjs';

export const SECRET = 'sk-ant-test-SECRET123';
export const OPENAI_SECRET = 'sk-openai-test-SECRET456';

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
    release: (hold) => ctl('POST', '/__control/release', { hold }),
    reset: () => ctl('POST', '/__control/reset'),
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.on('exit', r));
      proc.kill('SIGTERM');
      await withTimeout(exited, 5000, 'llm server stop');
    },
  };
}

// An agent (tests/lib/agent.mjs) whose providers both point at the server,
// with a HOME of its own so no user config leaks in. Everything it logs and
// every byte it sends is kept, to be searched for secrets.
export async function startAgent(server, { env = {}, transport = 'stdio' } = {}) {
  const ws = tmpDir('airunner-llm-');
  const home = tmpDir('airunner-home-');
  const a = await startLibAgent({
    transport,
    testMethods: false,
    env: {
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
  const conn = await a.connect();
  let wire = '';
  (transport === 'stdio' ? a.proc.stdout : conn.socket).on('data', (d) => { wire += d; });
  const agent = {
    lib: a,
    conn,
    proc: a.proc,
    socket: a.socket,
    workspace: ws,
    progress: [],
    stderr: () => a.stderr(),
    wire: () => wire,
    request: (method, params, token) =>
      (token ? conn.sendRequest(method, params, token) : conn.sendRequest(method, params)),
    // An orderly stop (shutdown and exit on stdio; SIGTERM for the socket
    // daemon); resolves to the exit code. Throws on a sanitizer report.
    async stop() {
      try {
        if (transport !== 'stdio') throw new Error('daemon');
        await withTimeout(conn.sendRequest('shutdown'), 5000, 'shutdown');
        await conn.sendNotification('exit');
      } catch {
        a.proc.kill('SIGTERM');
      }
      const { code } = await withTimeout(a.exited, 5000, 'agent exit');
      await a.cleanup();
      fs.rmSync(home, { recursive: true, force: true });
      fs.rmSync(ws, { recursive: true, force: true });
      return code;
    },
  };
  conn.onNotification('$/progress', (p) => agent.progress.push(p));
  await initialize(conn, ws);
  return agent;
}

export const user = (text) => ({ role: 'user', content: text });
