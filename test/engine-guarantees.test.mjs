// Guarantees of the engine beyond the shared scenarios: close() semantics from every callback,
// listener bookkeeping, throwing callbacks, backoff, option checks. Real HTTP to server/ throughout.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { connectEventSource, record, sleep } from './support/engine.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'

let srv
beforeAll(async () => { srv = await startServer() })
afterAll(async () => { await srv?.close() })

const url = (params) => scenarioUrl(srv.url, params)
const ticking = (n) => Array.from({ length: n }, (_, i) => `id: ${i + 1}\ndata: ${i + 1}\n\n`).join('')

describe('close()', () => {
  test('inside onOpen: no message, no error, onClose once', async () => {
    const es = connectEventSource({ url: url({ body: ticking(3) }) })
    const r = record(es)
    es.onOpen(() => es.close())
    await r.closed()
    await sleep(200)
    expect(r.kinds()).toEqual(['open', 'close'])
  })
  test('inside onError of a recoverable failure: no reconnect happens', async () => {
    const key = uniqueKey()
    const es = connectEventSource({ url: url({ key, body: 'data: a\n\n', end: 'destroy' }), retryInterval: 50 })
    const r = record(es)
    es.onError(() => es.close())
    await r.closed()
    await sleep(300)
    expect(r.kinds()).toEqual(['open', 'message', 'error', 'close'])
    expect(srv.requests(key)).toHaveLength(1)
  })
  test('while waiting to reconnect: the pending reconnect is cancelled', async () => {
    const key = uniqueKey()
    const es = connectEventSource({ url: url({ key, body: 'data: a\n\n' }), retryInterval: 150 })
    const r = record(es)
    await r.until((l) => l.some((e) => e[0] === 'error'))
    expect(es.readyState).toBe(0)
    es.close()
    await sleep(400)
    expect(srv.requests(key)).toHaveLength(1)
    expect(r.kinds()).toEqual(['open', 'message', 'error', 'close'])
  })
  test('is idempotent and nothing fires after it while the server keeps sending', async () => {
    const es = connectEventSource({ url: url({ body: ticking(50), chunk: 20, delay: 10 }) })
    const r = record(es)
    await r.until((l) => l.filter((e) => e[0] === 'message').length >= 2)
    es.close()
    es.close()
    const n = r.log.length
    await sleep(400)
    expect(r.log.length).toBe(n)
    expect(r.kinds().filter((k) => k === 'close')).toHaveLength(1)
    expect(es.readyState).toBe(2)
  })
  test('a second listener of the same event does not run after the first closed', async () => {
    const es = connectEventSource({ url: url({ body: ticking(2) }) })
    const second = vi.fn()
    es.onMessage(() => es.close())
    es.onMessage(second)
    await record(es).closed()
    expect(second).not.toHaveBeenCalled()
  })
})

describe('listeners', () => {
  test('removeEventListener stops one listener; duplicates are ignored like EventTarget', async () => {
    const es = connectEventSource({ url: url({ body: 'event: t\ndata: 1\n\nevent: t\ndata: 2\n\n', delay: 100, split: 14 }), maxRetries: 0 })
    const a = vi.fn()
    const b = vi.fn()
    es.addEventListener('t', a)
    es.addEventListener('t', a)
    es.addEventListener('t', b)
    es.addEventListener('t', (ev) => { if (ev.data === '1') es.removeEventListener('t', b) })
    await record(es).closed()
    expect(a).toHaveBeenCalledTimes(2)
    expect(b).toHaveBeenCalledTimes(1)
  })
  test('a throwing callback is reported to the console and does not stop the stream', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const es = connectEventSource({ url: url({ body: ticking(3) }), maxRetries: 0 })
    es.onMessage(() => { throw new Error('user bug') })
    const r = record(es)
    await r.closed()
    expect(r.messages()).toEqual(['1', '2', '3'])
    expect(spy).toHaveBeenCalled()
    spy.mockRestore()
  })
  test('an error with no onError callback goes to console.error, never nowhere', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const es = connectEventSource({ url: url({ status: 500, body: 'boom' }) })
    await new Promise((resolve) => es.onClose(resolve))
    expect(spy.mock.calls.some((c) => String(c[0]).includes('1830005'))).toBe(true)
    spy.mockRestore()
  })
})

describe('reconnect policy', () => {
  test('the retry counter restarts when an event arrives, so a stream that makes progress keeps reconnecting', async () => {
    const key = uniqueKey()
    const bodies = ['id: 1\ndata: a\n\n', 'id: 2\ndata: b\n\n', 'id: 3\ndata: c\n\n', 'id: 4\ndata: d\n\n']
    const es = connectEventSource({ url: url({ key, body: bodies, end: 'destroy' }), maxRetries: 1, retryInterval: 20 })
    const r = record(es)
    await r.until((l) => l.filter((e) => e[0] === 'message').length >= 4)
    es.close()
    expect(r.messages().slice(0, 4)).toEqual(['a', 'b', 'c', 'd'])
    expect(srv.requests(key).map((q) => q.lastEventId)).toEqual([null, '1', '2', '3', '4'].slice(0, srv.requests(key).length))
  })
  test('delays double with jitter up to maxRetryInterval', async () => {
    const key = uniqueKey()
    const es = connectEventSource({ url: url({ key, body: '' }), maxRetries: 5, retryInterval: 40, maxRetryInterval: 200 })
    const r = record(es)
    await r.closed()
    const delays = r.errors().map((e) => e[3].retryDelay).filter((d) => d > 0)
    expect(delays).toHaveLength(5)
    expect(delays[0]).toBe(40)
    const caps = [40, 80, 160, 200, 200]
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(40)
      expect(d).toBeLessThanOrEqual(caps[i])
      if (i > 0) expect(d).toBeGreaterThanOrEqual(caps[i] / 2)
    })
    expect(r.errors().pop()[1]).toBe(1830008)
  })
  test('retry: applies immediately and replaces retryInterval for the next reconnect', async () => {
    const key = uniqueKey()
    const es = connectEventSource({ url: url({ key, body: ['retry: 120\n', 'data: x\n\n'], end: ['destroy', 'hold'] }), retryInterval: 5000, minRetryInterval: 100 })
    const r = record(es)
    await r.until((l) => l.some((e) => e[0] === 'message'))
    es.close()
    expect(r.errors()[0][3].retryDelay).toBe(120)
  })
  test('a POST reply ends at its end by default: not replayed without maxRetries', async () => {
    const key = uniqueKey()
    const es = connectEventSource({ url: url({ key, body: 'data: done\n\n' }), method: 'POST', data: '{}' })
    const r = record(es)
    await r.closed()
    await sleep(200)
    expect(r.kinds()).toEqual(['open', 'message', 'close'])
    expect(srv.requests(key)).toHaveLength(1)
  })
  test('a POST with maxRetries is a subscription: after its end it reconnects, resending the body with Last-Event-ID', async () => {
    const key = uniqueKey()
    const es = connectEventSource({ url: url({ key, body: ['id: 1\ndata: a\n\n', 'id: 2\ndata: b\n\n'], end: ['close', 'hold'] }), method: 'POST', data: { q: 1 }, maxRetries: 1, retryInterval: 20 })
    const r = record(es)
    await r.until((l) => l.filter((e) => e[0] === 'message').length === 2)
    es.close()
    expect(r.messages()).toEqual(['a', 'b'])
    expect(r.errors().map((e) => [e[1], e[3].willRetry])).toEqual([[1830002, true]])
    const reqs = srv.requests(key)
    expect(reqs.map((q) => [q.method, q.body, q.lastEventId])).toEqual([['POST', '{"q":1}', null], ['POST', '{"q":1}', '1']])
  })
  test('POST with maxRetries reconnects after a network drop, with Last-Event-ID and the same body', async () => {
    const key = uniqueKey()
    const es = connectEventSource({ url: url({ key, body: ['id: 1\ndata: a\n\n', 'id: 2\ndata: b\n\n'], end: ['destroy', 'hold'] }), method: 'POST', data: { q: 1 }, maxRetries: 1, retryInterval: 20 })
    const r = record(es)
    await r.until((l) => l.filter((e) => e[0] === 'message').length === 2)
    es.close()
    expect(r.messages()).toEqual(['a', 'b'])
    const reqs = srv.requests(key)
    expect(reqs.map((q) => [q.method, q.body, q.lastEventId])).toEqual([['POST', '{"q":1}', null], ['POST', '{"q":1}', '1']])
  })
})

describe('options', () => {
  const invalid = [
    [{ url: '' }, /url/],
    [{ url: 'ftp://x/y' }, /http/],
    [{ url: '/relative' }, /http/],
    [{ url: 'http://127.0.0.1:1/', method: 'GE T' }, /method/],
    [{ url: 'http://127.0.0.1:1/', header: { 'Bad Name': 'x' } }, /header name/],
    [{ url: 'http://127.0.0.1:1/', header: { X: 'a\r\nInjected: 1' } }, /CR or LF/],
    [{ url: 'http://127.0.0.1:1/', timeout: -1 }, /timeout/],
    [{ url: 'http://127.0.0.1:1/', heartbeatTimeout: 2 ** 31 }, /heartbeatTimeout/],
    [{ url: 'http://127.0.0.1:1/', maxRetries: 1.5 }, /maxRetries/],
    [{ url: 'http://127.0.0.1:1/', lastEventId: 'a\u0000b' }, /lastEventId/],
    [{ url: 'http://127.0.0.1:1/', maxLineLength: 0 }, /maxLineLength/],
    [{ url: 'http://127.0.0.1:1/', method: 'HEAD', data: 'x' }, /HEAD/]
  ]
  for (const [options, message] of invalid) {
    test(`rejects ${JSON.stringify(options)} with 1830001`, async () => {
      const es = connectEventSource(options)
      const r = record(es)
      await r.closed()
      expect(r.errors()).toHaveLength(1)
      expect(r.errors()[0][1]).toBe(1830001)
      expect(r.errors()[0][2]).toMatch(message)
    })
  }
  test('method is upper-cased; user Accept and Content-Type are kept', async () => {
    const key = uniqueKey()
    const es = connectEventSource({ url: url({ key, body: 'data: x\n\n' }), method: 'post', data: { a: 1 }, header: { accept: 'text/event-stream, */*', 'content-type': 'application/vnd.x+json' } })
    await record(es).closed()
    const [q] = srv.requests(key)
    expect(q.method).toBe('POST')
    expect(q.headers.accept).toBe('text/event-stream, */*')
    expect(q.headers['content-type']).toBe('application/vnd.x+json')
    expect(q.body).toBe('{"a":1}')
  })
})
