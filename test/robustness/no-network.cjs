'use strict';
// Preloaded (NODE_OPTIONS=--require) into a child process that runs the scan: every way Node
// has to reach the network throws, and says so on stderr in case the caller swallows the error.
// test/robustness/readonly.test.ts checks that the scan still succeeds and that nothing tried.

const marker = 'PHI-TEST-NETWORK-ATTEMPT';

function blocked(what) {
  return function () {
    process.stderr.write(`${marker} ${what}\n`);
    throw new Error(`network access blocked by the test preload: ${what}`);
  };
}

const net = require('node:net');
net.Socket.prototype.connect = blocked('net.Socket.prototype.connect');
net.connect = blocked('net.connect');
net.createConnection = blocked('net.createConnection');

const tls = require('node:tls');
tls.connect = blocked('tls.connect');

for (const name of ['node:http', 'node:https']) {
  const mod = require(name);
  mod.request = blocked(`${name}.request`);
  mod.get = blocked(`${name}.get`);
}

const http2 = require('node:http2');
http2.connect = blocked('http2.connect');

const dgram = require('node:dgram');
dgram.createSocket = blocked('dgram.createSocket');

const dns = require('node:dns');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'lookupService']) {
  dns[name] = blocked(`dns.${name}`);
  dns.promises[name] = blocked(`dns.promises.${name}`);
}

globalThis.fetch = blocked('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = blocked('WebSocket');

// Named ESM imports of the built-ins (`import { request } from 'node:https'`) see the patches too.
require('node:module').syncBuiltinESMExports();

module.exports = { marker };
