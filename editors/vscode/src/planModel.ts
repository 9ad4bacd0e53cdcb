// The plan view's model: the current plan's subtasks and the state of each,
// moved along by the run/event notifications of the runs that execute them.
// Pure (no vscode): planView.ts draws it, tests/vscode/ drive it with events.
import type { Plan, RunEvent, Subtask } from './protocol';

export type SubtaskState =
	| { kind: 'pending' }
	| { kind: 'queued'; runId: number }
	| { kind: 'running'; runId: number; attempt: number | null; of: number | null; activity: string | null }
	| { kind: 'done'; runId: number; commit: string | null; tag: string | null }
	| { kind: 'failed'; runId: number; category: string | null; message: string | null };

export interface SubtaskRow {
	id: string;
	label: string;         // "S1 Add a tax line"
	description: string;   // the state in a few words
	tooltip: string;
	state: SubtaskState;
	contextValue: string;  // subtask.pending, subtask.done, ... (menus match /^subtask/)
}

interface RunTrack {
	subtaskId: string;
	commit: string | null;
	tag: string | null;
	category: string | null;
	lastSeq: number;
}

export class PlanModel {
	plan: Plan | null = null;
	private states = new Map<string, SubtaskState>();
	private runs = new Map<number, RunTrack>();
	private listeners: (() => void)[] = [];

	onChange(f: () => void): void {
		this.listeners.push(f);
	}

	private changed(): void {
		for (const f of this.listeners)
			f();
	}

	/* A new plan (or revision): subtasks keep the state they had when the
	 * id is still there; the others start pending. */
	setPlan(plan: Plan | null): void {
		const old = this.states;
		this.plan = plan;
		this.states = new Map();
		for (const s of plan?.subtasks ?? [])
			this.states.set(s.id, old.get(s.id) ?? { kind: 'pending' });
		this.changed();
	}

	subtask(id: string): Subtask | undefined {
		return this.plan?.subtasks.find((s) => s.id === id);
	}

	state(id: string): SubtaskState {
		return this.states.get(id) ?? { kind: 'pending' };
	}

	/* Which subtask a run executes (from subtask/execute's answer, or the
	 * run's record): its events move that subtask from now on. */
	bindRun(runId: number, subtaskId: string, queued = true): void {
		if (!this.states.has(subtaskId))
			return;
		if (!this.runs.has(runId))
			this.runs.set(runId, { subtaskId, commit: null, tag: null, category: null, lastSeq: 0 });
		const cur = this.states.get(subtaskId)!;
		if (queued && !('runId' in cur && cur.runId === runId && cur.kind !== 'queued')) {
			this.states.set(subtaskId, { kind: 'queued', runId });
			this.changed();
		}
	}

	runFor(subtaskId: string): number | null {
		const s = this.state(subtaskId);
		return 'runId' in s ? s.runId : null;
	}

	isBound(runId: number): boolean {
		return this.runs.has(runId);
	}

	/* After a rollback the subtask is to do again. */
	reset(subtaskId: string): void {
		if (!this.states.has(subtaskId))
			return;
		this.states.set(subtaskId, { kind: 'pending' });
		this.changed();
	}

	/* One run/event; true when it changed a subtask. Events of runs not
	 * bound to a subtask, and events already seen (a replay by run/events
	 * after a reload, or the same event heard twice), change nothing. */
	applyEvent(ev: RunEvent): boolean {
		const t = this.runs.get(ev.run);
		if (!t || ev.seq <= t.lastSeq)
			return false;
		t.lastSeq = ev.seq;
		const d = ev.data ?? {};
		const cur = this.states.get(t.subtaskId);
		const running = (over: Partial<Extract<SubtaskState, { kind: 'running' }>>): SubtaskState => {
			const base = cur?.kind === 'running' && cur.runId === ev.run ? cur
				: { kind: 'running' as const, runId: ev.run, attempt: null, of: null, activity: null };
			return { ...base, ...over };
		};
		let next: SubtaskState | null = null;
		switch (ev.phase) {
		case 'queued':
			next = { kind: 'queued', runId: ev.run };
			break;
		case 'started':
		case 'snapshot':
			next = running({ activity: ev.phase === 'started' ? 'started' : 'snapshot taken' });
			break;
		case 'attempt':
			next = running({ attempt: num(d.attempt), of: num(d.of), activity: d.model ? `with ${d.model}` : null });
			break;
		case 'tool':
			next = running({ activity: d.path ? `${d.name} ${d.path}` : String(d.name ?? 'tool') });
			break;
		case 'edit':
			next = running({ activity: `${d.action ?? 'edit'} ${d.path ?? ''}`.trim() });
			break;
		case 'verify':
			next = running({ activity: 'verifying' });
			break;
		case 'check':
			next = running({ activity: `${d.check ?? 'check'} ${d.status ?? ''}`.trim() });
			break;
		case 'verified':
			if (d.passed === false)
				t.category = d.category ?? t.category;
			next = running({ activity: d.passed ? 'verified' : `verification failed (${d.category ?? 'unknown'})` });
			break;
		case 'commit':
			t.commit = d.sha ?? null;
			t.tag = d.tag ?? null;
			next = running({ activity: `committed ${short(t.commit)}` });
			break;
		case 'restored':
			next = running({ activity: 'workspace restored' });
			break;
		case 'ended': {
			const msg = ev.message ?? null;
			const ok = d.state === 'succeeded' || d.ok === true || (t.commit !== null && msg !== 'cancelled' &&
				d.state !== 'failed');
			if (ok)
				next = { kind: 'done', runId: ev.run, commit: t.commit ?? d.commit ?? null, tag: t.tag ?? d.tag ?? null };
			else
				next = { kind: 'failed', runId: ev.run,
					category: d.category ?? t.category ?? (msg === 'cancelled' ? 'cancelled' : null),
					message: msg ?? d.message ?? null };
			break;
		}
		default:
			return false;
		}
		this.states.set(t.subtaskId, next);
		this.changed();
		return true;
	}

	/* The run's record once it ended (run/get): its state is the word that
	 * counts, since the ended event carries no outcome. */
	finish(runId: number, state: string, category: string | null, message: string | null): void {
		const t = this.runs.get(runId);
		if (!t)
			return;
		const next: SubtaskState = state === 'succeeded'
			? { kind: 'done', runId, commit: t.commit, tag: t.tag }
			: { kind: 'failed', runId, category: category ?? t.category ?? (state === 'cancelled' ? 'cancelled' : null),
				message };
		this.states.set(t.subtaskId, next);
		this.changed();
	}

	rows(): SubtaskRow[] {
		return (this.plan?.subtasks ?? []).map((s) => {
			const st = this.state(s.id);
			const files = [...(s.files ?? []), ...(s.newFiles ?? []).map((f) => `${f} (new)`)];
			return {
				id: s.id,
				label: `${s.id} ${s.title}`,
				description: describeState(st),
				tooltip: [s.title, s.description ?? '', files.length ? `files: ${files.join(', ')}` : '',
					s.dependsOn?.length ? `after: ${s.dependsOn.join(', ')}` : ''].filter(Boolean).join('\n'),
				state: st,
				contextValue: `subtask.${st.kind}`,
			};
		});
	}
}

function num(x: unknown): number | null {
	return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

export function short(sha: string | null | undefined): string {
	return sha ? sha.slice(0, 7) : '';
}

export function describeState(s: SubtaskState): string {
	switch (s.kind) {
	case 'pending':
		return 'pending';
	case 'queued':
		return `queued (run ${s.runId})`;
	case 'running':
		return `running${s.attempt ? `: attempt ${s.attempt}${s.of ? ` of ${s.of}` : ''}` : ''}` +
			(s.activity ? ` · ${s.activity}` : '');
	case 'done':
		return `done${s.commit ? `: ${short(s.commit)}` : ''}${s.tag ? ` (${s.tag})` : ''}`;
	case 'failed':
		return `failed${s.category ? `: ${s.category}` : ''}`;
	}
}
