// metrics/summary's answers shaped into what the dashboard's charts draw:
// pure (no vscode, no DOM), unit-tested. The extension asks the agent for
// the whole window and for each time bucket of it (success rate, tokens
// and cost over time), and posts the result of metricsView() to the webview.
import type { MetricsSummary } from './protocol';

export interface Range {
	id: string;
	label: string;
	seconds: number;
	buckets: number;
}

export const RANGES: Range[] = [
	{ id: '1h', label: 'last hour', seconds: 3600, buckets: 12 },
	{ id: '24h', label: 'last 24 hours', seconds: 86400, buckets: 24 },
	{ id: '7d', label: 'last 7 days', seconds: 7 * 86400, buckets: 14 },
	{ id: '30d', label: 'last 30 days', seconds: 30 * 86400, buckets: 30 },
];

export function rangeById(id: string | undefined): Range {
	return RANGES.find((r) => r.id === id) ?? RANGES[1];
}

/* [since, until) in epoch seconds, oldest first; the last ends at now. */
export function buckets(now: number, range: Range): [number, number][] {
	const step = range.seconds / range.buckets;
	const out: [number, number][] = [];
	for (let i = range.buckets; i > 0; i--)
		out.push([now - i * step, now - (i - 1) * step]);
	return out;
}

export function bucketLabel(since: number, until: number, range: Range): string {
	const d = new Date(until * 1000);
	const two = (n: number) => String(n).padStart(2, '0');
	if (range.seconds <= 86400)
		return `${two(d.getHours())}:${two(d.getMinutes())}`;
	return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export interface Series {
	labels: string[];
	[name: string]: (number | null)[] | string[];
}

export interface Chart {
	id: string;
	title: string;
	type: 'line' | 'bar' | 'doughnut';
	labels: string[];
	datasets: { label: string; data: (number | null)[]; color: string; axis?: 'y' | 'y2'; stack?: string; kind?: 'line' | 'bar' }[];
	horizontal?: boolean;
	unit?: string;         // % s tokens $
	summary: string;       // the numbers in words: the canvas' aria-label
}

export interface Headline {
	label: string;
	value: string;
	id: string;
}

export interface MetricsView {
	range: { id: string; label: string };
	generated: number;
	empty: boolean;
	headline: Headline[];
	charts: Chart[];
}

export function pct(x: number | null | undefined): string {
	return x === null || x === undefined ? '—' : `${Math.round(x * 1000) / 10}%`;
}

export function money(x: number): string {
	return x >= 100 ? `$${x.toFixed(0)}` : `$${x.toFixed(x > 0 && x < 0.01 ? 4 : 2)}`;
}

export function count(n: number): string {
	if (n >= 1e6)
		return `${(n / 1e6).toFixed(1)}M`;
	if (n >= 1e4)
		return `${(n / 1e3).toFixed(1)}k`;
	return String(n);
}

function secs(ms: number | null): number | null {
	return ms === null ? null : Math.round(ms / 10) / 100;
}

/* The theme colours the webview maps to VS Code's chart colours. */
export const COLORS = {
	good: 'green', bad: 'red', warn: 'yellow', a: 'blue', b: 'purple', c: 'orange', fg: 'foreground',
} as const;

export function metricsView(total: MetricsSummary, perBucket: { since: number; until: number; summary: MetricsSummary }[],
	range: Range, now: number): MetricsView {
	const labels = perBucket.map((b) => bucketLabel(b.since, b.until, range));
	const charts: Chart[] = [];
	const t = total.tokens;

	/* success rate over time, with the number of runs behind each point */
	const rates = perBucket.map((b) => b.summary.runs.successRate);
	const runs = perBucket.map((b) => b.summary.runs.total);
	charts.push({
		id: 'success', title: 'Success rate over time', type: 'line', labels, unit: '%',
		datasets: [
			{ label: 'success rate', data: rates.map((r) => (r === null ? null : Math.round(r * 1000) / 10)), color: COLORS.good, axis: 'y' },
			{ label: 'runs', data: runs, color: COLORS.a, axis: 'y2', kind: 'bar' },
		],
		summary: `Success rate over time (${range.label}): ` + perBucket
			.map((b, i) => (b.summary.runs.total ? `${labels[i]} ${pct(b.summary.runs.successRate)} of ${b.summary.runs.total}` : ''))
			.filter(Boolean).join(', ') + (runs.some((n) => n) ? '' : 'no runs'),
	});

	/* durations by kind */
	const kinds = total.byKind.filter((k) => k.duration.count > 0);
	charts.push({
		id: 'durations', title: 'Durations by kind (seconds)', type: 'bar', labels: kinds.map((k) => k.kind), unit: 's',
		datasets: [
			{ label: 'p50', data: kinds.map((k) => secs(k.duration.p50Ms)), color: COLORS.a },
			{ label: 'p95', data: kinds.map((k) => secs(k.duration.p95Ms)), color: COLORS.b },
		],
		summary: 'Durations: ' + (kinds.map((k) => `${k.kind} p50 ${secs(k.duration.p50Ms)} s, p95 ${secs(k.duration.p95Ms)} s (${k.duration.count} runs)`)
			.join('; ') || 'no finished runs'),
	});

	/* tokens and cost over time */
	charts.push({
		id: 'tokens', title: 'Tokens and cost over time', type: 'bar', labels,
		datasets: [
			{ label: 'input', data: perBucket.map((b) => b.summary.tokens.input), color: COLORS.a, stack: 't' },
			{ label: 'output', data: perBucket.map((b) => b.summary.tokens.output), color: COLORS.b, stack: 't' },
			{ label: 'cache read', data: perBucket.map((b) => b.summary.tokens.cacheRead), color: COLORS.good, stack: 't' },
			{ label: 'cache write', data: perBucket.map((b) => b.summary.tokens.cacheWrite), color: COLORS.c, stack: 't' },
			{ label: 'cost ($)', data: perBucket.map((b) => Math.round(b.summary.cost * 10000) / 10000), color: COLORS.bad, axis: 'y2', kind: 'line' },
		],
		summary: `Tokens: input ${t.input}, output ${t.output}, cache read ${t.cacheRead}, cache write ${t.cacheWrite}; cost ${money(total.cost)}`,
	});

	/* the prompt cache: what share of the prompt was read from it */
	charts.push({
		id: 'cache', title: 'Prompt cache', type: 'doughnut', labels: ['read from cache', 'written to cache', 'uncached input'],
		datasets: [{ label: 'prompt tokens', data: [t.cacheRead, t.cacheWrite, t.input], color: COLORS.good }],
		summary: `Prompt-cache read share ${pct(total.cacheReadShare)}: ${t.cacheRead} read, ${t.cacheWrite} written, ${t.input} uncached`,
	});

	/* verification */
	const v = total.verification;
	charts.push({
		id: 'verification', title: 'Verification', type: 'doughnut', labels: ['passed', 'failed'],
		datasets: [{ label: 'verifications', data: [v.passed, v.failed], color: COLORS.good }],
		summary: `Verification pass rate ${pct(v.passRate)}: ${v.passed} passed, ${v.failed} failed of ${v.runs}` +
			(v.cached ? ` (${v.cached} from the cache)` : ''),
	});

	/* healing: of the runs that reached attempt N, how many succeeded there */
	const h = total.healing;
	charts.push({
		id: 'healing', title: 'Healing success by attempt', type: 'bar', labels: h.byAttempt.map((a) => `attempt ${a.attempt}`), unit: '%',
		datasets: [{ label: 'succeeded at this attempt', data: h.byAttempt.map((a) => (a.rate === null ? null : Math.round(a.rate * 1000) / 10)), color: COLORS.good }],
		summary: `Healing: ${h.healed} of ${h.runs} runs healed (${pct(h.rate)})` +
			(h.byAttempt.length ? '; ' + h.byAttempt.map((a) => `attempt ${a.attempt}: ${a.succeeded}/${a.tried}`).join(', ') : ''),
	});

	/* top error categories */
	const top = total.topErrorCategories;
	charts.push({
		id: 'errors', title: 'Top error categories', type: 'bar', horizontal: true, labels: top.map((c) => c.category),
		datasets: [{ label: 'failed runs', data: top.map((c) => c.runs), color: COLORS.bad }],
		summary: 'Top error categories: ' + (top.map((c) => `${c.category} ${c.runs}`).join(', ') || 'none'),
	});

	const r = total.runs;
	return {
		range: { id: range.id, label: range.label },
		generated: now,
		empty: r.total === 0,
		headline: [
			{ id: 'runs', label: 'runs', value: String(r.total) },
			{ id: 'succeeded', label: 'succeeded', value: String(r.succeeded) },
			{ id: 'failed', label: 'failed', value: String(r.failed) },
			{ id: 'successRate', label: 'success rate', value: pct(r.successRate) },
			{ id: 'tokens', label: 'tokens', value: count(t.input + t.output + t.cacheRead + t.cacheWrite) },
			{ id: 'cost', label: 'cost', value: money(total.cost) },
			{ id: 'cacheReadShare', label: 'cache read share', value: pct(total.cacheReadShare) },
			{ id: 'passRate', label: 'verification pass rate', value: pct(v.passRate) },
		],
		charts,
	};
}
