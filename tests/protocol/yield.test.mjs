/*
 * The dispatcher yields between requests: a client that sends hundreds of
 * requests in one write does not hold the agent while they are answered;
 * another client's request, sent just after, is answered among them.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startAgent, tmpDir } from '../lib/agent.mjs';

/* About 60 KB of frames (one read of the agent's), each a request that
 * takes a while (reading a workspace's checks): the burst lasts far longer
 * than it takes the other client to send its request. */
const N = 500;
let agent, ws;

before(async () => {
	agent = await startAgent();
	ws = tmpDir();
	fs.writeFileSync(path.join(ws, 'package.json'), '{"name":"w","scripts":{"test":"jest"}}\n');
	fs.writeFileSync(path.join(ws, 'tsconfig.json'), '{}\n');
	fs.writeFileSync(path.join(ws, 'a.py'), 'x = 1\n');
});
after(async () => {
	await agent.cleanup();
	fs.rmSync(ws, { recursive: true, force: true });
});

async function initialized() {
	const r = await agent.raw();
	const init = await r.request(0, 'initialize', { processId: null });
	assert.ok(init.result, JSON.stringify(init));
	return r;
}

test('a burst from one client does not make another wait for all of it', async () => {
	const a = await initialized();
	const b = await initialized();
	const frame = (id) => {
		const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id, method: 'verify/checks', params: { root: ws } }));
		return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
	};
	a.send(Buffer.concat(Array.from({ length: N }, (_, i) => frame(i + 1))));
	const reply = await b.request('b', 'status');
	/* (b's reply is a status; the burst's are lists of checks) */
	/* Replies of the burst that had arrived when b's did. */
	const before = a.queue.length;
	assert.equal(reply.id, 'b');
	assert.ok(reply.result);
	assert.ok(before < N, `all ${N} replies of the burst came before the other client's`);
	/* and the burst is answered whole, in order */
	for (let i = 1; i <= N; i++) {
		const m = await a.next();
		assert.equal(m.id, i);
		assert.ok(m.result);
	}
});
