// The connection to the agent: vscode-jsonrpc (LSP framing) over the agent's
// Unix socket; when nothing answers there, `airunner serve --socket PATH` is
// started in a session of its own (as `airunner call` starts one) and the
// socket tried again. No vscode import: tests/vscode/client.test.mjs drives
// it against the real agent.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	CancellationToken,
	createMessageConnection,
	MessageConnection,
	StreamMessageReader,
	StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import { agentLogPath, incompatibility } from './compat';
import { AgentNotFound, AgentTooOld, AgentUnavailable } from './errors';
import type { InitializeResult, RunEvent } from './protocol';

export type ConnState = 'disconnected' | 'connecting' | 'connected';

export interface ClientOptions {
	socket: string;
	agentPath: string;
	root: string | null;
	env?: NodeJS.ProcessEnv;
	clientVersion?: string;
	log?: (line: string) => void;
	startTimeoutMs?: number;
	requestTimeoutMs?: number;
}

export interface RequestOptions {
	token?: CancellationToken;
	onProgress?: (value: any) => void;
}

export class AgentClient {
	state: ConnState = 'disconnected';
	init: InitializeResult | null = null;
	/* pid of the agent this client started, if it did */
	startedPid: number | null = null;
	lastError: Error | null = null;
	private conn: MessageConnection | null = null;
	private sock: net.Socket | null = null;
	private connecting: Promise<InitializeResult> | null = null;
	private stateListeners: ((s: ConnState) => void)[] = [];
	private eventListeners: ((ev: RunEvent) => void)[] = [];
	private progress = new Map<string, (value: any) => void>();
	private tokens = 0;
	private seen = new Map<number, number>(); // run -> last seq delivered
	private disposed = false;

	constructor(public opts: ClientOptions) {}

	private log(line: string): void {
		this.opts.log?.(line);
	}

	onState(f: (s: ConnState) => void): void {
		this.stateListeners.push(f);
	}

	/* run/event notifications, each delivered once (a run this connection
	 * started and subscribed to every run may be heard twice). */
	onRunEvent(f: (ev: RunEvent) => void): void {
		this.eventListeners.push(f);
	}

	private setState(s: ConnState): void {
		if (this.state === s)
			return;
		this.state = s;
		for (const f of this.stateListeners)
			f(s);
	}

	has(method: string): boolean {
		return !!this.init?.capabilities.methods.includes(method);
	}

	get version(): string | null {
		return this.init?.serverInfo.version ?? null;
	}

	/* Connects (once, however many ask at the same time) and initializes.
	 * start: start an agent when none answers; without it a missing agent is
	 * an AgentUnavailable error. */
	connect(start = true): Promise<InitializeResult> {
		if (this.state === 'connected' && this.init)
			return Promise.resolve(this.init);
		if (!this.connecting) {
			this.setState('connecting');
			this.connecting = this.open(start).then((init) => {
				this.lastError = null;
				this.setState('connected');
				return init;
			}, (e) => {
				this.lastError = e;
				this.drop();
				this.setState('disconnected');
				throw e;
			}).finally(() => { this.connecting = null; });
		}
		return this.connecting;
	}

	private async open(start: boolean): Promise<InitializeResult> {
		const socket = this.opts.socket;
		let s: net.Socket;
		try {
			checkSocketFolder(socket);
			s = await dial(socket);
		} catch (e: any) {
			if (e instanceof AgentUnavailable || !start)
				throw e instanceof AgentUnavailable ? e : new AgentUnavailable(`no agent answers on ${socket} (${e.code ?? e.message})`);
			await this.startAgent();
			checkSocketFolder(socket);
			s = await dial(socket);
		}
		this.sock = s;
		const conn = createMessageConnection(new StreamMessageReader(s), new StreamMessageWriter(s));
		this.conn = conn;
		conn.onNotification('run/event', (ev: RunEvent) => this.deliver(ev));
		conn.onNotification('$/progress', (p: { token: string | number; value: any }) => {
			this.progress.get(String(p.token))?.(p.value);
		});
		conn.onClose(() => this.lost(conn));
		conn.onError(([err]) => this.log(`connection error: ${err.message}`));
		s.on('error', (err) => this.log(`socket: ${err.message}`));
		s.on('close', () => this.lost(conn));
		conn.listen();
		const root = this.opts.root;
		const init = await withTimeout(conn.sendRequest('initialize', {
			processId: process.pid,
			rootUri: root ? pathToFileURL(root).href : null,
			rootPath: root,
			clientInfo: { name: 'airunner-vscode', version: this.opts.clientVersion ?? '0' },
			capabilities: {},
		}) as Promise<InitializeResult>, this.opts.requestTimeoutMs ?? 10000, 'initialize');
		const bad = incompatibility(init);
		if (bad)
			throw new AgentTooOld(bad);
		await conn.sendNotification('initialized', {});
		this.init = init;
		if (init.capabilities.methods.includes('run/subscribe'))
			await conn.sendRequest('run/subscribe', {});
		this.log(`connected to airunner ${init.serverInfo.version} on ${socket}`);
		return init;
	}

	private deliver(ev: RunEvent): void {
		const last = this.seen.get(ev.run) ?? 0;
		if (ev.seq <= last)
			return;
		this.seen.set(ev.run, ev.seq);
		if (this.seen.size > 2000) // forget the oldest runs
			this.seen.delete(this.seen.keys().next().value as number);
		for (const f of this.eventListeners)
			f(ev);
	}

	/* Events already replayed (run/events after a reload) are marked seen so
	 * the live ones that follow are not delivered twice. */
	markSeen(run: number, seq: number): void {
		if ((this.seen.get(run) ?? 0) < seq)
			this.seen.set(run, seq);
	}

	private lost(conn: MessageConnection): void {
		if (this.conn !== conn)
			return;
		this.log('the agent closed the connection');
		this.drop();
		this.setState('disconnected');
	}

	private drop(): void {
		const conn = this.conn, s = this.sock;
		this.conn = null;
		this.sock = null;
		this.init = null;
		this.progress.clear();
		try { conn?.dispose(); } catch { /* already gone */ }
		s?.destroy();
	}

	/* `airunner serve --socket PATH`, in its own session, logging to
	 * $XDG_STATE_HOME/airunner/agent.log; resolves once the socket answers. */
	private async startAgent(): Promise<void> {
		const env = { ...(this.opts.env ?? process.env) };
		for (const k of Object.keys(env))
			if (k.startsWith('GIT_'))
				delete env[k]; // the agent serves every repo
		const logPath = agentLogPath(env);
		fs.mkdirSync(path.dirname(logPath), { recursive: true, mode: 0o700 });
		const fd = fs.openSync(logPath, 'a', 0o600);
		const agentPath = this.opts.agentPath || 'airunner';
		this.log(`starting ${agentPath} serve --socket ${this.opts.socket}`);
		let child;
		try {
			child = spawn(agentPath, ['serve', '--socket', this.opts.socket],
				{ detached: true, stdio: ['ignore', fd, fd], env });
		} finally {
			fs.closeSync(fd);
		}
		const started = new Promise<void>((resolve, reject) => {
			child.once('error', (e: any) => reject(e.code === 'ENOENT' || e.code === 'EACCES'
				? new AgentNotFound(agentPath, e.code === 'ENOENT' ? 'no such file in PATH' : 'not executable')
				: new AgentUnavailable(`cannot start ${agentPath}: ${e.message}`)));
			child.once('spawn', () => resolve());
		});
		await started;
		this.startedPid = child.pid ?? null;
		child.unref();
		const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
		const deadline = Date.now() + (this.opts.startTimeoutMs ?? 10000);
		for (;;) {
			if (await canDial(this.opts.socket))
				return;
			const code = await Promise.race([exited, sleep(50).then(() => undefined)]);
			if (code === 3) // another agent won the race for the socket: use it
				continue;
			if (code !== undefined)
				throw new AgentUnavailable(`${agentPath} serve exited (${code}) before listening on ${this.opts.socket}: ` +
					tail(logPath));
			if (Date.now() > deadline)
				throw new AgentUnavailable(`${agentPath} serve did not listen on ${this.opts.socket} within ` +
					`${this.opts.startTimeoutMs ?? 10000} ms: ${tail(logPath)}`);
		}
	}

	async request<T = any>(method: string, params: Record<string, unknown> = {}, ro: RequestOptions = {}): Promise<T> {
		if (!this.conn || this.state !== 'connected')
			await this.connect(true);
		const conn = this.conn!;
		let token: string | null = null;
		if (ro.onProgress) {
			token = `vscode-${process.pid}-${++this.tokens}`;
			this.progress.set(token, ro.onProgress);
			params = { ...params, workDoneToken: token };
		}
		try {
			return await (ro.token ? conn.sendRequest(method, params, ro.token) : conn.sendRequest(method, params)) as T;
		} finally {
			if (token)
				this.progress.delete(token);
		}
	}

	dispose(): void {
		this.disposed = true;
		this.drop();
		this.setState('disconnected');
	}

	get isDisposed(): boolean {
		return this.disposed;
	}
}

/* The socket's folder must be a real directory of ours, closed to others:
 * what the agent and `airunner call` check before they trust a socket.
 * A missing folder is fine (no agent yet). */
export function checkSocketFolder(socket: string): void {
	const dir = path.dirname(socket);
	let st: fs.Stats;
	try {
		st = fs.lstatSync(dir);
	} catch {
		return;
	}
	const uid = process.getuid?.() ?? st.uid;
	if (st.isSymbolicLink())
		throw new AgentUnavailable(`the socket's folder ${dir} is a symbolic link: refused`);
	if (!st.isDirectory())
		throw new AgentUnavailable(`the socket's folder ${dir} is not a directory`);
	if (st.uid !== uid)
		throw new AgentUnavailable(`the socket's folder ${dir} belongs to uid ${st.uid}, not to us: refused`);
	if (st.mode & 0o077)
		throw new AgentUnavailable(`the socket's folder ${dir} is open to others (mode ${(st.mode & 0o777).toString(8)}): refused`);
}

function dial(p: string): Promise<net.Socket> {
	return new Promise((resolve, reject) => {
		const s = net.connect(p);
		s.once('connect', () => { s.removeAllListeners('error'); resolve(s); });
		s.once('error', reject);
	});
}

async function canDial(p: string): Promise<boolean> {
	try {
		(await dial(p)).destroy();
		return true;
	} catch {
		return false;
	}
}

function sleep(ms: number): Promise<void> {
	return new Promise((r) => setTimeout(r, ms));
}

function tail(file: string): string {
	try {
		const text = fs.readFileSync(file, 'utf8');
		return text.trim().split('\n').slice(-3).join(' | ') || '(no log)';
	} catch {
		return '(no log)';
	}
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout;
	return Promise.race([p, new Promise<T>((_, reject) => {
		timer = setTimeout(() => reject(new AgentUnavailable(`${what}: no answer from the agent within ${ms} ms`)), ms);
	})]).finally(() => clearTimeout(timer));
}
