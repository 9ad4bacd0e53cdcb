/*
 * tests/lib/openrpc.mjs: protocol/openrpc.json as ajv validators.
 *
 *   import { doc, resultValidator, assertResult, assertError } from '../lib/openrpc.mjs';
 *   assertResult('status', await conn.sendRequest('status'));  // throws with ajv's errors
 *   assertError(reply.error, -32602, 'invalid_params');
 *
 * Schemas are compiled in place inside the document (a $ref to
 * #/methods/N/result/schema), so their #/components/... references resolve
 * as any OpenRPC tool resolves them.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { SRC } from './agent.mjs';

export const doc = JSON.parse(fs.readFileSync(path.join(SRC, 'protocol/openrpc.json'), 'utf8'));

const DOC_ID = 'urn:airunner:openrpc';
/* strict: false because the document itself is not a JSON Schema (it has
 * openrpc, methods, ...); the schemas inside are compiled strictly by
 * openrpc.test.mjs. */
export const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema(doc, DOC_ID);

const cache = new Map();

function compilePointer(pointer) {
	if (!cache.has(pointer))
		cache.set(pointer, ajv.compile({ $ref: `${DOC_ID}#${pointer}` }));
	return cache.get(pointer);
}

export function method(name) {
	const i = doc.methods.findIndex((m) => m.name === name);
	assert.ok(i >= 0, `${name} is not in protocol/openrpc.json`);
	return { index: i, spec: doc.methods[i] };
}

export function resultValidator(name) {
	return compilePointer(`/methods/${method(name).index}/result/schema`);
}

export function schemaValidator(component) {
	return compilePointer(`/components/schemas/${component}`);
}

function check(validate, value, what) {
	assert.ok(validate(value), `${what} does not match protocol/openrpc.json: ` +
		  `${ajv.errorsText(validate.errors)}\n${JSON.stringify(value)}`);
}

export function assertResult(name, value) {
	check(resultValidator(name), value, `result of ${name}`);
	return value;
}

/* err: a JSON-RPC error object (or vscode-jsonrpc's ResponseError). */
export function assertError(err, code, kind) {
	const e = { code: err.code, message: err.message, data: err.data };
	check(schemaValidator('ErrorObject'), e, 'error');
	assert.equal(e.code, code, `error code (${e.message})`);
	assert.equal(e.data.kind, kind, `error kind (${e.message})`);
	return e;
}
