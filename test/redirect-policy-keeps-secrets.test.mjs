// Issue 10, item 5: one redirect policy where the plugin follows redirects itself (Node fetch with redirect
// 'manual', Android's hand-followed OkHttp hops): at most 20 hops, never https -> http, and on a hop to another
// origin only Accept, Accept-Language, Content-Language, Content-Type and Last-Event-ID go along; every other
// header the caller set (Authorization, Cookie, X-Api-Key...) is dropped. redirect: 'error' stops at the first
// redirect. A redirect not followed fails with 1830011 and is never retried.
// Cross-origin: the server on 127.0.0.1 redirects to a second server on 127.0.0.2 (both loopback).
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { connectEventSource as nodeConnect, record, sleep } from './support/engine.mjs'
import { nodeAndJvmTransports, TRANSPORT_NAMES } from './support/node-and-jvm.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'

const { transports, jvm } = nodeAndJvmTransports()
let here, there
beforeAll(async () => {
  here = await startServer()
  there = await startServer({ host: '127.0.0.2' })
})
afterAll(async () => {
  await here?.close()
  await there?.close()
})

const redirect = (base, to, status, key) => `${base}/redirect?status=${status}&to=${encodeURIComponent(to)}${key ? '&key=' + key : ''}`
const secrets = { Authorization: 'Bearer sk-secret', 'X-Api-Key': 'key-secret', Cookie: 'session=secret', 'X-Custom': 'c' }

for (const name of TRANSPORT_NAMES) {
  describe(`redirects (${name})`, () => {
    test('302 GET to another origin: credentials and custom headers dropped; Accept and Last-Event-ID kept', async () => {
      const key = uniqueKey('xo302')
      const target = scenarioUrl(there.url, { key, body: 'data: there\n\n' })
      const es = transports[name]({ url: redirect(here.url, target, 302), header: { ...secrets, 'Accept-Language': 'zh' }, lastEventId: 'L-1', maxRetries: 0 })
      const r = record(es)
      await r.closed()
      expect(r.messages()).toEqual(['there'])
      const [q] = there.requests(key)
      expect(q.method).toBe('GET')
      for (const h of ['authorization', 'x-api-key', 'x-custom']) expect(q.headers[h]).toBeUndefined()
      // Cookie: only what a cookie store holds for the new origin (none here), never the caller's header.
      expect(q.headers.cookie).toBeUndefined()
      expect(q.headers.accept).toBe('text/event-stream')
      expect(q.headers['accept-language']).toBe('zh')
      expect(q.lastEventId).toBe('L-1')
    })

    test('307 POST to another origin: method, body and Content-Type kept; secrets dropped', async () => {
      const key = uniqueKey('xo307')
      const target = scenarioUrl(there.url, { key, body: 'data: posted\n\n' })
      const es = transports[name]({ url: redirect(here.url, target, 307), method: 'POST', data: { q: 1 }, header: secrets })
      const r = record(es)
      await r.closed()
      expect(r.messages()).toEqual(['posted'])
      const [q] = there.requests(key)
      expect(q.method).toBe('POST')
      expect(q.body).toBe('{"q":1}')
      expect(q.headers['content-type']).toBe('application/json')
      for (const h of ['authorization', 'x-api-key', 'cookie', 'x-custom']) expect(q.headers[h]).toBeUndefined()
    })

    test('same-origin redirect keeps every header', async () => {
      const key = uniqueKey('so')
      const target = scenarioUrl(here.url, { key, body: 'data: same\n\n' })
      const es = transports[name]({ url: redirect(here.url, target, 307), header: secrets, maxRetries: 0 })
      const r = record(es)
      await r.closed()
      expect(r.messages()).toEqual(['same'])
      const [q] = here.requests(key)
      expect(q.headers.authorization).toBe('Bearer sk-secret')
      expect(q.headers['x-api-key']).toBe('key-secret')
      expect(q.headers.cookie).toBe('session=secret')
    })

    test('301 and 302 turn a POST into a GET without body or Content-Type; 303 turns a PUT into a GET (fetch rules)', async () => {
      for (const [status, method] of [[301, 'POST'], [302, 'POST'], [303, 'PUT']]) {
        const key = uniqueKey(`p${status}`)
        const target = scenarioUrl(here.url, { key, body: 'data: got\n\n' })
        const es = transports[name]({ url: redirect(here.url, target, status), method, data: { q: 1 } })
        const r = record(es)
        await r.closed()
        const [q] = here.requests(key)
        expect(q.method, `${status} ${method}`).toBe('GET')
        expect(q.body, `${status} ${method}`).toBe('')
        expect(q.headers['content-type'], `${status} ${method}`).toBeUndefined()
      }
    })

    test("redirect: 'error' fails with 1830011 (status, Location), never requests the target, never retries", async () => {
      const key = uniqueKey('err')
      const target = scenarioUrl(there.url, { key, body: 'data: no\n\n' })
      const es = transports[name]({ url: redirect(here.url, target, 302), redirect: 'error', retryInterval: 20 })
      const r = record(es)
      await r.closed()
      await sleep(200)
      expect(r.errors().map((e) => e[1])).toEqual([1830011])
      expect(r.errors()[0][3].status).toBe(302)
      expect(r.errors()[0][3].headers.location).toBe(target)
      expect(r.errors()[0][2]).toMatch(/not followed/)
      expect(there.requests(key)).toHaveLength(0)
    })

    test('a redirect loop stops after 20 hops with 1830011, not retried', async () => {
      let requests = 0
      const server = http.createServer((req, res) => {
        requests++
        res.writeHead(307, { Location: req.url })
        res.end()
      })
      await new Promise((r) => server.listen(0, '127.0.0.1', r))
      try {
        const es = transports[name]({ url: `http://127.0.0.1:${server.address().port}/loop`, retryInterval: 20 })
        const r = record(es)
        await r.closed()
        await sleep(200)
        expect(r.errors().map((e) => e[1])).toEqual([1830011])
        // The first request and 20 followed hops.
        expect(requests).toBe(21)
      } finally {
        server.closeAllConnections()
        await new Promise((r) => server.close(r))
      }
    })
  })
}

describe('https -> http is never followed', () => {
  test('Android nextHop: https to http refused; https to https on another origin keeps only the safelisted headers', async () => {
    const headers = { Authorization: 'Bearer x', Accept: 'text/event-stream', 'Last-Event-ID': '5' }
    expect(await jvm().nextHop({ url: 'https://a.example/sse', code: 302, location: 'http://a.example/sse', headers })).toBe(null)
    expect(await jvm().nextHop({ url: 'https://a.example/sse', code: 307, location: 'http://b.example/sse', method: 'POST', headers })).toBe(null)
    const next = await jvm().nextHop({ url: 'https://a.example/sse', code: 302, location: 'https://b.example/next', headers })
    expect(next).toEqual({ url: 'https://b.example/next', method: 'GET', headers: { Accept: 'text/event-stream', 'Last-Event-ID': '5' } })
    // http -> https is an upgrade: followed.
    expect((await jvm().nextHop({ url: 'http://a.example/', code: 301, location: 'https://a.example/', headers })).url).toBe('https://a.example/')
    // Hop 20 is the last one followed; redirect 'error' follows none; a non-http(s) Location is not followed.
    expect(await jvm().nextHop({ url: 'http://a.example/', code: 302, location: '/x', hops: 20, headers })).toBe(null)
    expect(await jvm().nextHop({ url: 'http://a.example/', code: 302, location: '/x', hops: 19, headers })).not.toBe(null)
    expect(await jvm().nextHop({ url: 'http://a.example/', code: 302, location: '/x', mode: 'error', headers })).toBe(null)
    expect(await jvm().nextHop({ url: 'http://a.example/', code: 302, location: 'ftp://a.example/x', headers })).toBe(null)
    // Another port of the same host is another origin: only the safelisted headers go along; the same port keeps all.
    expect((await jvm().nextHop({ url: 'http://a.example:8080/sse', code: 307, location: 'http://a.example:9090/sse', headers })).headers).toEqual({ Accept: 'text/event-stream', 'Last-Event-ID': '5' })
    expect((await jvm().nextHop({ url: 'http://a.example:8080/sse', code: 307, location: 'http://a.example:8080/next', headers })).headers).toEqual(headers)
  })

  test('Node fetch: an https response redirecting to http fails with 1830011 and the http URL is never fetched', async () => {
    const original = globalThis.fetch
    const fetched = []
    globalThis.fetch = async (url, init) => {
      fetched.push({ url: String(url), redirect: init.redirect })
      return new Response('moved', { status: 302, headers: { Location: 'http://secure.example/sse' } })
    }
    try {
      const es = nodeConnect({ url: 'https://secure.example/sse', header: { Authorization: 'Bearer x' }, retryInterval: 20 })
      const r = record(es)
      await r.closed()
      expect(r.errors().map((e) => e[1])).toEqual([1830011])
      expect(fetched).toEqual([{ url: 'https://secure.example/sse', redirect: 'manual' }])
    } finally {
      globalThis.fetch = original
    }
  })

  test('Node fetch: the body of a followed redirect is cancelled (its connection is not held), and a redirect without a body is followed too', async () => {
    const original = globalThis.fetch
    const cancelled = []
    const fetched = []
    globalThis.fetch = async (url) => {
      fetched.push(String(url))
      if (String(url).endsWith('/a')) {
        const body = new ReadableStream({ pull() {}, cancel() { cancelled.push('/a') } })
        return new Response(body, { status: 302, headers: { Location: 'https://h.example/b' } })
      }
      if (String(url).endsWith('/b')) return new Response(null, { status: 307, headers: { Location: 'https://h.example/c' } })
      return new Response('data: here\n\n', { status: 200, headers: { 'Content-Type': 'text/event-stream' } })
    }
    try {
      const es = nodeConnect({ url: 'https://h.example/a', maxRetries: 0 })
      const r = record(es)
      await r.closed()
      expect(r.messages()).toEqual(['here'])
      expect(fetched).toEqual(['https://h.example/a', 'https://h.example/b', 'https://h.example/c'])
      expect(cancelled).toEqual(['/a'])
    } finally {
      globalThis.fetch = original
    }
  })
})
