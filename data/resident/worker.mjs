// airunner's resident check worker: one per work tree and tool (tsc or
// eslint), started and kept by the agent (agent/verify/resident.c), so a
// commit's check does not pay for starting node, loading the tool and
// parsing the whole project again.
//
//   node worker.mjs tsc|eslint ROOT
//
// It loads the PROJECT'S OWN tool, resolved from ROOT as npx resolves it,
// and answers requests, one at a time, one JSON object a line on stdin:
//
//   {"id": 1, "dir": "/where/the/content/is", "files": ["src/a.ts", ...]}
//
// dir is ROOT when the work tree holds what is checked, else the agent's
// checkout of the index: the staged content is what is checked, never the
// work tree's. The eslint worker is asked only with dir = ROOT: plugins keep
// state by where their config was loaded from (typescript-eslint infers its
// tsconfigRootDir from it, and refuses two), so a checkout's run is
// one-shot. Each answer is one line on stdout, after the marker below
// (anything else on the pipe, a plugin's console.log, is not an answer):
//
//   {"id": 1, "exit": 2, "output": "src/a.ts(3,5): error TS2322: ..."}
//   {"id": 1, "unavailable": "why", "retry": false}
//      -> the agent runs the tool one-shot (and, without retry, does not
//         start a worker for this tool and work tree again for a while)
//
// The output is the text the one-shot command prints, byte for byte, and
// the exit code its exit code: the classification cannot tell them apart.
//
// Why a worker of our own and not tsserver: tsserver answers per file (a
// commit's verdict needs every file the change affects, which it does not
// compute), speaks positions not tsc's text, and knows nothing of eslint.
// Here the project's typescript keeps a semantic-diagnostics builder
// program: each request reads the files again (from dir), keeps the parsed
// and bound source of every file whose text is the same, and re-checks only
// the files the changed ones affect; the answer comes from tsc's own
// reporting function, so it is what `tsc --noEmit --pretty false` prints.
//
// Stale state costs time only: a source file is reused only when its text
// is the same string; a changed install (node_modules/.package-lock.json,
// the tool's package.json) or a changed project file that node loaded as
// code (an eslint config, and what it imports) makes the worker answer
// "unavailable" and exit, and the agent starts a fresh one next time.
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL, fileURLToPath } from 'node:url';

const MARK = '\u0001airunner-worker ';
const [tool, ROOT] = process.argv.slice(2);

// Our answers go to fd 1 whole; what the tool or a plugin prints goes to
// stderr (the same pipe, not an answer).
const stderr = (...a) => fs.writeSync(2, `${a.join(' ')}\n`);
console.log = console.info = console.warn = console.error = console.debug = stderr;
process.stdout.write = (s) => { fs.writeSync(2, String(s)); return true; };
process.removeAllListeners('warning');

function answer(obj) {
	fs.writeSync(1, `${MARK}${JSON.stringify(obj)}\n`);
}

const sha = (s) => createHash('sha256').update(s).digest('hex');
const projectRequire = createRequire(path.join(ROOT, 'package.json'));

// The install the worker was started on. Another one: start again.
function installMark() {
	const marks = [path.join(ROOT, 'node_modules'), path.join(ROOT, 'node_modules/.package-lock.json')];
	try {
		marks.push(projectRequire.resolve(`${tool === 'tsc' ? 'typescript' : 'eslint'}/package.json`));
	} catch { /* not installed: loading fails below */ }
	return marks.map((f) => {
		try {
			const s = fs.statSync(f);
			return `${f}\t${s.size}\t${s.mtimeMs}\t${s.ino}`;
		} catch {
			return `${f}\t-`;
		}
	}).join('\n');
}
const startMark = installMark();

// ---- tsc ----

let ts, builder, sources = new Map();

// A path the program knows (under ROOT) as read from dir.
function mapper(dir) {
	if (dir === ROOT) return (p) => p;
	const nm = path.join(ROOT, 'node_modules');
	return (p) => (p === ROOT || (p.startsWith(`${ROOT}/`) && !p.startsWith(`${nm}/`) && p !== nm)
		? dir + p.slice(ROOT.length) : p);
}

function tscRequest(req) {
	if (!ts) {
		ts = projectRequire('typescript');
		if (typeof ts.emitFilesAndReportErrorsAndGetExitStatus !== 'function'
		    || typeof ts.createSemanticDiagnosticsBuilderProgram !== 'function')
			throw new Unavailable(`typescript ${ts.version} lacks the functions tsc reports with`);
	}
	const map = mapper(req.dir);
	const unmap = (f) => (req.dir !== ROOT && f.startsWith(`${req.dir}/`) ? ROOT + f.slice(req.dir.length) : f);
	const sys = ts.sys;
	let out = '';
	// What tsc's command line sees: the work tree's paths, the index's
	// content; its output collected.
	const mySys = {
		...sys,
		write: (s) => { out += s; },
		readFile: (p, enc) => sys.readFile(map(p), enc),
		fileExists: (p) => sys.fileExists(map(p)),
		directoryExists: (p) => sys.directoryExists(map(p)),
		getDirectories: (p) => sys.getDirectories(map(p)),
		// The config's include and exclude specs may be absolute (under
		// ROOT): they are read in dir too, and what is found named as
		// under ROOT.
		readDirectory: (p, ext, exc, inc, depth) => sys.readDirectory(map(p), ext, exc?.map(map), inc?.map(map), depth)
			.map(unmap),
		realpath: sys.realpath && ((p) => {
			const r = sys.realpath(map(p));
			return r === req.dir ? ROOT : unmap(r);
		}),
		getCurrentDirectory: () => ROOT,
		exit: () => {},
	};
	const report = ts.createDiagnosticReporter(mySys, false);
	const cmdOptions = { noEmit: true, pretty: false };
	const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), cmdOptions, {
		...mySys,
		useCaseSensitiveFileNames: sys.useCaseSensitiveFileNames,
		onUnRecoverableConfigFileDiagnostic: report,
	});
	if (!parsed) // tsc stops there: DiagnosticsPresent_OutputsSkipped
		return { exit: ts.ExitStatus.DiagnosticsPresent_OutputsSkipped, output: out };
	const options = parsed.options;
	// tsc prints timings or writes traces for these: not ours to imitate.
	if (options.diagnostics || options.extendedDiagnostics || options.generateTrace || options.generateCpuProfile
	    || options.listFilesOnly || options.build || options.watch)
		throw new Unavailable('tsconfig asks tsc for diagnostics, traces or profiles');
	const host = ts.createCompilerHost(options);
	Object.assign(host, {
		readFile: mySys.readFile,
		fileExists: mySys.fileExists,
		directoryExists: mySys.directoryExists,
		getDirectories: mySys.getDirectories,
		realpath: mySys.realpath,
		getCurrentDirectory: () => ROOT,
	});
	// Every import resolved again: a file added since can change where
	// an unchanged file's import goes (tsc's watch mode watches the failed
	// lookups for that; we look again).
	host.hasInvalidatedResolutions = () => true;
	host.hasInvalidatedLibResolutions = () => true;
	// As tsc sets it: JSDoc parsed only where it can carry type errors.
	if (ts.JSDocParsingMode) host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
	const seen = new Map();
	host.getSourceFile = (file, langVersion, onError) => {
		let text;
		try {
			text = sys.readFile(map(file));
		} catch (e) {
			onError?.(e.message);
		}
		if (text === undefined) return undefined;
		const key = `${file}\0${JSON.stringify(langVersion)}`;
		let sf = sources.get(key);
		if (!sf || sf.text !== text) {
			sf = ts.createSourceFile(file, text, langVersion, false);
			sf.version = sha(text);
		}
		seen.set(key, sf);
		return sf;
	};
	builder = ts.createSemanticDiagnosticsBuilderProgram(parsed.fileNames, options, host, builder,
		ts.getConfigFileParsingDiagnostics(parsed), parsed.projectReferences);
	sources = seen; // what this program uses; the rest can go
	const exit = ts.emitFilesAndReportErrorsAndGetExitStatus(builder, report, (s) => mySys.write(s + sys.newLine));
	return { exit, output: out };
}

// ---- eslint ----

// Project files node loaded as code (an eslint config, what it imports,
// a local plugin), with their content when loaded: one that changed since
// makes the worker stale (node keeps the module it loaded).
const loaded = new Map();
let loadESLint, port;

async function eslintLoad() {
	const mod = await import(pathToFileURL(projectRequire.resolve('eslint')).href);
	// loadESLint picks the class the CLI picks (flat config or eslintrc,
	// as ESLINT_USE_FLAT_CONFIG and the config files say); older eslints
	// choose otherwise: one-shot for them.
	if (typeof mod.loadESLint !== 'function')
		throw new Unavailable('this eslint has no loadESLint (older than 8.57)');
	loadESLint = mod.loadESLint;
	// ES modules: a loader hook reports every file it loads; CommonJS:
	// require.cache holds them.
	const { register } = await import('node:module');
	const { MessageChannel } = await import('node:worker_threads');
	const ch = new MessageChannel();
	port = ch.port1;
	port.unref();
	const hook = `export async function initialize(d) { globalThis.p = d.port; d.port.on('message', (m) => d.port.postMessage(m)); d.port.unref(); }
export async function load(url, ctx, next) { if (url.startsWith('file:')) globalThis.p.postMessage(url); return next(url, ctx); }`;
	register(`data:text/javascript,${encodeURIComponent(hook)}`, { data: { port: ch.port2 }, transferList: [ch.port2] });
	port.on('message', (url) => {
		if (typeof url === 'string' && url.startsWith('file:')) note(fileURLToPath(url.replace(/\?.*$/, '')));
		else if (url === 'sync') port.emit('synced');
	});
}

function note(file) {
	if (loaded.has(file) || file.split(path.sep).includes('node_modules')) return;
	try {
		loaded.set(file, sha(fs.readFileSync(file)));
	} catch { /* gone already */ }
}

// Every load reported before now has arrived: the hooks' port delivers
// in order, so a round trip through it flushes it.
async function syncLoads() {
	const req = createRequire(import.meta.url);
	for (const f of Object.keys(req.cache)) note(f);
	await new Promise((resolve, reject) => {
		// No echo: the loads are not known, the worker is not to be kept.
		const t = setTimeout(() => reject(new Error('the module loader hooks did not answer')), 5000);
		port.once('synced', () => { clearTimeout(t); resolve(); });
		// The hooks' thread echoes it, behind the loads it reported.
		port.postMessage('sync');
	});
}

async function eslintRequest(req) {
	if (!loadESLint) await eslintLoad();
	// The CLI applies bulk suppressions from this file (eslint 9.24+).
	if (fs.existsSync(path.join(req.dir, 'eslint-suppressions.json')))
		throw new Unavailable('eslint-suppressions.json is applied by the CLI only');
	const ESLint = await loadESLint({ cwd: req.dir });
	const engine = new ESLint({ cwd: req.dir });
	// Type-aware linting keeps a TypeScript program of its own inside the
	// parser, whose freshness across runs is the plugin's affair: one-shot.
	for (const f of req.files) {
		const cfg = await engine.calculateConfigForFile(path.resolve(req.dir, f)).catch(() => undefined);
		const po = { ...cfg?.parserOptions, ...cfg?.languageOptions?.parserOptions };
		if (po.project || po.projectService || po.EXPERIMENTAL_useProjectService || po.programs)
			throw new Unavailable('type-aware linting (parserOptions.project or projectService)');
	}
	const results = await engine.lintFiles(req.files);
	const formatter = await engine.loadFormatter('stylish');
	const text = await formatter.format(results, {});
	await syncLoads();
	const errors = results.reduce((n, r) => n + r.errorCount, 0);
	// The CLI prints the text with console.log when there is any.
	return { exit: errors > 0 ? 1 : 0, output: text ? `${text}\n` : '' };
}

// ---- requests ----

class Unavailable extends Error {}

// Whether what the worker holds may be used: the same install, the same
// project code.
function stale() {
	if (installMark() !== startMark) return 'the installed packages changed';
	for (const [file, hash] of loaded) {
		let now;
		try {
			now = sha(fs.readFileSync(file));
		} catch {
			continue; // gone (a checkout removed): nothing can load it
		}
		if (now !== hash) return `${file} changed since it was loaded`;
	}
	return null;
}

const rl = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
rl.on('line', (line) => {
	queue = queue.then(async () => {
		let req;
		try {
			req = JSON.parse(line);
		} catch {
			answer({ id: null, unavailable: 'a request that is not JSON' });
			return;
		}
		const why = stale();
		if (why) {
			answer({ id: req.id, unavailable: why, retry: true });
			process.exit(0);
		}
		try {
			const r = tool === 'tsc' ? tscRequest(req) : await eslintRequest(req);
			answer({ id: req.id, exit: r.exit, output: r.output });
		} catch (e) {
			// Unavailable: this project's tool cannot be served, do not
			// start a worker for it again soon; else a fresh one may.
			answer({ id: req.id, unavailable: e instanceof Unavailable ? e.message : String(e?.stack ?? e),
				 retry: !(e instanceof Unavailable) });
			// A tool that threw may hold half-made state: start again.
			if (!(e instanceof Unavailable)) process.exit(0);
		}
	});
});
rl.on('close', () => process.exit(0));
