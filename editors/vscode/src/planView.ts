// The sidebar's plan view: a tree of the current plan's subtasks (from
// PlanModel), each with its state; the plan's summary, risks and open
// questions as a header node.
import * as vscode from 'vscode';
import type { PlanModel, SubtaskRow } from './planModel';

type Node = { kind: 'header'; text: string; tooltip: string } | { kind: 'subtask'; row: SubtaskRow };

export class PlanView implements vscode.TreeDataProvider<Node> {
	private emitter = new vscode.EventEmitter<Node | undefined>();
	readonly onDidChangeTreeData = this.emitter.event;

	constructor(private model: PlanModel) {
		model.onChange(() => this.emitter.fire(undefined));
	}

	getChildren(node?: Node): Node[] {
		if (node || !this.model.plan)
			return [];
		const p = this.model.plan;
		const header: Node = {
			kind: 'header',
			text: `${p.issue.key ?? p.issue.title} · plan ${p.id} rev ${p.revision}`,
			tooltip: [p.issue.title, p.summary, ...(p.risks ?? []).map((r) => `risk: ${r}`),
				...(p.openQuestions ?? []).map((q) => `open question: ${q}`)].join('\n'),
		};
		return [header, ...this.model.rows().map((row) => ({ kind: 'subtask' as const, row }))];
	}

	getTreeItem(node: Node): vscode.TreeItem {
		if (node.kind === 'header') {
			const it = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
			it.tooltip = node.tooltip;
			it.iconPath = new vscode.ThemeIcon('checklist');
			it.contextValue = 'plan';
			return it;
		}
		const r = node.row;
		const it = new vscode.TreeItem(r.label, vscode.TreeItemCollapsibleState.None);
		it.id = `subtask:${r.id}`;
		it.description = r.description;
		it.tooltip = `${r.tooltip}\n\n${r.description}`;
		it.contextValue = r.contextValue;
		it.iconPath = icon(r.state.kind);
		it.accessibilityInformation = { label: `${r.label}: ${r.description}` };
		return it;
	}

	getParent(): undefined {
		return undefined;
	}
}

function icon(kind: string): vscode.ThemeIcon {
	switch (kind) {
	case 'queued':
		return new vscode.ThemeIcon('watch');
	case 'running':
		return new vscode.ThemeIcon('sync~spin');
	case 'done':
		return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
	case 'failed':
		return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
	default:
		return new vscode.ThemeIcon('circle-large-outline');
	}
}

/* The subtask id a command got from the view's context menu (a Node), or
 * undefined when it came from the palette. */
export function subtaskOf(arg: unknown): string | undefined {
	const n = arg as Node | undefined;
	return n && n.kind === 'subtask' ? n.row.id : undefined;
}
