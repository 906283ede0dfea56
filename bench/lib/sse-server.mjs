// The e2e bench server, run as its own process (node bench/lib/sse-server.mjs prints {"url"} on stdout),
// so the client being measured has its event loop to itself. 127.0.0.1 only.
//   GET /clock                          server time (performance.timeOrigin + performance.now(), ms)
//   GET /throughput?n=N                 N AI chat events then `data: [DONE]`, written as fast as the socket takes them
//   GET /small?n=N                      N small events (`data: <i>`) then `data: [DONE]`, as fast as the socket takes them
//   GET /latency?n=N&interval=MS&pad=B  N events {"i","t": write time} one per interval (padded to about B bytes), then [DONE]
//   GET /page                           the Chromium page; /build/* the bundles; /lib/* bench/lib modules
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { rng } from './random.mjs'
import { aiChatEvent } from './workloads.mjs'

const libDir = fileURLToPath(new URL('./', import.meta.url))
const buildDir = fileURLToPath(new URL('../results/.build/', import.meta.url))
const now = () => performance.timeOrigin + performance.now()

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store',
  'access-control-allow-origin': '*'
}

const bodies = new Map()
/** The throughput body for n events, built once (seeded, so every client gets the same bytes). */
function throughputBody(n) {
  let body = bodies.get(n)
  if (!body) {
    const r = rng(7)
    const parts = []
    for (let i = 0; i < n; i++) parts.push(aiChatEvent(r, i))
    parts.push('data: [DONE]\n\n')
    body = Buffer.from(parts.join(''))
    bodies.set(n, body)
  }
  return body
}

/** n small events, `data: <i>` each (about 14 bytes), then [DONE]: the per-event cost of a client, not its decoding. */
function smallBody(n) {
  const key = 'small' + n
  let body = bodies.get(key)
  if (!body) {
    const parts = []
    for (let i = 0; i < n; i++) parts.push('data: ' + i + '\n\n')
    parts.push('data: [DONE]\n\n')
    body = Buffer.from(parts.join(''))
    bodies.set(key, body)
  }
  return body
}

async function writeAll(res, body) {
  const SLICE = 64 * 1024
  for (let at = 0; at < body.length && !res.destroyed; at += SLICE) {
    if (!res.write(body.subarray(at, at + SLICE))) await new Promise((r) => res.once('drain', r))
  }
  res.end()
}

function latency(res, n, interval, pad) {
  const filler = pad > 40 ? ',"pad":"' + 'x'.repeat(pad - 40) + '"' : ''
  let i = 0
  const tick = () => {
    if (res.destroyed) return
    if (i == n) {
      res.end('data: [DONE]\n\n')
      return
    }
    res.write('data: {"i":' + i++ + ',"t":' + now().toFixed(3) + filler + '}\n\n')
    setTimeout(tick, interval)
  }
  setTimeout(tick, interval)
}

const STATIC = {
  '/page': ['text/html', () => '<!doctype html><meta charset="utf-8"><title>bench</title><script src="/build/web.js"></script><script src="/build/peers.js"></script>'],
  '/build/web.js': ['text/javascript', () => readFileSync(buildDir + 'web.js')],
  '/build/peers.js': ['text/javascript', () => readFileSync(buildDir + 'peers.js')],
  '/lib/clients.mjs': ['text/javascript', () => readFileSync(libDir + 'clients.mjs')],
  '/lib/random.mjs': ['text/javascript', () => readFileSync(libDir + 'random.mjs')]
}

export function startBenchServer(port = 0) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1')
    const q = (name, dflt) => Number(url.searchParams.get(name) ?? dflt)
    if (url.pathname == '/clock') {
      res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store', 'access-control-allow-origin': '*' })
      res.end(now().toFixed(3))
    } else if (url.pathname == '/throughput') {
      res.writeHead(200, SSE_HEADERS)
      writeAll(res, throughputBody(q('n', 50000)))
    } else if (url.pathname == '/small') {
      res.writeHead(200, SSE_HEADERS)
      writeAll(res, smallBody(q('n', 1000000)))
    } else if (url.pathname == '/latency') {
      res.writeHead(200, SSE_HEADERS)
      req.socket.setNoDelay(true)
      res.flushHeaders()
      latency(res, q('n', 1000), q('interval', 1), q('pad', 200))
    } else if (url.pathname == '/favicon.ico') {
      res.writeHead(204)
      res.end()
    } else if (STATIC[url.pathname]) {
      const [type, body] = STATIC[url.pathname]
      // Cross-origin isolation gives the page a 5 us performance.now() instead of 100 us.
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' })
      res.end(body())
    } else {
      res.writeHead(404)
      res.end()
    }
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(r) }) })))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startBenchServer()
  process.stdout.write(JSON.stringify({ url }) + '\n')
}
