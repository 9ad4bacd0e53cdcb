// verify/run's and errors/classify's diagnostics as the Problems panel shows
// them: pure data (no vscode), so it is unit-tested; extension.ts turns each
// into a vscode.Diagnostic.
import * as path from 'node:path';
import type { AgentDiagnostic, VerifyResult } from './protocol';

export type ProblemSeverity = 'error' | 'warning' | 'information';

export interface Problem {
	file: string;          // absolute path (the workspace root for a diagnostic without a file)
	line: number;          // 0-based, as vscode.Position
	column: number;        // 0-based
	severity: ProblemSeverity;
	message: string;
	code: string;          // the category: type_error, lint_violation, ...
	source: string;        // the check that found it: tsc, eslint, imports, ...
	hint: string | null;   // shown as related information
}

const SEVERITY: Record<string, ProblemSeverity> = {
	error: 'error',
	warning: 'warning',
	note: 'information',
};

export function toProblem(d: AgentDiagnostic, root: string, source: string): Problem {
	const file = d.file ? (path.isAbsolute(d.file) ? d.file : path.resolve(root, d.file)) : root;
	let message = d.message?.trim() || `${d.category} (no message)`;
	if (d.code && !message.includes(d.code))
		message += ` (${d.code})`;
	if (!d.file)
		message = `${source}: ${message}`;
	return {
		file,
		line: Math.max(0, (d.line ?? 1) - 1),
		column: Math.max(0, (d.column ?? 1) - 1),
		severity: SEVERITY[d.severity] ?? 'error',
		message,
		code: d.category,
		source,
		hint: d.hint ?? null,
	};
}

/* Every diagnostic of a verification, grouped by file (absolute path). A
 * passed verification gives none: the caller clears what an earlier run put
 * there. Duplicates (one error reported by two checks' parsers) are kept once. */
export function problemsFromVerify(result: VerifyResult, root: string): Map<string, Problem[]> {
	const byFile = new Map<string, Problem[]>();
	const seen = new Set<string>();
	for (const check of result.checks ?? [])
		for (const d of check.diagnostics ?? []) {
			const p = toProblem(d, root, check.name);
			const key = `${p.file}:${p.line}:${p.column}:${p.source}:${p.message}`;
			if (seen.has(key))
				continue;
			seen.add(key);
			if (!byFile.has(p.file))
				byFile.set(p.file, []);
			byFile.get(p.file)!.push(p);
		}
	return byFile;
}

/* errors/classify's diagnostics (a build log) grouped the same way; the
 * source is the tool the line came from. */
export function problemsFromClassify(diags: AgentDiagnostic[], root: string): Map<string, Problem[]> {
	const byFile = new Map<string, Problem[]>();
	for (const d of diags) {
		const p = toProblem(d, root, d.tool ?? 'log');
		if (!byFile.has(p.file))
			byFile.set(p.file, []);
		byFile.get(p.file)!.push(p);
	}
	return byFile;
}

/* One line for a notification: "tsc failed: 1 error (type_error)". */
export function verifySummary(result: VerifyResult): string {
	const failed = (result.checks ?? []).filter((c) => c.status !== 'passed' && c.status !== 'skipped');
	const errors = result.summary?.errors ??
		result.checks.reduce((n, c) => n + c.diagnostics.filter((d) => d.severity === 'error').length, 0);
	const warnings = result.summary?.warnings ??
		result.checks.reduce((n, c) => n + c.diagnostics.filter((d) => d.severity === 'warning').length, 0);
	const total = result.summary?.checks ?? result.checks.length;
	if (result.ok)
		return `all ${total} check${total === 1 ? '' : 's'} passed` +
			(warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : '') +
			(result.cached ? ', from the cache' : '');
	const cats = new Map<string, number>();
	for (const c of failed)
		for (const d of c.diagnostics)
			cats.set(d.category, (cats.get(d.category) ?? 0) + 1);
	const catText = [...cats.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c).join(', ');
	return `${failed.map((c) => `${c.name} ${c.status}`).join(', ')}: ` +
		`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` +
		(catText ? ` (${catText})` : '');
}
