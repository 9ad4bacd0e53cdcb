/*
 * The command line: --help, --version, and `airunner call`'s exit codes
 * (0 result on stdout, 1 JSON-RPC error on stderr, 2 no agent / usage).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli, startAgent, tmpDir } from '../lib/agent.mjs';
import { assertResult } from '../lib/openrpc.mjs';

test('--help lists the commands on stdout and exits 0', async () => {
	const r = await runCli(['--help']);
	assert.equal(r.code, 0);
	assert.match(r.stdout, /^usage: airunner <command>/);
	assert.match(r.stdout, /^ {2}serve /m);
	assert.match(r.stdout, /^ {2}call /m);
	assert.equal(r.stderr, '');
});

test('no command: usage on stderr, exit 2; an unknown command says which', async () => {
	const none = await runCli([]);
	assert.equal(none.code, 2);
	assert.match(none.stderr, /^usage: airunner/);
	const bad = await runCli(['frobnicate']);
	assert.equal(bad.code, 2);
	assert.match(bad.stderr, /unknown command frobnicate/);
	const opt = await runCli(['call', '--frob', 'status']);
	assert.equal(opt.code, 2);
	assert.match(opt.stderr, /unknown option --frob/);
});

test('--version prints the version the agent reports', async () => {
	const r = await runCli(['--version']);
	assert.equal(r.code, 0);
	const m = /^airunner (\S+)\n$/.exec(r.stdout);
	assert.ok(m, r.stdout);
	const st = await runCli(['call', '--stdio', 'status']);
	assert.equal(JSON.parse(st.stdout).version, m[1]);
});

test('call: a result is printed as JSON on stdout, exit 0', async () => {
	const r = await runCli(['call', '--stdio', 'status', '{}']);
	assert.equal(r.code, 0, r.stderr);
	const st = assertResult('status', JSON.parse(r.stdout));
	assert.equal(st.transport, 'stdio');
	const init = await runCli(['call', '--stdio', 'initialize']);
	assert.equal(init.code, 0, init.stderr);
	assert.equal(assertResult('initialize', JSON.parse(init.stdout)).workspace, process.cwd());
});

test('call: a JSON-RPC error goes to stderr with its code, exit 1', async () => {
	const r = await runCli(['call', '--stdio', 'no/such']);
	assert.equal(r.code, 1);
	assert.equal(r.stdout, '');
	assert.match(r.stderr, /^airunner: error -32601: method not found: no\/such\n/);
	assert.match(r.stderr, /"kind":"method_not_found"/);
	const p = await runCli(['call', '--stdio', 'status', '"x"']);
	assert.equal(p.code, 1);
	assert.match(p.stderr, /^airunner: error -32600: /);
});

test('call: PARAMS that are not JSON are refused before anything is sent, exit 2', async () => {
	const r = await runCli(['call', '--stdio', 'status', '{bad']);
	assert.equal(r.code, 2);
	assert.match(r.stderr, /PARAMS-JSON is not valid JSON/);
});

test('call: an error the agent answers with id null still ends the call, exit 1', async (t) => {
	const agent = await startAgent({ args: ['--max-frame', '1024'] });
	t.after(() => agent.cleanup());
	const r = await runCli(['call', '--no-start', '--socket', agent.socket, 'status',
				JSON.stringify({ pad: 'x'.repeat(2000) })]);
	assert.equal(r.code, 1, r.stderr);
	assert.match(r.stderr, /^airunner: error -32600: message of \d+ bytes exceeds the limit of 1024 bytes/);
});

test('call --timeout: no answer in time, exit 2 saying so', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const r = await runCli(['call', '--no-start', '--socket', agent.socket, '--timeout', '100',
				'test/sleep', '{"ms":30000}']);
	assert.equal(r.code, 2);
	assert.match(r.stderr, /no answer to test\/sleep within 100 ms/);
});

test('call --no-start with no agent: exit 2 and why; nothing is started', async (t) => {
	const dir = tmpDir();
	t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
	const sock = path.join(dir, 'agent.sock');
	const r = await runCli(['call', '--no-start', '--socket', sock, 'status']);
	assert.equal(r.code, 2);
	assert.match(r.stderr, new RegExp(`no agent is listening on ${sock}`));
	assert.ok(!fs.existsSync(sock));
	/* AIRUNNER_SOCKET picks the path when --socket does not. */
	const e = await runCli(['call', '--no-start', 'status'], { env: { AIRUNNER_SOCKET: sock } });
	assert.equal(e.code, 2);
	assert.match(e.stderr, new RegExp(`no agent is listening on ${sock}`));
});

test('call: an agent that cannot be started: exit 2 and why', async (t) => {
	const dir = tmpDir();
	t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
	fs.writeFileSync(path.join(dir, 'file'), '');
	const r = await runCli(['call', '--socket', path.join(dir, 'file', 'agent.sock'), 'status']);
	assert.equal(r.code, 2);
	assert.match(r.stderr, /^airunner: .*file/);
});

test('call through AIRUNNER_SOCKET reaches the agent there', async (t) => {
	const agent = await startAgent();
	t.after(() => agent.cleanup());
	const r = await runCli(['call', '--no-start', 'status'], { env: { AIRUNNER_SOCKET: agent.socket } });
	assert.equal(r.code, 0, r.stderr);
	assert.equal(JSON.parse(r.stdout).pid, agent.pid);
});
