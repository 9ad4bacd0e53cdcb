// The shapes the extension reads from the agent (protocol/openrpc.json and
// the contract of issues 10/11), only as far as the extension uses them.

export interface InitializeResult {
	protocolVersion: string;
	serverInfo: { name: string; version: string };
	capabilities: { methods: string[]; notifications: string[] };
	workspace?: string;
}

export type Severity = 'error' | 'warning' | 'note';

export interface AgentDiagnostic {
	file: string | null;
	line: number | null;
	column: number | null;
	severity: Severity;
	code: string | null;
	message: string | null;
	category: string;
	hint: string | null;
	tool: string | null;
}

export interface CheckResult {
	name: string;
	tool?: string | null;
	status: string; // passed, failed, timeout, skipped, ...
	blocking?: boolean;
	durationMs?: number;
	diagnostics: AgentDiagnostic[];
}

export interface VerifyResult {
	ok: boolean;
	cached?: boolean;
	durationMs?: number;
	checks: CheckResult[];
	summary?: { checks: number; failed: number; errors: number; warnings: number };
}

export interface ClassifyResult {
	diagnostics: AgentDiagnostic[];
	summary?: Record<string, unknown>;
}

export interface RunEvent {
	run: number;
	seq: number;
	time: number;
	kind: string;
	phase: string;
	message?: string | null;
	data?: any;
}

export interface Tokens {
	input: number;
	output: number;
	cacheRead: number;
	cacheWrite: number;
}

export interface Run {
	id: number;
	kind: string;
	workTree: string | null;
	priority?: string;
	state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';
	origin?: string | null;
	created: number;
	started?: number | null;
	finished?: number | null;
	durationMs?: number | null;
	issueKey?: string | null;
	subtask?: unknown;
	request?: unknown;
	outcome?: string | null;
	errorKind?: string | null;
	errorCategory?: string | null;
	errorMessage?: string | null;
	cost?: number;
	attempts?: number;
	tokens?: Tokens;
	position?: number | null;
}

export interface IssueRef {
	source?: 'jira' | 'github' | 'file';
	key?: string;
	url?: string;
	path?: string;
	root?: string;
}

export interface Issue {
	source: 'jira' | 'github' | 'file' | 'inline';
	key: string | null;
	title: string;
	description: string;
	url: string | null;
	status: string | null;
	labels: string[];
	fields: Record<string, unknown>;
}

export interface Subtask {
	id: string;
	title: string;
	description?: string;
	files?: string[];
	newFiles?: string[];
	acceptanceCriteria?: string[];
	estimateHours?: number;
	dependsOn?: string[];
}

export interface Plan {
	id: number;
	revision: number;
	runId?: number;
	issue: { source: string; key: string | null; title: string; url: string | null };
	summary: string;
	subtasks: Subtask[];
	risks?: string[];
	openQuestions?: string[];
	model?: string;
	created?: string;
}

export interface PlanResult {
	plan: Plan;
	runId: number;
	costUsd?: number;
}

export interface ExecuteResult {
	runId: number;
	state: string;
	commit?: string;
	tag?: string;
	attempts?: number;
	files?: string[];
	costUsd?: number;
}

export interface RollbackResult {
	runId: number;
	rolledBack: number;
	mode: 'restore' | 'revert' | 'reset';
	files: string[];
	commit?: string;
}

/* The metrics/summary result. */
export interface Distribution {
	count: number;
	sumMs: number;
	p50Ms: number | null;
	p95Ms: number | null;
}

export interface KindCounts {
	total: number;
	queued: number;
	running: number;
	succeeded: number;
	failed: number;
	cancelled: number;
	interrupted: number;
	successRate: number | null;
	duration: Distribution;
}

export interface MetricsSummary {
	since: number;
	until: number | null;
	runs: KindCounts;
	byKind: (KindCounts & { kind: string })[];
	tokens: Tokens;
	cost: number;
	cacheReadShare: number | null;
	verification: {
		runs: number;
		passed: number;
		failed: number;
		cached: number;
		passRate: number | null;
		hookLatency: Distribution;
		diagnostics: { category: string; count: number }[];
	};
	healing: {
		runs: number;
		healed: number;
		rate: number | null;
		byAttempt: { attempt: number; tried: number; succeeded: number; rate: number | null }[];
		byCategory: { category: string; tried: number; succeeded: number; rate: number | null }[];
	};
	topErrorCategories: { category: string; runs: number }[];
}
