/*
 * tests/vscode/lib/load.mjs: the extension's TypeScript modules, for unit
 * tests that need no editor. Each is bundled by the extension's own esbuild
 * (editors/vscode/node_modules, installed by scripts/setup.sh) into a
 * CommonJS file in a temp dir and required, so the test runs the source as
 * it is now, not a stale build.
 *
 *   import { load } from './lib/load.mjs';
 *   const { PlanModel } = await load('planModel');
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../editors/vscode');
const require = createRequire(import.meta.url);
let outDir = null;

export async function load(name) {
	const esbuild = require(path.join(EXT, 'node_modules/esbuild'));
	outDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'airunner-vscode-unit-'));
	const out = path.join(outDir, `${name.replace(/\W/g, '_')}.cjs`);
	await esbuild.build({
		entryPoints: [path.join(EXT, 'src', `${name}.ts`)],
		bundle: true, platform: 'node', format: 'cjs', target: 'node20',
		outfile: out, external: ['vscode'], logLevel: 'error',
	});
	return require(out);
}

process.on('exit', () => { if (outDir) fs.rmSync(outDir, { recursive: true, force: true }); });
