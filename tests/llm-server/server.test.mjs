// Tests for the fake LLM server: run with `node --test tests/llm-server/`.
// Node built-ins only. Every wait has a timeout so a broken server fails fast
// instead of hanging the suite.

import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const T = { timeout: 15_000 };

let proc;
let port;
let tmp;

function withTimeout(p, ms, what) {
  let t;
  return Promise.race([p, new Promise((_, rej) => { t = setTimeout(() => rej(new Error(`timeout: ${what}`)), ms); })])
    .finally(() => clearTimeout(t));
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-server-test-'));
  proc = spawn(process.execPath, [path.join(HERE, 'server.mjs'), '--port', '0',
    '--port-file', path.join(tmp, 'port'), '--log', path.join(tmp, 'log.jsonl')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await withTimeout(new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /listening 127\.0\.0\.1:(\d+)\n/.exec(out);
      if (m) resolve(m);
    });
    proc.on('exit', (c) => reject(new Error(`server exited ${c}`)));
  }), 5000, 'server start');
  port = Number(line[1]);
  assert.equal(Number(fs.readFileSync(path.join(tmp, 'port'), 'utf8').trim()), port);
});

after(async () => {
  if (proc && proc.exitCode === null) {
    const exited = new Promise((r) => proc.on('exit', r));
    proc.kill('SIGTERM');
    await withTimeout(exited, 5000, 'server stop');
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

beforeEach(async () => {
  await ctl('POST', '/__control/reset');
});

// ---------------------------------------------------------------------------
// Helpers

async function call(method, p, { headers = {}, body } = {}) {
  const r = await fetch(`http://127.0.0.1:${port}${p}`, {
    method, headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const buf = Buffer.from(await r.arrayBuffer());
  let json = null;
  try { json = JSON.parse(buf.toString('utf8')); } catch { /* not JSON */ }
  return { status: r.status, headers: r.headers, buf, json };
}
const ctl = async (method, p, body) => (await call(method, p, { body })).json;
const script = (s) => ctl('POST', '/__control/script', s);

const ANTH = { 'x-api-key': 'test-key-123', 'anthropic-version': '2023-06-01' };
const OA = { authorization: 'Bearer sk-test-456' };
const anth = (body, headers = ANTH) => call('POST', '/v1/messages', { headers, body });
const oa = (body, headers = OA) => call('POST', '/v1/chat/completions', { headers, body });
const userMsg = (text) => ({ role: 'user', content: text });
const BASE = { model: 'claude-test', max_tokens: 2000, messages: [userMsg('hi')] };

// Raw HTTP/1.1 over a socket: returns every byte the server sent, so the tests
// can see chunk framing, truncation and silence that fetch would hide.
function rawRequest(p, headers, body, { closeAfterMs = null, timeoutMs = 8000 } = {}) {
  return withTimeout(new Promise((resolve, reject) => {
    const payload = Buffer.from(JSON.stringify(body));
    const sock = net.connect(port, '127.0.0.1');
    const got = [];
    let lastDataAt = Date.now();
    let closer = null;
    sock.on('connect', () => {
      const h = Object.entries({ host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'content-length': payload.length, connection: 'close', ...headers })
        .map(([k, v]) => `${k}: ${v}\r\n`).join('');
      sock.write(`POST ${p} HTTP/1.1\r\n${h}\r\n`);
      sock.write(payload);
      if (closeAfterMs !== null) closer = setTimeout(() => sock.destroy(), closeAfterMs);
    });
    sock.on('data', (d) => { got.push(d); lastDataAt = Date.now(); });
    sock.on('error', reject);
    sock.on('close', () => {
      clearTimeout(closer);
      resolve({ raw: Buffer.concat(got), lastDataAt, closedAt: Date.now() });
    });
  }), timeoutMs, `raw request ${p}`);
}

// Parse a raw response; for chunked bodies, also the list of chunks (one per
// server write) and whether the terminating zero-length chunk arrived.
function parseHttp(raw) {
  const end = raw.indexOf('\r\n\r\n');
  assert.ok(end > 0, 'no header terminator');
  const lines = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(lines[0].split(' ')[1]);
  const headers = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
  }
  let rest = raw.subarray(end + 4);
  const chunks = [];
  let terminated = false;
  if (headers['transfer-encoding'] === 'chunked') {
    for (;;) {
      const le = rest.indexOf('\r\n');
      if (le < 0) break;
      const size = parseInt(rest.subarray(0, le).toString('latin1'), 16);
      if (size === 0) { terminated = true; break; }
      if (rest.length < le + 2 + size + 2) break; // truncated mid-chunk
      chunks.push(rest.subarray(le + 2, le + 2 + size));
      rest = rest.subarray(le + 2 + size + 2);
    }
    return { status, headers, chunks, terminated, body: Buffer.concat(chunks) };
  }
  return { status, headers, chunks: [rest], terminated: true, body: rest };
}

function parseSse(buf) {
  const text = buf.toString('utf8');
  const blocks = text.split('\n\n');
  const tail = blocks.pop(); // after the last complete event
  const events = blocks.map((b) => {
    const ev = { event: null, data: null };
    for (const line of b.split('\n')) {
      if (line.startsWith('event: ')) ev.event = line.slice(7);
      else if (line.startsWith('data: ')) ev.data = line.slice(6);
    }
    return ev;
  });
  return { events, tail };
}

const bigText = (n, seed = 'x') => Array.from({ length: n }, (_, i) => `${seed}${i} lorem ipsum dolor sit amet`).join(' ');

// ---------------------------------------------------------------------------

describe('anthropic', () => {
  test('non-streamed reply: Message object, headers, usage', T, async () => {
    const r = await anth(BASE);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^application\/json/);
    assert.match(r.headers.get('request-id'), /^req_/);
    assert.ok(r.headers.get('anthropic-ratelimit-requests-remaining'));
    assert.ok(r.headers.get('anthropic-ratelimit-tokens-reset'));
    const m = r.json;
    assert.match(m.id, /^msg_/);
    assert.equal(m.type, 'message');
    assert.equal(m.role, 'assistant');
    assert.equal(m.model, 'claude-test');
    assert.deepEqual(m.content, [{ type: 'text', text: 'Hello from the test server.' }]);
    assert.equal(m.stop_reason, 'end_turn');
    assert.equal(m.stop_sequence, null);
    for (const k of ['input_tokens', 'output_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens']) {
      assert.equal(typeof m.usage[k], 'number', k);
    }

    await script({ anthropic: [{ content: [{ type: 'text', text: 'scripted' }, { type: 'tool_use', name: 'edit_file', input: { path: 'a.c' } }], output_tokens: 42 }] });
    const r2 = await anth(BASE);
    assert.equal(r2.json.stop_reason, 'tool_use');
    assert.equal(r2.json.usage.output_tokens, 42);
    assert.match(r2.json.content[1].id, /^toolu_/);
    assert.deepEqual(r2.json.content[1].input, { path: 'a.c' });
  });

  test('auth, version and body validation errors', T, async () => {
    let r = await anth(BASE, { 'anthropic-version': '2023-06-01' });
    assert.equal(r.status, 401);
    assert.equal(r.json.type, 'error');
    assert.equal(r.json.error.type, 'authentication_error');
    assert.match(r.json.request_id, /^req_/);
    r = await anth(BASE, { ...ANTH, 'x-api-key': 'bad-key' });
    assert.equal(r.status, 401);
    r = await anth(BASE, { 'x-api-key': 'k' });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.type, 'invalid_request_error');
    assert.match(r.json.error.message, /anthropic-version/);
    r = await anth({ model: 'm', messages: [userMsg('x')] });
    assert.equal(r.status, 400);
    assert.equal(r.json.error.message, 'max_tokens: Field required');
    r = await anth('{not json');
    assert.equal(r.status, 400);
    // A validation error does not consume a scripted step.
    await script({ anthropic: [{ content: 'kept' }] });
    await anth({ model: 'm', max_tokens: 5 });
    assert.equal((await anth(BASE)).json.content[0].text, 'kept');
  });

  test('streamed reply reassembled from raw bytes: thinking, signature, tool_use partial_json, awkward splits', T, async () => {
    const input = { path: 'src/é.c', edits: [{ old: 'a → b', new: 'ü' }], n: 12345 };
    await script({ anthropic: [{ content: [
      { type: 'thinking', thinking: 'Let me think about ünïcödé… and more thoughts here.', signature: 'auto' },
      { type: 'text', text: 'Héllo wörld ✓ — editing now.' },
      { type: 'tool_use', name: 'edit_file', input },
    ] }] });
    const body = { ...BASE, stream: true, thinking: { type: 'enabled', budget_tokens: 1024 } };
    const { raw } = await rawRequest('/v1/messages', ANTH, body);
    const res = parseHttp(raw);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'text/event-stream; charset=utf-8');
    assert.match(res.headers['request-id'], /^req_/);
    assert.ok(res.terminated, 'stream ends with the zero-length chunk');

    const { events, tail } = parseSse(res.body);
    assert.equal(tail, '');
    for (const e of events) assert.equal(JSON.parse(e.data).type, e.event, 'event name matches data.type');
    const names = events.map((e) => e.event);
    assert.equal(names[0], 'message_start');
    assert.equal(names.at(-2), 'message_delta');
    assert.equal(names.at(-1), 'message_stop');
    assert.ok(names.includes('ping'));
    const start = JSON.parse(events[0].data).message;
    assert.deepEqual(start.content, []);
    assert.equal(start.stop_reason, null);
    assert.equal(typeof start.usage.input_tokens, 'number');

    const blocks = [];
    let signature = null;
    for (const e of events) {
      const d = JSON.parse(e.data);
      if (d.type === 'content_block_start') blocks[d.index] = { ...d.content_block, json: '' };
      if (d.type === 'content_block_delta') {
        const b = blocks[d.index];
        if (d.delta.type === 'text_delta') b.text += d.delta.text;
        if (d.delta.type === 'thinking_delta') b.thinking += d.delta.thinking;
        if (d.delta.type === 'signature_delta') signature = d.delta.signature;
        if (d.delta.type === 'input_json_delta') { b.json += d.delta.partial_json; b.pieces = (b.pieces || 0) + 1; }
      }
    }
    assert.equal(blocks[0].type, 'thinking');
    assert.equal(blocks[0].thinking, 'Let me think about ünïcödé… and more thoughts here.');
    assert.ok(signature && signature.length > 50);
    assert.equal(blocks[1].text, 'Héllo wörld ✓ — editing now.');
    assert.equal(blocks[2].type, 'tool_use');
    assert.match(blocks[2].id, /^toolu_/);
    assert.ok(blocks[2].pieces >= 3, 'partial_json comes in several pieces');
    assert.deepEqual(JSON.parse(blocks[2].json), input);
    const delta = JSON.parse(events.at(-2).data);
    assert.equal(delta.delta.stop_reason, 'tool_use');
    assert.equal(typeof delta.usage.output_tokens, 'number');

    // Each HTTP chunk is one server write: check the deliberate awkward splits.
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const splitsUtf8 = res.chunks.some((c) => { try { fatal.decode(c); return false; } catch { return true; } });
    assert.ok(splitsUtf8, 'some write ends inside a UTF-8 character');
    const betweenNewlines = res.chunks.some((c, i) => i + 1 < res.chunks.length && c.at(-1) === 0x0a && c.at(-2) !== 0x0a && res.chunks[i + 1][0] === 0x0a);
    assert.ok(betweenNewlines, 'some write ends between \\n and \\n');
    assert.ok(res.chunks.some((c) => c.at(-1) !== 0x0a), 'some write ends mid-line');
    assert.ok(res.chunks.length > events.length, 'more writes than events');
  });

  test('prompt cache: write once, then read, with TTL expiry', T, async () => {
    const system = [{ type: 'text', text: bigText(300), cache_control: { type: 'ephemeral' } }];
    const req = { ...BASE, system };
    const u = [];
    for (let i = 0; i < 3; i++) u.push((await anth(req)).json.usage);
    assert.ok(u[0].cache_creation_input_tokens >= 1024, JSON.stringify(u[0]));
    assert.equal(u[0].cache_read_input_tokens, 0);
    assert.equal(u[0].cache_creation.ephemeral_5m_input_tokens, u[0].cache_creation_input_tokens);
    for (const x of [u[1], u[2]]) {
      assert.equal(x.cache_creation_input_tokens, 0);
      assert.equal(x.cache_read_input_tokens, u[0].cache_creation_input_tokens);
      assert.equal(x.input_tokens, u[0].input_tokens);
    }
    // Past the 5 minute TTL (virtual clock), the prefix is written again.
    await ctl('POST', '/__control/clock', { advance_ms: 5 * 60 * 1000 + 1 });
    const late = (await anth(req)).json.usage;
    assert.equal(late.cache_read_input_tokens, 0);
    assert.equal(late.cache_creation_input_tokens, u[0].cache_creation_input_tokens);
    // A 1h breakpoint survives that.
    const req1h = { ...BASE, system: [{ type: 'text', text: bigText(300, 'y'), cache_control: { type: 'ephemeral', ttl: '1h' } }] };
    assert.equal((await anth(req1h)).json.usage.cache_creation.ephemeral_1h_input_tokens > 0, true);
    await ctl('POST', '/__control/clock', { advance_ms: 30 * 60 * 1000 });
    assert.ok((await anth(req1h)).json.usage.cache_read_input_tokens > 0);
    // time_scale makes real time count faster for TTLs.
    await ctl('POST', '/__control/settings', { time_scale: 1e6 });
    await new Promise((r) => setTimeout(r, 10)); // 10 s real-equivalent * 1e6 > 1 h
    assert.equal((await anth(req1h)).json.usage.cache_read_input_tokens, 0);
  });

  test('prompt cache: moving breakpoint reads the earlier prefix (multi-turn)', T, async () => {
    const msgs = [{ role: 'user', content: [{ type: 'text', text: bigText(300), cache_control: { type: 'ephemeral' } }] }];
    const u1 = (await anth({ ...BASE, messages: msgs })).json.usage;
    const turn2 = [
      { role: 'user', content: [{ type: 'text', text: bigText(300) }] },
      { role: 'assistant', content: 'ok' },
      { role: 'user', content: [{ type: 'text', text: 'next', cache_control: { type: 'ephemeral' } }] },
    ];
    const u2 = (await anth({ ...BASE, messages: turn2 })).json.usage;
    assert.equal(u2.cache_read_input_tokens, u1.cache_creation_input_tokens);
    assert.ok(u2.cache_creation_input_tokens > 0);
  });

  test('prompt cache: minimum cacheable length and breakpoint limit', T, async () => {
    const small = { ...BASE, system: [{ type: 'text', text: 'short system prompt', cache_control: { type: 'ephemeral' } }] };
    for (let i = 0; i < 2; i++) {
      const u = (await anth(small)).json.usage;
      assert.equal(u.cache_creation_input_tokens, 0);
      assert.equal(u.cache_read_input_tokens, 0);
    }
    await ctl('POST', '/__control/settings', { min_cacheable_tokens: 4 });
    assert.ok((await anth(small)).json.usage.cache_creation_input_tokens > 0);
    assert.ok((await anth(small)).json.usage.cache_read_input_tokens > 0);

    const five = { ...BASE, system: Array.from({ length: 5 }, (_, i) => ({ type: 'text', text: `s${i}`, cache_control: { type: 'ephemeral' } })) };
    const r = await anth(five);
    assert.equal(r.status, 400);
    assert.equal(r.json.error.message, 'A maximum of 4 blocks with cache_control may be provided. Found 5.');
  });

  test('429 with retry-after, 529 overloaded, then recovery', T, async () => {
    await script({ anthropic: [{ status: 429, retry_after: '2' }, { status: 529, x_should_retry: 'true' }, { status: 429, retry_after_ms: '1500' }] });
    let r = await anth(BASE);
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '2');
    assert.equal(r.json.error.type, 'rate_limit_error');
    assert.match(r.headers.get('request-id'), /^req_/);
    r = await anth(BASE);
    assert.equal(r.status, 529);
    assert.equal(r.json.error.type, 'overloaded_error');
    assert.equal(r.headers.get('x-should-retry'), 'true');
    r = await anth(BASE);
    assert.equal(r.headers.get('retry-after-ms'), '1500');
    assert.equal((await anth(BASE)).status, 200);
  });

  test('thinking: budget rules and the signature round trip on tool use', T, async () => {
    const th = { type: 'enabled', budget_tokens: 1024 };
    let r = await anth({ ...BASE, thinking: { type: 'enabled', budget_tokens: 512 } });
    assert.equal(r.status, 400);
    assert.match(r.json.error.message, /greater than or equal to 1024/);
    r = await anth({ ...BASE, max_tokens: 1024, thinking: th });
    assert.match(r.json.error.message, /`max_tokens` must be greater than `thinking.budget_tokens`/);
    r = await anth({ ...BASE, thinking: th, temperature: 0.2 });
    assert.match(r.json.error.message, /`temperature` may only be set to 1/);
    assert.equal((await anth({ ...BASE, thinking: th, temperature: 1 })).status, 200);

    await script({ anthropic: [{ content: [
      { type: 'thinking', thinking: 'I should edit the file.', signature: 'auto' },
      { type: 'tool_use', name: 'edit_file', input: { path: 'x' } },
    ] }] });
    const turn1 = (await anth({ ...BASE, thinking: th })).json;
    assert.equal(turn1.content[0].type, 'thinking');
    const toolUse = turn1.content[1];
    const withAssistant = (content) => ({ ...BASE, thinking: th, messages: [
      userMsg('fix it'),
      { role: 'assistant', content },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUse.id, content: 'done' }] },
    ] });
    assert.equal((await anth(withAssistant(turn1.content))).status, 200);

    const forged = [{ ...turn1.content[0], signature: turn1.content[0].signature.slice(0, -4) + 'AAAA' }, toolUse];
    r = await anth(withAssistant(forged));
    assert.equal(r.status, 400);
    assert.equal(r.json.error.message, 'messages.1.content.0: Invalid `signature` in `thinking` block');
    const edited = [{ ...turn1.content[0], thinking: 'something else' }, toolUse];
    assert.equal((await anth(withAssistant(edited))).status, 400);
    r = await anth(withAssistant([toolUse]));
    assert.equal(r.status, 400);
    assert.match(r.json.error.message, /^messages\.1\.content\.0\.type: Expected `thinking` or `redacted_thinking`, but found `tool_use`/);
    // Without thinking the same history is fine.
    const { thinking, ...noThinking } = withAssistant([toolUse]);
    assert.equal((await anth(noThinking)).status, 200);
    // Missing tool_result is the other classic mistake.
    r = await anth({ ...BASE, messages: [userMsg('a'), { role: 'assistant', content: [toolUse] }, userMsg('b')] });
    assert.match(r.json.error.message, /`tool_use` ids were found without `tool_result` blocks immediately after/);
  });

  test('stream error event, malformed JSON, invalid UTF-8, huge', T, async () => {
    await script({ anthropic: [{ fault: 'stream_error', after_events: 3 }] });
    let res = parseHttp((await rawRequest('/v1/messages', ANTH, { ...BASE, stream: true })).raw);
    const { events } = parseSse(res.body);
    assert.equal(events.length, 4);
    assert.equal(events[3].event, 'error');
    assert.equal(JSON.parse(events[3].data).error.type, 'overloaded_error');

    await script({ anthropic: [{ fault: 'malformed_json' }, { fault: 'invalid_utf8' }, { fault: 'huge', bytes: 300000 }] });
    let r = await anth(BASE);
    assert.equal(r.status, 200);
    assert.throws(() => JSON.parse(r.buf.toString('utf8')));
    r = await anth(BASE);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(r.buf));
    res = parseHttp((await rawRequest('/v1/messages', ANTH, { ...BASE, stream: true })).raw);
    const text = parseSse(res.body).events.map((e) => JSON.parse(e.data))
      .filter((d) => d.type === 'content_block_delta').map((d) => d.delta.text).join('');
    assert.equal(Buffer.byteLength(text), 300000);
    await script({ anthropic: [{ fault: 'invalid_utf8' }] });
    const bad = parseHttp((await rawRequest('/v1/messages', ANTH, { ...BASE, stream: true })).raw).body;
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bad));
    assert.ok(bad.includes(Buffer.from('"type":"text_delta"')));
  });
});

describe('openai', () => {
  test('non-streamed completion with usage details', T, async () => {
    await script({ openai: [{ content: { ok: true }, reasoning_tokens: 64 }] });
    const r = await oa({ model: 'gpt-test', messages: [userMsg('hi')], max_completion_tokens: 100, reasoning_effort: 'low',
      response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } } });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('x-request-id'), /^req_/);
    assert.equal(r.json.object, 'chat.completion');
    assert.deepEqual(JSON.parse(r.json.choices[0].message.content), { ok: true });
    assert.equal(r.json.choices[0].finish_reason, 'stop');
    const u = r.json.usage;
    assert.equal(u.total_tokens, u.prompt_tokens + u.completion_tokens);
    assert.equal(u.prompt_tokens_details.cached_tokens, 0);
    assert.equal(u.completion_tokens_details.reasoning_tokens, 64);
  });

  test('auth error shape and automatic prefix caching', T, async () => {
    let r = await oa({ model: 'm', messages: [userMsg('x')] }, {});
    assert.equal(r.status, 401);
    assert.deepEqual(Object.keys(r.json.error).sort(), ['code', 'message', 'param', 'type']);
    r = await oa({ model: 'm', messages: [userMsg('x')] }, { authorization: 'Bearer bad-key' });
    assert.equal(r.json.error.code, 'invalid_api_key');

    const req = { model: 'gpt-test', messages: [{ role: 'system', content: bigText(400) }, userMsg('q')] };
    const a = (await oa(req)).json.usage;
    const b = (await oa(req)).json.usage;
    assert.equal(a.prompt_tokens_details.cached_tokens, 0);
    const c = b.prompt_tokens_details.cached_tokens;
    assert.ok(c >= 1024 && (c - 1024) % 128 === 0 && c <= b.prompt_tokens, `cached ${c} of ${b.prompt_tokens}`);
  });

  test('streamed tool call, usage chunk, [DONE]', T, async () => {
    const args = { path: 'src/main.c', text: 'int main(void) { return 0; } // ü' };
    await script({ openai: [{ tool_calls: [{ name: 'edit_file', arguments: args }] }] });
    const body = { model: 'gpt-test', stream: true, stream_options: { include_usage: true }, messages: [userMsg('go')],
      tools: [{ type: 'function', function: { name: 'edit_file', parameters: { type: 'object' } } }] };
    const res = parseHttp((await rawRequest('/v1/chat/completions', OA, body)).raw);
    assert.equal(res.status, 200);
    assert.ok(res.terminated);
    assert.match(res.headers['x-request-id'], /^req_/);
    const { events } = parseSse(res.body);
    assert.equal(events.at(-1).data, '[DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.data));
    const usageChunk = chunks.at(-1);
    assert.deepEqual(usageChunk.choices, []);
    assert.equal(usageChunk.usage.total_tokens, usageChunk.usage.prompt_tokens + usageChunk.usage.completion_tokens);
    assert.equal(typeof usageChunk.usage.prompt_tokens_details.cached_tokens, 'number');
    for (const c of chunks.slice(0, -1)) {
      assert.equal(c.object, 'chat.completion.chunk');
      assert.equal(c.usage, null);
    }
    let argText = '';
    let pieces = 0;
    let id = null;
    let name = null;
    for (const c of chunks.slice(0, -1)) {
      for (const tc of c.choices[0].delta.tool_calls || []) {
        assert.equal(tc.index, 0);
        if (tc.id) { id = tc.id; name = tc.function.name; }
        argText += tc.function.arguments ?? '';
        pieces++;
      }
    }
    assert.match(id, /^call_/);
    assert.equal(name, 'edit_file');
    assert.ok(pieces >= 3);
    assert.deepEqual(JSON.parse(argText), args);
    assert.equal(chunks.at(-2).choices[0].finish_reason, 'tool_calls');
  });

  test('tool message bookkeeping is validated', T, async () => {
    const r = await oa({ model: 'm', messages: [userMsg('a'),
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } }] },
      userMsg('b')] });
    assert.equal(r.status, 400);
    assert.match(r.json.error.message, /did not have response messages: call_1/);
  });
});

describe('faults seen by a raw client', () => {
  test('drop: socket closed mid-stream without the chunked terminator', T, async () => {
    await script({ anthropic: [{ fault: 'drop', after_events: 3 }] });
    const res = parseHttp((await rawRequest('/v1/messages', ANTH, { ...BASE, stream: true })).raw);
    assert.equal(res.status, 200);
    assert.equal(res.terminated, false);
    assert.equal(parseSse(res.body).events.length, 3);

    await script({ openai: [{ fault: 'drop', after_bytes: 20 }] });
    const { raw } = await rawRequest('/v1/chat/completions', OA, { model: 'm', messages: [userMsg('x')] });
    const r2 = parseHttp(raw);
    assert.ok(Number(r2.headers['content-length']) > 20);
    assert.equal(r2.body.length, 20);
  });

  test('stall: events then silence until the client gives up; server cleans up', T, async () => {
    await script({ anthropic: [{ fault: 'stall', after_events: 2 }] });
    const t0 = Date.now();
    const { raw, lastDataAt, closedAt } = await rawRequest('/v1/messages', ANTH, { ...BASE, stream: true }, { closeAfterMs: 600 });
    const res = parseHttp(raw);
    assert.equal(parseSse(res.body).events.length, 2);
    assert.equal(res.terminated, false);
    assert.ok(closedAt - lastDataAt >= 300, 'silent before the client closed');
    assert.ok(closedAt - t0 < 3000);
    // The server notices the client left and forgets the stalled response.
    let open = 1;
    for (let i = 0; i < 50 && open !== 0; i++) {
      open = (await ctl('GET', '/__control/health')).open_streams;
      if (open) await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(open, 0);
    assert.equal((await anth(BASE)).status, 200);
  });

  test('delay_ms holds the reply back', T, async () => {
    await script({ openai: [{ delay_ms: 300 }] });
    const t0 = Date.now();
    assert.equal((await oa({ model: 'm', messages: [userMsg('x')] })).status, 200);
    assert.ok(Date.now() - t0 >= 290);
  });

  test('hold keeps the reply back until it is released; a released hold lets later steps through', T, async () => {
    await script({ openai: [{ hold: 'h1', content: 'after the release' }, { hold: 'h1', content: 'no wait' }] });
    let answered = false;
    const reply = oa({ model: 'm', messages: [userMsg('x')] }).then((r) => { answered = true; return r; });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(answered, false, 'held: no answer before the release');
    assert.deepEqual(await ctl('POST', '/__control/release', { hold: 'h1' }), { hold: 'h1', released: 1 });
    const r = await reply;
    assert.equal(r.status, 200);
    assert.equal(r.json.choices[0].message.content, 'after the release');
    assert.equal((await oa({ model: 'm', messages: [userMsg('x')] })).json.choices[0].message.content, 'no wait');
  });
});

describe('control API', () => {
  test('recorded requests and log', T, async () => {
    await anth(BASE);
    await oa({ model: 'gpt-test', messages: [userMsg('x')] });
    await anth(BASE, { ...ANTH, 'x-api-key': 'bad-key' });
    const reqs = await ctl('GET', '/__control/requests');
    assert.equal(reqs.length, 3);
    assert.deepEqual(reqs.map((r) => r.seq), [1, 2, 3]);
    assert.deepEqual(reqs.map((r) => r.provider), ['anthropic', 'openai', 'anthropic']);
    assert.equal(reqs[0].headers['x-api-key'], 'test-key-123');
    assert.equal(reqs[1].headers.authorization, 'Bearer sk-test-456');
    assert.equal(reqs[2].headers['x-api-key'], 'bad-key');
    assert.equal(reqs[0].method, 'POST');
    assert.equal(reqs[0].path, '/v1/messages');
    assert.deepEqual(reqs[0].body, BASE);
    assert.equal(reqs[0].raw_body_len, Buffer.byteLength(JSON.stringify(BASE)));
    assert.ok(reqs[0].time_ms > 1.6e12 && reqs[0].time_ms <= reqs[1].time_ms);
    await ctl('DELETE', '/__control/requests');
    assert.deepEqual(await ctl('GET', '/__control/requests'), []);

    const log = fs.readFileSync(path.join(tmp, 'log.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(log.some((l) => l.kind === 'request' && l.path === '/v1/chat/completions'));
    assert.ok(log.some((l) => l.kind === 'step' && l.provider === 'anthropic'));
  });

  test('bad scripts and settings are refused', T, async () => {
    assert.equal((await call('POST', '/__control/script', { body: { gemini: [] } })).status, 400);
    assert.equal((await call('POST', '/__control/script', { body: { openai: [{ fualt: 'drop' }] } })).status, 400);
    assert.equal((await call('POST', '/__control/settings', { body: { time_scale: 'fast' } })).status, 400);
    assert.equal((await call('POST', '/__control/script', { body: { openai: [{ hold: 7 }] } })).status, 400);
    assert.equal((await call('POST', '/__control/release', { body: {} })).status, 400);
  });
});
