// llm/complete and llm/models through the protocol, against the fake
// provider server: streaming, thinking round trips, prompt caching and cost,
// retries and their timing, deadlines, cancellation, and no key in any output.
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as rpc from 'vscode-jsonrpc/node.js';
import { assertResult, schemaValidator } from '../lib/openrpc.mjs';
import { startServer, startAgent, user, SECRET, OPENAI_SECRET } from './harness.mjs';

let server;
let agent;

before(async () => {
  server = await startServer();
  agent = await startAgent(server);
});

after(async () => {
  // The whole conversation and the log, searched for the keys last.
  const all = agent.wire() + agent.stderr();
  const code = await agent.stop();
  assert.equal(code, 0, `agent exited ${code}:\n${agent.stderr().slice(-6000)}`);
  if (server) await server.stop();
  assert.ok(!all.includes(SECRET), 'the Anthropic key leaked');
  assert.ok(!all.includes(OPENAI_SECRET), 'the OpenAI key leaked');
});

beforeEach(async () => {
  await server.reset();
  agent.progress.length = 0;
});

const MODEL = 'claude-sonnet-4-5';
// Every result and error is checked against protocol/openrpc.json.
const complete = async (params, token, on = agent) =>
  assertResult('llm/complete', await on.request('llm/complete', { model: MODEL, ...params }, token));
const models = async (on = agent) => assertResult('llm/models', await on.request('llm/models', {}));
const errorObject = schemaValidator('ErrorObject');
const progressValue = schemaValidator('LlmProgressValue');

async function failure(p) {
  try {
    await p;
  } catch (e) {
    const obj = { code: e.code, message: e.message, data: e.data };
    assert.ok(errorObject(obj), JSON.stringify(obj));
    return e;
  }
  assert.fail('the call succeeded');
}

test('a streamed answer arrives whole, and its deltas add up to it', async () => {
  const text = 'Zwölf Boxkämpfer jagen Viktor quer über den großen Sylter Deich. 😀 '.repeat(40);
  await server.script({ anthropic: [{ content: [{ type: 'text', text }] }] });
  const r = await complete({ messages: [user('hi')], stream: true, workDoneToken: 'tok-1' });
  assert.equal(r.text, text);
  assert.equal(r.stopReason, 'end_turn');
  assert.equal(r.attempts, 1);
  assert.equal(r.requestIds.length, 1);
  const values = agent.progress.filter((p) => p.token === 'tok-1').map((p) => p.value);
  assert.equal(values[0].kind, 'begin');
  assert.equal(values.at(-1).kind, 'end');
  for (const v of values.filter((x) => x.kind === 'report'))
    assert.ok(progressValue(v), JSON.stringify(v));
  const streamed = values.filter((v) => v.kind === 'report' && v.type === 'text').map((v) => v.delta).join('');
  assert.equal(streamed, text);
});

test('the request carries the key, the API version, thinking and the breakpoints', async () => {
  await complete({
    system: 'You are terse.',
    messages: [user('one'), { role: 'assistant', content: 'two' }, user('three')],
    thinkingBudget: 2000,
    cache: { system: true, messages: [-1], ttl: '1h' },
    stream: true,
  });
  const [req] = await server.requests();
  assert.equal(req.path, '/v1/messages');
  assert.equal(req.headers['x-api-key'], SECRET);
  assert.equal(req.headers['anthropic-version'], '2023-06-01');
  assert.match(req.headers['content-type'], /^application\/json/);
  assert.deepEqual(req.body.thinking, { type: 'enabled', budget_tokens: 2000 });
  assert.equal(req.body.temperature, 1);
  assert.ok(req.body.max_tokens > 2000);
  assert.equal(req.body.stream, true);
  assert.deepEqual(req.body.system, [{ type: 'text', text: 'You are terse.', cache_control: { type: 'ephemeral', ttl: '1h' } }]);
  assert.deepEqual(req.body.messages[2].content, [{ type: 'text', text: 'three', cache_control: { type: 'ephemeral', ttl: '1h' } }]);
  assert.equal(req.body.messages[0].content, 'one');
});

test('thinking and its signature survive a tool-use turn', async () => {
  const tools = [{ name: 'edit_file', description: 'Edits a file', input_schema: { type: 'object', properties: { path: { type: 'string' } } } }];
  await server.script({
    anthropic: [
      { content: [
        { type: 'thinking', thinking: 'I should edit a.c first.', signature: 'auto' },
        { type: 'redacted_thinking', data: 'auto' },
        { type: 'tool_use', name: 'edit_file', input: { path: 'a.c' } },
      ] },
      { content: [{ type: 'text', text: 'Edited.' }] },
    ],
  });
  const first = await complete({ messages: [user('fix a.c')], tools, thinkingBudget: 1024, stream: true });
  assert.equal(first.stopReason, 'tool_use');
  const [thinking, redacted, call] = first.content;
  assert.equal(thinking.type, 'thinking');
  assert.equal(redacted.type, 'redacted_thinking');
  assert.ok(redacted.data.length > 10);
  assert.equal(thinking.thinking, 'I should edit a.c first.');
  assert.ok(thinking.signature.length > 10);
  assert.deepEqual({ type: call.type, name: call.name, input: call.input }, { type: 'tool_use', name: 'edit_file', input: { path: 'a.c' } });

  // The server refuses the second turn unless the thinking block comes back
  // byte for byte, signature included.
  const messages = [user('fix a.c'), { role: 'assistant', content: first.content },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: 'ok' }] }];
  const second = await complete({ messages, tools, thinkingBudget: 1024 });
  assert.equal(second.text, 'Edited.');
  const reqs = await server.requests();
  assert.deepEqual(reqs[1].body.messages[1].content, first.content);

  // An altered signature is refused, and not retried.
  messages[1] = { role: 'assistant', content: [{ ...thinking, signature: thinking.signature.slice(0, -4) + 'AAAA' }, redacted, call] };
  const e = await failure(complete({ messages, tools, thinkingBudget: 1024 }));
  assert.equal(e.data.kind, 'llm_error');
  assert.equal(e.data.attempts, 1);
  assert.match(e.message, /signature/);
});

test('cache writes and reads are read and costed', async () => {
  const system = 'Context line for the cache. '.repeat(400); // ~2800 tokens
  const params = { system, messages: [user('q')], cache: { system: true } };
  const first = await complete(params);
  assert.ok(first.usage.cacheWrite > 1024, JSON.stringify(first.usage));
  assert.equal(first.usage.cacheRead, 0);
  const second = await complete({ ...params, stream: true });
  assert.equal(second.usage.cacheRead, first.usage.cacheWrite);
  assert.equal(second.usage.cacheWrite, 0);
  // claude-sonnet-4-5: $3 in, $15 out, writes 1.25x, reads 0.1x a million.
  const cost = (u) => (u.input * 3 + u.output * 15 + u.cacheWrite * 3.75 + u.cacheRead * 0.3) / 1e6;
  assert.ok(Math.abs(first.costUsd - cost(first.usage)) < 1e-9);
  assert.ok(Math.abs(second.costUsd - cost(second.usage)) < 1e-9);
  assert.ok(second.costUsd < first.costUsd);
});

test('OpenAI: streamed tool calls, cached tokens and the request shape', async () => {
  await server.script({ openai: [{ content: 'Sure.', tool_calls: [{ name: 'edit_file', arguments: { path: 'b.c' } }] }] });
  const r = await complete({
    provider: 'openai', model: 'gpt-5', system: 'sys', messages: [user('go')], stream: true,
    reasoningEffort: 'low', maxTokens: 500,
    tools: [{ name: 'edit_file', input_schema: { type: 'object' } }],
  });
  assert.equal(r.text, 'Sure.');
  assert.deepEqual(r.content[1].input, { path: 'b.c' });
  assert.equal(r.stopReason, 'tool_calls');
  const [req] = await server.requests();
  assert.equal(req.path, '/v1/chat/completions');
  assert.equal(req.headers.authorization, `Bearer ${OPENAI_SECRET}`);
  assert.deepEqual(req.body.stream_options, { include_usage: true });
  assert.equal(req.body.reasoning_effort, 'low');
  assert.equal(req.body.max_completion_tokens, 500);
  assert.deepEqual(req.body.messages[0], { role: 'system', content: 'sys' });
  assert.ok(r.usage.input > 0 && r.usage.output > 0);

  // Structured output, not streamed: the schema goes out as response_format.
  await server.reset();
  await server.script({ openai: [{ content: { steps: ['a', 'b'] } }] });
  const schema = { name: 'plan', strict: true, schema: { type: 'object', properties: { steps: { type: 'array' } } } };
  const plan = await complete({ provider: 'openai', model: 'gpt-4.1', messages: [user('plan')], responseSchema: schema });
  assert.deepEqual(JSON.parse(plan.text), { steps: ['a', 'b'] });
  const [req2] = await server.requests();
  assert.deepEqual(req2.body.response_format, { type: 'json_schema', json_schema: schema });
  assert.equal(req2.body.stream, undefined);
});

// The server's count of responses still streaming, once it settles at 0
// (it learns of a closed connection a moment after the agent closed it).
async function openStreams() {
  let open = 1;
  for (let i = 0; i < 100 && open; i++) {
    open = (await server.ctl('GET', '/__control/health')).open_streams;
    if (open) await new Promise((r) => setTimeout(r, 20));
  }
  return open;
}

async function times() {
  return (await server.requests()).map((r) => r.time_ms);
}

test('429 with retry-after is retried after the wait', async () => {
  await server.script({ anthropic: [{ status: 429, retry_after: '1' }] });
  const r = await complete({ messages: [user('x')] });
  assert.equal(r.attempts, 2);
  assert.equal(r.requestIds.length, 2);
  const t = await times();
  assert.equal(t.length, 2);
  assert.ok(t[1] - t[0] >= 900, `retried after ${t[1] - t[0]} ms`);
});

test('retry-after-ms and an HTTP date are honoured', async () => {
  await server.script({ anthropic: [{ status: 529, retry_after_ms: '700' }, { status: 503, retry_after_http_date_in_s: 2 }] });
  const r = await complete({ messages: [user('x')], stream: true });
  assert.equal(r.attempts, 3);
  const t = await times();
  assert.ok(t[1] - t[0] >= 650, `first wait ${t[1] - t[0]} ms`);
  // An HTTP date has a resolution of a second.
  assert.ok(t[2] - t[1] >= 900, `second wait ${t[2] - t[1]} ms`);
});

test('5xx without a hint backs off, and gives up after two retries', async () => {
  await server.script({ anthropic: [{ status: 500 }, { status: 500 }, { status: 500 }, { content: 'unused' }] });
  const e = await failure(complete({ messages: [user('x')] }));
  assert.equal(e.data.kind, 'llm_unavailable');
  assert.equal(e.data.status, 500);
  assert.equal(e.data.errorType, 'api_error');
  assert.equal(e.data.attempts, 3);
  assert.equal(e.data.provider, 'anthropic');
  assert.equal(e.data.requestIds.length, 3);
  assert.match(e.message, /anthropic: HTTP 500 api_error: .*\(request-id req_/);
  const t = await times();
  assert.equal(t.length, 3);
  assert.ok(t[1] - t[0] >= 375 - 50, `first backoff ${t[1] - t[0]} ms`);
  assert.ok(t[2] - t[1] >= 750 - 50, `second backoff ${t[2] - t[1]} ms`);
});

test('408 and 409 are retried; 400, 401 and x-should-retry: false are not', async () => {
  await server.script({ anthropic: [{ status: 408 }, { status: 409 }] });
  assert.equal((await complete({ messages: [user('x')] })).attempts, 3);

  for (const [step, kind] of [[{ status: 400 }, 'llm_error'], [{ status: 401 }, 'auth'],
    [{ status: 429, x_should_retry: 'false' }, 'rate_limited']]) {
    await server.reset();
    await server.script({ anthropic: [step] });
    const e = await failure(complete({ messages: [user('x')] }));
    assert.equal(e.data.kind, kind, JSON.stringify(step));
    assert.equal(e.data.attempts, 1);
    assert.equal((await server.requests()).length, 1);
  }
  await server.reset();
  await server.script({ anthropic: [{ status: 400, x_should_retry: 'true' }] });
  assert.equal((await complete({ messages: [user('x')] })).attempts, 2);
});

test('a dropped stream and a stream error event are retried; the retry is whole', async () => {
  const text = 'The whole answer, once.';
  await server.script({ anthropic: [{ fault: 'drop', after_events: 4 },
    { fault: 'stream_error', after_events: 3, error_type: 'overloaded_error' },
    { content: text }] });
  const r = await complete({ messages: [user('x')], stream: true, workDoneToken: 't' });
  assert.equal(r.text, text);
  assert.equal(r.attempts, 3);
  const last = agent.progress.filter((p) => p.value.kind === 'report').at(-1).value;
  assert.equal(last.attempt, 3);
});

test('the deadline ends a stall', async () => {
  await server.script({ anthropic: [{ fault: 'stall', after_events: 3 }] });
  const e = await failure(complete({ messages: [user('x')], stream: true, deadlineMs: 1500 }));
  assert.equal(e.data.kind, 'timeout');
  assert.equal(await openStreams(), 0, 'the stalled transfer is still open');
});

test('$/cancelRequest aborts the transfer', async () => {
  await server.script({ anthropic: [{ fault: 'stall', after_events: 3 }] });
  const source = new rpc.CancellationTokenSource();
  const p = complete({ messages: [user('x')], stream: true }, source.token);
  for (let i = 0; i < 100 && (await server.ctl('GET', '/__control/health')).open_streams === 0; i++)
    await new Promise((r) => setTimeout(r, 20));
  source.cancel();
  const e = await failure(p);
  assert.equal(e.code, -32800);
  assert.equal(await openStreams(), 0, 'the server still streams to a cancelled call');
});

test('bad responses are errors, and the agent goes on', async () => {
  for (const stream of [false, true]) {
    await server.reset();
    await server.script({ anthropic: [{ fault: 'malformed_json' }, { fault: 'invalid_utf8' }] });
    for (let i = 0; i < 2; i++) {
      const e = await failure(complete({ messages: [user('x')], stream }));
      assert.equal(e.data.kind, 'llm_error');
      assert.equal(e.data.attempts, 1);
    }
  }
  await server.script({ anthropic: [{ fault: 'huge', bytes: 1 << 20 }] });
  const r = await complete({ messages: [user('x')], stream: true });
  assert.equal(Buffer.byteLength(r.text), 1 << 20);
  assert.equal((await models()).providers.length, 2);
});

test('a streamed completion past maxResponseBytes is stopped with a clear llm_error, and nothing else waits', async () => {
  const other = await startAgent(server);
  try {
    fs.writeFileSync(path.join(other.workspace, '.airunner'),
      ['[llm "anthropic"]', '\tmaxResponseBytes = 65536', '\tmaxRetries = 0', ''].join('\n'));
    for (const stream of [true]) {
      await server.reset();
      await server.script({ anthropic: [{ fault: 'huge', bytes: 4 << 20 }] });
      const e = await failure(other.request('llm/complete', { messages: [user('x')], stream }));
      assert.equal(e.data.kind, 'llm_error');
      assert.match(e.message, /passed 65536 bytes of text.*maxResponseBytes/);
      assert.equal(e.data.attempts, 1, 'a completion too big is not retried');
      assert.ok((await other.request('status', {})).pid > 0);
    }
    // Thinking signatures and redacted thinking (whose data comes whole in
    // its block's start event) count as well: little text, much else.
    await server.reset();
    await server.script({ anthropic: [{ content: [
      { type: 'thinking', thinking: 'hm', signature: `S${'s'.repeat(30000)}` },
      { type: 'redacted_thinking', data: `E${'A'.repeat(30000)}` },
      { type: 'redacted_thinking', data: `E${'B'.repeat(30000)}` },
      { type: 'text', text: 'ok' },
    ] }] });
    const e = await failure(other.request('llm/complete', { messages: [user('x')], stream: true }));
    assert.equal(e.data.kind, 'llm_error');
    assert.match(e.message, /passed 65536 bytes of text.*maxResponseBytes/);
    fs.writeFileSync(path.join(other.workspace, '.airunner'), '[llm "anthropic"]\n\tmaxResponseBytes = 12\n');
    const bad = await failure(other.request('llm/complete', { messages: [user('x')] }));
    assert.equal(bad.data.kind, 'invalid_params');
    assert.match(bad.message, /maxResponseBytes must be/);
  } finally {
    await other.stop();
  }
});

test('bad params are refused before anything is sent', async () => {
  for (const params of [
    { messages: [] },
    { messages: [{ role: 'system', content: 'x' }] },
    { messages: [user('x')], thinkingBudget: 2000, maxTokens: 1000 },
    { messages: [user('x')], thinkingBudget: 500 },
    // budget + the default max_tokens once overflowed int64 (UBSan).
    { messages: [user('x')], thinkingBudget: 9223372036854775000 },
    { messages: [user('x')], cache: { ttl: '2h' } },
    { messages: [user('x')], provider: 'nowhere' },
    // a NUL in the model once fell back to the default model silently.
    { messages: [user('x')], model: 'claude\u0000x' },
    { messages: 'hi' },
  ]) {
    const e = await failure(complete(params));
    assert.equal(e.code, -32602, JSON.stringify(params));
  }
  assert.equal((await server.requests()).length, 0);
});

test('llm/models names providers and whether a key is there, never the key', async () => {
  const r = await models();
  const byName = Object.fromEntries(r.providers.map((p) => [p.name, p]));
  assert.equal(byName.anthropic.baseUrl, server.base);
  assert.equal(byName.anthropic.keyPresent, true);
  assert.equal(byName.anthropic.keySource, 'env:ANTHROPIC_API_KEY');
  assert.equal(byName.openai.baseUrl, `${server.base}/v1`);
  assert.ok(!JSON.stringify(r).includes('SECRET'));
});

test('a key file must be 0600; an echoed key is cut from errors', async () => {
  const other = await startAgent(server, { env: { ANTHROPIC_API_KEY: '', OPENAI_API_KEY: 'bad-key' } });
  try {
    const keyFile = path.join(other.workspace, 'key');
    fs.writeFileSync(keyFile, 'sk-ant-from-file-SECRET789\n', { mode: 0o644 });
    fs.writeFileSync(path.join(other.workspace, '.airunner'), `[llm "anthropic"]\n\tapiKeyFile = ${keyFile}\n`);
    let e = await failure(complete({ messages: [user('x')] }, undefined, other));
    assert.equal(e.data.kind, 'auth');
    assert.match(e.message, /0644/);
    fs.chmodSync(keyFile, 0o600);
    const r = await complete({ messages: [user('x')] }, undefined, other);
    assert.equal(r.attempts, 1);
    const [req] = await server.requests();
    assert.equal(req.headers['x-api-key'], 'sk-ant-from-file-SECRET789');

    e = await failure(complete({ provider: 'openai', model: 'gpt-4.1', messages: [user('x')] }, undefined, other));
    assert.equal(e.data.kind, 'auth');
    assert.match(e.message, /Incorrect API key/);
    assert.ok(!e.message.includes('bad-key'), e.message);
  } finally {
    const all = other.wire() + other.stderr();
    await other.stop();
    assert.ok(!all.includes('SECRET789'));
    assert.ok(!all.includes('bad-key'), all.slice(Math.max(0, all.indexOf('bad-key') - 300), all.indexOf('bad-key') + 100));
  }
});

test('configured providers: an unreachable one fails after its retries; a silent stream is dropped; the limiter spaces sends', async () => {
  const other = await startAgent(server);
  try {
    fs.writeFileSync(path.join(other.workspace, '.airunner'), [
      '[llm "local"]', '\ttype = openai', '\tbaseUrl = http://127.0.0.1:1/v1', '\tmaxRetries = 1', '\tmodel = llama-3',
      '[llm "anthropic"]', '\trequestsPerMinute = 60', '\tidleTimeoutMs = 300', '\tmaxRetries = 1',
      '[llm "negative"]', '\tbaseUrl = http://127.0.0.1:1/v1', '\tidleTimeoutMs = -5',
      '[llm "wide"]', '\tbaseUrl = http://127.0.0.1:1/v1', '\tmaxRetries = 4294967297', ''].join('\n'));
    const all = (await models(other)).providers;
    const local = all.find((p) => p.name === 'local');
    // Out-of-range numbers are refused, not cast (2^32 + 1 was 1 retry).
    assert.match(all.find((p) => p.name === 'negative').error, /idleTimeoutMs must be/);
    assert.match(all.find((p) => p.name === 'wide').error, /maxRetries must be/);
    const neg = await failure(other.request('llm/complete', { provider: 'negative', messages: [user('x')] }));
    assert.equal(neg.data.kind, 'invalid_params');
    assert.deepEqual({ type: local.type, keyPresent: local.keyPresent, defaultModel: local.defaultModel },
      { type: 'openai', keyPresent: false, defaultModel: 'llama-3' });

    const e = await failure(other.request('llm/complete', { provider: 'local', messages: [user('x')] }));
    assert.equal(e.data.kind, 'llm_unavailable');
    assert.equal(e.data.attempts, 2);

    // A stream silent for idleTimeoutMs is dropped and retried (maxRetries 1).
    await server.script({ anthropic: [{ fault: 'stall', after_events: 2 }, { fault: 'stall', after_events: 2 }] });
    const stalled = await failure(complete({ messages: [user('x')], stream: true }, undefined, other));
    assert.equal(stalled.data.kind, 'timeout');
    assert.equal(stalled.data.attempts, 2);
    assert.match(stalled.message, /no data for 300 ms/);
    assert.equal(await openStreams(), 0);
    await server.reset();

    // 60 a minute: six go at once, then one a second.
    await Promise.all(Array.from({ length: 8 }, () => complete({ messages: [user('x')] }, undefined, other)));
    const t = (await times()).sort((a, b) => a - b);
    assert.equal(t.length, 8);
    assert.ok(t[7] - t[0] >= 1500, `8 sends in ${t[7] - t[0]} ms`);
  } finally {
    await other.stop();
  }
});
