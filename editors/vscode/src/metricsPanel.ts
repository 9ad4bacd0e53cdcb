// The metrics dashboard: a webview with a strict content security policy
// (nothing remote, scripts only with this page's nonce, styles only from the
// extension) that draws, with chart.js bundled into out/webview/metrics.js,
// what metrics/summary says; asked again while the panel is open.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import type { AgentClient } from './client';
import { buckets, metricsView, rangeById, type Range } from './metricsData';
import type { MetricsSummary } from './protocol';

export class MetricsPanel {
	static current: MetricsPanel | null = null;
	private timer: NodeJS.Timeout | null = null;
	private range: Range = rangeById('24h');
	private busy = false;

	static show(ctx: vscode.ExtensionContext, client: AgentClient, root: string | null, log: (s: string) => void): MetricsPanel {
		if (MetricsPanel.current) {
			MetricsPanel.current.panel.reveal();
			void MetricsPanel.current.refresh();
			return MetricsPanel.current;
		}
		const panel = vscode.window.createWebviewPanel('airunner.metrics', 'AI Runner Metrics', vscode.ViewColumn.Active, {
			enableScripts: true,
			retainContextWhenHidden: false,
			localResourceRoots: [vscode.Uri.joinPath(ctx.extensionUri, 'out', 'webview'), vscode.Uri.joinPath(ctx.extensionUri, 'media')],
		});
		MetricsPanel.current = new MetricsPanel(ctx, panel, client, root, log);
		return MetricsPanel.current;
	}

	private constructor(private ctx: vscode.ExtensionContext, readonly panel: vscode.WebviewPanel,
		private client: AgentClient, private root: string | null, private log: (s: string) => void) {
		panel.webview.html = this.html();
		panel.webview.onDidReceiveMessage((m) => {
			if (m?.type === 'ready' || m?.type === 'refresh')
				void this.refresh();
			else if (m?.type === 'range') {
				this.range = rangeById(m.range);
				void this.refresh();
			}
		});
		panel.onDidDispose(() => {
			if (this.timer)
				clearInterval(this.timer);
			MetricsPanel.current = null;
		});
		const secs = vscode.workspace.getConfiguration('airunner').get<number>('metricsRefreshSeconds', 10);
		this.timer = setInterval(() => { if (panel.visible) void this.refresh(); }, Math.max(2, secs) * 1000);
	}

	/* One metrics/summary for the whole range and one per bucket: the agent
	 * answers each from its store in milliseconds. */
	async refresh(): Promise<void> {
		if (this.busy)
			return;
		this.busy = true;
		try {
			const now = Date.now() / 1000;
			const range = this.range;
			const total = await this.client.request<MetricsSummary>('metrics/summary', { since: now - range.seconds, until: now });
			const per = await Promise.all(buckets(now, range).map(async ([since, until]) => ({
				since, until,
				summary: await this.client.request<MetricsSummary>('metrics/summary', { since, until }),
			})));
			await this.panel.webview.postMessage({ type: 'data', view: metricsView(total, per, range, now) });
		} catch (e: any) {
			this.log(`metrics: ${e.message ?? e}`);
			await this.panel.webview.postMessage({ type: 'error', message: String(e.message ?? e) });
		} finally {
			this.busy = false;
		}
	}

	private html(): string {
		const w = this.panel.webview;
		const nonce = crypto.randomBytes(18).toString('base64');
		const script = w.asWebviewUri(vscode.Uri.joinPath(this.ctx.extensionUri, 'out', 'webview', 'metrics.js'));
		const style = w.asWebviewUri(vscode.Uri.joinPath(this.ctx.extensionUri, 'media', 'metrics.css'));
		const csp = [`default-src 'none'`, `img-src ${w.cspSource} data:`, `style-src ${w.cspSource}`,
			`font-src ${w.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
		return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style}">
<title>AI Runner Metrics</title>
</head>
<body>
<header>
  <h1>AI Runner metrics</h1>
  <label>Range <select id="range">
    <option value="1h">last hour</option>
    <option value="24h" selected>last 24 hours</option>
    <option value="7d">last 7 days</option>
    <option value="30d">last 30 days</option>
  </select></label>
  <button id="refresh" type="button">Refresh</button>
  <span id="status" role="status"></span>
</header>
<section id="headline" aria-label="totals"></section>
<p id="empty" hidden>No runs in this range yet: verify, plan or execute something and they show here.</p>
<main id="charts"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
	}
}
