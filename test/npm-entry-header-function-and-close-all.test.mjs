// The npm entry (src/index.ts, what dist/ is built from) over real HTTP: `header` as a function, sync or returning a
// Promise, called before every request; its bad output failing once with 1830001; closeAllEventSources(); and the
// defaults that adapt to what the caller set (issue 19: `{ url, maxRetryInterval: 200 }` used to fail).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { closeAllEventSources, connectEventSource } from '../src/index.ts'
import { openSourceCount } from '../uni_modules/connect-event-source/utssdk/common/registry.uts'
import { record } from './support/engine.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'

let srv
beforeAll(async () => { srv = await startServer() })
afterAll(async () => { await srv?.close() })

describe('header as a function', () => {
  test('a Promise of headers is awaited before every request, reconnects included (a refreshed token is sent)', async () => {
    const key = uniqueKey()
    let n = 0
    const es = connectEventSource({
      url: scenarioUrl(srv.url, { key, body: ['data: a\n\n', 'data: b\n\n'], end: ['close', 'hold'] }),
      header: async () => { n++; await new Promise((r) => setTimeout(r, 20)); return { Authorization: 'Bearer token-' + n } },
      retryInterval: 20
    })
    const r = record(es)
    await r.until((l) => l.filter((e) => e[0] === 'message').length === 2)
    es.close()
    expect(srv.requests(key).map((q) => q.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2'])
  })
  test('a plain function works too and is merged over nothing else; getHeader is the same option', async () => {
    const key = uniqueKey()
    const es = connectEventSource({ url: scenarioUrl(srv.url, { key, body: 'data: x\n\n' }), getHeader: () => ({ 'X-Token': 7 }), maxRetries: 0 })
    const r = record(es)
    await r.closed()
    expect(r.messages()).toEqual(['x'])
    expect(srv.requests(key)[0].headers['x-token']).toBe('7')
  })
  const bad = [
    ['a rejected Promise', () => Promise.reject(new Error('refresh failed')), /getHeader failed: its Promise was rejected: Error: refresh failed/],
    ['a Promise of a string', async () => 'Bearer x', /getHeader failed: its Promise resolved to a string, not a header object/],
    ['a string', () => 'Bearer x', /getHeader failed: it returned a string, not a header object/],
    // Only an object is awaited as a Promise; a function, even one with a then method, is not headers either.
    ['a function with a then method', () => Object.assign(() => {}, { then: (ok) => ok({ X: '1' }) }), /getHeader failed: it returned a function, not a header object/],
    ['nothing', () => undefined, /getHeader failed: it returned nothing/],
    ['a value with CR LF', () => ({ X: 'a\r\nInjected: 1' }), /getHeader.*"X" must not contain NUL, CR or LF/],
    ['a throw', () => { throw new Error('boom') }, /getHeader threw: Error: boom/]
  ]
  for (const [what, header, message] of bad) {
    test(`${what}: fails once with 1830001 and sends nothing`, async () => {
      const key = uniqueKey()
      const es = connectEventSource({ url: scenarioUrl(srv.url, { key, body: 'data: x\n\n' }), header })
      const r = record(es)
      await r.closed()
      expect(r.kinds()).toEqual(['error', 'close'])
      expect(r.errors()[0][1]).toBe(1830001)
      expect(r.errors()[0][2]).toMatch(message)
      expect(srv.requests(key)).toHaveLength(0)
    })
  }
})

describe('closeAllEventSources', () => {
  test('closes every open source, streaming or waiting to reconnect; each fires onClose once; none is kept', async () => {
    const key = uniqueKey()
    const streaming = connectEventSource({ url: scenarioUrl(srv.url, { key, body: 'data: a\n\n', end: 'hold' }) })
    const waiting = connectEventSource({ url: scenarioUrl(srv.url, { key: key + '-w', body: '' }), retryInterval: 60000 })
    const post = connectEventSource({ url: scenarioUrl(srv.url, { key: key + '-p', body: 'data: a\n\n', end: 'hold' }), method: 'POST', data: 'q' })
    const logs = [streaming, waiting, post].map(record)
    await Promise.all([logs[0].until((l) => l.some((e) => e[0] === 'message')), logs[1].until((l) => l.some((e) => e[0] === 'error')), logs[2].until((l) => l.some((e) => e[0] === 'message'))])
    expect(openSourceCount()).toBe(3)
    closeAllEventSources()
    await new Promise((r) => setTimeout(r, 100))
    expect(logs.map((r) => r.kinds().filter((k) => k === 'close'))).toEqual([['close'], ['close'], ['close']])
    expect([streaming, waiting, post].map((es) => es.readyState)).toEqual([2, 2, 2])
    expect(openSourceCount()).toBe(0)
    closeAllEventSources()
  })
})

describe('defaults adapt to what the caller set', () => {
  test('{ url, maxRetryInterval: 200 } streams (the default floor falls to the cap) and reconnects within 200 ms', async () => {
    const key = uniqueKey()
    const es = connectEventSource({ url: scenarioUrl(srv.url, { key, body: ['data: a\n\n', 'data: b\n\n'], end: ['close', 'hold'] }), maxRetryInterval: 200 })
    const r = record(es)
    await r.until((l) => l.filter((e) => e[0] === 'message').length === 2)
    es.close()
    expect(r.errors().map((e) => [e[1], e[3].retryDelay])).toEqual([[1830002, 200]])
  })
  test('values the caller set that contradict each other are the error, named as set', async () => {
    const es = connectEventSource({ url: 'http://127.0.0.1:9/', minRetryInterval: 500, maxRetryInterval: 200 })
    const r = record(es)
    await r.closed()
    expect(r.errors()[0][1]).toBe(1830001)
    expect(r.errors()[0][2]).toMatch(/minRetryInterval \(500\) must not exceed maxRetryInterval \(200\); you set both/)
  })
})
