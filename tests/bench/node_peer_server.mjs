/*
 * The peer for rpc_bench.mjs: a vscode-jsonrpc server in Node on a Unix
 * socket, answering initialize and a status-shaped request as the agent does.
 * Usage: node node_peer_server.mjs SOCKET   (prints "ready" when listening)
 */
import fs from 'node:fs';
import net from 'node:net';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const path = process.argv[2];
const started = Date.now();
let connections = 0, inFlight = 0, total = 0;

fs.rmSync(path, { force: true });
const server = net.createServer((sock) => {
	const conn = createMessageConnection(new StreamMessageReader(sock), new StreamMessageWriter(sock));
	connections++;
	conn.onRequest('initialize', () => ({
		protocolVersion: '1.0', serverInfo: { name: 'node-peer', version: '1' },
		capabilities: { methods: ['initialize', 'status'], notifications: [] },
	}));
	conn.onRequest('status', () => {
		total++;
		return { version: '1', pid: process.pid, uptimeMs: Date.now() - started, transport: 'socket',
			 socket: path, connections, requestsInFlight: inFlight, requestsTotal: total };
	});
	conn.onClose(() => { connections--; });
	sock.on('error', () => conn.dispose());
	conn.listen();
});
server.listen(path, () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
