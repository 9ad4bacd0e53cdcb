/*
 * tests/vscode/lib/workbench.mjs: a real VS Code for the extension's
 * end-to-end tests. code-server (VS Code 1.100 for the browser, installed by
 * scripts/code-server-deps.sh) with the .vsix built from the tree installed,
 * its workbench in Debian's headless Chromium driven by playwright-core.
 * Offline: the marketplace is off (EXTENSIONS_GALLERY='{}'), telemetry and
 * update checks too; only loopback is used.
 *
 *   const vsix = buildVsix(dir);                     // type-check, bundle, package
 *   const wb = await startWorkbench({ folder, vsix, env, settings, scratch });
 *   await wb.command('AI Runner: Verify Staged');    // F1, type, Enter
 *   await wb.screenshot('verify-staged');            // test-artifacts/vscode/*.png
 *   await wb.stop();
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { SRC, withTimeout } from '../../lib/agent.mjs';
import { EXT } from './load.mjs';

export const ARTIFACTS = path.resolve(process.env.AIRUNNER_ARTIFACTS ?? path.join(SRC, 'test-artifacts'), 'vscode');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/* The code-server install (scripts/code-server-deps.sh installs it when
 * missing: scripts/setup.sh has done so already). */
export function codeServer() {
	const prefix = execFileSync('bash', [path.join(SRC, 'scripts/code-server-deps.sh')],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
	return path.join(prefix, 'node_modules/.bin/code-server');
}

/* The extension as a user installs it: type-checked, bundled and packaged
 * from the tree into dir/airunner.vsix. */
export function buildVsix(dir) {
	execFileSync(process.execPath, [path.join(EXT, 'build.mjs'), '--check'], { cwd: EXT, stdio: 'inherit' });
	const out = path.join(dir, 'airunner.vsix');
	execFileSync(process.execPath, [path.join(EXT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies',
		'--allow-missing-repository', '--skip-license', '-o', out], { cwd: EXT, stdio: ['ignore', 'ignore', 'inherit'] });
	return out;
}

function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
		s.on('error', reject);
	});
}

const BASE_SETTINGS = {
	'telemetry.telemetryLevel': 'off',
	'update.mode': 'none',
	'extensions.autoUpdate': false,
	'extensions.autoCheckUpdates': false,
	'extensions.ignoreRecommendations': true,
	'workbench.enableExperiments': false,
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'workbench.colorTheme': 'Default Dark Modern',
	'security.workspace.trust.enabled': false,
	'remote.autoForwardPorts': false,
	'npm.fetchOnlinePackageInfo': false,
	'typescript.disableAutomaticTypeAcquisition': true,
	'git.enabled': false,
	'git.autofetch': false,
	'chat.disableAIFeatures': true,
	'window.commandCenter': false,
};

/*
 * Starts code-server on a free loopback port with folder open, installs
 * vsix, and opens the workbench in Chromium. scratch: a folder for its state
 * (user data, extensions, config). env: the environment code-server, its
 * extension host and so the extension (and any agent it starts) get.
 */
export async function startWorkbench({ folder, vsix, env, settings = {}, scratch }) {
	const bin = codeServer();
	const userData = path.join(scratch, 'user-data');
	const extDir = path.join(scratch, 'extensions');
	fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
	fs.mkdirSync(extDir, { recursive: true });
	fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...settings }, null, 2));
	const config = path.join(scratch, 'config.yaml');
	fs.writeFileSync(config, 'auth: none\ncert: false\n');
	const csEnv = { ...env, EXTENSIONS_GALLERY: '{}' };
	const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extDir];
	execFileSync(bin, [...common, '--install-extension', vsix], { env: csEnv, stdio: ['ignore', 'pipe', 'inherit'] });

	const port = await freePort();
	const log = fs.openSync(path.join(scratch, 'code-server.log'), 'a');
	const proc = spawn(bin, [...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
		'--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', folder],
	{ env: csEnv, stdio: ['ignore', log, log] });
	fs.closeSync(log);
	const exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
	const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
	await withTimeout((async () => {
		for (;;) {
			try {
				const r = await fetch(`http://127.0.0.1:${port}/healthz`);
				if (r.ok)
					return;
			} catch { /* not yet */ }
			if (proc.exitCode !== null)
				throw new Error(`code-server exited (${proc.exitCode}): ${fs.readFileSync(path.join(scratch, 'code-server.log'), 'utf8').slice(-2000)}`);
			await new Promise((r) => setTimeout(r, 100));
		}
	})(), 60000, 'code-server listening');

	const { chromium } = await import('playwright-core');
	let browser = null;
	const stopServer = async () => {
		if (proc.exitCode !== null)
			return;
		proc.kill('SIGTERM');
		await new Promise((r) => setTimeout(r, 300));
		if (proc.exitCode === null)
			proc.kill('SIGTERM'); // code-server stops on the second one
		try {
			await withTimeout(exited, 10000, 'code-server exit');
		} catch {
			proc.kill('SIGKILL');
		}
	};
	let page, consoleLines = [], offLoopback = [];
	try {
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			env,
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
				'--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
		});
		const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
		page = await context.newPage();
		page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
		/* Nothing may leave the machine: any request off loopback is noted. */
		page.on('request', (r) => {
			const u = new URL(r.url());
			if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:', 'vscode-webview:', 'vscode-file:'].includes(u.protocol) &&
				!u.hostname.endsWith('.vscode-cdn.net') /* the webview origin, served by code-server itself */)
				offLoopback.push(r.url());
		});
		/* The workbench loads a few MB of script: on a busy machine that
		 * takes a while. */
		await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 180000 });
		await page.locator('.monaco-workbench').waitFor({ timeout: 180000 });
		await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 120000 });
	} catch (e) {
		await browser?.close().catch(() => {});
		await stopServer();
		e.message += `\ncode-server's log:\n${fs.readFileSync(path.join(scratch, 'code-server.log'), 'utf8').slice(-3000)}`;
		throw e;
	}

	fs.mkdirSync(ARTIFACTS, { recursive: true });

	const wb = {
		page, browser, port, url, proc, consoleLines, offLoopback,

		/* The command palette as a person uses it: F1, the title, Enter. */
		async command(title) {
			await wb.dismissNotifications();
			await page.locator('.monaco-workbench').click({ position: { x: 700, y: 5 }, timeout: 2000 }).catch(() => {}); // focus, never a wait
			await page.keyboard.press('F1');
			const input = page.locator('.quick-input-widget input');
			await input.waitFor({ state: 'visible', timeout: 10000 });
			await input.fill(`>${title}`);
			const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
			await row.waitFor({ timeout: 10000 });
			await page.keyboard.press('Enter');
		},

		/* The commands the palette offers for text (after '>'). */
		async paletteHas(title) {
			await page.keyboard.press('F1');
			const input = page.locator('.quick-input-widget input');
			await input.waitFor({ state: 'visible', timeout: 10000 });
			await input.fill(`>${title}`);
			await page.waitForTimeout(800);
			const rows = await page.locator('.quick-input-list .monaco-list-row').allTextContents();
			await page.keyboard.press('Escape');
			return rows.some((r) => r.includes(title));
		},

		/* Picks the quick pick row with text (typed to filter first, unless
		 * type is false), with a click. */
		async pick(text, { type = true, timeout = 30000 } = {}) {
			const input = page.locator('.quick-input-widget input');
			try {
				await input.waitFor({ state: 'visible', timeout });
				if (type)
					await input.fill(text);
				const row = page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();
				await row.waitFor({ timeout });
				await row.click();
			} catch (e) {
				await wb.screenshot(`debug-pick-${text.replace(/\W+/g, '_')}`);
				throw e;
			}
		},

		async type(text) {
			const input = page.locator('.quick-input-widget input');
			await input.waitFor({ state: 'visible', timeout: 15000 });
			await input.fill(text);
			await page.keyboard.press('Enter');
		},

		/* The notification toast holding text (a string or RegExp). */
		toast(text) {
			return page.locator('.notifications-toasts .notification-list-item', { hasText: text });
		},

		/* Waits for the toast holding text; on a timeout the error says what
		 * the window showed instead and what the extension logged, so a
		 * failure on a machine nobody can look at still tells its story. */
		async waitToast(text, timeout) {
			const toast = wb.toast(text);
			try {
				await toast.waitFor({ timeout });
			} catch (e) {
				const shown = await page.locator('.notifications-toasts .notification-list-item').allTextContents().catch(() => []);
				e.message += `\nthe toasts shown: ${JSON.stringify(shown)}\nthe extension's log (last lines):\n${wb.extensionLog().split('\n').slice(-40).join('\n')}`;
				throw e;
			}
			return toast;
		},

		/* What the extension wrote to its output channel, over every window
		 * (a reload starts a new extension host with a new log). */
		extensionLog() {
			const found = [];
			const walk = (dir) => {
				for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
					const p = path.join(dir, d.name);
					if (d.isDirectory())
						walk(p);
					else if (d.name.endsWith('AI Runner.log'))
						found.push(p);
				}
			};
			try {
				walk(path.join(userData, 'logs'));
			} catch { /* no log yet */ }
			return found.sort().map((f) => fs.readFileSync(f, 'utf8')).join('');
		},

		async dismissNotifications() {
			for (const b of await page.locator('.notifications-toasts .notification-list-item .codicon-notifications-clear').all())
				await b.click({ timeout: 2000 }).catch(() => {});
		},

		statusItem() {
			return page.locator('.statusbar-item', { hasText: 'AI Runner' }).first();
		},

		async statusText() {
			return (await wb.statusItem().textContent())?.trim() ?? '';
		},

		async waitStatus(re, ms = 30000) {
			await withTimeout((async () => {
				while (!re.test(await wb.statusText().catch(() => '')))
					await page.waitForTimeout(100);
			})(), ms, `status bar matching ${re}`);
		},

		/* The Problems panel (opened from the palette when it is not open). */
		async problems() {
			const panel = page.locator('.markers-panel');
			try {
				await panel.waitFor({ timeout: 3000 });
			} catch {
				await wb.command('Problems: Focus on Problems View');
				try {
					await panel.waitFor({ timeout: 15000 });
				} catch (e) {
					await wb.screenshot('debug-problems');
					throw e;
				}
			}
			return panel;
		},

		/* The webview's document (code-server nests it in two iframes). */
		webview() {
			return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
		},

		/* Reloads the window, as Developer: Reload Window does. */
		async reload() {
			await page.reload({ waitUntil: 'domcontentloaded', timeout: 180000 });
			await page.locator('.monaco-workbench').waitFor({ timeout: 180000 });
			await wb.statusItem().waitFor({ timeout: 120000 });
		},

		async screenshot(name) {
			await page.waitForTimeout(1000); // toasts slide in
			const file = path.join(ARTIFACTS, `${name}.png`);
			await page.screenshot({ path: file });
			return file;
		},

		async stop() {
			await browser.close().catch(() => {});
			await stopServer();
		},
	};
	return wb;
}
