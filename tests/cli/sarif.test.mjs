// `airunner classify --format sarif` as a CI job runs it: real gcc and
// python3 output piped in, a SARIF 2.1.0 log out, validated against the
// SARIF 2.1.0 JSON schema that Microsoft ships on npm (@microsoft/jest-sarif),
// with the validator that package itself uses (ajv 6 with draft-04).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = process.env.AIRUNNER_BIN;
const require = createRequire(import.meta.url);
const sarifPkg = require.resolve('@microsoft/jest-sarif/package.json');
const schema = require(join(sarifPkg, '..', 'lib/schemas/sarif-2.1.0-rtm.5.json'));
// jest-sarif's own ajv (6: draft-04 schemas), resolved from its folder.
const Ajv = createRequire(sarifPkg)('ajv');
const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
ajv.addMetaSchema(createRequire(sarifPkg)('ajv/lib/refs/json-schema-draft-04.json'));
const validate = ajv.compile(schema);

function realLog(dir) {
	mkdirSync(join(dir, 'src#1'));
	writeFileSync(join(dir, 'src#1', 'bad.c'),
		'int main(void)\n{\n\tint unused;\n\treturn counter;\n}\n');
	writeFileSync(join(dir, 'bad.py'), 'import notamodule_xyz\n');
	const cc = spawnSync('gcc', ['-Wall', '-c', 'src#1/bad.c', '-o', '/dev/null'],
		{ cwd: dir, encoding: 'utf8' });
	const py = spawnSync('python3', [join(dir, 'bad.py')], { cwd: dir, encoding: 'utf8' });
	assert.notEqual(cc.status, 0, 'gcc must fail on the broken file');
	assert.notEqual(py.status, 0, 'python must fail on the missing module');
	return cc.stderr + py.stderr;
}

test('classify --format sarif: a valid SARIF 2.1.0 log with every diagnostic', () => {
	const dir = mkdtempSync(join(tmpdir(), 'airunner-sarif-'));
	try {
		const log = realLog(dir);
		const r = spawnSync(bin, ['classify', '--format', 'sarif'], {
			cwd: dir, input: log, encoding: 'utf8',
			env: { ...process.env, AIRUNNER_SOCKET: join(dir, 'none.sock') },
		});
		assert.equal(r.status, 1, `errors found: exit 1 (${r.stderr})`);
		const sarif = JSON.parse(r.stdout);
		assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));

		assert.equal(sarif.version, '2.1.0');
		const run = sarif.runs[0];
		assert.equal(run.tool.driver.name, 'airunner');
		assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri,
			`file://${dir}/`);
		const byRule = Object.fromEntries(run.results.map((x) => [x.ruleId, x]));

		const undef = byRule.undefined_symbol;
		assert.equal(undef.level, 'error');
		const loc = undef.locations[0].physicalLocation;
		assert.deepEqual(loc.artifactLocation,
			{ uri: 'src%231/bad.c', uriBaseId: '%SRCROOT%' });
		assert.deepEqual(loc.region, { startLine: 4, startColumn: 16 });
		assert.match(undef.message.text, /counter/);
		assert.match(undef.message.text, /\nhint: 'counter' is not declared/);
		assert.equal(undef.properties.tool, 'gcc');
		assert.equal(run.tool.driver.rules[undef.ruleIndex].id, 'undefined_symbol');

		const unused = run.results.find((x) => x.level === 'warning');
		assert.ok(unused, 'the -Wall warning is a result of level warning');
		assert.match(unused.message.text, /unused/);

		const dep = byRule.missing_dependency;
		assert.equal(dep.locations[0].physicalLocation.artifactLocation.uri,
			`file://${dir}/bad.py`, 'an absolute path is a file:// URI');
		assert.equal(dep.locations[0].physicalLocation.region.startLine, 1);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('the schema check is live: a log with a made-up level is refused', () => {
	const r = spawnSync(bin, ['classify', '--format=sarif'], {
		input: 'x.c:1:2: error: broken\n', encoding: 'utf8',
	});
	const sarif = JSON.parse(r.stdout);
	assert.ok(validate(sarif), JSON.stringify(validate.errors));
	sarif.runs[0].results[0].level = 'fatal';
	assert.equal(validate(sarif), false);
});

test('a clean log: an empty, valid SARIF log and exit 0', () => {
	const r = spawnSync(bin, ['classify', '--format', 'sarif'], {
		input: 'all good\n', encoding: 'utf8',
	});
	assert.equal(r.status, 0);
	const sarif = JSON.parse(r.stdout);
	assert.ok(validate(sarif), JSON.stringify(validate.errors));
	assert.deepEqual(sarif.runs[0].results, []);
});
