// What the extension needs from an agent, and where it finds one: pure
// functions (no vscode, no I/O), unit-tested in tests/vscode/.
import * as path from 'node:path';
import type { InitializeResult, Issue, IssueRef } from './protocol';

/* The oldest agent this extension speaks to: the first with runs, events
 * and metrics (verify/run, run/subscribe, run/events, metrics/summary). */
export const MIN_AGENT_VERSION = '0.1.0';
export const PROTOCOL_MAJOR = '1';
export const REQUIRED_METHODS = ['verify/run', 'run/list', 'run/get', 'run/events',
	'run/subscribe', 'run/cancel'];

/* Compares dotted numeric versions ("0.10.2" > "0.9"); a suffix after '-'
 * (a pre-release) sorts before the release. */
export function compareVersions(a: string, b: string): number {
	const split = (v: string) => {
		const [main, pre] = v.trim().replace(/^v/, '').split('-', 2);
		return { nums: main.split('.').map((x) => Number.parseInt(x, 10) || 0), pre: pre ?? null };
	};
	const x = split(a), y = split(b);
	for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
		const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
		if (d !== 0)
			return Math.sign(d);
	}
	if (x.pre === y.pre)
		return 0;
	if (x.pre === null)
		return 1;
	if (y.pre === null)
		return -1;
	return x.pre < y.pre ? -1 : 1;
}

/* null when the extension can work with this agent, else what a person
 * reads: which version is needed and which one answered. */
export function incompatibility(init: InitializeResult): string | null {
	const version = init.serverInfo?.version ?? '?';
	const major = String(init.protocolVersion ?? '').split('.')[0];
	const missing = REQUIRED_METHODS.filter((m) => !init.capabilities?.methods?.includes(m));
	if (major !== PROTOCOL_MAJOR || compareVersions(version, MIN_AGENT_VERSION) < 0 || missing.length)
		return `The airunner agent is version ${version} (protocol ${init.protocolVersion ?? '?'})` +
			`${missing.length ? `, without ${missing.join(', ')}` : ''}: this extension needs ` +
			`airunner ${MIN_AGENT_VERSION} or newer (protocol ${PROTOCOL_MAJOR}.x). Update airunner, ` +
			`or point the setting airunner.agentPath at a newer one.`;
	return null;
}

/* The commands and the methods each needs; a command is offered (its
 * context key set) only when the agent advertises every one. */
export const FEATURES: Record<string, string[]> = {
	verify: ['verify/run'],
	classify: ['errors/classify'],
	plan: ['plan/generate'],
	execute: ['subtask/execute'],
	rollback: ['run/rollback'],
	runs: ['run/list', 'run/get'],
	metrics: ['metrics/summary'],
	cancel: ['run/list', 'run/cancel'],
};

export function features(methods: readonly string[]): Record<string, boolean> {
	const have = new Set(methods);
	const out: Record<string, boolean> = {};
	for (const [name, needs] of Object.entries(FEATURES))
		out[name] = needs.every((m) => have.has(m));
	return out;
}

/* The socket the agent serves, chosen as `airunner serve` chooses it: the
 * setting, else $AIRUNNER_SOCKET, else $XDG_RUNTIME_DIR/airunner/agent.sock,
 * else /tmp/airunner-UID/agent.sock. */
export function socketPath(setting: string | undefined, env: NodeJS.ProcessEnv, uid: number): string {
	if (setting && setting.trim())
		return expandHome(setting.trim(), env);
	if (env.AIRUNNER_SOCKET)
		return env.AIRUNNER_SOCKET;
	if (env.XDG_RUNTIME_DIR)
		return path.join(env.XDG_RUNTIME_DIR, 'airunner', 'agent.sock');
	return `/tmp/airunner-${uid}/agent.sock`;
}

/* Where an agent started on demand logs (as `airunner call` starts one). */
export function agentLogPath(env: NodeJS.ProcessEnv): string {
	const state = env.XDG_STATE_HOME || path.join(env.HOME || '/tmp', '.local', 'state');
	return path.join(state, 'airunner', 'agent.log');
}

export function expandHome(p: string, env: NodeJS.ProcessEnv): string {
	return p === '~' || p.startsWith('~/') ? path.join(env.HOME || '/', p.slice(1)) : p;
}

/* What the person typed in Plan Issue's box, as an IssueRef: a Jira key
 * (PROJ-12), a GitHub issue (owner/repo#12), an issue's URL, or a
 * Markdown file (relative to root or absolute). null: not one of these. */
export function parseIssueRef(text: string, root: string): IssueRef | null {
	const t = text.trim();
	if (!t)
		return null;
	if (/^https?:\/\//i.test(t)) {
		if (/github\.com\/[^/]+\/[^/]+\/issues\/\d+/i.test(t))
			return { source: 'github', url: t };
		return { url: t };
	}
	let m = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)#(\d+)$/.exec(t);
	if (m)
		return { source: 'github', key: `${m[1]}#${m[2]}` };
	m = /^([A-Z][A-Z0-9_]+-\d+)$/.exec(t);
	if (m)
		return { source: 'jira', key: m[1] };
	if (/\.(md|markdown)$/i.test(t))
		return { source: 'file', path: path.isAbsolute(t) ? path.relative(root, t) : t, root };
	return null;
}

/* A selection as an inline issue: its first line the title. */
export function inlineIssue(text: string): Issue {
	const lines = text.trim().split(/\r?\n/);
	const title = lines[0].replace(/^#+\s*/, '').trim().slice(0, 200) || 'Untitled';
	return { source: 'inline', key: null, title, description: text.trim(), url: null, status: null,
		labels: [], fields: {} };
}
