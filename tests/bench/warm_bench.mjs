/*
 * Warm verification of a one-file change on a real TypeScript project (the
 * 251 TypeScript sources rxjs ships under src/, from the npm registry),
 * against what lint-staged runs for the same commit: `npx tsc --noEmit`
 * plus `npx eslint` on the staged files (typescript-eslint's recommended
 * rules), in the same run. airunner two ways: with its resident workers
 * (the default: tsc and eslint kept loaded per work tree), and with the
 * previous warm path (AIRUNNER_RESIDENT_MAX=0: one-shot tools with tsc's
 * build info and eslint's cache kept per work tree). Also airunner cold (no
 * worker, no tool state) for scale.
 *
 *   (cd tests/bench/warm && npm ci)
 *   node tests/bench/warm_bench.mjs [--edits N]
 *
 * Target (issue 13): at least 5x faster than the peer.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startAgent, tmpDir, SRC } from '../lib/agent.mjs';

const arg = process.argv.indexOf('--edits');
const EDITS = arg > 0 ? Number(process.argv[arg + 1]) : 5;
const nm = path.join(SRC, 'tests/bench/warm/node_modules');
if (!fs.existsSync(path.join(nm, 'rxjs/src')) || !fs.existsSync(path.join(nm, 'typescript-eslint')))
	throw new Error('run `npm ci` in tests/bench/warm first');
const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b',
		 GIT_COMMITTER_EMAIL: 'b@b', GIT_CONFIG_NOSYSTEM: '1' };
const git = (dir, ...a) => execFileSync('git', a, { cwd: dir, env: gitEnv, encoding: 'utf8' });

function makeRepo() {
	const dir = tmpDir('airunner-warm-bench-');
	fs.cpSync(path.join(nm, 'rxjs/src'), path.join(dir, 'src'), { recursive: true });
	for (const f of fs.readdirSync(path.join(dir, 'src')))
		if (f.startsWith('tsconfig') || f.endsWith('.js'))
			fs.rmSync(path.join(dir, 'src', f));
	fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
		compilerOptions: {
			strict: true, noEmit: true, target: 'es2015', module: 'esnext', moduleResolution: 'node',
			lib: ['es2018', 'dom'], downlevelIteration: true, skipLibCheck: true,
			noImplicitReturns: true, noFallthroughCasesInSwitch: true,
		},
		include: ['src'], exclude: ['src/internal/umd.ts'],
	}, null, 2));
	fs.writeFileSync(path.join(dir, 'eslint.config.mjs'),
		"import tseslint from 'typescript-eslint';\nexport default tseslint.config(...tseslint.configs.recommended, "
		+ "{ rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unused-vars': 'off', "
		+ "'@typescript-eslint/no-empty-object-type': 'off', '@typescript-eslint/no-unsafe-function-type': 'off', "
		+ "'@typescript-eslint/no-this-alias': 'off', 'prefer-rest-params': 'off', 'prefer-spread': 'off', "
		+ "'@typescript-eslint/no-namespace': 'off', 'no-prototype-builtins': 'off', 'no-var': 'off' } });\n");
	fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"bench","private":true,"type":"module"}\n');
	fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n.airunner\n');
	fs.symlinkSync(nm, path.join(dir, 'node_modules'));
	git(dir, 'init', '-q');
	git(dir, 'add', '-A');
	git(dir, 'commit', '-qm', 'rxjs');
	return dir;
}

const FILE = 'src/internal/operators/map.ts';
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/* lint-staged's way: the whole type check, then eslint on the staged files. */
function peer(dir, files) {
	const t0 = process.hrtime.bigint();
	const tsc = spawnSync('npx', ['--no-install', 'tsc', '--noEmit'], { cwd: dir, encoding: 'utf8' });
	const es = spawnSync('npx', ['--no-install', 'eslint', ...files], { cwd: dir, encoding: 'utf8' });
	const ms = Number(process.hrtime.bigint() - t0) / 1e6;
	return { ms, tscErrors: (tsc.stdout.match(/error TS\d+/g) ?? []).length, eslintExit: es.status };
}

const dir = makeRepo();
const state = tmpDir('airunner-warm-bench-state-');
const stateOld = tmpDir('airunner-warm-bench-state-');
const agent = await startAgent({ env: { AIRUNNER_LOG: 'error', XDG_STATE_HOME: state } });
const agentOld = await startAgent({ env: { AIRUNNER_LOG: 'error', XDG_STATE_HOME: stateOld, AIRUNNER_RESIDENT_MAX: '0' } });
try {
	const conns = [await agent.client(dir), await agentOld.client(dir)];
	const verify = async (which = 0) => {
		const t0 = process.hrtime.bigint();
		const r = await conns[which].sendRequest('verify/run', { root: dir, staged: true, checks: ['tsc', 'eslint'] });
		const ms = Number(process.hrtime.bigint() - t0) / 1e6;
		if (r.cached) throw new Error('answered from the cache');
		const tsc = r.checks.find((c) => c.name === 'tsc');
		return { ms, tscErrors: tsc.diagnostics.filter((d) => d.severity === 'error').length,
			 status: r.checks.map((c) => `${c.name} ${c.status} ${c.durationMs} ms`).join(', ') };
	};
	const src = fs.readFileSync(path.join(dir, FILE), 'utf8');
	const edit = (i) => {
		/* A change inside the module, as most commits are: its API (and so
		 * what its importers see) stays. */
		fs.writeFileSync(path.join(dir, FILE), `${src}\nconst edit${i}: number = ${i};\nvoid edit${i};\n`);
		git(dir, 'add', FILE);
	};
	/* The first verification of the work tree is cold: it starts the
	 * workers (or makes the tools' state). */
	edit(0);
	const cold = await verify(0);
	console.log(`airunner first run (workers start): ${cold.ms.toFixed(0)} ms (${cold.status})`);
	const coldOld = await verify(1);
	console.log(`airunner previous warm path, first run (no tool state): ${coldOld.ms.toFixed(0)} ms (${coldOld.status})`);
	const warm = [], warmOld = [], lint = [];
	for (let i = 1; i <= EDITS; i++) {
		edit(i);
		const w = await verify(0);
		const o = await verify(1);
		const p = peer(dir, [FILE]);
		if (w.tscErrors !== p.tscErrors || o.tscErrors !== p.tscErrors)
			throw new Error(`tsc errors differ: airunner ${w.tscErrors} (previous ${o.tscErrors}), tsc ${p.tscErrors}`);
		warm.push(w.ms);
		warmOld.push(o.ms);
		lint.push(p.ms);
		console.log(`edit ${i}: airunner resident ${w.ms.toFixed(0)} ms (${w.status}); `
			    + `previous warm ${o.ms.toFixed(0)} ms; `
			    + `npx tsc --noEmit + npx eslint ${p.ms.toFixed(0)} ms (tsc errors ${p.tscErrors})`);
	}
	/* Cold, for scale: no worker (the previous path's agent) and its
	 * tools' state removed. */
	fs.rmSync(path.join(stateOld, 'airunner/tools'), { recursive: true, force: true });
	edit(EDITS + 1);
	const coldAgain = (await verify(1)).ms;
	console.log(`median: airunner resident ${median(warm).toFixed(0)} ms, previous warm ${median(warmOld).toFixed(0)} ms, `
		    + `peer ${median(lint).toFixed(0)} ms, airunner cold ${coldAgain.toFixed(0)} ms`);
	console.log(`ratio peer / airunner resident: ${(median(lint) / median(warm)).toFixed(1)}x; `
		    + `peer / previous warm: ${(median(lint) / median(warmOld)).toFixed(1)}x; `
		    + `previous warm / resident: ${(median(warmOld) / median(warm)).toFixed(1)}x`);
	console.log(`load average: ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
} finally {
	await agent.cleanup();
	await agentOld.cleanup();
	fs.rmSync(dir, { recursive: true, force: true });
	fs.rmSync(state, { recursive: true, force: true });
	fs.rmSync(stateOld, { recursive: true, force: true });
}
