// Errors as a person can act on them: what happened, what to do, and which
// button does it. Pure (no vscode): extension.ts shows them.

export type Action = 'openAgentPathSetting' | 'openSocketSetting' | 'showLog' | 'showProblems' | 'reconnect' | 'retry';

export interface Explained {
	severity: 'error' | 'warning' | 'info';
	message: string;
	actions: { title: string; action: Action }[];
}

/* A JSON-RPC error as vscode-jsonrpc hands it over ({code, message, data}),
 * or an Error of the extension's own (AgentNotFound, ...). */
export interface RpcErrorLike {
	code?: number;
	message?: string;
	data?: any;
	name?: string;
}

export class AgentNotFound extends Error {
	constructor(public readonly agentPath: string, detail: string) {
		super(`the airunner agent was not found: ${agentPath} (${detail})`);
		this.name = 'AgentNotFound';
	}
}

export class AgentTooOld extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AgentTooOld';
	}
}

export class AgentUnavailable extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AgentUnavailable';
	}
}

const KEY_VARS = ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY'];

export function explain(err: RpcErrorLike, what: string): Explained {
	const msg = (err.message ?? String(err)).trim();
	const kind: string | undefined = err.data?.kind;
	if (err.name === 'AgentNotFound')
		return {
			severity: 'error',
			message: `AI Runner: ${msg}. Install airunner, or set "AI Runner: Agent Path" (airunner.agentPath) to the binary.`,
			actions: [{ title: 'Open Setting', action: 'openAgentPathSetting' }],
		};
	if (err.name === 'AgentTooOld')
		return { severity: 'error', message: `AI Runner: ${msg}`, actions: [{ title: 'Open Setting', action: 'openAgentPathSetting' }] };
	if (err.name === 'AgentUnavailable')
		return { severity: 'error', message: `AI Runner: ${msg}`,
			actions: [{ title: 'Reconnect', action: 'reconnect' }, { title: 'Show Log', action: 'showLog' }] };
	switch (kind) {
	case 'auth': {
		const named = KEY_VARS.filter((v) => msg.includes(v));
		const vars = named.length ? named : (err.data?.variable ? [String(err.data.variable)] : KEY_VARS);
		return {
			severity: 'error',
			message: `AI Runner: ${what} needs a model provider's API key: set ${vars.join(' or ')} in the ` +
				`environment the agent starts from (then restart the agent). The agent said: ${msg}`,
			actions: [{ title: 'Show Log', action: 'showLog' }],
		};
	}
	case 'rate_limited': {
		const after = err.data?.retryAfterMs ?? err.data?.retryAfter;
		return {
			severity: 'warning',
			message: `AI Runner: the model provider rate-limited ${what}` +
				(after ? `; it may be retried after ${Math.ceil(Number(after) / (err.data?.retryAfterMs ? 1000 : 1))} s` : '') +
				`. The agent already retried as the provider asked. ${msg}`,
			actions: [{ title: 'Retry', action: 'retry' }],
		};
	}
	case 'budget_exceeded': {
		const spent = err.data?.spentUsd;
		return {
			severity: 'warning',
			message: `AI Runner: ${what} stopped at its spend cap` +
				(typeof spent === 'number' ? ` ($${spent.toFixed(4)} spent)` : '') +
				'; the workspace was restored. Raise the cap or split the work.',
			actions: [],
		};
	}
	case 'llm_unavailable':
	case 'connection':
		return { severity: 'error', message: `AI Runner: no model provider could be reached for ${what}: ${msg}`,
			actions: [{ title: 'Show Log', action: 'showLog' }, { title: 'Retry', action: 'retry' }] };
	case 'verification_failed':
		return { severity: 'error', message: `AI Runner: ${what}: verification failed` +
			(err.data?.category ? ` (${err.data.category})` : '') + `. ${msg}`,
		actions: [{ title: 'Show Problems', action: 'showProblems' }] };
	case 'nothing_to_fix':
		return { severity: 'info', message: `AI Runner: nothing to fix: ${msg}`, actions: [] };
	case 'not_a_repository':
		return { severity: 'error', message: `AI Runner: ${what} needs a git repository: ${msg}`, actions: [] };
	case 'cancelled':
		return { severity: 'info', message: `AI Runner: ${what} was cancelled.`, actions: [] };
	case 'unsafe_socket':
		return { severity: 'error', message: `AI Runner: ${msg}`, actions: [{ title: 'Open Setting', action: 'openSocketSetting' }] };
	case 'plan_invalid':
		return { severity: 'error', message: `AI Runner: the model's plan was not valid twice: ` +
			(Array.isArray(err.data?.errors) ? err.data.errors.slice(0, 3).join('; ') : msg), actions: [{ title: 'Retry', action: 'retry' }] };
	}
	if (err.code === -32601)
		return { severity: 'error', message: `AI Runner: the agent does not offer ${what} (${msg}): update airunner.`,
			actions: [{ title: 'Open Setting', action: 'openAgentPathSetting' }] };
	if (/disposed|closed|ECONNRESET|EPIPE/i.test(msg))
		return { severity: 'error', message: `AI Runner: the agent went away during ${what}.`,
			actions: [{ title: 'Reconnect', action: 'reconnect' }, { title: 'Show Log', action: 'showLog' }] };
	return { severity: 'error', message: `AI Runner: ${what} failed: ${msg}`, actions: [{ title: 'Show Log', action: 'showLog' }] };
}
