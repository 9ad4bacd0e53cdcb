/*
 * protocol/openrpc.json itself: a valid OpenRPC document whose schemas
 * compile strictly, whose examples match their own schemas, and which
 * documents exactly the methods the agent advertises (and their error codes).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import metaSchema from '@open-rpc/meta-schema';
import { initialize, SRC, startAgent } from '../lib/agent.mjs';
import { ajv, doc, method, resultValidator } from '../lib/openrpc.mjs';

test('the document is valid against the OpenRPC meta-schema', () => {
	/* The meta-schema points at an online JSON Schema meta-schema for schema
	 * objects; those are checked by compiling them strictly (below), so here
	 * they only need to be objects. */
	const text = JSON.stringify(metaSchema.default ?? metaSchema)
		.replaceAll('{"$ref":"https://meta.json-schema.tools/#/definitions/JSONSchemaObject/properties/$ref"}', '{"type":"string"}')
		.replaceAll('{"$ref":"https://meta.json-schema.tools"}', '{"type":["object","boolean"]}');
	assert.ok(!text.includes('meta.json-schema.tools"'), 'every external reference replaced');
	const meta = JSON.parse(text);
	delete meta.$schema;
	const v = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false }).compile(meta);
	assert.ok(v(doc), ajv.errorsText(v.errors));
	assert.equal(doc.openrpc, '1.2.6');
});

/* Every schema in the document, with a JSON pointer to it. */
function* schemas() {
	for (const [i, m] of doc.methods.entries()) {
		for (const [j, p] of m.params.entries())
			yield [`/methods/${i}/params/${j}/schema`, p.schema];
		yield [`/methods/${i}/result/schema`, m.result.schema];
	}
	for (const name of Object.keys(doc.components.schemas))
		yield [`/components/schemas/${name}`, doc.components.schemas[name]];
}

test('every schema compiles in strict mode', () => {
	const strict = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
	/* Strict about keywords; $refs into components resolve through a copy
	 * of the components under a neutral id. */
	const rewrite = (x) => JSON.parse(JSON.stringify(x).replaceAll('"#/components/schemas/', '"urn:airunner:components#/$defs/'));
	strict.addSchema(rewrite({ $id: 'urn:airunner:components', $defs: doc.components.schemas }));
	for (const [ptr, s] of schemas()) {
		assert.doesNotThrow(() => strict.compile(rewrite(s)), ptr);
	}
});

test('every example matches its method\'s params and result schemas', () => {
	for (const m of doc.methods) {
		assert.ok(m.examples?.length >= 1, `${m.name} has an example`);
		for (const ex of m.examples) {
			for (const p of ex.params) {
				const j = m.params.findIndex((q) => q.name === p.name);
				assert.ok(j >= 0, `${m.name} example names a documented param ${p.name}`);
				const v = ajv.compile({ $ref: `urn:airunner:openrpc#/methods/${method(m.name).index}/params/${j}/schema` });
				assert.ok(v(p.value), `${m.name} example param ${p.name}: ${ajv.errorsText(v.errors)}`);
			}
			const v = resultValidator(m.name);
			assert.ok(v(ex.result.value), `${m.name} example result: ${ajv.errorsText(v.errors)}`);
		}
	}
});

test('every error a method names has a JSON-RPC code and a data.kind; the README lists each kind', () => {
	const readme = fs.readFileSync(path.join(SRC, 'protocol/README.md'), 'utf8');
	const errors = doc.components.errors;
	for (const m of doc.methods) {
		for (const e of m.errors) {
			const ref = /^#\/components\/errors\/(\w+)$/.exec(e.$ref ?? '');
			const err = ref ? errors[ref[1]] : e;
			assert.ok(err, `${m.name}: ${JSON.stringify(e)} resolves`);
			assert.ok(Number.isInteger(err.code), `${m.name}: code`);
			assert.match(err.data.kind, /^[a-z_]+$/);
		}
	}
	for (const [name, err] of Object.entries(errors))
		assert.ok(readme.includes(`\`${err.data.kind}\``), `README names kind ${err.data.kind} (${name})`);
});

test('every error kind of agent/util/err_kinds.h is in the README with its code, and no kind is left out', () => {
	const readme = fs.readFileSync(path.join(SRC, 'protocol/README.md'), 'utf8');
	const table = fs.readFileSync(path.join(SRC, 'agent/util/err_kinds.h'), 'utf8');
	const rows = [...table.matchAll(/^ERR_KIND\((ERR_\w+), "([a-z_]+)", (-\d+)\)$/gm)];
	assert.ok(rows.length >= 20, 'read the table in err_kinds.h');
	const names = new Set();
	for (const [, , kind, code] of rows) {
		assert.ok(!names.has(kind), `kind ${kind} is in the table once`);
		names.add(kind);
		assert.match(readme, new RegExp(`\\| \`${kind}\` \\| ${code} \\|`), `README row for ${kind} (${code})`);
	}
	// And the other way: a README row for a kind the agent does not know is stale.
	for (const [, kind] of readme.matchAll(/^\| `([a-z_]+)` \| -\d+ \|/gm))
		assert.ok(names.has(kind), `README kind ${kind} is in err_kinds.h`);
});

test('the document lists exactly the methods the agent serves', async (t) => {
	const agent = await startAgent({ transport: 'stdio' });
	t.after(() => agent.cleanup());
	const init = await initialize(await agent.connect());
	const documented = doc.methods.filter((m) => !m['x-test-only']).map((m) => m.name).sort();
	assert.deepEqual([...init.capabilities.methods].sort(), documented);
	const notes = (doc['x-notifications'] ?? []).map((n) => n.name).sort();
	assert.deepEqual([...init.capabilities.notifications].sort(), notes);
});
