// The metrics dashboard's script, inside the webview: draws the charts the
// extension sends (metricsData.ts's MetricsView) with chart.js, in the
// colours of the current VS Code theme (light, dark, high contrast), and
// redraws when the theme changes.
import {
	ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend,
	LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import type { MetricsView, Chart as ChartSpec } from '../metricsData';

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, Legend,
	LinearScale, LineController, LineElement, PointElement, Tooltip);

declare function acquireVsCodeApi(): { postMessage(m: unknown): void; getState(): any; setState(s: any): void };
const vscode = acquireVsCodeApi();

let last: MetricsView | null = null;
const charts = new Map<string, Chart>();

function cssVar(name: string, fallback: string): string {
	return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

/* VS Code's chart colours (--vscode-charts-*) follow the theme. */
function color(name: string): string {
	const fallbacks: Record<string, string> = {
		green: '#388a34', red: '#e51400', yellow: '#bf8803', blue: '#1a85ff', purple: '#652d90', orange: '#d18616',
		foreground: '#616161',
	};
	if (name === 'foreground')
		return cssVar('--vscode-foreground', fallbacks.foreground);
	return cssVar(`--vscode-charts-${name}`, fallbacks[name] ?? '#888');
}

function translucent(c: string, alpha: number): string {
	const m = /^#([0-9a-f]{6})$/i.exec(c);
	if (!m)
		return c;
	const n = Number.parseInt(m[1], 16);
	return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

function draw(view: MetricsView): void {
	last = view;
	const fg = color('foreground');
	const grid = cssVar('--vscode-editorWidget-border', cssVar('--vscode-panel-border', 'rgba(128,128,128,0.35)'));
	Chart.defaults.color = fg;
	Chart.defaults.borderColor = translucent(grid, 0.5);
	Chart.defaults.font.family = cssVar('--vscode-font-family', 'sans-serif');

	const head = document.getElementById('headline')!;
	head.replaceChildren(...view.headline.map((h) => {
		const div = document.createElement('div');
		div.className = 'figure';
		div.dataset.metric = h.id;
		const v = document.createElement('span');
		v.className = 'value';
		v.textContent = h.value;
		const l = document.createElement('span');
		l.className = 'label';
		l.textContent = h.label;
		div.append(v, l);
		return div;
	}));
	document.getElementById('empty')!.hidden = !view.empty;
	(document.getElementById('range') as HTMLSelectElement).value = view.range.id;
	document.getElementById('status')!.textContent =
		`updated ${new Date(view.generated * 1000).toLocaleTimeString()}`;

	const main = document.getElementById('charts')!;
	for (const spec of view.charts) {
		let fig = document.getElementById(`chart-${spec.id}`);
		if (!fig) {
			fig = document.createElement('figure');
			fig.id = `chart-${spec.id}`;
			fig.className = `chart chart-${spec.type}`;
			const cap = document.createElement('figcaption');
			cap.textContent = spec.title;
			const box = document.createElement('div');
			box.className = 'canvas-box';
			const canvas = document.createElement('canvas');
			canvas.setAttribute('role', 'img');
			box.append(canvas);
			const sum = document.createElement('p');
			sum.className = 'summary';
			fig.append(cap, box, sum);
			main.append(fig);
		}
		const canvas = fig.querySelector('canvas')!;
		canvas.setAttribute('aria-label', spec.summary);
		fig.querySelector('.summary')!.textContent = spec.summary;
		charts.get(spec.id)?.destroy();
		charts.set(spec.id, new Chart(canvas, config(spec)));
	}
}

function config(spec: ChartSpec): any {
	const doughnut = spec.type === 'doughnut';
	const palette = [color('green'), color('red'), color('blue'), color('orange'), color('purple'), color('yellow')];
	const datasets = spec.datasets.map((d, i) => {
		const c = color(d.color);
		const type = d.kind ?? (spec.type === 'doughnut' ? undefined : spec.type);
		return {
			label: d.label,
			data: d.data,
			type,
			yAxisID: doughnut || spec.horizontal ? undefined : (d.axis ?? 'y'),
			stack: d.stack,
			borderColor: doughnut ? cssVar('--vscode-editor-background', '#fff') : c,
			backgroundColor: doughnut
				? (spec.id === 'cache' ? [color('green'), color('orange'), color('blue')] : palette)
				: translucent(c, type === 'line' ? 0.25 : 0.7),
			borderWidth: type === 'line' ? 2 : 1,
			spanGaps: true,
			order: type === 'line' ? 0 : i + 1,
		};
	});
	const y2 = spec.datasets.some((d) => d.axis === 'y2');
	const stacked = spec.datasets.some((d) => d.stack);
	return {
		type: spec.type,
		data: { labels: spec.labels, datasets },
		options: {
			responsive: true,
			maintainAspectRatio: false,
			animation: false,
			indexAxis: spec.horizontal ? 'y' : 'x',
			plugins: { legend: { display: doughnut || datasets.length > 1, position: 'bottom' } },
			scales: doughnut ? {} : {
				x: { stacked, ticks: { autoSkip: true, maxRotation: 0 } },
				y: {
					stacked, beginAtZero: true,
					suggestedMax: spec.unit === '%' && !spec.horizontal ? 100 : undefined,
					ticks: { precision: 0 },
					position: 'left',
				},
				...(y2 ? { y2: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } } : {}),
			},
		},
	};
}

window.addEventListener('message', (e) => {
	const m = e.data;
	if (m?.type === 'data')
		draw(m.view);
	else if (m?.type === 'error')
		document.getElementById('status')!.textContent = `error: ${m.message}`;
});

document.getElementById('refresh')!.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
document.getElementById('range')!.addEventListener('change', (e) =>
	vscode.postMessage({ type: 'range', range: (e.target as HTMLSelectElement).value }));

/* A theme change swaps the body's class (vscode-light, vscode-dark,
 * vscode-high-contrast): redraw in the new colours. */
new MutationObserver(() => { if (last) draw(last); })
	.observe(document.body, { attributes: true, attributeFilter: ['class'] });

vscode.postMessage({ type: 'ready' });
