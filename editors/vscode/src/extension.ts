// AI Runner for VS Code: the commands (category "AI Runner"), the Problems
// panel, the plan view, progress, the status bar and the metrics dashboard,
// all spoken to the local airunner agent through AgentClient.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { AgentClient, type ConnState } from './client';
import { agentLogPath, features, inlineIssue, parseIssueRef, socketPath } from './compat';
import { problemsFromClassify, problemsFromVerify, verifySummary, type Problem } from './diagnosticsModel';
import { explain, type Action } from './errors';
import { MetricsPanel } from './metricsPanel';
import { PlanModel, short } from './planModel';
import { PlanView, subtaskOf } from './planView';
import type {
	ClassifyResult, ExecuteResult, Plan, PlanResult, RollbackResult, Run, RunEvent, VerifyResult,
} from './protocol';

let ext: Extension | null = null;

export function activate(ctx: vscode.ExtensionContext): void {
	ext = new Extension(ctx);
	ext.start();
}

export function deactivate(): void {
	ext?.dispose();
	ext = null;
}

interface Followed {
	runId: number;
	subtaskId: string | null;
	title: string;
}

class Extension {
	private out = vscode.window.createOutputChannel('AI Runner');
	private status = vscode.window.createStatusBarItem('airunner.status', vscode.StatusBarAlignment.Left, 50);
	private problems = vscode.languages.createDiagnosticCollection('airunner');
	private logProblems = vscode.languages.createDiagnosticCollection('airunner-log');
	private client!: AgentClient;
	private model = new PlanModel();
	private active = new Map<number, { kind: string; state: 'queued' | 'running' }>();
	private following = new Map<number, (ev: RunEvent) => void>();
	/* the events heard of recent runs: a run's first events may come before
	 * its follower is set up (subtask/execute answers as the run starts) */
	private recent = new Map<number, RunEvent[]>();
	private reconnectTimer: NodeJS.Timeout | null = null;
	private logTail: LogTail | null = null;
	private root: string | null;
	private disposed = false;
	private notFoundShown = false;

	constructor(private ctx: vscode.ExtensionContext) {
		this.root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? null;
		ctx.subscriptions.push(this.out, this.status, this.problems, this.logProblems);
	}

	private log(line: string): void {
		this.out.appendLine(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
	}

	private config() {
		return vscode.workspace.getConfiguration('airunner');
	}

	private makeClient(): AgentClient {
		const c = new AgentClient({
			socket: socketPath(this.config().get<string>('socket'), process.env, process.getuid?.() ?? 0),
			agentPath: this.config().get<string>('agentPath') || 'airunner',
			root: this.root,
			env: process.env,
			clientVersion: this.ctx.extension.packageJSON.version,
			log: (l) => this.log(l),
		});
		c.onState((s) => this.onState(c, s));
		c.onRunEvent((ev) => this.onRunEvent(ev));
		return c;
	}

	start(): void {
		this.client = this.makeClient();
		const view = new PlanView(this.model);
		this.ctx.subscriptions.push(vscode.window.createTreeView('airunner.plan', { treeDataProvider: view, showCollapseAll: false }));
		this.model.onChange(() => void vscode.commands.executeCommand('setContext', 'airunner.hasPlan', !!this.model.plan));
		this.status.command = 'airunner.reconnect';
		this.renderStatus();
		this.status.show();
		this.registerCommands();
		this.ctx.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
			if (e.affectsConfiguration('airunner.socket') || e.affectsConfiguration('airunner.agentPath')) {
				this.log('settings changed: connecting again');
				this.client.dispose();
				this.client = this.makeClient();
				void this.connect(true);
			}
		}));
		this.ctx.subscriptions.push(vscode.workspace.onDidSaveTextDocument((doc) => {
			if (this.config().get<boolean>('verifyOnSave') && doc.uri.scheme === 'file' && this.root &&
				doc.uri.fsPath.startsWith(this.root + path.sep))
				void this.verify({ files: [path.relative(this.root, doc.uri.fsPath)] }, `Verify ${path.basename(doc.uri.fsPath)}`, true);
		}));
		this.logTail = new LogTail(agentLogPath(process.env), (text) => this.out.append(text));
		void this.connect(true);
	}

	dispose(): void {
		this.disposed = true;
		if (this.reconnectTimer)
			clearInterval(this.reconnectTimer);
		this.logTail?.dispose();
		this.client?.dispose();
	}

	/* ---- connection and status bar ---- */

	private async connect(start: boolean, quiet = false): Promise<boolean> {
		try {
			await this.client.connect(start);
			return true;
		} catch (e: any) {
			if (!quiet)
				this.log(`cannot connect: ${e.message}`);
			if (!quiet && (e.name !== 'AgentNotFound' || !this.notFoundShown)) {
				this.notFoundShown ||= e.name === 'AgentNotFound';
				void this.showError(e, 'connecting to the agent');
			}
			return false;
		}
	}

	private onState(c: AgentClient, s: ConnState): void {
		if (c !== this.client || this.disposed)
			return;
		this.renderStatus();
		if (s === 'connected') {
			if (this.reconnectTimer) {
				clearInterval(this.reconnectTimer);
				this.reconnectTimer = null;
			}
			this.notFoundShown = false;
			const f = features(c.init!.capabilities.methods);
			for (const [name, on] of Object.entries(f))
				void vscode.commands.executeCommand('setContext', `airunner.can.${name}`, on);
			this.log(`agent ${c.version}: ${Object.entries(f).filter(([, on]) => on).map(([n]) => n).join(', ')}`);
			void this.afterConnect();
		} else if (s === 'disconnected') {
			this.active.clear();
			this.renderStatus();
			/* Try the socket again every 2 s (never starting an agent: the
			 * person stopped it, or it died; a click on the status bar item
			 * or the next command starts one). */
			if (!this.reconnectTimer)
				this.reconnectTimer = setInterval(() => {
					if (this.client.state === 'disconnected')
						void this.connect(false, true);
				}, 2000);
		}
	}

	private renderStatus(): void {
		const c = this.client;
		const queued = [...this.active.values()].filter((r) => r.state === 'queued').length;
		const running = [...this.active.entries()].filter(([, r]) => r.state === 'running');
		const q = queued ? ` · ${queued} queued` : '';
		this.status.backgroundColor = undefined;
		if (!c || c.state === 'disconnected') {
			this.status.text = '$(debug-disconnect) AI Runner: disconnected';
			this.status.tooltip = `No agent on ${c?.opts.socket ?? 'the socket'}${c?.lastError ? `: ${c.lastError.message}` : ''}. Click to reconnect (starts one when none answers).`;
			this.status.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
			this.status.command = 'airunner.reconnect';
		} else if (c.state === 'connecting') {
			this.status.text = '$(sync~spin) AI Runner: connecting…';
			this.status.tooltip = `Connecting to ${c.opts.socket}`;
		} else if (running.length) {
			const [id, r] = running[0];
			this.status.text = `$(sync~spin) AI Runner: ${r.kind} #${id}${running.length > 1 ? ` +${running.length - 1}` : ''}${q}`;
			this.status.tooltip = `airunner ${c.version}: running ${running.map(([i, x]) => `${x.kind} #${i}`).join(', ')}${q}. Click to cancel a run.`;
			this.status.command = 'airunner.cancelRun';
		} else {
			this.status.text = `$(check) AI Runner${q}`;
			this.status.tooltip = `airunner ${c.version} connected on ${c.opts.socket}; queue: ${queued}. Click for the runs.`;
			this.status.command = 'airunner.showRuns';
		}
	}

	/* After a (re)connection: the runs in flight for the status bar, the
	 * plan the workspace had, and the runs this window followed before a
	 * reload, caught up with run/events. */
	private async afterConnect(): Promise<void> {
		try {
			if (this.client.has('run/list')) {
				for (const state of ['running', 'queued'] as const) {
					const { runs } = await this.client.request<{ runs: Run[] }>('run/list', { state });
					for (const r of runs)
						this.active.set(r.id, { kind: r.kind, state });
				}
				this.renderStatus();
			}
			const saved = this.ctx.workspaceState.get<{ planId: number; revision?: number }>('airunner.plan');
			if (saved && !this.model.plan && this.client.has('plan/get')) {
				const plan = await this.client.request<Plan>('plan/get', { planId: saved.planId });
				this.model.setPlan(plan);
			}
			const followed = this.ctx.workspaceState.get<Followed[]>('airunner.followed', []);
			for (const f of followed) {
				if (this.following.has(f.runId))
					continue;
				if (f.subtaskId)
					this.model.bindRun(f.runId, f.subtaskId, false);
				const r = await this.client.request<{ state: string; events: RunEvent[] }>('run/events', { run: f.runId, after: 0 });
				for (const ev of r.events) {
					this.model.applyEvent({ ...ev, kind: ev.kind ?? '' });
					this.client.markSeen(ev.run, ev.seq);
				}
				if (r.state === 'queued' || r.state === 'running') {
					this.log(`picking up run ${f.runId} (${f.title}) again`);
					void this.follow(f, r.events);
				} else {
					await this.finishRun(f, true); // it ended while the window was away: say how
				}
			}
		} catch (e: any) {
			this.log(`after connect: ${e.message}`);
		}
	}

	private onRunEvent(ev: RunEvent): void {
		let log = this.recent.get(ev.run);
		if (!log) {
			this.recent.set(ev.run, log = []);
			if (this.recent.size > 50)
				this.recent.delete(this.recent.keys().next().value as number);
		}
		if (log.length < 500)
			log.push(ev);
		if (ev.phase === 'queued')
			this.active.set(ev.run, { kind: ev.kind, state: 'queued' });
		else if (ev.phase === 'started' || (!this.active.has(ev.run) && ev.phase !== 'ended'))
			this.active.set(ev.run, { kind: ev.kind, state: 'running' });
		else if (ev.phase === 'ended')
			this.active.delete(ev.run);
		this.renderStatus();
		this.model.applyEvent(ev);
		this.following.get(ev.run)?.(ev);
	}

	/* ---- commands ---- */

	private registerCommands(): void {
		const reg = (id: string, f: (...a: any[]) => unknown) =>
			this.ctx.subscriptions.push(vscode.commands.registerCommand(id, async (...a: any[]) => {
				try {
					await f(...a);
				} catch (e: any) {
					await this.showError(e, id.replace('airunner.', ''));
				}
			}));
		reg('airunner.verifyChanges', () => this.verify({}, 'Verify Changes'));
		reg('airunner.verifyStaged', () => this.verify({ staged: true }, 'Verify Staged'));
		reg('airunner.classifySelection', () => this.classifySelection());
		reg('airunner.planIssue', () => this.planIssue());
		reg('airunner.revisePlan', () => this.revisePlan());
		reg('airunner.executeSubtask', (node?: unknown) => this.executeSubtask(subtaskOf(node)));
		reg('airunner.fixFailedVerification', () => this.fix());
		reg('airunner.rollbackRun', () => this.rollback());
		reg('airunner.showRuns', () => this.showRuns());
		reg('airunner.showMetrics', () => this.showMetrics());
		reg('airunner.cancelRun', () => this.cancelRun());
		reg('airunner.reconnect', async () => {
			this.log('reconnecting');
			if (await this.connect(true))
				void vscode.window.setStatusBarMessage(`AI Runner: connected to airunner ${this.client.version}`, 3000);
		});
		reg('airunner.showLog', () => this.out.show(true));
	}

	/* The command needs these methods; an agent without them gets a message
	 * naming what to update, not a JSON-RPC error. */
	private async need(what: string, ...methods: string[]): Promise<void> {
		if (this.client.state !== 'connected')
			await this.client.connect(true);
		const missing = methods.filter((m) => !this.client.has(m));
		if (missing.length)
			throw Object.assign(new Error(`the agent (airunner ${this.client.version}) does not offer ${missing.join(', ')}, ` +
				`which ${what} needs: update airunner`), { name: 'AgentTooOld' });
	}

	private needRoot(): string {
		if (!this.root)
			throw new Error('open a folder (a git work tree) first');
		return this.root;
	}

	private async verify(params: Record<string, unknown>, title: string, quiet = false): Promise<void> {
		const root = this.needRoot();
		await this.need(title, 'verify/run');
		const result = await vscode.window.withProgress({
			location: quiet ? vscode.ProgressLocation.Window : vscode.ProgressLocation.Notification,
			title: `AI Runner: ${title}`, cancellable: true,
		}, (progress, token) => {
			let done = 0;
			progress.report({ message: 'running the checks…' });
			return this.client.request<VerifyResult>('verify/run', { root, origin: 'editor', ...params }, {
				token,
				onProgress: (v) => {
					const inc = typeof v.percentage === 'number' ? Math.max(0, v.percentage - done) : undefined;
					if (typeof v.percentage === 'number')
						done = v.percentage;
					progress.report({ message: v.message, increment: inc });
				},
			});
		});
		const summary = verifySummary(result);
		this.log(`${title}: ${summary}`);
		if (result.ok) {
			this.problems.clear();
			if (!quiet)
				void vscode.window.showInformationMessage(`AI Runner: ${title}: ${summary}`);
			return;
		}
		this.setProblems(this.problems, problemsFromVerify(result, root));
		const pick = await vscode.window.showWarningMessage(`AI Runner: ${title}: ${summary}`, 'Show Problems');
		if (pick)
			await vscode.commands.executeCommand('workbench.actions.view.problems');
	}

	private setProblems(coll: vscode.DiagnosticCollection, byFile: Map<string, Problem[]>): void {
		coll.clear();
		for (const [file, list] of byFile) {
			const uri = vscode.Uri.file(file);
			coll.set(uri, list.map((p) => {
				const pos = new vscode.Position(p.line, p.column);
				const d = new vscode.Diagnostic(new vscode.Range(pos, pos), p.message,
					p.severity === 'error' ? vscode.DiagnosticSeverity.Error
						: p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
				d.code = p.code;
				d.source = p.source;
				if (p.hint)
					d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, pos), `hint: ${p.hint}`)];
				return d;
			}));
		}
	}

	private async classifySelection(): Promise<void> {
		await this.need('Classify Selection', 'errors/classify');
		let text = '';
		const ed = vscode.window.activeTextEditor;
		if (ed && !ed.selection.isEmpty)
			text = ed.document.getText(ed.selection);
		else if (vscode.window.activeTerminal) {
			/* A terminal's selection reaches an extension only through the
			 * clipboard: copy it, read it, put the old text back. */
			const saved = await vscode.env.clipboard.readText();
			await vscode.commands.executeCommand('workbench.action.terminal.copySelection');
			text = await vscode.env.clipboard.readText();
			if (text === saved)
				text = '';
			await vscode.env.clipboard.writeText(saved);
		}
		if (!text.trim()) {
			void vscode.window.showInformationMessage('AI Runner: select a build or test log in an editor or a terminal first.');
			return;
		}
		const r = await this.client.request<ClassifyResult>('errors/classify', { output: text });
		const byFile = problemsFromClassify(r.diagnostics, this.root ?? process.cwd());
		this.setProblems(this.logProblems, byFile);
		const cats = new Map<string, number>();
		for (const d of r.diagnostics)
			cats.set(d.category, (cats.get(d.category) ?? 0) + 1);
		const msg = r.diagnostics.length
			? `${r.diagnostics.length} diagnostic${r.diagnostics.length === 1 ? '' : 's'}: ` +
				[...cats].map(([c, n]) => `${c} ×${n}`).join(', ')
			: 'no errors found in the selection';
		this.log(`Classify Selection: ${msg}`);
		const first = r.diagnostics.find((d) => d.hint);
		const pick = await vscode.window.showInformationMessage(`AI Runner: ${msg}${first ? ` — ${first.hint}` : ''}`,
			...(r.diagnostics.length ? ['Show Problems'] : []));
		if (pick)
			await vscode.commands.executeCommand('workbench.actions.view.problems');
	}

	/* ---- plans ---- */

	private async planIssue(): Promise<void> {
		const root = this.needRoot();
		await this.need('Plan Issue', 'plan/generate');
		const ed = vscode.window.activeTextEditor;
		const selection = ed && !ed.selection.isEmpty ? ed.document.getText(ed.selection) : '';
		const items: (vscode.QuickPickItem & { id: string })[] = [
			{ id: 'ref', label: '$(issues) An issue', description: 'a Jira key (PROJ-12), a GitHub issue (owner/repo#12) or its URL' },
			{ id: 'file', label: '$(markdown) A Markdown file', description: 'the issue written in a file of the workspace' },
		];
		if (selection.trim())
			items.unshift({ id: 'selection', label: '$(selection) The selection', description: selection.trim().split('\n')[0].slice(0, 60) });
		const kind = await vscode.window.showQuickPick(items, { title: 'AI Runner: Plan Issue', placeHolder: 'What to plan' });
		if (!kind)
			return;
		let issue: unknown;
		if (kind.id === 'selection')
			issue = inlineIssue(selection);
		else if (kind.id === 'file') {
			/* The Markdown files of the workspace, the one open in the editor
			 * first; found while the quick pick is already open. */
			const current = ed?.document.uri.scheme === 'file' && /\.(md|markdown)$/i.test(ed.document.uri.fsPath)
				? path.relative(root, ed.document.uri.fsPath) : null;
			const qp = vscode.window.createQuickPick();
			qp.title = 'AI Runner: Plan Issue';
			qp.placeholder = 'The Markdown file that describes the issue';
			qp.busy = true;
			if (current)
				qp.items = [{ label: current }];
			qp.show();
			void vscode.workspace.findFiles('**/*.{md,markdown}', '{**/node_modules/**,**/.git/**}', 500).then((mds) => {
				const rel = mds.map((u) => path.relative(root, u.fsPath)).filter((p) => p !== current).sort();
				qp.items = [...(current ? [current] : []), ...rel].map((label) => ({ label }));
				qp.busy = false;
			});
			const pick = await new Promise<vscode.QuickPickItem | undefined>((resolve) => {
				qp.onDidAccept(() => { resolve(qp.selectedItems[0]); qp.hide(); });
				qp.onDidHide(() => resolve(undefined));
			});
			qp.dispose();
			if (!pick)
				return;
			issue = { source: 'file', path: pick.label, root };
		} else {
			const text = await vscode.window.showInputBox({
				title: 'AI Runner: Plan Issue', prompt: 'A Jira key, a GitHub issue (owner/repo#12), or an issue URL',
				placeHolder: 'PROJ-12', validateInput: (t) => (parseIssueRef(t, root) ? null : 'not a Jira key, owner/repo#N, URL or .md file'),
			});
			if (!text)
				return;
			issue = parseIssueRef(text, root);
		}
		await this.generatePlan({ root, issue }, 'Planning');
	}

	private async revisePlan(): Promise<void> {
		const root = this.needRoot();
		await this.need('Revise Plan', 'plan/generate');
		const plan = this.model.plan;
		if (!plan)
			throw new Error('there is no plan to revise: Plan Issue first');
		const feedback = await vscode.window.showInputBox({
			title: `AI Runner: Revise plan ${plan.id} (revision ${plan.revision})`,
			prompt: 'What should change in the plan?', placeHolder: 'split S2 in two; do not touch the public API',
		});
		if (!feedback)
			return;
		const issue = this.ctx.workspaceState.get<unknown>('airunner.issue') ??
			{ source: plan.issue.source, key: plan.issue.key, url: plan.issue.url };
		await this.generatePlan({ root, issue, feedback, planId: plan.id }, 'Revising the plan');
	}

	private async generatePlan(params: Record<string, unknown>, title: string): Promise<void> {
		const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `AI Runner: ${title}`, cancellable: true },
			(progress, token) => {
				let thinking = 0, text = '';
				progress.report({ message: 'reading the repository…' });
				return this.client.request<PlanResult>('plan/generate', params, {
					token,
					onProgress: (v) => {
						if (v.kind === 'thinking') {
							thinking += String(v.delta ?? '').length;
							progress.report({ message: `thinking… (${thinking} characters)` });
						} else if (v.kind === 'text') {
							text += String(v.delta ?? '');
							progress.report({ message: `writing the plan… (${text.length} characters)` });
						} else if (v.message)
							progress.report({ message: v.message });
					},
				});
			});
		this.model.setPlan(r.plan);
		await this.ctx.workspaceState.update('airunner.plan', { planId: r.plan.id, revision: r.plan.revision });
		await this.ctx.workspaceState.update('airunner.issue', params.issue);
		this.log(`plan ${r.plan.id} revision ${r.plan.revision}: ${r.plan.subtasks.length} subtasks (run ${r.runId}` +
			`${typeof r.costUsd === 'number' ? `, $${r.costUsd.toFixed(4)}` : ''})`);
		await vscode.commands.executeCommand('airunner.plan.focus');
		void vscode.window.showInformationMessage(`AI Runner: plan ${r.plan.id} (revision ${r.plan.revision}) for ` +
			`${r.plan.issue.key ?? r.plan.issue.title}: ${r.plan.subtasks.length} subtasks`);
	}

	/* ---- execution ---- */

	private async executeSubtask(fromView?: string): Promise<void> {
		const root = this.needRoot();
		await this.need('Execute Subtask', 'subtask/execute');
		const plan = this.model.plan;
		if (!plan)
			throw new Error('there is no plan: Plan Issue first');
		let id = fromView;
		if (!id) {
			const pick = await vscode.window.showQuickPick(this.model.rows().map((r) => ({ label: r.label, description: r.description, id: r.id })),
				{ title: `AI Runner: Execute Subtask of plan ${plan.id}`, placeHolder: 'The subtask to carry out' });
			if (!pick)
				return;
			id = pick.id;
		}
		const st = this.model.subtask(id)!;
		/* The plan by id (the agent reads it from its store) and the subtask
		 * inline too: an agent that takes the work inline needs no store. */
		const r = await this.client.request<ExecuteResult>('subtask/execute',
			{ root, planId: plan.id, revision: plan.revision, subtaskId: id, subtask: st, issue: plan.issue, detach: true });
		this.model.bindRun(r.runId, id);
		await this.follow({ runId: r.runId, subtaskId: id, title: `${id} ${st.title}` }, []);
	}

	private async fix(): Promise<void> {
		this.needRoot();
		await this.need('Fix Failed Verification', 'subtask/execute');
		let r: ExecuteResult;
		try {
			r = await this.client.request<ExecuteResult>('subtask/execute', { root: this.root, fix: { staged: true }, commit: false, detach: true });
		} catch (e: any) {
			if (e?.data?.kind === 'nothing_to_fix') {
				void vscode.window.showInformationMessage(`AI Runner: nothing to fix: ${e.message}`);
				return;
			}
			throw e;
		}
		await this.follow({ runId: r.runId, subtaskId: null, title: 'Fix the failed verification' }, []);
	}

	/* Shows a run's progress until it ends (a notification, cancellable:
	 * the cancel becomes run/cancel); remembered in the workspace state so a
	 * reloaded window picks it up again. */
	private async follow(f: Followed, replayed: RunEvent[]): Promise<void> {
		/* The run's events are caught from this point, before the first
		 * await: one that arrives while the progress comes up (the run's end,
		 * on a quick run or after a reload) is held, never lost. */
		const held = replayed.length ? [...replayed] : [...(this.recent.get(f.runId) ?? [])];
		let sink = (ev: RunEvent) => { held.push(ev); };
		this.following.set(f.runId, (ev) => sink(ev));
		const list = this.ctx.workspaceState.get<Followed[]>('airunner.followed', []).filter((x) => x.runId !== f.runId);
		await this.ctx.workspaceState.update('airunner.followed', [...list, f]);
		await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `AI Runner: ${f.title}`, cancellable: true },
			(progress, token) => new Promise<void>((resolve) => {
				let attempt = '';
				const show = (ev: RunEvent) => {
					const d = ev.data ?? {};
					let msg: string | null = null;
					switch (ev.phase) {
					case 'queued': msg = 'queued'; break;
					case 'started': msg = 'started'; break;
					case 'attempt':
						attempt = `attempt ${d.attempt}${d.of ? ` of ${d.of}` : ''}`;
						msg = `${attempt}${d.model ? ` (${d.model})` : ''}`;
						break;
					case 'tool': msg = `${attempt}: ${d.name}${d.path ? ` ${d.path}` : ''}`; break;
					case 'edit': msg = `${attempt}: ${d.action} ${d.path}`; break;
					case 'verify': msg = `${attempt}: verifying`; break;
					case 'check': msg = `${attempt}: ${ev.message ?? `${d.check} ${d.status}`}`; break;
					case 'verified': msg = `${attempt}: ${d.passed ? 'verified' : `verification failed (${d.category ?? 'unknown'})`}`; break;
					case 'commit': msg = `committed ${short(d.sha)}${d.tag ? ` (${d.tag})` : ''}`; break;
					case 'restored': msg = 'workspace restored'; break;
					}
					if (msg) {
						this.log(`run ${ev.run}: ${msg}`);
						progress.report({ message: msg });
					}
					if (ev.phase === 'verified' && d.passed === false && Array.isArray(d.diagnostics) && this.root)
						this.setProblems(this.problems, problemsFromVerify({ ok: false, checks: [{ name: 'verify', status: 'failed', diagnostics: d.diagnostics }] }, this.root));
					if (ev.phase === 'ended') {
						this.following.delete(f.runId);
						resolve();
						void this.finishRun(f, true);
					}
				};
				token.onCancellationRequested(() => {
					this.log(`cancelling run ${f.runId}`);
					this.client.request('run/cancel', { run: f.runId }).catch((e) => this.log(`run/cancel: ${e.message}`));
				});
				/* the run's number until it says more: what was heard before
				 * this point, then the rest as it comes */
				progress.report({ message: `run ${f.runId}` });
				sink = show;
				for (const ev of held.splice(0))
					show(ev);
			}));
	}

	private async finishRun(f: Followed, announce: boolean): Promise<void> {
		const list = this.ctx.workspaceState.get<Followed[]>('airunner.followed', []).filter((x) => x.runId !== f.runId);
		await this.ctx.workspaceState.update('airunner.followed', list);
		let run: Run | null = null;
		try {
			run = (await this.client.request<{ run: Run }>('run/get', { run: f.runId })).run;
		} catch (e: any) {
			this.log(`run/get ${f.runId}: ${e.message}`);
		}
		if (!run)
			return;
		this.model.finish(f.runId, run.state, run.errorCategory ?? null, run.errorMessage ?? null);
		if (!announce)
			return;
		if (run.state === 'succeeded') {
			const s = f.subtaskId ? this.model.state(f.subtaskId) : null;
			const commit = s && s.kind === 'done' && s.commit ? ` — commit ${short(s.commit)}${s.tag ? ` (${s.tag})` : ''}` : '';
			this.problems.clear();
			void vscode.window.showInformationMessage(`AI Runner: ${f.title}: done${commit}`);
		} else if (run.state === 'cancelled') {
			void vscode.window.showInformationMessage(`AI Runner: ${f.title}: cancelled; the workspace was restored.`);
		} else {
			const err = { message: run.errorMessage ?? `${run.state}`, data: { kind: run.errorKind, category: run.errorCategory } };
			await this.showError(err, f.title);
		}
	}

	private async rollback(): Promise<void> {
		const root = this.needRoot();
		await this.need('Roll Back Run', 'run/rollback', 'run/list');
		const { runs } = await this.client.request<{ runs: Run[] }>('run/list', { workTree: root, limit: 30 });
		const candidates = runs.filter((r) => !['verify', 'llm', 'test', 'plan'].includes(r.kind) && r.state !== 'queued' && r.state !== 'running');
		if (!candidates.length) {
			void vscode.window.showInformationMessage('AI Runner: no run of this workspace changed files: nothing to roll back.');
			return;
		}
		const pick = await vscode.window.showQuickPick(candidates.map((r) => ({
			label: `#${r.id} ${runTitle(r)}`, description: `${r.kind} · ${r.state}`,
			detail: `${new Date(r.created * 1000).toLocaleString()}${r.cost ? ` · $${r.cost.toFixed(4)}` : ''}`, run: r,
		})), { title: 'AI Runner: Roll Back Run', placeHolder: 'The run whose changes to undo' });
		if (!pick)
			return;
		const mode = await vscode.window.showQuickPick([
			{ label: 'Restore or revert', description: 'the agent chooses: restore what is not committed, revert a commit', mode: undefined },
			{ label: 'Revert', description: 'a new commit that undoes the run\'s commit (history kept)', mode: 'revert' },
			{ label: 'Reset', description: 'move the branch back before the run\'s commit (history rewritten)', mode: 'reset' },
		], { title: `AI Runner: Roll Back run #${pick.run.id}`, placeHolder: 'How' });
		if (!mode)
			return;
		const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `AI Runner: rolling back run #${pick.run.id}` },
			() => this.client.request<RollbackResult>('run/rollback', { runId: pick.run.id, ...(mode.mode ? { mode: mode.mode } : {}) }));
		for (const row of this.model.rows())
			if (this.model.runFor(row.id) === pick.run.id)
				this.model.reset(row.id);
		this.log(`rolled back run ${pick.run.id}: ${r.mode} ${r.files.join(', ')}${r.commit ? ` (${short(r.commit)})` : ''}`);
		void vscode.window.showInformationMessage(`AI Runner: rolled back run #${pick.run.id} (${r.mode}): ` +
			`${r.files.length ? r.files.join(', ') : 'no files'}${r.commit ? ` — commit ${short(r.commit)}` : ''}`);
	}

	/* ---- runs, cancel, metrics ---- */

	private async showRuns(): Promise<void> {
		await this.need('Show Runs', 'run/list', 'run/get');
		const { runs } = await this.client.request<{ runs: Run[] }>('run/list', { limit: 50 });
		const pick = await vscode.window.showQuickPick(runs.map((r) => ({
			label: `${stateIcon(r.state)} #${r.id} ${runTitle(r)}`,
			description: `${r.kind} · ${r.state}${r.position ? ` (position ${r.position})` : ''}`,
			detail: `${r.workTree ?? ''} · ${new Date(r.created * 1000).toLocaleString()}` +
				`${r.durationMs ? ` · ${(r.durationMs / 1000).toFixed(1)} s` : ''}${r.errorCategory ? ` · ${r.errorCategory}` : ''}`,
			run: r,
		})), { title: 'AI Runner: Runs', placeHolder: runs.length ? 'A run to open' : 'No runs yet', matchOnDescription: true });
		if (!pick)
			return;
		const detail = await this.client.request('run/get', { run: pick.run.id });
		const events = this.client.has('run/events')
			? (await this.client.request<{ events: RunEvent[] }>('run/events', { run: pick.run.id, after: 0 })).events : [];
		const doc = await vscode.workspace.openTextDocument({
			language: 'json', content: JSON.stringify({ ...detail as object, events }, null, 2),
		});
		await vscode.window.showTextDocument(doc, { preview: true });
	}

	private async cancelRun(): Promise<void> {
		await this.need('Cancel Run', 'run/list', 'run/cancel');
		const runs: Run[] = [];
		for (const state of ['running', 'queued'])
			runs.push(...(await this.client.request<{ runs: Run[] }>('run/list', { state })).runs);
		if (!runs.length) {
			void vscode.window.showInformationMessage('AI Runner: no run is queued or running.');
			return;
		}
		const pick = await vscode.window.showQuickPick(runs.map((r) => ({
			label: `#${r.id} ${runTitle(r)}`, description: `${r.kind} · ${r.state}`, run: r,
		})), { title: 'AI Runner: Cancel Run', placeHolder: 'The run to cancel' });
		if (!pick)
			return;
		await this.client.request('run/cancel', { run: pick.run.id });
		void vscode.window.showInformationMessage(`AI Runner: run #${pick.run.id} cancelled.`);
	}

	private async showMetrics(): Promise<void> {
		await this.need('Show Metrics', 'metrics/summary');
		MetricsPanel.show(this.ctx, this.client, this.root, (l) => this.log(l));
	}

	/* ---- errors ---- */

	private async showError(e: any, what: string): Promise<void> {
		const x = explain(e ?? {}, what);
		this.log(`${what}: ${e?.message ?? e}`);
		const show = x.severity === 'error' ? vscode.window.showErrorMessage
			: x.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
		const pick = await show(x.message, ...x.actions.map((a) => a.title));
		const act = x.actions.find((a) => a.title === pick)?.action;
		if (act)
			await this.act(act);
	}

	private async act(a: Action): Promise<void> {
		switch (a) {
		case 'openAgentPathSetting':
			await vscode.commands.executeCommand('workbench.action.openSettings', 'airunner.agentPath');
			break;
		case 'openSocketSetting':
			await vscode.commands.executeCommand('workbench.action.openSettings', 'airunner.socket');
			break;
		case 'showLog':
			this.out.show(true);
			break;
		case 'showProblems':
			await vscode.commands.executeCommand('workbench.actions.view.problems');
			break;
		case 'reconnect':
			await vscode.commands.executeCommand('airunner.reconnect');
			break;
		case 'retry':
			break;
		}
	}
}

function runTitle(r: Run): string {
	const sub = r.subtask && typeof r.subtask === 'object' ? (r.subtask as any).id ?? '' : r.subtask ?? '';
	return [r.issueKey, sub, r.errorCategory && r.state === 'failed' ? `(${r.errorCategory})` : ''].filter(Boolean).join(' ') ||
		`${r.kind}${r.origin ? ` from ${r.origin}` : ''}`;
}

function stateIcon(s: string): string {
	return ({ queued: '$(watch)', running: '$(sync~spin)', succeeded: '$(pass)', failed: '$(error)', cancelled: '$(circle-slash)',
		interrupted: '$(debug-disconnect)' } as Record<string, string>)[s] ?? '$(circle-outline)';
}

/* The agent's log file (an agent started on demand writes there), appended
 * to the output channel as it grows. */
class LogTail {
	private offset: number;
	private timer: NodeJS.Timeout;

	constructor(private file: string, private sink: (text: string) => void) {
		this.offset = size(file);
		this.timer = setInterval(() => this.poll(), 1000);
	}

	private poll(): void {
		const n = size(this.file);
		if (n < this.offset)
			this.offset = 0; // rotated or truncated
		if (n === this.offset)
			return;
		try {
			const fd = fs.openSync(this.file, 'r');
			const len = Math.min(n - this.offset, 1 << 20);
			const b = Buffer.alloc(len);
			fs.readSync(fd, b, 0, len, this.offset);
			fs.closeSync(fd);
			this.offset += len;
			this.sink(b.toString('utf8'));
		} catch {
			/* gone between stat and open: next time */
		}
	}

	dispose(): void {
		clearInterval(this.timer);
	}
}

function size(f: string): number {
	try {
		return fs.statSync(f).size;
	} catch {
		return 0;
	}
}
