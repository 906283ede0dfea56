// Issue 10, items 11 and 12. Messages say what happened: a GET stream the server ended is "the server ended the
// stream; reconnecting in N ms", not a network error; no doubled "fetch failed: fetch failed"; "1 reconnect
// attempt". And the silence limit (heartbeatTimeout) defaults per method: 45 s for GET, which reconnects, none for
// POST and other methods, which are not replayed, so a model that thinks silently cannot lose its reply.
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { startEventSource, Platform } from '../uni_modules/connect-event-source/utssdk/common/connection.uts'
import { createJsDecoder } from '../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
import { connectEventSource, record } from './support/engine.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'
import { refusedUrl } from './support/tcp.mjs'

let srv, refused
beforeAll(async () => {
  srv = await startServer()
  refused = await refusedUrl()
})
afterAll(async () => { await srv?.close() })

describe('messages (item 11)', () => {
  test('a GET stream the server ended: "The server ended the stream; reconnecting in N ms."', async () => {
    const key = uniqueKey('ended')
    const es = connectEventSource({ url: scenarioUrl(srv.url, { key, body: 'data: a\n\n' }), retryInterval: 300 })
    const r = record(es)
    await r.until((l) => l.some((e) => e[0] === 'error'))
    es.close()
    const [, code, message, data] = r.errors()[0]
    expect(code).toBe(1830002)
    expect(message).toBe('The server ended the stream; reconnecting in 300 ms.')
    expect(message).not.toMatch(/Network error/)
    expect(data.willRetry).toBe(true)
  })

  test('a refused connection says "fetch failed" once, with the reason', async () => {
    const es = connectEventSource({ url: refused, maxRetries: 0 })
    const r = record(es)
    await r.closed()
    const message = r.errors()[0][2]
    expect(message).toMatch(/^Network error: .*fetch failed/)
    expect(message.match(/fetch failed/g)).toHaveLength(1)
    expect(message).toMatch(/ECONNREFUSED/)
  })

  test('each shape of fetch failure gets one sentence: the cause\'s code only where its message lacks it, no empty or "undefined" parts', async () => {
    const withCause = (cause) => Object.assign(new TypeError('fetch failed'), { cause })
    const cases = [
      [withCause(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })), 'fetch failed (UND_ERR_SOCKET: other side closed)'],
      [withCause(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' })), 'fetch failed (connect ECONNREFUSED 127.0.0.1:9)'],
      [withCause(new Error('certificate has expired')), 'fetch failed (certificate has expired)'],
      [withCause(new Error('')), 'fetch failed'],
      [withCause(new Error('fetch failed')), 'fetch failed'],
      [new TypeError('Failed to fetch'), 'fetch failed: Failed to fetch']
    ]
    const original = globalThis.fetch
    try {
      for (const [error, words] of cases) {
        globalThis.fetch = async () => { throw error }
        const r = record(connectEventSource({ url: 'https://h.example/sse', maxRetries: 0 }))
        await r.closed()
        expect(r.errors().map((e) => [e[1], e[2]])).toEqual([[1830002, 'Network error: the connection failed or was lost. ' + words]])
      }
    } finally {
      globalThis.fetch = original
    }
  })

  test('"1 reconnect attempt", "2 reconnect attempts"', async () => {
    for (const [maxRetries, words] of [[1, 'Gave up after 1 reconnect attempt;'], [2, 'Gave up after 2 reconnect attempts;']]) {
      const es = connectEventSource({ url: refused, maxRetries, retryInterval: 10 })
      const r = record(es)
      await r.closed()
      const last = r.errors().pop()
      expect(last[1]).toBe(1830008)
      expect(last[2]).toContain(words)
    }
  })
})

describe('heartbeatTimeout defaults per method (item 12)', () => {
  afterEach(() => { vi.useRealTimers() })

  /** A source over a transport that opens a stream and then stays silent, on fake timers. */
  function silentSource(options) {
    const platform = new Platform((request, listener) => {
      setTimeout(() => listener.onResponse(200, new Map([['content-type', 'text/event-stream']])), 1)
      return { abort() {} }
    }, createJsDecoder, null)
    const es = startEventSource({ url: 'http://127.0.0.1:1/', ...options }, platform)
    const log = []
    es.onOpen(() => log.push('open'))
    es.onError((err) => log.push(err.errCode))
    es.onClose(() => log.push('close'))
    return { es, log }
  }

  test('GET: 45 s of silence is a lost stream (1830004)', () => {
    vi.useFakeTimers()
    const { es, log } = silentSource({})
    vi.advanceTimersByTime(44000)
    expect(log).toEqual(['open'])
    vi.advanceTimersByTime(2000)
    expect(log).toEqual(['open', 1830004])
    es.close()
  })

  test('POST: 10 minutes of silence (a model thinking) do not cut the reply', () => {
    vi.useFakeTimers()
    const { es, log } = silentSource({ method: 'POST', data: { prompt: 'think hard' } })
    vi.advanceTimersByTime(10 * 60 * 1000)
    expect(log).toEqual(['open'])
    expect(es.readyState).toBe(1)
    es.close()
  })

  test('POST with an explicit heartbeatTimeout still enforces it', () => {
    vi.useFakeTimers()
    const { log } = silentSource({ method: 'POST', data: 'x', heartbeatTimeout: 5000 })
    vi.advanceTimersByTime(6000)
    // POST is not retried by default: the silence is final.
    expect(log).toEqual(['open', 1830004, 'close'])
  })
})
