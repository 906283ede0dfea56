// The Android transport for real: utssdk/app-android/*.kt compiled with kotlinc, running on the JVM against OkHttp
// and server/ over loopback, with the shared engine (common/connection.uts) on top in Node.
// What only a device adds: the main-looper Executor, the WebView cookie store and UTS's Kotlin output (index.uts).
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startEventSource, Platform } from '../uni_modules/connect-event-source/utssdk/common/connection.uts'
import { createJsDecoder } from '../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
import { startJvmTransport } from './support/jvm-transport.mjs'
import { runScenario } from './support/scenario-runner.mjs'
import { sharedScenarios } from './support/scenarios.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'
import { refusedUrl, startSilentServer } from './support/tcp.mjs'

let jvm, srv, silent, refused, connectEventSource
beforeAll(async () => {
  jvm = await startJvmTransport()
  srv = await startServer()
  silent = await startSilentServer()
  refused = await refusedUrl()
  const platform = new Platform(jvm.openTransport, createJsDecoder)
  connectEventSource = (options) => startEventSource(options, platform)
}, 120000)
afterAll(async () => {
  await jvm?.close()
  await srv?.close()
  await silent?.close()
})

describe('shared scenarios (engine in Node, Android OkHttp transport on the JVM)', () => {
  for (const s of sharedScenarios()) {
    test.concurrent(s.name, async () => {
      const key = uniqueKey('android')
      const ctx = { base: srv.url, key, expect, requests: async () => srv.requests(key), silentUrl: silent.url, refusedUrl: refused }
      const result = await runScenario(connectEventSource, s.spec(ctx))
      await s.check(result, ctx)
    })
  }
})

/** Runs one raw transport call to its end and returns every line with its arrival time. */
function call(request, mode = 'bytes', until = (kind) => kind === 'end' || kind === 'fail') {
  const lines = []
  let handle
  const done = new Promise((resolve) => {
    handle = jvm.start(request, mode, (kind, fields, at) => {
      lines.push({ kind, fields, at })
      if (until(kind, lines)) resolve(lines)
    })
  })
  return { handle, done, lines }
}
const get = (url, headers = {}) => ({ url, method: 'GET', headers: new Map(Object.entries(headers)), body: null, withCredentials: false })
const bytesOf = (lines) => Buffer.concat(lines.filter((l) => l.kind === 'bytes').map((l) => Buffer.from(l.fields[0], 'base64')))
const headOf = (lines) => {
  const head = lines.find((l) => l.kind === 'response')
  const headers = {}
  for (const pair of head.fields.slice(1)) {
    const [n, v] = pair.split(':').map((x) => (x === '-' ? '' : Buffer.from(x, 'base64').toString('utf8')))
    headers[n] = v
  }
  return { status: Number(head.fields[0]), headers }
}

describe('Android transport contract (OkHttp on the JVM)', () => {
  test('bytes arrive as the server writes them, not at the end', async () => {
    const url = scenarioUrl(srv.url, { body: 'data: 1\n\ndata: 2\n\ndata: 3\n\n', chunk: 9, delay: 400 })
    const t0 = Date.now()
    const lines = await call(get(url)).done
    const chunks = lines.filter((l) => l.kind === 'bytes')
    expect(lines.map((l) => l.kind)).toEqual(['response', ...chunks.map(() => 'bytes'), 'end'])
    expect(bytesOf(lines).toString()).toBe('data: 1\n\ndata: 2\n\ndata: 3\n\n')
    // Three writes 400 ms apart (the last at ~800 ms): the first must reach the listener before the last is written.
    expect(chunks.length).toBeGreaterThanOrEqual(3)
    expect(chunks[0].at - t0).toBeLessThan(700)
    expect(chunks[chunks.length - 1].at - chunks[0].at).toBeGreaterThanOrEqual(600)
  })

  test('abort mid-stream: no callback after it, and the server sees the connection close', async () => {
    let closedAt = 0
    let ticks = 0
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      const timer = setInterval(() => res.write(`data: ${++ticks}\n\n`), 30)
      res.on('close', () => { clearInterval(timer); closedAt = Date.now() })
    })
    await new Promise((r) => server.listen(0, '127.0.0.1', r))
    try {
      const c = call(get(`http://127.0.0.1:${server.address().port}/`), 'bytes', (kind, ls) => ls.filter((l) => l.kind === 'bytes').length >= 3)
      await c.done
      const abortedAt = Date.now()
      c.handle.abort()
      await expect.poll(() => closedAt, { timeout: 3000 }).toBeGreaterThan(0)
      await new Promise((r) => setTimeout(r, 300))
      const kinds = c.lines.map((l) => l.kind)
      // Nothing after 'aborted', and no terminal callback at all: after abort() the transport reports nothing.
      expect(kinds[kinds.length - 1]).toBe('aborted')
      expect(kinds).not.toContain('end')
      expect(kinds).not.toContain('fail')
      expect(closedAt - abortedAt).toBeLessThan(2000)
    } finally {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    }
  })

  test('abort from inside the last onText (decoder flush of an incomplete sequence): no onEnd after it', async () => {
    // The bridge aborts inside its first text callback, on the delivery thread, as the engine would.
    const url = srv.url + '/scenario?body64=' + Buffer.from([0xe4]).toString('base64url')
    const c = call(get(url), 'text-abort', (kind) => kind === 'aborted')
    await c.done
    await new Promise((r) => setTimeout(r, 300))
    expect(c.lines.map((l) => l.kind)).toEqual(['response', 'text', 'aborted'])
    expect(Buffer.from(c.lines[1].fields[0], 'base64').toString()).toBe('\uFFFD')
  })

  test('a 401 answer delivers status, headers and its body, then ends', async () => {
    const request = { ...get(srv.url + '/v1/chat/completions'), method: 'POST', body: '{"stream":true}', headers: new Map([['Content-Type', 'application/json']]) }
    const lines = await call(request).done
    expect(lines.map((l) => l.kind)).toEqual(['response', ...lines.filter((l) => l.kind === 'bytes').map(() => 'bytes'), 'end'])
    const { status, headers } = headOf(lines)
    expect(status).toBe(401)
    expect(headers['content-type']).toMatch(/application\/json/)
    expect(JSON.parse(bytesOf(lines).toString()).error.code).toBe('invalid_api_key')
  })

  test('request goes out as given: method, body bytes, Content-Type untouched; response header names lower-cased and joined', async () => {
    const key = uniqueKey('android-req')
    const url = scenarioUrl(srv.url, { key, body: 'data: x\n\n', header: ['X-Dup:a', 'X-Dup:b'] })
    const request = { url, method: 'PATCH', headers: new Map([['Content-Type', 'text/plain'], ['X-Token', 'abc']]), body: '你好 body', withCredentials: false }
    const lines = await call(request).done
    expect(headOf(lines).headers['x-dup']).toBe('a, b')
    const [req] = srv.requests(key)
    expect(req.method).toBe('PATCH')
    expect(req.headers['content-type']).toBe('text/plain')
    expect(req.headers['x-token']).toBe('abc')
    expect(req.body).toBe('你好 body')
  })

  test('more streams to one host than OkHttp\'s async per-host limit (5) all open at once', async () => {
    const calls = Array.from({ length: 8 }, () => call(get(scenarioUrl(srv.url, { body: 'data: open\n\n', end: 'hold' })), 'bytes', (kind) => kind === 'bytes'))
    const all = await Promise.all(calls.map((c) => c.done))
    expect(all.every((lines) => headOf(lines).status === 200)).toBe(true)
    for (const c of calls) c.handle.abort()
  })

  test('a fast server and a busy main thread: reads are coalesced and bounded (1 MiB), nothing is lost', async () => {
    // 8 MiB in 1 KiB writes as fast as the socket takes them, while the delivery thread is blocked for 1 s.
    const total = 8 << 20
    const piece = Buffer.alloc(1024, 'a')
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      let sent = 0
      const pump = () => {
        while (sent < total) {
          sent += piece.length
          if (!res.write(piece)) return res.once('drain', pump)
        }
        res.end()
      }
      pump()
    })
    await new Promise((r) => server.listen(0, '127.0.0.1', r))
    try {
      jvm.stall(1000)
      const { done } = call(get(`http://127.0.0.1:${server.address().port}/`))
      const lines = await done
      const chunks = lines.filter((l) => l.kind === 'bytes').map((l) => Buffer.from(l.fields[0], 'base64').length)
      expect(chunks.reduce((a, b) => a + b, 0)).toBe(total)
      expect(lines.at(-1).kind).toBe('end')
      // One task per pending chunk, not one per socket read (thousands of them while the thread was blocked) ...
      expect(chunks.length).toBeLessThan(200)
      // ... and the reader waits once 1 MiB is undelivered (plus at most one 8 KiB read).
      expect(Math.max(...chunks)).toBeLessThanOrEqual((1 << 20) + 8192)
    } finally {
      server.close()
    }
  }, 30000)

  test('network failure before any response is one onFail', async () => {
    const lines = await call(get(refused)).done
    expect(lines.map((l) => l.kind)).toEqual(['fail'])
    expect(Buffer.from(lines[0].fields[0], 'base64').toString()).toMatch(/Connect|refused/i)
  })

  test('Kotlin UTF-8 decoder equals TextDecoder (WHATWG) on random bytes in random chunks', async () => {
    let seed = 12345
    const rand = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n }
    const interesting = [0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xa0, 0xed, 0x9f, 0xef, 0xf0, 0x90, 0xf4, 0x8f, 0xf5, 0xff, 0xfe, 0xbb, 0xef]
    for (let round = 0; round < 200; round++) {
      const bytes = Uint8Array.from({ length: rand(40) }, () => (rand(3) === 0 ? rand(256) : interesting[rand(interesting.length)]))
      const chunks = []
      for (let at = 0; at < bytes.length;) { const n = rand(5); chunks.push(bytes.subarray(at, at + n)); at += n }
      const expected = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
      expect(await jvm.decodeUtf8(chunks), `bytes ${Buffer.from(bytes).toString('hex')}`).toBe(expected)
    }
    // Where java.nio's decoder differs from WHATWG: an encoded surrogate is three U+FFFD, not one.
    expect(await jvm.decodeUtf8([Buffer.from([0xed, 0xa0]), Buffer.from([0x80, 0x41])])).toBe('\uFFFD\uFFFD\uFFFDA')
  })

  test('abort inside onResponse while the body and its end are already queued behind it: nothing is delivered after it', async () => {
    // The delivery thread (Android: the main thread) is busy, so onResponse, onBytes and onEnd all queue up before
    // the first runs; the abort made inside onResponse must drop the two queued after it.
    jvm.stall(1000)
    const c = call(get(scenarioUrl(srv.url, { body: 'data: 1\n\ndata: 2\n\n' })), 'bytes-abort', (kind) => kind === 'aborted')
    await c.done
    await new Promise((r) => setTimeout(r, 300))
    expect(c.lines.map((l) => l.kind)).toEqual(['response', 'aborted'])
  })

  test('no callback line ever followed an abort in this whole file, its own aborts included', async () => {
    // Runs last in the file (tests are sequential here; the concurrent scenarios above finished before). It makes
    // its own aborts of every kind, so the check does not rest on what earlier tests happened to provoke:
    // from Node mid-stream, inside onResponse with callbacks queued, inside the first onText.
    const mid = call(get(scenarioUrl(srv.url, { body: 'data: 1\n\n'.repeat(50), chunk: 9, delay: 20 })), 'bytes', (kind) => kind === 'bytes')
    await mid.done
    mid.handle.abort()
    jvm.stall(500)
    const queued = call(get(scenarioUrl(srv.url, { body: 'data: 2\n\n' })), 'bytes-abort', (kind) => kind === 'aborted')
    const inText = call(get(scenarioUrl(srv.url, { body: 'data: 3\n\n' })), 'text-abort', (kind) => kind === 'aborted')
    await Promise.all([queued.done, inText.done])
    await new Promise((r) => setTimeout(r, 500))
    for (const c of [mid, queued, inText]) expect(jvm.abortedIds.has(c.handle.id)).toBe(true)
    expect(jvm.abortedIds.size).toBeGreaterThanOrEqual(3)
    expect(jvm.violations).toEqual([])
  })
})
