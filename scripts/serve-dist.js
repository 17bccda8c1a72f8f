#!/usr/bin/env node
/**
 * Tiny static file server for end-to-end tests: serves dist/ on 127.0.0.1 over plain HTTP.
 * No dependencies beyond node:http.
 *
 *   node scripts/serve-dist.js [--port 8080] [--dir dist]     (PORT env also works; --port 0 = any free port)
 *
 * Prints one line `serving <dir> at http://127.0.0.1:<port>/` once listening, so a harness can wait for
 * it and read the port. Also usable from Node: `const { startServer } = require('./scripts/serve-dist')`.
 */
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Map a request path to a file inside root, or null when it escapes root or is malformed. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  if (decoded === '/' || decoded === '') decoded = '/taskpane.html';
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

function createHandler(root) {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return;
    }
    const file = resolveInside(root, req.url || '/');
    if (!file) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('bad path\n');
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('not found\n');
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-cache',
        'Access-Control-Allow-Origin': '*',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      fs.createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    });
  };
}

/**
 * Start serving. Resolves with { server, port, url, close() } once listening.
 * @param {{ root?: string, port?: number, host?: string }} [opts]
 */
function startServer(opts = {}) {
  const root = path.resolve(opts.root || path.join(__dirname, '..', 'dist'));
  const host = opts.host || '127.0.0.1';
  const port = opts.port === undefined ? 8080 : opts.port;
  if (!fs.existsSync(path.join(root, 'taskpane.html'))) {
    return Promise.reject(
      new Error(`${root} has no taskpane.html; build first (npx webpack --mode production, or --env e2e for dist-e2e/)`),
    );
  }
  const server = http.createServer(createHandler(root));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({
        server,
        port: actual,
        url: `http://${host}:${actual}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

function parseArgs(argv) {
  const out = { port: process.env.PORT ? Number(process.env.PORT) : 8080, root: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === '--port' || a === '-p') out.port = Number(argv[(i += 1)]);
    else if (a.startsWith('--port=')) out.port = Number(a.slice('--port='.length));
    else if (a === '--dir') out.root = argv[(i += 1)];
    else if (a.startsWith('--dir=')) out.root = a.slice('--dir='.length);
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/serve-dist.js [--port N] [--dir DIR]');
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) throw new Error(`bad port: ${out.port}`);
  return out;
}

if (require.main === module) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(err.message);
    process.exit(2);
  }
  startServer(args).then(
    ({ url, close }) => {
      console.log(
        `serving ${path.relative(process.cwd(), path.resolve(args.root || path.join(__dirname, '..', 'dist'))) || '.'} at ${url}`,
      );
      const stop = () => close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}

module.exports = { startServer, resolveInside };
