// Bundles the extension (out/extension.js, CommonJS for VS Code's extension
// host, `vscode` left to the host) and the metrics dashboard's webview script
// with chart.js (out/webview/metrics.js, one IIFE: the webview's CSP allows
// no other script). `node build.mjs --check` type-checks with tsc first.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
if (process.argv.includes('--check'))
	execFileSync(process.execPath, [path.join(here, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', here], { stdio: 'inherit' });

const common = { bundle: true, minify: true, sourcemap: false, logLevel: 'warning', absWorkingDir: here, legalComments: 'external' };
await esbuild.build({
	...common,
	entryPoints: ['src/extension.ts'],
	outfile: 'out/extension.js',
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	external: ['vscode'],
});
await esbuild.build({
	...common,
	entryPoints: ['src/webview/metrics.ts'],
	outfile: 'out/webview/metrics.js',
	platform: 'browser',
	format: 'iife',
	target: 'chrome120',
});
