// context/get through the protocol: a real repo, a real agent over its
// socket, the reply checked against protocol/openrpc.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startAgent } from '../lib/agent.mjs';
import { assertResult, assertError } from '../lib/openrpc.mjs';
import { makeRepo, removeRepo, writeFiles, git } from '../verify/helpers.mjs';

let agent, conn, dir;

before(async () => {
  dir = makeRepo({
    'src/cart.ts': "import { formatPrice } from './format';\n\n" +
      'export function total(prices: number[]): string {\n' +
      '  return formatPrice(prices.reduce((a, b) => a + b, 0));\n}\n',
    'src/format.ts': 'export function formatPrice(n: number): string {\n' +
      '  return `$${n.toFixed(2)}`;\n}\n',
    'src/other.ts': 'export function unrelated(): number {\n  return 1;\n}\n',
    'logo.png': 'PNG\0binary',
    'package.json': '{"name":"shop","private":true}\n',
  });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  agent = await startAgent();
  conn = await agent.client(dir);
});

after(async () => {
  await agent.cleanup(); // throws on a sanitizer report
  removeRepo(dir);
});

test('context/get gives the focus, its definitions, then a cache hit', async () => {
  const params = { focusFiles: ['src/cart.ts'], budget: 2000 };
  const first = assertResult('context/get', await conn.sendRequest('context/get', params));
  assert.equal(first.fromCache, false);
  assert.deepEqual(first.files.slice(0, 2), ['src/cart.ts', 'src/format.ts']);
  assert.match(first.text, /### src\/cart\.ts\n```typescript\nimport \{ formatPrice \}/);
  assert.match(first.text, /### src\/format\.ts\n1: export function formatPrice\(n: number\): string \{/);
  assert.match(first.text, /binary \(1\): logo\.png/);
  assert.ok(first.tokens <= 2000);
  assert.equal(first.bytes, Buffer.byteLength(first.text));
  assert.ok(!first.text.includes(dir), 'no absolute path in the view');

  const again = await conn.sendRequest('context/get', params);
  assert.equal(again.fromCache, true);
  assert.equal(again.text, first.text);

  // One edit: a new view that shows it.
  writeFiles(dir, { 'src/format.ts': fs.readFileSync(`${dir}/src/format.ts`, 'utf8') +
    'export function formatDate(d: Date): string {\n  return d.toISOString();\n}\n' });
  const after = await conn.sendRequest('context/get', params);
  assert.equal(after.fromCache, false);
  assert.match(after.text, /4: export function formatDate\(d: Date\): string \{/);
});

test('context/get refuses a focus outside the work tree and a non-repository', async () => {
  await assert.rejects(conn.sendRequest('context/get', { focusFiles: ['../etc/passwd'] }),
    (e) => !!assertError(e, -32602, 'invalid_params'));
  await assert.rejects(conn.sendRequest('context/get', { root: agent.runtimeDir }),
    (e) => !!assertError(e, -32009, 'not_a_repository'));
  await assert.rejects(conn.sendRequest('context/get', { budget: 5 }),
    (e) => !!assertError(e, -32602, 'invalid_params'));
});
