/*
 * The malformed-input suite, over raw frames, on the socket and on stdio.
 * Each case sends something broken, checks the exact error code, data.kind
 * and id of every reply it causes, then checks that the same connection still
 * answers a request.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startAgent } from '../lib/agent.mjs';
import { assertError, assertResult } from '../lib/openrpc.mjs';

const MAX_FRAME = 4096;

const req = (id, method, params) => JSON.stringify(
	params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });

/* The next reply is this error; id null unless given. */
async function expectError(r, code, kind, id = null) {
	const m = await r.next();
	assert.equal(m.jsonrpc, '2.0', JSON.stringify(m));
	assert.deepEqual(m.id, id, `reply id: ${JSON.stringify(m)}`);
	assert.equal(m.result, undefined);
	assertError(m.error, code, kind);
	return m;
}

let nextId = 1000;

/* The connection still works: a status request is answered (and is the next reply). */
async function stillAnswers(r) {
	const id = nextId++;
	const m = await r.request(id, 'status');
	assert.equal(m.id, id, `expected the status reply, got ${JSON.stringify(m)}`);
	assertResult('status', m.result);
}

/* Reads parse errors until the reply to id; at least one must come first.
 * For lies that swallow a following frame, the number of errors depends on
 * where the next header happens to fall; their kind does not. */
async function parseErrorsThen(r, id) {
	let errors = 0;
	for (;;) {
		const m = await r.next();
		if (m.id === id)
			return { m, errors };
		assert.equal(m.id, null, JSON.stringify(m));
		assertError(m.error, -32700, 'parse_error');
		errors++;
	}
}

const cases = {
	'a request before initialize: -32002 not_initialized; unknown method -32601 even so': async (r) => {
		r.sendFrame(req(1, 'status'));
		await expectError(r, -32002, 'not_initialized', 1);
		r.sendFrame(req(2, 'no/such'));
		await expectError(r, -32601, 'method_not_found', 2);
		r.notify('status'); /* a notification gets no error, even before initialize */
		r.sendFrame(req(3, 'initialize', {}));
		const init = await r.next();
		assert.equal(init.id, 3);
		assertResult('initialize', init.result);
	},
	'missing Content-Length header': async (r) => {
		r.send(`Content-Type: application/json\r\n\r\n${req(1, 'status')}`);
		await expectError(r, -32700, 'parse_error');
	},
	'no headers at all': async (r) => {
		r.send(`\r\n\r\n${req(1, 'status')}`);
		await expectError(r, -32700, 'parse_error');
	},
	'garbage before a header: one parse error, then the frame is served': async (r) => {
		const body = req(1, 'status');
		r.send(`hello world\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
		await expectError(r, -32700, 'parse_error');
		assert.equal((await r.next()).id, 1);
	},
	'Content-Length not a number': async (r) => {
		r.send('Content-Length: abc\r\n\r\n{}');
		await expectError(r, -32700, 'parse_error');
	},
	'Content-Length negative': async (r) => {
		r.send('Content-Length: -5\r\n\r\n{}');
		await expectError(r, -32700, 'parse_error');
	},
	'Content-Length beyond size_t': async (r) => {
		r.send('Content-Length: 99999999999999999999999999\r\n\r\n{}');
		await expectError(r, -32700, 'parse_error');
	},
	'extra headers and any case are accepted': async (r) => {
		const body = req(1, 'status');
		r.send(`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-LENGTH:  ${Buffer.byteLength(body)} \r\n\r\n${body}`);
		const m = await r.next();
		assert.equal(m.id, 1);
		assertResult('status', m.result);
	},
	'a header section that never ends': async (r) => {
		r.send(`X-Junk: ${'x'.repeat(9000)}`);
		await expectError(r, -32700, 'parse_error');
		r.send('\r\n\r\n');
	},
	'Content-Length lies short: truncated body, then the rest is garbage before the next header': async (r) => {
		const body = req(1, 'status');
		r.sendFrame(body, { length: Buffer.byteLength(body) - 5 });
		r.sendFrame(req(2, 'status'));
		const { m, errors } = await parseErrorsThen(r, 2);
		assert.ok(errors >= 1);
		assertResult('status', m.result);
	},
	'Content-Length lies long: the body swallows the start of the next frame': async (r) => {
		const body = req(1, 'status');
		r.sendFrame(body, { length: Buffer.byteLength(body) + 10 });
		r.sendFrame(req(2, 'status')); /* its first 10 bytes complete the lie */
		r.sendFrame(req(3, 'status'));
		const { m, errors } = await parseErrorsThen(r, 3);
		assert.ok(errors >= 1);
		assertResult('status', m.result);
	},
	'Content-Length: 0': async (r) => {
		r.send('Content-Length: 0\r\n\r\n');
		await expectError(r, -32700, 'parse_error');
	},
	'a body cut short by a pause arrives whole': async (r) => {
		const body = Buffer.from(req(1, 'status'));
		r.send(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body.subarray(0, 10)]));
		await new Promise((res) => setTimeout(res, 50));
		r.send(body.subarray(10));
		const m = await r.next();
		assert.equal(m.id, 1);
	},
	'invalid JSON of several kinds': async (r) => {
		for (const bad of ['{"jsonrpc":"2.0",', '{"a":1,}', "{'a':1}", '[1,2', '{"a" 1}', 'nul',
				   '{"jsonrpc":"2.0","id":NaN,"method":"status"}', '{"id":01}', '{"id":1.}',
				   '{"id":-}', '"\\x41"', '{} {}', '\ufeff{}', 'tru', '{"a":"b\u0001"}',
				   '{"a":"\\u12"}', 'Infinity'])
		{
			r.sendFrame(bad);
			const m = await r.next();
			assert.equal(m.id, null, `${bad}: ${JSON.stringify(m)}`);
			assertError(m.error, -32700, 'parse_error');
		}
	},
	'invalid UTF-8 in a string': async (r) => {
		for (const bytes of [[0xff, 0xfe], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf5, 0x80, 0x80, 0x80]]) {
			r.sendFrame(Buffer.concat([Buffer.from('{"jsonrpc":"2.0","id":1,"method":"st'),
						   Buffer.from(bytes), Buffer.from('"}')]));
			await expectError(r, -32700, 'parse_error');
		}
	},
	'lone surrogates: \\ud800 alone, \\udc00 alone, reversed pair': async (r) => {
		for (const s of ['\\ud800', '\\udc00', '\\ud800x', '\\udc00\\ud800', '\\ud800\\u0041']) {
			r.sendFrame(`{"jsonrpc":"2.0","id":1,"method":"${s}"}`);
			await expectError(r, -32700, 'parse_error');
		}
		/* A proper pair is fine: it names an unknown method. */
		r.sendFrame('{"jsonrpc":"2.0","id":2,"method":"\\ud83d\\ude00"}');
		const m = await expectError(r, -32601, 'method_not_found', 2);
		assert.match(m.error.message, /😀/);
	},
	'huge numbers: ids are echoed byte for byte; a huge param is invalid_params': async (r) => {
		for (const id of ['1e400', '99999999999999999999999', '-0', '1.5']) {
			r.sendFrame(`{"jsonrpc":"2.0","id":${id},"method":"status"}`);
			const text = await r.nextText();
			assert.ok(text.startsWith(`{"jsonrpc":"2.0","id":${id},"result":{`), text);
		}
		r.sendFrame(req(3, 'test/sleep', { ms: 1e300 }));
		await expectError(r, -32602, 'invalid_params', 3);
		r.sendFrame('{"jsonrpc":"2.0","id":4,"method":"test/sleep","params":{"ms":1e400}}');
		await expectError(r, -32602, 'invalid_params', 4);
	},
	'nesting: 256 levels are fine, 257 are limit_exceeded': async (r) => {
		/* The request object is level 1, params level 2, then 254 arrays. */
		const deep = (n) => `${'['.repeat(n)}${']'.repeat(n)}`;
		r.sendFrame(`{"jsonrpc":"2.0","id":1,"method":"status","params":{"x":${deep(254)}}}`);
		const ok = await r.next();
		assert.equal(ok.id, 1, JSON.stringify(ok));
		assertResult('status', ok.result);
		r.sendFrame(`{"jsonrpc":"2.0","id":2,"method":"status","params":{"x":${deep(255)}}}`);
		await expectError(r, -32600, 'limit_exceeded');
		r.sendFrame(deep(257));
		await expectError(r, -32600, 'limit_exceeded');
		r.sendFrame(deep(100000).slice(0, MAX_FRAME)); /* deep and unterminated */
		await expectError(r, -32600, 'limit_exceeded');
	},
	'a frame over --max-frame is limit_exceeded and its body is skipped': async (r) => {
		const body = req(1, 'status', { pad: 'a'.repeat(MAX_FRAME) });
		r.sendFrame(body);
		await expectError(r, -32600, 'limit_exceeded');
		/* The announced length alone decides, before any byte of the body. */
		r.send(`Content-Length: ${MAX_FRAME * 1000}\r\n\r\n`);
		await expectError(r, -32600, 'limit_exceeded');
		r.send(Buffer.alloc(MAX_FRAME * 1000, 0x7b)); /* skipped, never parsed */
		const exact = req(2, 'status', { pad: '' });
		r.sendFrame(req(2, 'status', { pad: 'b'.repeat(MAX_FRAME - Buffer.byteLength(exact)) }));
		const m = await r.next();
		assert.equal(m.id, 2, 'a frame of exactly the limit is served');
	},
	'empty batch: one -32600 with id null': async (r) => {
		r.sendFrame('[]');
		await expectError(r, -32600, 'invalid_request');
	},
	'mixed batch: exactly one response per request, none for notifications': async (r) => {
		r.sendFrame(JSON.stringify([
			{ jsonrpc: '2.0', id: 'a', method: 'status' },
			1,
			{ jsonrpc: '2.0', method: 'initialized' },
			{ jsonrpc: '2.0', id: 'b', method: 'no/such' },
			{ jsonrpc: '2.0', method: 'no/such' },
			{ jsonrpc: '1.0', id: 'c', method: 'status' },
			{ jsonrpc: '2.0', id: 'd', method: 'status', params: 'x' },
			{ jsonrpc: '2.0', id: 'e', method: 'test/sleep', params: { ms: 20 } },
		]));
		const batch = await r.next();
		assert.ok(Array.isArray(batch), JSON.stringify(batch));
		assert.equal(batch.length, 6, JSON.stringify(batch));
		const byId = new Map(batch.map((m) => [m.id, m]));
		assertResult('status', byId.get('a').result);
		assertError(byId.get(null).error, -32600, 'invalid_request');
		assertError(byId.get('b').error, -32601, 'method_not_found');
		assertError(byId.get('c').error, -32600, 'invalid_request');
		assertError(byId.get('d').error, -32600, 'invalid_request');
		assert.equal(byId.get('e').result.slept, 20);
		assert.ok(Number.isInteger(byId.get('e').result.run), 'a sleep is a job with a run id');
		/* A batch of notifications only gets no reply at all: the next reply is the status. */
		r.sendFrame(JSON.stringify([{ jsonrpc: '2.0', method: 'initialized' }, { jsonrpc: '2.0', method: 'no/such' }]));
		/* A batch inside a batch is an invalid request, not a batch. */
		r.sendFrame('[[]]');
		const nested = await r.next();
		assert.equal(nested.length, 1, JSON.stringify(nested));
		assertError(nested[0].error, -32600, 'invalid_request');
	},
	'not a request object': async (r) => {
		for (const bad of ['42', '"status"', 'null', 'true', `{"jsonrpc":"2.0","id":{},"method":"status"}`,
				   `{"jsonrpc":"2.0","id":[1],"method":"status"}`, `{"jsonrpc":"2.0","id":true,"method":"status"}`]) {
			r.sendFrame(bad);
			await expectError(r, -32600, 'invalid_request');
		}
		r.sendFrame('{"id":5,"method":"status"}');
		await expectError(r, -32600, 'invalid_request', 5);
		r.sendFrame('{"jsonrpc":2,"id":6,"method":"status"}');
		await expectError(r, -32600, 'invalid_request', 6);
		r.sendFrame('{"jsonrpc":"2.0","id":7,"method":5}');
		await expectError(r, -32600, 'invalid_request', 7);
		r.sendFrame('{"jsonrpc":"2.0","id":8}');
		await expectError(r, -32600, 'invalid_request', 8);
	},
	'wrong param types': async (r) => {
		r.sendFrame(req(1, 'status', 'x'));
		await expectError(r, -32600, 'invalid_request', 1);
		r.sendFrame(req(2, 'status', []));
		await expectError(r, -32602, 'invalid_params', 2);
		r.sendFrame(req(3, '$/cancelRequest', { id: {} }));
		await expectError(r, -32602, 'invalid_params', 3);
		r.sendFrame(req(4, '$/cancelRequest', {}));
		await expectError(r, -32602, 'invalid_params', 4);
		r.sendFrame(req(5, 'shutdown', { daemon: 'yes' }));
		await expectError(r, -32602, 'invalid_params', 5);
		r.sendFrame(req(6, 'test/sleep', { ms: '10' }));
		await expectError(r, -32602, 'invalid_params', 6);
		r.sendFrame(req(7, 'test/sleep', { ms: -1 }));
		await expectError(r, -32602, 'invalid_params', 7);
		r.sendFrame(req(8, 'initialize', { clientInfo: 'me' }));
		await expectError(r, -32602, 'invalid_params', 8);
	},
	'unknown methods': async (r) => {
		r.sendFrame(req('x', 'no/such/method'));
		const m = await expectError(r, -32601, 'method_not_found', 'x');
		assert.match(m.error.message, /no\/such\/method/);
		r.sendFrame(req('y', ''));
		await expectError(r, -32601, 'method_not_found', 'y');
	},
	'a response sent to the agent is ignored': async (r) => {
		r.sendFrame('{"jsonrpc":"2.0","id":1,"result":{}}');
		r.sendFrame('{"jsonrpc":"2.0","id":2,"error":{"code":1,"message":"x"}}');
	},
};

for (const transport of ['socket', 'stdio']) {
	describe(`malformed input over ${transport}`, () => {
		let agent, r;

		before(async () => {
			agent = await startAgent({ transport, args: ['--max-frame', String(MAX_FRAME)] });
			r = await agent.raw();
		});
		after(async () => {
			await agent.cleanup();
		});

		for (const [name, fn] of Object.entries(cases)) {
			test(name, async () => {
				await fn(r);
				await stillAnswers(r);
			});
		}

		test('none of it killed the agent or its connection', async () => {
			assert.equal(agent.proc.exitCode, null);
			const st = await r.request('end', 'status');
			assert.equal(st.result.pid, agent.pid);
		});
	});
}

test('test methods are unknown without AIRUNNER_TEST_METHODS=1', async (t) => {
	const agent = await startAgent({ testMethods: false });
	t.after(() => agent.cleanup());
	const r = await agent.raw();
	await r.request(0, 'initialize', {});
	r.sendFrame(req(1, 'test/sleep', { ms: 1 }));
	await expectError(r, -32601, 'method_not_found', 1);
});
