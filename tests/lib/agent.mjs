/*
 * tests/lib/agent.mjs: run the real agent from node tests.
 *
 *   import { startAgent, initialize, withTimeout, runCli } from '../lib/agent.mjs';
 *
 *   const agent = await startAgent();                 // `serve --socket` in a private
 *   t.after(() => agent.cleanup());                   // XDG_RUNTIME_DIR; always clean up
 *   const conn = await agent.connect();               // vscode-jsonrpc MessageConnection
 *   const init = await initialize(conn, '/some/root'); // initialize + initialized
 *   const st = await conn.sendRequest('status');
 *
 *   const raw = await agent.raw();                    // bytes in, parsed frames out
 *   raw.sendFrame('{"jsonrpc":"2.0","id":1,"method":"x"}');
 *   const reply = await raw.next();                   // rejects after a timeout
 *   raw.send('Content-Length: 5\r\n\r\n{');           // any bytes; sendFrame(body,
 *   const text = await raw.nextText();                //   {length}) can lie too
 *
 *   const { code, stdout, stderr } = await runCli(['call', '--stdio', 'status']);
 *   // also: tmpDir(), alive(pid), waitForSocket(path), messageConnection(r, w),
 *   // BIN, SRC; tests/lib/openrpc.mjs checks results against protocol/openrpc.json
 *
 * startAgent(opts):
 *   transport  'socket' (default) or 'stdio' (`serve --stdio`; connect() and raw()
 *              then use the child's stdin/stdout, once)
 *   args       extra `serve` arguments, e.g. ['--max-frame', '4096']
 *   bin        the binary (default: AIRUNNER_BIN or build/airunner)
 *   env        extra environment; AIRUNNER_TEST_METHODS=1 is set unless
 *              testMethods: false (it enables the hidden test/sleep method)
 * The agent gets its own temp dir as XDG_RUNTIME_DIR and XDG_STATE_HOME, and
 * AIRUNNER_SOCKET is removed from its environment; the socket is
 * `${agent.runtimeDir}/airunner/agent.sock` unless opts.socket names another path.
 *
 * agent: { proc, pid, socket, runtimeDir, env, stderr() (what it logged so far),
 *          exited (promise of {code, signal}), connect(), client(root) (connected
 *          and initialized), raw(), stop(signal),
 *          cleanup() (kills it if still running, closes connections, removes dirs;
 *          throws if the agent printed a sanitizer report) }
 *
 * Everything that waits has a timeout (TIMEOUT_MS unless given), so a broken
 * agent fails the test instead of hanging it.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	createMessageConnection,
	StreamMessageReader,
	StreamMessageWriter,
} from 'vscode-jsonrpc/node.js';

const testsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const BIN = path.resolve(process.env.AIRUNNER_BIN ?? path.join(testsDir, '../build/airunner'));
export const SRC = path.resolve(process.env.AIRUNNER_SRC ?? path.join(testsDir, '..'));
/* How long a wait may take before it fails: longer under the sanitizers
 * (scripts/test.sh sets it), where an agent starts several times slower. */
export const TIMEOUT_MS = Number(process.env.AIRUNNER_TEST_TIMEOUT_MS) || 5000;

/* A fresh 0700 temp dir, removed when the test process exits (set
 * AIRUNNER_KEEP_TMP=1 to keep them for a look after a failure). */
const madeDirs = [];
process.on('exit', () => {
	if (process.env.AIRUNNER_KEEP_TMP)
		return;
	for (const d of madeDirs) {
		try {
			fs.rmSync(d, { recursive: true, force: true });
		} catch {
			/* a test left something unremovable: not worth failing for */
		}
	}
});
export function tmpDir(prefix = 'airunner-test-') {
	const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	madeDirs.push(d);
	return d;
}

export function withTimeout(promise, ms = TIMEOUT_MS, what = 'operation') {
	let timer;
	const limit = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
	});
	return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/* Resolves true once something listens on the Unix socket at path. */
function tryConnect(p) {
	return new Promise((resolve) => {
		const s = net.connect(p);
		s.once('connect', () => { s.destroy(); resolve(true); });
		s.once('error', () => resolve(false));
	});
}

export async function waitForSocket(p, ms = TIMEOUT_MS) {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (await tryConnect(p))
			return;
		await new Promise((r) => setTimeout(r, 10));
	}
	throw new Error(`nothing listens on ${p} after ${ms} ms`);
}

export function connectSocket(p) {
	return withTimeout(new Promise((resolve, reject) => {
		const s = net.connect(p);
		s.once('connect', () => resolve(s));
		s.once('error', reject);
	}), TIMEOUT_MS, `connect ${p}`);
}

/* A vscode-jsonrpc connection over a readable and a writable stream. */
export function messageConnection(readable, writable) {
	const conn = createMessageConnection(new StreamMessageReader(readable),
					     new StreamMessageWriter(writable));
	conn.listen();
	/* vscode-jsonrpc leaves requests pending when the stream closes (only
	 * dispose rejects them), so a test whose agent died would wait for its
	 * timeout. Dispose once the messages already read have been handed out
	 * (they are delivered one per event-loop turn). */
	conn.onClose(() => setTimeout(() => conn.dispose(), 100));
	return conn;
}

/* initialize + initialized; resolves to the initialize result. */
export async function initialize(conn, root = null, extra = {}) {
	const params = { processId: process.pid, rootUri: root ? `file://${root}` : null,
			 clientInfo: { name: 'airunner-tests', version: '1' }, capabilities: {}, ...extra };
	const result = await withTimeout(conn.sendRequest('initialize', params), TIMEOUT_MS, 'initialize');
	await conn.sendNotification('initialized', {});
	return result;
}

/*
 * Raw frames over a byte stream, for the malformed-input suite: send any
 * bytes; read framed replies in order, parsed (next) or as text (nextText).
 */
export class RawPeer {
	constructor(readable, writable, closer) {
		this.w = writable;
		this.closer = closer;
		this.buf = Buffer.alloc(0);
		this.queue = [];
		this.waiters = [];
		this.ended = false;
		readable.on('data', (d) => { this.buf = Buffer.concat([this.buf, d]); this.parse(); });
		readable.on('end', () => { this.ended = true; this.wake(); });
		readable.on('close', () => { this.ended = true; this.wake(); });
		readable.on('error', () => { this.ended = true; this.wake(); });
	}

	parse() {
		for (;;) {
			const sep = this.buf.indexOf('\r\n\r\n');
			if (sep < 0)
				break;
			const head = this.buf.subarray(0, sep).toString('latin1');
			const m = /^content-length:\s*(\d+)\s*$/im.exec(head);
			if (!m)
				throw new Error(`agent sent a frame without Content-Length: ${JSON.stringify(head)}`);
			const n = Number(m[1]);
			if (this.buf.length < sep + 4 + n)
				break;
			this.queue.push(this.buf.subarray(sep + 4, sep + 4 + n).toString('utf8'));
			this.buf = this.buf.subarray(sep + 4 + n);
		}
		this.wake();
	}

	wake() {
		while (this.waiters.length && (this.queue.length || this.ended)) {
			const w = this.waiters.shift();
			if (this.queue.length)
				w.resolve(this.queue.shift());
			else
				w.reject(new Error('the agent closed the stream'));
		}
	}

	send(bytes) {
		this.w.write(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
	}

	/* body: string or Buffer; length: a Content-Length that may lie. */
	sendFrame(body, { length, headers = '' } = {}) {
		const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
		this.send(Buffer.concat([Buffer.from(`${headers}Content-Length: ${length ?? b.length}\r\n\r\n`), b]));
	}

	/* Sends a request object (id given) and resolves to the next message. */
	request(id, method, params) {
		const req = { jsonrpc: '2.0', id, method };
		if (params !== undefined)
			req.params = params;
		this.sendFrame(JSON.stringify(req));
		return this.next();
	}

	notify(method, params) {
		const req = { jsonrpc: '2.0', method };
		if (params !== undefined)
			req.params = params;
		this.sendFrame(JSON.stringify(req));
	}

	/* The next reply, parsed ({unparsable: text} if it is not JSON). */
	async next(ms = TIMEOUT_MS) {
		const text = await this.nextText(ms);
		try {
			return JSON.parse(text);
		} catch {
			return { unparsable: text };
		}
	}

	/* The next reply's body as the agent sent it. */
	nextText(ms = TIMEOUT_MS) {
		if (this.queue.length)
			return Promise.resolve(this.queue.shift());
		if (this.ended)
			return Promise.reject(new Error('the agent closed the stream'));
		return new Promise((resolve, reject) => {
			const w = {
				resolve: (m) => { clearTimeout(timer); resolve(m); },
				reject: (e) => { clearTimeout(timer); reject(e); },
			};
			/* A waiter that timed out must not swallow the next reply. */
			const timer = setTimeout(() => {
				this.waiters.splice(this.waiters.indexOf(w), 1);
				reject(new Error(`raw reply: none within ${ms} ms`));
			}, ms);
			this.waiters.push(w);
		});
	}

	close() {
		this.closer();
	}
}

function childExit(proc) {
	return new Promise((resolve) => {
		if (proc.exitCode !== null || proc.signalCode !== null)
			resolve({ code: proc.exitCode, signal: proc.signalCode });
		else
			proc.once('exit', (code, signal) => resolve({ code, signal }));
	});
}

export async function startAgent(opts = {}) {
	const transport = opts.transport ?? 'socket';
	const runtimeDir = tmpDir();
	const env = { ...process.env, XDG_RUNTIME_DIR: runtimeDir, XDG_STATE_HOME: runtimeDir,
		      AIRUNNER_LOG: 'info', ...opts.env };
	delete env.AIRUNNER_SOCKET;
	if (opts.testMethods !== false)
		env.AIRUNNER_TEST_METHODS = '1';
	const socket = transport === 'socket'
		? (opts.socket ?? path.join(runtimeDir, 'airunner', 'agent.sock')) : null;
	const args = transport === 'stdio' ? ['serve', '--stdio'] : ['serve', '--socket', socket];
	const proc = spawn(opts.bin ?? BIN, [...args, ...(opts.args ?? [])], { env, stdio: ['pipe', 'pipe', 'pipe'] });
	let stderr = '';
	proc.stderr.setEncoding('utf8');
	proc.stderr.on('data', (d) => { stderr += d; });
	proc.stdin.on('error', () => {}); /* EPIPE once it exited */
	const exited = childExit(proc);
	const closers = [];
	let stdioTaken = false;

	const agent = {
		proc, pid: proc.pid, socket, runtimeDir, env, exited,
		stderr: () => stderr,

		/* A vscode-jsonrpc MessageConnection (not yet initialized). */
		async connect() {
			if (transport === 'stdio') {
				if (stdioTaken)
					throw new Error('a stdio agent has one connection');
				stdioTaken = true;
				const conn = messageConnection(proc.stdout, proc.stdin);
				closers.push(() => conn.dispose());
				return conn;
			}
			const s = await connectSocket(socket);
			const conn = messageConnection(s, s);
			closers.push(() => { conn.dispose(); s.destroy(); });
			conn.socket = s;
			return conn;
		},

		/* connect() + initialize(conn, root): a connection ready for methods. */
		async client(root = null) {
			const conn = await agent.connect();
			await initialize(conn, root);
			return conn;
		},

		async raw() {
			if (transport === 'stdio') {
				if (stdioTaken)
					throw new Error('a stdio agent has one connection');
				stdioTaken = true;
				return new RawPeer(proc.stdout, proc.stdin, () => proc.stdin.end());
			}
			const s = await connectSocket(socket);
			closers.push(() => s.destroy());
			const peer = new RawPeer(s, s, () => s.destroy());
			peer.socket = s;
			return peer;
		},

		/* Sends signal and resolves to {code, signal} once it exited. */
		async stop(signal = 'SIGTERM') {
			if (proc.exitCode === null && proc.signalCode === null)
				proc.kill(signal);
			return withTimeout(exited, TIMEOUT_MS, `agent ${proc.pid} exit`);
		},

		async cleanup() {
			for (const c of closers.splice(0))
				try { c(); } catch { /* already closed */ }
			if (proc.exitCode === null && proc.signalCode === null) {
				proc.kill('SIGTERM');
				try {
					await withTimeout(exited, 2000, 'SIGTERM');
				} catch {
					proc.kill('SIGKILL');
					await exited;
				}
			}
			fs.rmSync(runtimeDir, { recursive: true, force: true });
			/* Under the ASan/UBSan build, a report fails the test. */
			const report = /(ERROR: \w+Sanitizer|runtime error:)[^]*/.exec(stderr);
			if (report)
				throw new Error(`the agent's sanitizer report:\n${report[0].slice(0, 4000)}`);
		},
	};

	if (transport === 'socket') {
		const up = waitForSocket(socket);
		const died = exited.then(({ code, signal }) => {
			throw new Error(`agent exited (${code ?? signal}) before listening: ${stderr}`);
		});
		try {
			await Promise.race([up, died]);
		} catch (e) {
			await agent.cleanup();
			throw e;
		}
		died.catch(() => {});
	}
	return agent;
}

/* Runs the airunner binary to completion: {code, signal, stdout, stderr}. */
export function runCli(args, { env = {}, timeout = TIMEOUT_MS, input } = {}) {
	return new Promise((resolve, reject) => {
		const proc = spawn(BIN, args, { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
		let stdout = '', stderr = '';
		proc.stdout.setEncoding('utf8');
		proc.stderr.setEncoding('utf8');
		proc.stdout.on('data', (d) => { stdout += d; });
		proc.stderr.on('data', (d) => { stderr += d; });
		proc.stdin.on('error', () => {});
		proc.stdin.end(input ?? '');
		const timer = setTimeout(() => {
			proc.kill('SIGKILL');
			reject(new Error(`airunner ${args.join(' ')}: still running after ${timeout} ms`));
		}, timeout);
		proc.on('error', reject);
		proc.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, stdout, stderr });
		});
	});
}

/* True while a process with this pid exists (and is not a zombie). */
export function alive(pid) {
	try {
		const st = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return !/^\d+ \(.*\) Z /.test(st);
	} catch {
		return false;
	}
}

/*
 * Collects the run/event notifications conn hears, each checked against the
 * protocol's RunEvent schema by check (may be omitted). until(pred, what)
 * resolves with the first event that matches, already heard or to come.
 */
export function runEvents(conn, check = () => {}) {
	const seen = [];
	const waiters = [];
	conn.onNotification('run/event', (ev) => {
		check(ev);
		seen.push(ev);
		for (const w of [...waiters])
			if (w.pred(ev)) {
				waiters.splice(waiters.indexOf(w), 1);
				w.resolve(ev);
			}
	});
	return {
		seen,
		until(pred, what) {
			const hit = seen.find(pred);
			return hit ? Promise.resolve(hit)
				: withTimeout(new Promise((resolve) => waiters.push({ pred, resolve })), 10000, what);
		},
	};
}
