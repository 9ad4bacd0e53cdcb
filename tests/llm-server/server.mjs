#!/usr/bin/env node
// Fake Anthropic + OpenAI endpoint for airunner's tests.
//
// Speaks the providers' wire formats (JSON bodies, SSE streams, error shapes,
// headers) closely enough that a client that works here works against the real
// thing, and adds a control API (/__control/*) for scripted replies, faults and
// request inspection. Node built-ins only; it never opens an outbound connection.
// See README.md next to this file for the flags, the control API and STEP shapes.

import http from 'node:http';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

// ---------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const o = { port: 0, portFile: null, log: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--port') o.port = Number(val());
    else if (a.startsWith('--port=')) o.port = Number(a.slice(7));
    else if (a === '--port-file') o.portFile = val();
    else if (a.startsWith('--port-file=')) o.portFile = a.slice(12);
    else if (a === '--log') o.log = val();
    else if (a.startsWith('--log=')) o.log = a.slice(6);
    else if (a === '-h' || a === '--help') usage(null);
    else usage(`unknown argument: ${a}`);
  }
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) usage('bad --port');
  return o;
}

function usage(msg) {
  if (msg) process.stderr.write(`server.mjs: ${msg}\n`);
  process.stderr.write('usage: node server.mjs [--port N] [--port-file FILE] [--log FILE]\n');
  process.exit(msg ? 2 : 0);
}

// ---------------------------------------------------------------------------
// State (all in memory; /__control/reset puts it back to this)

const DEFAULT_SETTINGS = Object.freeze({
  min_cacheable_tokens: 1024, // Anthropic: shortest prefix a breakpoint may cache
  openai_min_cached_tokens: 1024, // OpenAI: automatic caching starts here...
  openai_cache_step: 128, // ...and grows in steps of this many tokens
  openai_cache_ttl_ms: 5 * 60 * 1000,
  cache_lookback_blocks: 20, // Anthropic checks this many block boundaries before a breakpoint
  time_scale: 1, // virtual ms per real ms, for cache TTLs (60 => 5 min pass in 5 s)
  split_writes: true, // cut stream writes at awkward byte positions
  write_delay_ms: 1, // pause between split writes so they leave as separate segments
  delayed_writes: 200, // only the first N writes of a response are paced (keeps "huge" fast)
  stall_max_ms: 10 * 60 * 1000, // a stalled response is destroyed after this, as a safety net
  default_text: 'Hello from the test server.',
});

const state = {
  settings: { ...DEFAULT_SETTINGS },
  queues: { anthropic: [], openai: [] },
  requests: [],
  seq: 0,
  anthCache: new Map(), // prefix hash -> { tokens, ttlMs, expires }
  oaCache: new Map(), // prefix hash -> { tokens, expires }
  signatures: new Map(), // issued thinking signature -> sha256(thinking text)
  redacted: new Set(), // issued redacted_thinking data
  clock: { anchorReal: Date.now(), anchorVirtual: Date.now() },
  openStreams: new Set(), // responses currently stalled or streaming (for cleanup and /health)
  holds: new Map(), // hold name -> { released, wake: Set of resolvers }
};

function resetState() {
  state.settings = { ...DEFAULT_SETTINGS };
  state.queues = { anthropic: [], openai: [] };
  state.requests = [];
  state.seq = 0;
  state.anthCache.clear();
  state.oaCache.clear();
  state.signatures.clear();
  state.redacted.clear();
  state.clock = { anchorReal: Date.now(), anchorVirtual: Date.now() };
  for (const h of state.holds.values()) for (const w of h.wake) w(); // nobody left waiting
  state.holds.clear();
}

// A named hold: a step with "hold": NAME is answered only once
// POST /__control/release {"hold": NAME} came (before or after it).
function holdOf(name) {
  let h = state.holds.get(name);
  if (!h) state.holds.set(name, h = { released: false, wake: new Set() });
  return h;
}

// Virtual clock for cache TTLs: scaled real time plus manual advances.
function vnow() {
  const c = state.clock;
  return c.anchorVirtual + (Date.now() - c.anchorReal) * state.settings.time_scale;
}
function reanchorClock(extraMs = 0) {
  state.clock = { anchorReal: Date.now(), anchorVirtual: vnow() + extraMs };
}

let opts;
let logFd = null;
function logLine(obj) {
  if (logFd === null) return;
  try {
    fs.writeSync(logFd, JSON.stringify(obj) + '\n');
  } catch {
    // a failing log must not take the server down
  }
}

// ---------------------------------------------------------------------------
// Small helpers

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function b62(n) {
  const bytes = crypto.randomBytes(n);
  let s = '';
  for (let i = 0; i < n; i++) s += B62[bytes[i] % 62];
  return s;
}
const hex = (n) => crypto.randomBytes(Math.ceil(n / 2)).toString('hex').slice(0, n);
const sha256 = (s) => crypto.createHash('sha256').update(s).digest('hex');
const bytesOf = (s) => Buffer.byteLength(s, 'utf8');
const tokensOf = (s) => Math.ceil(bytesOf(s) / 4);

// Canonical JSON: keys sorted at every level, so token estimates and cache
// hashes do not depend on the order a client serialises keys in.
function canon(v) {
  if (Array.isArray(v)) return '[' + v.map((x) => (x === undefined ? 'null' : canon(x))).join(',') + ']';
  if (v && typeof v === 'object') {
    return '{' + Object.keys(v).filter((k) => v[k] !== undefined).sort()
      .map((k) => JSON.stringify(k) + ':' + canon(v[k])).join(',') + '}';
  }
  return JSON.stringify(v) ?? 'null';
}

// cache_control only marks a breakpoint; it is not content, so moving a marker
// must not change the hash of the prefix before it.
function stripCC(v) {
  if (Array.isArray(v)) return v.map(stripCC);
  if (v && typeof v === 'object') {
    const o = {};
    for (const k of Object.keys(v)) if (k !== 'cache_control') o[k] = stripCC(v[k]);
    return o;
  }
  return v;
}

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

class ApiError extends Error {
  constructor(status, type, message, extra = {}) {
    super(message);
    this.status = status;
    this.type = type;
    this.extra = extra; // openai: { param, code }
  }
}

// ---------------------------------------------------------------------------
// Error bodies per provider

// Anthropic documents these types; any other 4xx uses invalid_request_error and
// any other 5xx api_error (docs: "This error type may also be used for other 4XX").
const ANTH_ERR = {
  400: ['invalid_request_error', 'Bad request'],
  401: ['authentication_error', 'invalid x-api-key'],
  402: ['billing_error', 'Your credit balance is too low to access the Anthropic API.'],
  403: ['permission_error', 'Your API key does not have permission to use the specified resource.'],
  404: ['not_found_error', 'Not found'],
  413: ['request_too_large', 'Request exceeds the maximum allowed number of bytes.'],
  429: ['rate_limit_error', 'This request would exceed the rate limit for your organization of 50 requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later. You may also contact sales at https://www.anthropic.com/contact-sales to discuss your options for a rate limit increase.'],
  500: ['api_error', 'Internal server error'],
  504: ['timeout_error', 'Request timed out'],
  529: ['overloaded_error', 'Overloaded'],
};
function anthErrorFor(status) {
  if (ANTH_ERR[status]) return ANTH_ERR[status];
  if (status >= 500) return ['api_error', 'Internal server error'];
  return ['invalid_request_error', http.STATUS_CODES[status] || 'Error'];
}

const OA_ERR = {
  400: ['invalid_request_error', 'Bad request', null],
  401: ['invalid_request_error', 'Incorrect API key provided: bad-key. You can find your API key at https://platform.openai.com/account/api-keys.', 'invalid_api_key'],
  403: ['invalid_request_error', 'Country, region, or territory not supported', 'unsupported_country_region_territory'],
  404: ['invalid_request_error', 'The model does not exist or you do not have access to it.', 'model_not_found'],
  429: ['requests', 'Rate limit reached for requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s. Visit https://platform.openai.com/account/rate-limits to learn more.', 'rate_limit_exceeded'],
  500: ['server_error', 'The server had an error while processing your request. Sorry about that!', null],
  503: ['server_error', 'The engine is currently overloaded, please try again later.', null],
};
function oaErrorFor(status) {
  if (OA_ERR[status]) return OA_ERR[status];
  if (status >= 500) return ['server_error', 'The server had an error while processing your request. Sorry about that!', null];
  return ['invalid_request_error', http.STATUS_CODES[status] || 'Error', null];
}

function anthErrorBody(type, message, requestId) {
  return { type: 'error', error: { type, message }, request_id: requestId };
}
function oaErrorBody(type, message, param = null, code = null) {
  return { error: { message, type, param, code } };
}

// ---------------------------------------------------------------------------
// Response headers

function anthHeaders(requestId, extra = {}) {
  const reset = new Date(Date.now() + 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    'request-id': requestId,
    'anthropic-organization-id': '00000000-0000-4000-8000-000000000000',
    'anthropic-ratelimit-requests-limit': '4000',
    'anthropic-ratelimit-requests-remaining': '3999',
    'anthropic-ratelimit-requests-reset': reset,
    'anthropic-ratelimit-tokens-limit': '480000',
    'anthropic-ratelimit-tokens-remaining': '480000',
    'anthropic-ratelimit-tokens-reset': reset,
    'anthropic-ratelimit-input-tokens-limit': '400000',
    'anthropic-ratelimit-input-tokens-remaining': '400000',
    'anthropic-ratelimit-input-tokens-reset': reset,
    'anthropic-ratelimit-output-tokens-limit': '80000',
    'anthropic-ratelimit-output-tokens-remaining': '80000',
    'anthropic-ratelimit-output-tokens-reset': reset,
    ...extra,
  };
}

function oaHeaders(requestId, extra = {}) {
  return {
    'x-request-id': requestId,
    'openai-version': '2020-10-01',
    'openai-organization': 'user-test',
    'openai-processing-ms': '7',
    'x-ratelimit-limit-requests': '10000',
    'x-ratelimit-remaining-requests': '9999',
    'x-ratelimit-reset-requests': '6ms',
    'x-ratelimit-limit-tokens': '30000000',
    'x-ratelimit-remaining-tokens': '29999000',
    'x-ratelimit-reset-tokens': '2ms',
    ...extra,
  };
}

// Headers a status step may ask for (retry hints).
function retryHeaders(step) {
  const h = {};
  if (step.retry_after !== undefined) h['retry-after'] = String(step.retry_after);
  if (step.retry_after_http_date_in_s !== undefined) {
    h['retry-after'] = new Date(Date.now() + Number(step.retry_after_http_date_in_s) * 1000).toUTCString();
  }
  if (step.retry_after_ms !== undefined) h['retry-after-ms'] = String(step.retry_after_ms);
  if (step.x_should_retry !== undefined) h['x-should-retry'] = String(step.x_should_retry);
  return h;
}

// ---------------------------------------------------------------------------
// Writing responses. Every byte leaves through writeBody/streamEvents so that
// split, pacing, stall and drop behave the same for both providers.

function sendJson(res, status, headers, obj) {
  const buf = Buffer.from(JSON.stringify(obj));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': buf.length, ...headers });
  res.end(buf);
}

function gone(res) {
  return res.destroyed || res.writableEnded || res.socket?.destroyed;
}

async function pacedWrite(res, ctx, buf) {
  if (gone(res)) return false;
  const ok = res.write(buf);
  ctx.writes++;
  if (!ok) {
    await new Promise((r) => {
      const done = () => { res.off('drain', done); res.off('close', done); r(); };
      res.on('drain', done);
      res.on('close', done);
    });
  }
  if (state.settings.split_writes && ctx.writes <= state.settings.delayed_writes && state.settings.write_delay_ms > 0) {
    await sleep(state.settings.write_delay_ms);
  } else if (ctx.writes % 64 === 0) {
    await new Promise((r) => setImmediate(r)); // let the loop breathe on huge bodies
  }
  return !gone(res);
}

// Byte offsets at which to cut one SSE event, chosen to break naive clients:
// inside the first line, inside the data line, inside a multi-byte UTF-8
// character. The final "\n" is cut off by the caller and carried into the next
// write, so one write ends between "\n" and "\n" and the next one starts with
// the rest of the previous event.
function cutPoints(buf, index) {
  const cuts = new Set();
  const len = buf.length - 1; // last byte is carried over
  if (index % 3 === 0 && len > 6) cuts.add(3);
  const dataAt = buf.indexOf('data: ');
  if (dataAt >= 0 && len - dataAt > 24) cuts.add(dataAt + 6 + Math.floor((len - dataAt - 6) / 2));
  for (let i = 0; i < len; i++) {
    if (buf[i] >= 0xc2 && buf[i] <= 0xf4 && i + 1 < len) { cuts.add(i + 1); break; }
  }
  return [...cuts].filter((c) => c > 0 && c < len).sort((a, b) => a - b);
}

// Write SSE events (Buffers). fault: null or { kind: 'stall'|'drop', afterEvents, afterBytes }.
async function streamEvents(res, events, fault) {
  const ctx = { writes: 0, bytes: 0 };
  const split = state.settings.split_writes;
  let carry = null;
  const limitBytes = fault && fault.afterBytes !== undefined ? fault.afterBytes : Infinity;

  const emit = async (buf) => {
    if (ctx.bytes + buf.length > limitBytes) {
      const room = limitBytes - ctx.bytes;
      if (room > 0) await pacedWrite(res, ctx, buf.subarray(0, room));
      ctx.bytes = limitBytes;
      return false;
    }
    ctx.bytes += buf.length;
    return pacedWrite(res, ctx, buf);
  };

  for (let i = 0; i < events.length; i++) {
    if (fault && fault.afterEvents !== undefined && i >= fault.afterEvents) break;
    if (ctx.bytes >= limitBytes) break;
    let ev = events[i];
    if (!split) {
      if (!(await emit(ev))) break;
      continue;
    }
    if (carry) { ev = Buffer.concat([carry, ev]); carry = null; }
    // Every fifth event goes out whole together with the next one: a read may
    // hold several events as well as a fraction of one.
    if (i % 5 === 4 && i + 1 < events.length && !(fault && fault.afterEvents === i + 1)) {
      carry = ev;
      continue;
    }
    const body = ev.subarray(0, ev.length - 1);
    const prefix = ev.length - events[i].length; // carried bytes at the front
    const cuts = cutPoints(events[i], i).map((c) => c + prefix);
    let last = 0;
    let alive = true;
    for (const c of cuts) {
      if (!(alive = await emit(body.subarray(last, c)))) break;
      last = c;
    }
    if (!alive) break;
    if (!(await emit(body.subarray(last)))) break;
    carry = ev.subarray(ev.length - 1);
  }
  if (carry && !gone(res)) await emit(carry);
  return ctx;
}

// Apply the end of a fault (after the allowed bytes/events went out).
function finishFault(res, kind) {
  if (kind === 'drop') {
    // No terminating zero-length chunk: the client sees a truncated body.
    res.socket?.destroy();
    return;
  }
  // stall: keep the socket open and silent until the client goes away.
  const t = setTimeout(() => res.socket?.destroy(), state.settings.stall_max_ms);
  res.on('close', () => clearTimeout(t));
}

function trackOpen(res) {
  state.openStreams.add(res);
  res.on('close', () => state.openStreams.delete(res));
}

// A non-streaming body, maybe cut in two writes, maybe truncated by a fault.
async function writeBody(res, status, headers, buf, fault) {
  trackOpen(res);
  if (fault && fault.afterBytes === undefined) {
    // Nothing at all is sent, not even the status line.
    finishFault(res, fault.kind);
    return;
  }
  res.writeHead(status, { 'content-length': buf.length, ...headers });
  const ctx = { writes: 0 };
  let limit = fault ? Math.min(fault.afterBytes, buf.length) : buf.length;
  let cut = 0;
  if (state.settings.split_writes && buf.length > 2) {
    cut = Math.floor(buf.length / 2);
    for (let i = cut; i < Math.min(buf.length - 1, cut + 64); i++) {
      if (buf[i] >= 0xc2 && buf[i] <= 0xf4) { cut = i + 1; break; } // mid-character if possible
    }
  }
  if (cut > 0 && cut < limit) {
    await pacedWrite(res, ctx, buf.subarray(0, cut));
    await pacedWrite(res, ctx, buf.subarray(cut, limit));
  } else if (limit > 0) {
    await pacedWrite(res, ctx, buf.subarray(0, limit));
  }
  if (fault) finishFault(res, fault.kind);
  else if (!gone(res)) res.end();
}

// ---------------------------------------------------------------------------
// Content generation helpers

// Split a string into pieces of at most n code points (never inside a
// surrogate pair, so each piece is valid JSON text).
function chunkText(s, n) {
  const cps = Array.from(s);
  const out = [];
  for (let i = 0; i < cps.length; i += n) out.push(cps.slice(i, i + n).join(''));
  return out.length ? out : [''];
}

function pieceSize(s) {
  return s.length > 8192 ? 1024 : 12;
}

// Text for the "huge" fault: exactly n bytes of ASCII, with newlines.
function hugeText(n) {
  const line = 'The quick brown fox jumps over the lazy dog while the test server streams on. ';
  let s = '';
  while (s.length < n) s += line.slice(0, 79) + '\n';
  return s.slice(0, n);
}

// One code point (U+E000, private use) so text chunking never cuts it; its
// UTF-8 bytes are swapped for bytes that are never valid UTF-8: a lead byte
// without its continuation, 0xFF/0xFE, an encoded surrogate, a truncated
// 3-byte sequence.
const BAD_MARK = '\uE000';
const BAD_BYTES = Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0xe2, 0x82]);
function injectBadUtf8(buf) {
  const mark = Buffer.from(BAD_MARK);
  const parts = [];
  let from = 0;
  let at;
  while ((at = buf.indexOf(mark, from)) >= 0) {
    parts.push(buf.subarray(from, at), BAD_BYTES);
    from = at + mark.length;
  }
  parts.push(buf.subarray(from));
  return Buffer.concat(parts);
}

function makeSignature(thinking) {
  // Looks like a real one (base64 of opaque bytes); the server only needs to
  // recognise the ones it issued, bound to the exact thinking text.
  const raw = Buffer.concat([Buffer.from([0x12, 0x0c]), crypto.randomBytes(24), Buffer.from(sha256(thinking), 'hex'), crypto.randomBytes(96)]);
  return 'E' + raw.toString('base64');
}

// ---------------------------------------------------------------------------
// Anthropic: validation

const THINKING_DOC = 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking';

function contentBlocks(content) {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return Array.isArray(content) ? content : [];
}

function validateAnthropic(body) {
  const bad = (m) => { throw new ApiError(400, 'invalid_request_error', m); };
  if (!isObj(body)) bad('Request body must be a JSON object');
  for (const f of ['model', 'max_tokens', 'messages']) if (body[f] === undefined) bad(`${f}: Field required`);
  if (typeof body.model !== 'string' || !body.model) bad('model: Input should be a valid string');
  if (!Number.isInteger(body.max_tokens)) bad('max_tokens: Input should be a valid integer');
  if (body.max_tokens < 1) bad('max_tokens: Input should be greater than or equal to 1');
  if (!Array.isArray(body.messages)) bad('messages: Input should be a valid list');
  if (body.messages.length === 0) bad('messages: at least one message is required');

  body.messages.forEach((m, i) => {
    if (!isObj(m)) bad(`messages.${i}: Input should be a valid dictionary`);
    if (m.role !== 'user' && m.role !== 'assistant') bad(`messages.${i}.role: Input should be 'user' or 'assistant'`);
    if (m.content === undefined) bad(`messages.${i}.content: Field required`);
    const isFinalAssistant = i === body.messages.length - 1 && m.role === 'assistant';
    const blocks = contentBlocks(m.content);
    if (!isFinalAssistant && (m.content === '' || blocks.length === 0)) {
      bad(`messages.${i}: all messages must have non-empty content except for the optional final assistant message`);
    }
    blocks.forEach((b, j) => {
      if (!isObj(b) || typeof b.type !== 'string') bad(`messages.${i}.content.${j}.type: Field required`);
      if (b.type === 'text' && typeof b.text === 'string' && b.text === '' && Array.isArray(m.content)) {
        bad('messages: text content blocks must be non-empty');
      }
    });
  });

  // tool_use / tool_result pairing: the classic agent-loop bug.
  body.messages.forEach((m, i) => {
    if (m.role !== 'assistant') return;
    const ids = contentBlocks(m.content).filter((b) => b.type === 'tool_use').map((b) => b.id);
    if (!ids.length) return;
    const next = body.messages[i + 1];
    if (!next) return; // final assistant turn (prefill) may end with tool_use
    const got = new Set(contentBlocks(next.content).filter((b) => b.type === 'tool_result').map((b) => b.tool_use_id));
    const missing = ids.filter((id) => !got.has(id));
    if (next.role !== 'user' || missing.length) {
      bad(`messages.${i}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`);
    }
  });
  body.messages.forEach((m, i) => {
    if (m.role !== 'user') return;
    const prev = body.messages[i - 1];
    const prevIds = new Set(prev && prev.role === 'assistant'
      ? contentBlocks(prev.content).filter((b) => b.type === 'tool_use').map((b) => b.id) : []);
    contentBlocks(m.content).forEach((b, j) => {
      if (b.type === 'tool_result' && !prevIds.has(b.tool_use_id)) {
        bad(`messages.${i}.content.${j}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${b.tool_use_id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`);
      }
    });
  });

  const th = body.thinking;
  const thinkingOn = isObj(th) && (th.type === 'enabled' || th.type === 'adaptive');
  if (th !== undefined) {
    if (!isObj(th) || !['enabled', 'disabled', 'adaptive'].includes(th.type)) {
      bad("thinking: Input tag does not match any of the expected tags: 'enabled', 'disabled', 'adaptive'");
    }
    if (th.type === 'enabled') {
      if (th.budget_tokens === undefined) bad('thinking.enabled.budget_tokens: Field required');
      if (!Number.isInteger(th.budget_tokens)) bad('thinking.enabled.budget_tokens: Input should be a valid integer');
      if (th.budget_tokens < 1024) bad('thinking.enabled.budget_tokens: Input should be greater than or equal to 1024');
      if (body.max_tokens <= th.budget_tokens) {
        bad(`\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at ${THINKING_DOC}#max-tokens-and-context-window-size`);
      }
    }
  }
  if (thinkingOn) {
    if (body.temperature !== undefined && body.temperature !== 1) {
      bad(`\`temperature\` may only be set to 1 when thinking is enabled. Please consult our documentation at ${THINKING_DOC}#important-considerations-when-using-extended-thinking`);
    }
    if (isObj(body.tool_choice) && (body.tool_choice.type === 'any' || body.tool_choice.type === 'tool')) {
      bad('Thinking may not be enabled when tool_choice forces tool use.');
    }
    validateThinkingTurns(body.messages, bad);
  }
}

// With thinking on, the assistant message that opens the current tool loop must
// start with the thinking block the server issued, unmodified.
function validateThinkingTurns(messages, bad) {
  // Signatures of every thinking block sent back.
  messages.forEach((m, i) => {
    if (m.role !== 'assistant') return;
    contentBlocks(m.content).forEach((b, j) => {
      if (b.type === 'thinking') {
        if (typeof b.signature !== 'string') bad(`messages.${i}.content.${j}.thinking.signature: Field required`);
        const want = state.signatures.get(b.signature);
        if (want === undefined || want !== sha256(String(b.thinking ?? ''))) {
          bad(`messages.${i}.content.${j}: Invalid \`signature\` in \`thinking\` block`);
        }
      } else if (b.type === 'redacted_thinking') {
        if (!state.redacted.has(b.data)) bad(`messages.${i}.content.${j}: Invalid \`data\` in \`redacted_thinking\` block`);
      }
    });
  });
  // The current turn starts after the last user message that is not only tool results.
  const last = messages[messages.length - 1];
  const onlyToolResults = (m) => {
    const bl = contentBlocks(m.content);
    return bl.length > 0 && bl.every((b) => b.type === 'tool_result');
  };
  if (!(last.role === 'user' && onlyToolResults(last))) return;
  let start = messages.length - 1;
  while (start > 0 && !(messages[start - 1].role === 'user' && !onlyToolResults(messages[start - 1]))) start--;
  const first = messages.findIndex((m, k) => k >= start && m.role === 'assistant');
  if (first < 0) return;
  const turnUsesTools = messages.slice(first).some((m) => m.role === 'assistant' && contentBlocks(m.content).some((b) => b.type === 'tool_use'));
  if (!turnUsesTools) return;
  const b0 = contentBlocks(messages[first].content)[0];
  if (!b0 || (b0.type !== 'thinking' && b0.type !== 'redacted_thinking')) {
    bad(`messages.${first}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${b0 ? b0.type : 'nothing'}\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block (preceeding the lastmost set of \`tool_use\` and \`tool_result\` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable \`thinking\`. Please consult our documentation at ${THINKING_DOC}`);
  }
}

// ---------------------------------------------------------------------------
// Anthropic: prompt cache simulation

const TTL_MS = { '5m': 5 * 60 * 1000, '1h': 60 * 60 * 1000 };

function anthropicParts(body) {
  const parts = [];
  const add = (where, value, cc, counted = true) => {
    const json = canon(stripCC(value));
    parts.push({ where, json, tokens: counted ? tokensOf(json) : 0, cc });
  };
  (Array.isArray(body.tools) ? body.tools : []).forEach((t, i) => add(`tools.${i}`, t, t?.cache_control));
  if (typeof body.system === 'string') {
    if (body.system) add('system', { type: 'text', text: body.system }, undefined);
  } else if (Array.isArray(body.system)) {
    body.system.forEach((b, i) => add(`system.${i}`, b, b?.cache_control));
  }
  // Changing thinking or tool_choice invalidates the message part of the cache
  // (as documented), so both are folded into the hash here at zero tokens.
  add('context', { thinking: body.thinking ?? null, tool_choice: body.tool_choice ?? null }, undefined, false);
  body.messages.forEach((m, i) => {
    contentBlocks(m.content).forEach((b, j) => add(`messages.${i}.content.${j}`, { role: m.role, block: b }, isObj(b) ? b.cache_control : undefined));
  });
  let h = sha256('anthropic\n' + body.model);
  let cum = 0;
  for (const p of parts) {
    h = sha256(h + '\n' + p.json);
    cum += p.tokens;
    p.hash = h;
    p.cum = cum;
  }
  return parts;
}

function validateBreakpoints(parts) {
  const bps = parts.map((p, i) => ({ p, i })).filter(({ p }) => p.cc !== undefined && p.cc !== null);
  for (const { p } of bps) {
    if (!isObj(p.cc) || p.cc.type !== 'ephemeral') {
      throw new ApiError(400, 'invalid_request_error', `${p.where}.cache_control.type: Input should be 'ephemeral'`);
    }
    if (p.cc.ttl !== undefined && !(p.cc.ttl in TTL_MS)) {
      throw new ApiError(400, 'invalid_request_error', `${p.where}.cache_control.ephemeral.ttl: Input should be '5m' or '1h'`);
    }
  }
  if (bps.length > 4) {
    throw new ApiError(400, 'invalid_request_error', `A maximum of 4 blocks with cache_control may be provided. Found ${bps.length}.`);
  }
  let seen5m = false;
  for (const { p } of bps) {
    const ttl = p.cc.ttl ?? '5m';
    if (ttl === '5m') seen5m = true;
    else if (seen5m) {
      throw new ApiError(400, 'invalid_request_error', "a ttl='1h' cache_control block must not come after a ttl='5m' cache_control block. Note that blocks are processed in the following order: `tools`, `system`, `messages`.");
    }
  }
  return bps.map(({ i }) => i);
}

function anthropicUsage(body, parts, bps) {
  const s = state.settings;
  const now = vnow();
  const total = parts.length ? parts[parts.length - 1].cum : 0;
  // Longest live cached prefix reachable from any breakpoint, looking back
  // up to cache_lookback_blocks block boundaries (as the real cache does).
  let read = 0;
  let hitEntry = null;
  for (const b of bps) {
    for (let p = b; p >= 0 && p >= b - s.cache_lookback_blocks; p--) {
      const e = state.anthCache.get(parts[p].hash);
      if (e && e.expires > now) {
        if (e.tokens > read) { read = e.tokens; hitEntry = e; }
        break;
      }
    }
  }
  if (hitEntry) hitEntry.expires = now + hitEntry.ttlMs; // a hit refreshes the TTL
  // Every breakpoint prefix long enough is written (or refreshed).
  let written = read;
  const byTtl = { '5m': 0, '1h': 0 };
  let prevCum = 0;
  for (const b of bps) {
    const part = parts[b];
    const ttl = part.cc.ttl ?? '5m';
    if (part.cum >= s.min_cacheable_tokens) {
      const e = state.anthCache.get(part.hash);
      const ttlMs = Math.max(TTL_MS[ttl], e && e.expires > now ? e.ttlMs : 0);
      state.anthCache.set(part.hash, { tokens: part.cum, ttlMs, expires: now + ttlMs });
      if (part.cum > written) {
        byTtl[ttl] += part.cum - Math.max(prevCum, written);
        written = part.cum;
      }
    }
    prevCum = Math.max(prevCum, part.cum);
  }
  const creation = written - read;
  return {
    input_tokens: total - read - creation,
    cache_creation_input_tokens: creation,
    cache_read_input_tokens: read,
    cache_creation: { ephemeral_5m_input_tokens: byTtl['5m'], ephemeral_1h_input_tokens: byTtl['1h'] },
  };
}

// ---------------------------------------------------------------------------
// Anthropic: building replies

function anthropicContent(step) {
  const content = [];
  const src = Array.isArray(step.content) ? step.content
    : typeof step.content === 'string' ? [{ type: 'text', text: step.content }]
      : [{ type: 'text', text: state.settings.default_text }];
  for (const b of src) {
    if (b.type === 'thinking') {
      const thinking = String(b.thinking ?? '');
      const signature = !b.signature || b.signature === 'auto' ? makeSignature(thinking) : String(b.signature);
      state.signatures.set(signature, sha256(thinking));
      content.push({ type: 'thinking', thinking, signature });
    } else if (b.type === 'redacted_thinking') {
      const data = !b.data || b.data === 'auto' ? 'E' + crypto.randomBytes(120).toString('base64') : String(b.data);
      state.redacted.add(data);
      content.push({ type: 'redacted_thinking', data });
    } else if (b.type === 'tool_use') {
      const id = !b.id || b.id === 'auto' ? 'toolu_01' + b62(22) : String(b.id);
      content.push({ type: 'tool_use', id, name: String(b.name ?? 'tool'), input: b.input ?? {} });
    } else {
      content.push({ type: 'text', text: String(b.text ?? '') });
    }
  }
  return content;
}

function estimateOutput(content) {
  let n = 0;
  for (const b of content) {
    if (b.type === 'text') n += tokensOf(b.text);
    else if (b.type === 'thinking') n += tokensOf(b.thinking);
    else if (b.type === 'tool_use') n += tokensOf(JSON.stringify(b.input));
  }
  return Math.max(1, n);
}

const sse = (name, data) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

function anthropicEvents(message, opts2) {
  const ev = [];
  const startMsg = { ...message, content: [], stop_reason: null, stop_sequence: null, usage: { ...message.usage, output_tokens: 1 } };
  ev.push(sse('message_start', { type: 'message_start', message: startMsg }));
  message.content.forEach((b, i) => {
    if (b.type === 'text') {
      ev.push(sse('content_block_start', { type: 'content_block_start', index: i, content_block: { type: 'text', text: '' } }));
      if (i === 0) ev.push(sse('ping', { type: 'ping' }));
      for (const t of chunkText(b.text, pieceSize(b.text))) {
        ev.push(sse('content_block_delta', { type: 'content_block_delta', index: i, delta: { type: 'text_delta', text: t } }));
      }
    } else if (b.type === 'thinking') {
      ev.push(sse('content_block_start', { type: 'content_block_start', index: i, content_block: { type: 'thinking', thinking: '', signature: '' } }));
      if (i === 0) ev.push(sse('ping', { type: 'ping' }));
      for (const t of chunkText(b.thinking, pieceSize(b.thinking))) {
        ev.push(sse('content_block_delta', { type: 'content_block_delta', index: i, delta: { type: 'thinking_delta', thinking: t } }));
      }
      ev.push(sse('content_block_delta', { type: 'content_block_delta', index: i, delta: { type: 'signature_delta', signature: b.signature } }));
    } else if (b.type === 'redacted_thinking') {
      ev.push(sse('content_block_start', { type: 'content_block_start', index: i, content_block: b }));
      if (i === 0) ev.push(sse('ping', { type: 'ping' }));
    } else if (b.type === 'tool_use') {
      ev.push(sse('content_block_start', { type: 'content_block_start', index: i, content_block: { type: 'tool_use', id: b.id, name: b.name, input: {} } }));
      if (i === 0) ev.push(sse('ping', { type: 'ping' }));
      // The real API opens with an empty partial_json, then splits the JSON
      // text anywhere (mid-key, mid-string, mid-number).
      const json = JSON.stringify(b.input);
      const pieces = [''];
      const n = Math.max(3, Math.min(8, Math.ceil(json.length / 6)));
      const size = Math.ceil(json.length / n);
      for (const p of chunkText(json, size)) pieces.push(p);
      for (const p of pieces) {
        ev.push(sse('content_block_delta', { type: 'content_block_delta', index: i, delta: { type: 'input_json_delta', partial_json: p } }));
      }
    }
    ev.push(sse('content_block_stop', { type: 'content_block_stop', index: i }));
    if (i < message.content.length - 1 && i % 2 === 1) ev.push(sse('ping', { type: 'ping' }));
  });
  const u = message.usage;
  ev.push(sse('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: message.stop_reason, stop_sequence: message.stop_sequence },
    usage: {
      input_tokens: u.input_tokens,
      cache_creation_input_tokens: u.cache_creation_input_tokens,
      cache_read_input_tokens: u.cache_read_input_tokens,
      output_tokens: u.output_tokens,
    },
  }));
  ev.push(sse('message_stop', { type: 'message_stop' }));
  if (opts2.brokenAt !== undefined) {
    const at = Math.min(Math.max(1, opts2.brokenAt), ev.length - 1);
    ev.splice(at, 0, 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"unterminated\n\n');
  }
  if (opts2.errorAt !== undefined) {
    const at = Math.min(Math.max(0, opts2.errorAt), ev.length);
    ev.splice(at, ev.length - at, sse('error', { type: 'error', error: { type: opts2.errorType, message: opts2.errorMessage }, request_id: opts2.requestId }));
  }
  return ev.map((e) => (opts2.badUtf8 ? injectBadUtf8(Buffer.from(e)) : Buffer.from(e)));
}

// ---------------------------------------------------------------------------
// OpenAI: validation and cache simulation

function validateOpenAI(body) {
  const bad = (m, param = null, code = null) => { throw new ApiError(400, 'invalid_request_error', m, { param, code }); };
  if (!isObj(body)) bad('Invalid request body: expected a JSON object.');
  if (body.model === undefined) bad('you must provide a model parameter', null, null);
  if (body.messages === undefined) bad("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    bad("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'messages', 'empty_array');
  }
  if (/^(o\d|gpt-5)/.test(String(body.model)) && body.max_tokens !== undefined) {
    bad("Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", 'max_tokens', 'unsupported_parameter');
  }
  const efforts = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'];
  if (body.reasoning_effort !== undefined && !efforts.includes(body.reasoning_effort)) {
    bad(`Invalid value: '${body.reasoning_effort}'. Supported values are: 'low', 'medium', and 'high'.`, 'reasoning_effort', 'invalid_value');
  }
  const rf = body.response_format;
  if (rf !== undefined) {
    if (!isObj(rf) || !['text', 'json_object', 'json_schema'].includes(rf.type)) {
      bad("Invalid value for 'response_format.type'.", 'response_format.type', 'invalid_value');
    }
    if (rf.type === 'json_schema') {
      if (!isObj(rf.json_schema)) bad("Missing required parameter: 'response_format.json_schema'.", 'response_format.json_schema', 'missing_required_parameter');
      if (typeof rf.json_schema.name !== 'string') bad("Missing required parameter: 'response_format.json_schema.name'.", 'response_format.json_schema.name', 'missing_required_parameter');
    }
  }
  if (body.tools !== undefined) {
    if (!Array.isArray(body.tools)) bad("Invalid type for 'tools': expected an array.", 'tools', 'invalid_type');
    body.tools.forEach((t, i) => {
      if (!isObj(t) || !isObj(t.function) || typeof t.function.name !== 'string') {
        bad(`Missing required parameter: 'tools[${i}].function'.`, `tools[${i}].function`, 'missing_required_parameter');
      }
    });
  }
  // Tool-call bookkeeping: every tool_call_id answered, no stray tool messages.
  const msgs = body.messages;
  msgs.forEach((m, i) => {
    if (!isObj(m) || typeof m.role !== 'string') bad(`Missing required parameter: 'messages[${i}].role'.`, `messages.[${i}].role`, 'missing_required_parameter');
    if (m.role === 'tool') {
      let k = i - 1;
      while (k >= 0 && msgs[k].role === 'tool') k--;
      if (k < 0 || msgs[k].role !== 'assistant' || !Array.isArray(msgs[k].tool_calls)) {
        bad("Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", `messages.[${i}].role`);
      }
    }
    if (m.role === 'assistant' && Array.isArray(m.tool_calls) && m.tool_calls.length) {
      const answered = new Set();
      for (let k = i + 1; k < msgs.length && msgs[k].role === 'tool'; k++) answered.add(msgs[k].tool_call_id);
      const missing = m.tool_calls.map((c) => c.id).filter((id) => !answered.has(id));
      if (missing.length) {
        bad(`An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${missing.join(', ')}`, `messages.[${i}].role`);
      }
    }
  });
}

function openaiUsagePrompt(body) {
  const s = state.settings;
  const now = vnow();
  const parts = [];
  (Array.isArray(body.tools) ? body.tools : []).forEach((t) => parts.push(canon(t)));
  if (body.response_format) parts.push(canon(body.response_format));
  body.messages.forEach((m) => parts.push(canon(m)));
  let h = sha256('openai\n' + body.model);
  let cum = 0;
  const prefixes = parts.map((json) => {
    h = sha256(h + '\n' + json);
    cum += tokensOf(json);
    return { hash: h, cum };
  });
  let longest = 0;
  for (let i = prefixes.length - 1; i >= 0; i--) {
    const e = state.oaCache.get(prefixes[i].hash);
    if (e && e.expires > now) { longest = e.tokens; break; }
  }
  for (const p of prefixes) {
    if (p.cum >= s.openai_min_cached_tokens) state.oaCache.set(p.hash, { tokens: p.cum, expires: now + s.openai_cache_ttl_ms });
  }
  const min = s.openai_min_cached_tokens;
  const cached = longest >= min ? min + Math.floor((longest - min) / s.openai_cache_step) * s.openai_cache_step : 0;
  return { prompt_tokens: cum, cached_tokens: Math.min(cached, cum) };
}

// ---------------------------------------------------------------------------
// Request handling

async function readBody(req, limit) {
  const chunks = [];
  let len = 0;
  for await (const c of req) {
    len += c.length;
    if (len <= limit) chunks.push(c);
  }
  return { buf: Buffer.concat(chunks), len };
}

function record(req, provider, urlPath, raw, rawLen) {
  let body = null;
  try { body = raw.length ? JSON.parse(raw.toString('utf8')) : null; } catch { body = null; }
  const rec = {
    seq: ++state.seq,
    time_ms: performance.timeOrigin + performance.now(),
    provider,
    method: req.method,
    path: urlPath,
    headers: { ...req.headers },
    body,
    raw_body_len: rawLen,
  };
  state.requests.push(rec);
  logLine({ kind: 'request', ...rec });
  return rec;
}

function nextStep(provider, rec) {
  const q = state.queues[provider];
  const step = q.length ? q.shift() : null;
  logLine({ kind: 'step', provider, request_seq: rec.seq, step, remaining: q.length });
  return step || {};
}

// Waits until step.hold is released, then step.delay_ms, unless the client
// goes away first; returns false if it did.
async function stepDelay(req, res, step) {
  if (step.hold !== undefined) {
    const h = holdOf(step.hold);
    if (!h.released) {
      logLine({ kind: 'hold', hold: step.hold });
      await new Promise((resolve) => {
        function done() { h.wake.delete(done); res.off('close', done); resolve(); }
        h.wake.add(done);
        res.on('close', done);
      });
      if (gone(res)) return false;
    }
  }
  const ms = Number(step.delay_ms || 0);
  if (!(ms > 0)) return !gone(res);
  await new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() { clearTimeout(t); res.off('close', done); resolve(); }
    res.on('close', done);
  });
  return !gone(res);
}

function faultOf(step, streaming) {
  if (step.fault !== 'stall' && step.fault !== 'drop') return null;
  const f = { kind: step.fault };
  if (step.after_bytes !== undefined) f.afterBytes = Number(step.after_bytes);
  if (step.after_events !== undefined) f.afterEvents = Number(step.after_events);
  if (streaming && f.afterBytes === undefined && f.afterEvents === undefined) f.afterEvents = 0;
  return f;
}

function parseJson(raw) {
  try { return JSON.parse(raw.toString('utf8')); } catch { return undefined; }
}

async function handleAnthropic(req, res, raw, rawLen, rec) {
  const requestId = 'req_011C' + b62(20);
  const hdrs = (extra) => anthHeaders(requestId, extra);
  const fail = (e, extraHeaders = {}) => sendJson(res, e.status, hdrs(extraHeaders), anthErrorBody(e.type, e.message, requestId));
  try {
    const key = req.headers['x-api-key'];
    if (!key) throw new ApiError(401, 'authentication_error', 'x-api-key header is required');
    if (key === 'bad-key') throw new ApiError(401, 'authentication_error', 'invalid x-api-key');
    const ver = req.headers['anthropic-version'];
    if (!ver) throw new ApiError(400, 'invalid_request_error', 'anthropic-version: header is required');
    if (ver !== '2023-06-01' && ver !== '2023-01-01') throw new ApiError(400, 'invalid_request_error', `anthropic-version: "${ver}" is not a valid version`);
    if (rawLen > 32 * 1024 * 1024) throw new ApiError(413, 'request_too_large', 'Request exceeds the maximum allowed number of bytes.');
    const body = parseJson(raw);
    if (body === undefined) throw new ApiError(400, 'invalid_request_error', 'There was an error parsing the body as JSON.');
    validateAnthropic(body);
    const parts = anthropicParts(body);
    const bps = validateBreakpoints(parts);

    const step = nextStep('anthropic', rec);
    if (!(await stepDelay(req, res, step))) return;
    const streaming = body.stream === true;

    if (step.status !== undefined) {
      const status = Number(step.status);
      const [type, message] = anthErrorFor(status);
      const extra = retryHeaders(step);
      if (status === 429) {
        extra['anthropic-ratelimit-requests-remaining'] = '0';
      }
      return sendJson(res, status, hdrs(extra), anthErrorBody(step.error_type || type, step.message || message, requestId));
    }

    // Build the message (also for faults: a stream that dies mid-way still
    // started a real reply, and the cache was written by then).
    const huge = step.fault === 'huge';
    const invalid = step.fault === 'invalid_utf8';
    const stepForContent = huge ? { content: hugeText(Number(step.bytes ?? 1 << 20)) }
      : invalid ? { content: `Bad bytes follow: ${BAD_MARK} and then valid text again.` } : step;
    const content = anthropicContent(stepForContent);
    const usage = anthropicUsage(body, parts, bps);
    const stop = step.stop_reason ?? (content.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn');
    const message = {
      id: 'msg_01' + b62(22),
      type: 'message',
      role: 'assistant',
      model: body.model,
      content,
      stop_reason: stop,
      stop_sequence: step.stop_sequence ?? null,
      usage: {
        input_tokens: usage.input_tokens,
        cache_creation_input_tokens: usage.cache_creation_input_tokens,
        cache_read_input_tokens: usage.cache_read_input_tokens,
        cache_creation: usage.cache_creation,
        output_tokens: step.output_tokens ?? estimateOutput(content),
        service_tier: 'standard',
      },
    };
    // What the reply says was used, for tests that hold the agent's metrics
    // to the provider's count.
    rec.usage = message.usage;
    const fault = faultOf(step, streaming);

    if (!streaming) {
      let buf;
      if (step.fault === 'malformed_json') {
        const full = JSON.stringify(message);
        buf = Buffer.from(full.slice(0, Math.floor(full.length * 0.6)) + '<html>upstream error</html>');
      } else {
        buf = Buffer.from(JSON.stringify(message));
        if (invalid) buf = injectBadUtf8(buf);
      }
      return writeBody(res, 200, hdrs({ 'content-type': 'application/json' }), buf, fault);
    }

    const evOpts = { requestId, badUtf8: invalid };
    if (step.fault === 'malformed_json') evOpts.brokenAt = Number(step.after_events ?? 2);
    if (step.fault === 'stream_error') {
      evOpts.errorAt = Number(step.after_events ?? 2);
      evOpts.errorType = step.error_type || 'overloaded_error';
      evOpts.errorMessage = step.message || 'Overloaded';
    }
    const events = anthropicEvents(message, evOpts);
    res.writeHead(200, hdrs({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' }));
    res.flushHeaders();
    trackOpen(res);
    await streamEvents(res, events, fault);
    if (fault) finishFault(res, fault.kind);
    else if (!gone(res)) res.end();
  } catch (e) {
    if (e instanceof ApiError) return fail(e);
    throw e;
  }
}

function oaMessage(step, forcedContent) {
  let content = forcedContent ?? step.content;
  if (content !== undefined && content !== null && typeof content !== 'string') content = JSON.stringify(content);
  const calls = (Array.isArray(step.tool_calls) ? step.tool_calls : []).map((c) => ({
    id: !c.id || c.id === 'auto' ? 'call_' + b62(24) : String(c.id),
    type: 'function',
    function: {
      name: String(c.name ?? c.function?.name ?? 'tool'),
      arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments ?? {}),
    },
  }));
  if (content === undefined) content = calls.length ? null : state.settings.default_text;
  const msg = { role: 'assistant', content, refusal: null, annotations: [] };
  if (calls.length) msg.tool_calls = calls;
  if (typeof step.reasoning_content === 'string') msg.reasoning_content = step.reasoning_content;
  return msg;
}

async function handleOpenAI(req, res, raw, rawLen, rec) {
  const requestId = 'req_' + hex(32);
  const hdrs = (extra) => oaHeaders(requestId, extra);
  const fail = (e, extra = {}) => sendJson(res, e.status, hdrs(extra), oaErrorBody(e.type, e.message, e.extra.param ?? null, e.extra.code ?? null));
  try {
    const auth = req.headers['authorization'];
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth || '');
    if (!m) {
      throw new ApiError(401, 'invalid_request_error', "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.");
    }
    if (m[1] === 'bad-key') {
      throw new ApiError(401, 'invalid_request_error', 'Incorrect API key provided: bad-key. You can find your API key at https://platform.openai.com/account/api-keys.', { code: 'invalid_api_key' });
    }
    const body = parseJson(raw);
    if (body === undefined) {
      throw new ApiError(400, 'invalid_request_error', "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)");
    }
    validateOpenAI(body);

    const step = nextStep('openai', rec);
    if (!(await stepDelay(req, res, step))) return;
    const streaming = body.stream === true;

    if (step.status !== undefined) {
      const status = Number(step.status);
      const [type, message, code] = oaErrorFor(status);
      return sendJson(res, status, hdrs(retryHeaders(step)), oaErrorBody(step.error_type || type, step.message || message, null, step.code ?? code));
    }

    const huge = step.fault === 'huge';
    const invalid = step.fault === 'invalid_utf8';
    const msg = oaMessage(step, huge ? hugeText(Number(step.bytes ?? 1 << 20))
      : invalid ? `Bad bytes follow: ${BAD_MARK} and then valid text again.` : undefined);
    const pu = openaiUsagePrompt(body);
    const reasoning = Number(step.reasoning_tokens ?? 0);
    let completion = step.completion_tokens ?? step.output_tokens;
    if (completion === undefined) {
      completion = tokensOf(msg.content ?? '') + (msg.tool_calls || []).reduce((n, c) => n + tokensOf(c.function.arguments), 0) + reasoning;
    }
    const usage = {
      prompt_tokens: pu.prompt_tokens,
      completion_tokens: completion,
      total_tokens: pu.prompt_tokens + completion,
      prompt_tokens_details: { cached_tokens: pu.cached_tokens, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: reasoning, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    };
    rec.usage = usage;
    const finish = step.finish_reason ?? (msg.tool_calls ? 'tool_calls' : 'stop');
    const id = 'chatcmpl-' + b62(29);
    const created = Math.floor(Date.now() / 1000);
    const fp = 'fp_' + hex(10);
    const fault = faultOf(step, streaming);

    if (!streaming) {
      const obj = {
        id, object: 'chat.completion', created, model: body.model,
        choices: [{ index: 0, message: msg, logprobs: null, finish_reason: finish }],
        usage, service_tier: 'default', system_fingerprint: fp,
      };
      let buf;
      if (step.fault === 'malformed_json') {
        const full = JSON.stringify(obj);
        buf = Buffer.from(full.slice(0, Math.floor(full.length * 0.6)) + '<html>upstream error</html>');
      } else {
        buf = Buffer.from(JSON.stringify(obj));
        if (invalid) buf = injectBadUtf8(buf);
      }
      return writeBody(res, 200, hdrs({ 'content-type': 'application/json' }), buf, fault);
    }

    const includeUsage = isObj(body.stream_options) && body.stream_options.include_usage === true;
    const chunk = (delta, finishReason = null) => {
      const c = { id, object: 'chat.completion.chunk', created, model: body.model, service_tier: 'default', system_fingerprint: fp,
        choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] };
      if (includeUsage) c.usage = null;
      return `data: ${JSON.stringify(c)}\n\n`;
    };
    const ev = [];
    // Only the first chunk carries the role, as the real API does.
    const first = (d) => (ev.length === 0 ? { role: 'assistant', ...d } : d);
    if (msg.reasoning_content !== undefined) {
      ev.push(chunk(first({ content: null, reasoning_content: '' })));
      for (const t of chunkText(msg.reasoning_content, pieceSize(msg.reasoning_content))) ev.push(chunk({ reasoning_content: t }));
    }
    if (msg.content !== null || !msg.tool_calls) {
      ev.push(chunk(first({ content: '', refusal: null })));
      for (const t of chunkText(msg.content ?? '', pieceSize(msg.content ?? ''))) ev.push(chunk({ content: t }));
    }
    (msg.tool_calls || []).forEach((c, i) => {
      const head = { index: i, id: c.id, type: 'function', function: { name: c.function.name, arguments: '' } };
      ev.push(chunk(ev.length === 0 ? { role: 'assistant', content: null, tool_calls: [head], refusal: null } : { tool_calls: [head] }));
      const a = c.function.arguments;
      const size = Math.max(1, Math.ceil(a.length / Math.max(3, Math.min(8, Math.ceil(a.length / 6)))));
      for (const p of chunkText(a, size)) ev.push(chunk({ tool_calls: [{ index: i, function: { arguments: p } }] }));
    });
    ev.push(chunk({}, finish));
    if (includeUsage) {
      ev.push(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, service_tier: 'default', system_fingerprint: fp, choices: [], usage })}\n\n`);
    }
    ev.push('data: [DONE]\n\n');
    if (step.fault === 'malformed_json') {
      ev.splice(Math.min(Number(step.after_events ?? 2), ev.length - 1), 0, `data: {"id":"${id}","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"unterminated\n\n`);
    }
    if (step.fault === 'stream_error') {
      const at = Math.min(Number(step.after_events ?? 2), ev.length);
      ev.splice(at, ev.length - at, `data: ${JSON.stringify(oaErrorBody(step.error_type || 'server_error', step.message || 'The server had an error while processing your request. Sorry about that!'))}\n\n`);
    }
    res.writeHead(200, hdrs({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' }));
    res.flushHeaders();
    trackOpen(res);
    await streamEvents(res, ev.map((e) => (invalid ? injectBadUtf8(Buffer.from(e)) : Buffer.from(e))), fault);
    if (fault) finishFault(res, fault.kind);
    else if (!gone(res)) res.end();
  } catch (e) {
    if (e instanceof ApiError) return fail(e);
    throw e;
  }
}

function handleModels(req, res) {
  const ids = ['claude-sonnet-4-5', 'claude-opus-4-1', 'claude-haiku-4-5'];
  if (req.headers['x-api-key'] || req.headers['anthropic-version']) {
    const requestId = 'req_011C' + b62(20);
    const data = ids.map((id) => ({ type: 'model', id, display_name: id, created_at: '2025-01-01T00:00:00Z' }));
    return sendJson(res, 200, anthHeaders(requestId), { data, has_more: false, first_id: ids[0], last_id: ids[ids.length - 1] });
  }
  const data = ['gpt-4o', 'gpt-4o-mini', 'o3-mini'].map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'system' }));
  return sendJson(res, 200, oaHeaders('req_' + hex(32)), { object: 'list', data });
}

// ---------------------------------------------------------------------------
// Control API

const STEP_KEYS = new Set(['content', 'stop_reason', 'stop_sequence', 'output_tokens', 'tool_calls', 'finish_reason',
  'reasoning_tokens', 'reasoning_content', 'completion_tokens', 'status', 'retry_after', 'retry_after_ms',
  'retry_after_http_date_in_s', 'x_should_retry', 'error_type', 'message', 'code', 'fault', 'after_events',
  'after_bytes', 'bytes', 'delay_ms', 'hold', 'note']);
const FAULTS = new Set(['stall', 'drop', 'malformed_json', 'invalid_utf8', 'huge', 'stream_error']);

function checkStep(s, where) {
  if (!isObj(s)) return `${where}: a step must be an object`;
  for (const k of Object.keys(s)) if (!STEP_KEYS.has(k)) return `${where}: unknown key '${k}'`;
  if (s.fault !== undefined && !FAULTS.has(s.fault)) return `${where}: unknown fault '${s.fault}'`;
  if (s.hold !== undefined && (typeof s.hold !== 'string' || !s.hold)) return `${where}: hold must be a name`;
  if (s.status !== undefined && !(Number.isInteger(Number(s.status)) && s.status >= 400 && s.status <= 599)) return `${where}: status must be 400..599`;
  return null;
}

const SETTING_TYPES = {
  min_cacheable_tokens: 'number', openai_min_cached_tokens: 'number', openai_cache_step: 'number',
  openai_cache_ttl_ms: 'number', cache_lookback_blocks: 'number', time_scale: 'number', split_writes: 'boolean',
  write_delay_ms: 'number', delayed_writes: 'number', stall_max_ms: 'number', default_text: 'string',
};

async function handleControl(req, res, urlPath, raw) {
  const ok = (obj) => sendJson(res, 200, {}, obj);
  const err = (status, message) => sendJson(res, status, {}, { error: message });
  const body = raw.length ? parseJson(raw) : {};
  if (body === undefined) return err(400, 'body is not JSON');
  const route = `${req.method} ${urlPath}`;
  switch (route) {
    case 'POST /__control/script': {
      if (!isObj(body)) return err(400, 'expected {"anthropic":[...],"openai":[...]}');
      for (const k of Object.keys(body)) {
        if (k !== 'anthropic' && k !== 'openai') return err(400, `unknown provider '${k}'`);
        if (!Array.isArray(body[k])) return err(400, `${k} must be an array of steps`);
        for (let i = 0; i < body[k].length; i++) {
          const e = checkStep(body[k][i], `${k}[${i}]`);
          if (e) return err(400, e);
        }
      }
      for (const k of ['anthropic', 'openai']) if (body[k]) state.queues[k].push(...body[k]);
      logLine({ kind: 'script', added: body });
      return ok({ anthropic: state.queues.anthropic.length, openai: state.queues.openai.length });
    }
    case 'GET /__control/script':
      return ok(state.queues);
    case 'POST /__control/release': {
      if (!isObj(body) || typeof body.hold !== 'string' || !body.hold) return err(400, 'expected {"hold": NAME}');
      const h = holdOf(body.hold);
      const waiting = h.wake.size;
      h.released = true;
      for (const w of [...h.wake]) w();
      logLine({ kind: 'release', hold: body.hold, waiting });
      return ok({ hold: body.hold, released: waiting });
    }
    case 'POST /__control/reset':
      resetState();
      logLine({ kind: 'reset' });
      return ok({ ok: true });
    case 'GET /__control/settings':
      return ok(state.settings);
    case 'POST /__control/settings': {
      if (!isObj(body)) return err(400, 'expected an object');
      for (const [k, v] of Object.entries(body)) {
        if (!(k in SETTING_TYPES)) return err(400, `unknown setting '${k}'`);
        if (typeof v !== SETTING_TYPES[k]) return err(400, `${k} must be a ${SETTING_TYPES[k]}`);
      }
      if ('time_scale' in body) {
        if (!(body.time_scale > 0)) return err(400, 'time_scale must be > 0');
        reanchorClock(); // the new scale applies from now on
      }
      Object.assign(state.settings, body);
      logLine({ kind: 'settings', settings: state.settings });
      return ok(state.settings);
    }
    case 'POST /__control/clock': {
      const adv = Number(body.advance_ms ?? 0);
      if (!(adv >= 0)) return err(400, 'advance_ms must be >= 0');
      reanchorClock(adv);
      return ok({ virtual_now_ms: vnow() });
    }
    case 'GET /__control/requests':
      return ok(state.requests);
    case 'DELETE /__control/requests':
      state.requests = [];
      return ok({ ok: true });
    case 'GET /__control/cache': {
      const now = vnow();
      const live = (m) => [...m.entries()].filter(([, e]) => e.expires > now).map(([hash, e]) => ({ hash, tokens: e.tokens, expires_in_ms: e.expires - now }));
      return ok({ anthropic: live(state.anthCache), openai: live(state.oaCache) });
    }
    case 'GET /__control/health':
      return ok({ ok: true, open_streams: state.openStreams.size, queued: { anthropic: state.queues.anthropic.length, openai: state.queues.openai.length } });
    default:
      return err(404, `no control route ${route}`);
  }
}

// ---------------------------------------------------------------------------
// Server

async function onRequest(req, res) {
  const urlPath = new URL(req.url, 'http://127.0.0.1').pathname;
  const { buf: raw, len: rawLen } = await readBody(req, 33 * 1024 * 1024);
  if (urlPath.startsWith('/__control/')) return handleControl(req, res, urlPath, raw);

  if (req.method === 'POST' && urlPath === '/v1/messages') {
    const rec = record(req, 'anthropic', urlPath, raw, rawLen);
    res.on('close', () => { rec.end_ms = performance.timeOrigin + performance.now(); });
    return handleAnthropic(req, res, raw, rawLen, rec);
  }
  if (req.method === 'POST' && (urlPath === '/v1/chat/completions' || urlPath === '/chat/completions')) {
    const rec = record(req, 'openai', urlPath, raw, rawLen);
    res.on('close', () => { rec.end_ms = performance.timeOrigin + performance.now(); });
    return handleOpenAI(req, res, raw, rawLen, rec);
  }
  if (req.method === 'GET' && urlPath === '/v1/models') {
    record(req, req.headers['x-api-key'] ? 'anthropic' : 'openai', urlPath, raw, rawLen);
    return handleModels(req, res);
  }
  record(req, 'unknown', urlPath, raw, rawLen);
  if (req.headers['x-api-key'] || req.headers['anthropic-version']) {
    const rid = 'req_011C' + b62(20);
    return sendJson(res, 404, anthHeaders(rid), anthErrorBody('not_found_error', 'Not Found', rid));
  }
  return sendJson(res, 404, {}, oaErrorBody('invalid_request_error', `Invalid URL (${req.method} ${urlPath})`));
}

function main() {
  opts = parseArgs(process.argv.slice(2));
  if (opts.log) logFd = fs.openSync(opts.log, 'a');
  const sockets = new Set();
  const server = http.createServer({ noDelay: true, keepAliveTimeout: 5000 }, (req, res) => {
    res.on('error', () => {}); // a client that vanished is routine here, not a crash
    onRequest(req, res).catch((e) => {
      if (req.destroyed || res.destroyed) return; // client aborted while sending its body
      process.stderr.write(`server.mjs: ${e.stack || e}\n`);
      if (!res.headersSent) sendJson(res, 500, {}, { error: String(e.message || e) });
      else res.destroy();
    });
  });
  server.requestTimeout = 0; // slow test clients are a feature here, not an attack
  server.on('connection', (s) => {
    s.setNoDelay(true);
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.listen(opts.port, '127.0.0.1', () => {
    const port = server.address().port;
    if (opts.portFile) {
      const tmp = path.join(path.dirname(path.resolve(opts.portFile)), `.${path.basename(opts.portFile)}.${process.pid}.tmp`);
      fs.writeFileSync(tmp, `${port}\n`);
      fs.renameSync(tmp, opts.portFile); // readers never see a partial file
    }
    process.stdout.write(`listening 127.0.0.1:${port}\n`);
  });
  server.on('error', (e) => {
    process.stderr.write(`server.mjs: ${e.message}\n`);
    process.exit(1);
  });
  const stop = () => {
    server.close();
    for (const s of sockets) s.destroy(); // stalled streams would keep close() waiting
    if (logFd !== null) fs.closeSync(logFd);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
