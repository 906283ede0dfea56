// Issue 19 engine rules over a transport the test drives by hand (test/support/fake-transport.mjs), with fake timers:
// Retry-After parsing and its cap, which statuses are retried for which method, comments without a listener,
// reconnect(), getHeader, and the registry behind closeAllEventSources. The same behaviours run over real HTTP on
// every platform in the shared scenarios (test/support/scenarios.mjs).
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { httpDate, retryAfterMs, retryAfterWait } from '../uni_modules/connect-event-source/utssdk/common/retry-after.uts'
import { closeAllSources, openSourceCount } from '../uni_modules/connect-event-source/utssdk/common/registry.uts'
import { fakeEngine } from './support/fake-transport.mjs'

let engine
beforeEach(() => {
  vi.useFakeTimers()
  engine = fakeEngine()
})
afterEach(() => {
  closeAllSources()
  vi.restoreAllMocks()
  vi.useRealTimers()
})
const step = (ms = 1) => { vi.advanceTimersByTime(ms); return engine.last() }
const headers = (o) => new Map(Object.entries(o))

describe('Retry-After (RFC 9110 §10.2.3) and retry-after-ms', () => {
  const now = Date.UTC(1994, 10, 6, 8, 49, 30)
  test('seconds, milliseconds first, and the three HTTP-date forms', () => {
    expect(retryAfterMs(headers({ 'retry-after': '120' }), now)).toBe(120000)
    expect(retryAfterMs(headers({ 'retry-after': ' 0 ' }), now)).toBe(0)
    expect(retryAfterMs(headers({ 'retry-after-ms': '1500.5', 'retry-after': '9' }), now)).toBe(1501)
    expect(retryAfterMs(headers({ 'retry-after-ms': 'soon', 'retry-after': '9' }), now)).toBe(9000)
    // IMF-fixdate, RFC 850 and asctime of the same instant, 7 s after now.
    expect(retryAfterMs(headers({ 'retry-after': 'Sun, 06 Nov 1994 08:49:37 GMT' }), now)).toBe(7000)
    expect(retryAfterMs(headers({ 'retry-after': 'Sunday, 06-Nov-94 08:49:37 GMT' }), now)).toBe(7000)
    expect(retryAfterMs(headers({ 'retry-after': 'Sun Nov  6 08:49:37 1994' }), now)).toBe(7000)
    expect(httpDate('Thu, 01 Jan 1970 00:00:00 GMT')).toBe(0)
    expect(httpDate('Tue, 29 Feb 2028 23:59:60 GMT')).toBe(Date.UTC(2028, 1, 29, 23, 59, 59) + 1000)
    expect(httpDate(new Date(1733000000000).toUTCString())).toBe(1733000000000)
  })
  test('a date in the past means now; anything unreadable means no wait was asked (-1)', () => {
    expect(retryAfterMs(headers({ 'retry-after': 'Sun, 06 Nov 1994 08:49:00 GMT' }), now)).toBe(0)
    for (const bad of ['-5', '1.5', 'soon', '', 'Sun, 06 Nov 1994 08:49:37 PST', 'Sun, 32 Nov 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 25:49:37 GMT', 'Sun, 06 Nox 1994 08:49:37 GMT']) {
      expect(retryAfterMs(headers({ 'retry-after': bad }), now), bad).toBe(-1)
    }
    expect(retryAfterMs(headers({}), now)).toBe(-1)
  })
  test('separators only split an HTTP-date into words: one after the last word (",", "-", ":") leaves the same date', () => {
    const at = Date.UTC(1994, 10, 6, 8, 49, 37)
    for (const date of ['Sun, 06 Nov 1994 08:49:37 GMT', 'Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994']) {
      for (const tail of [',', '-', ':']) expect(httpDate(date + tail), date + tail).toBe(at)
    }
  })
  test('a date field holding a character other than a digit makes the HTTP-date unreadable, even where its char code would read as an in-range number', () => {
    // '.' and '/' are char codes 46 and 47: read as digits they would give a valid second (28, 29), day (8) or hour (9).
    for (const bad of ['Sun, 06 Nov 1994 08:49:3. GMT', 'Sun, 06 Nov 1994 08:49:3/ GMT', 'Sun, 1. Nov 1994 08:49:37 GMT', 'Sun Nov  6 1/:49:37 1994']) {
      expect(httpDate(bad), bad).toBe(-1)
    }
  })
  test('the wait: at least the engine delay, at most the cap, spread by up to 20 %', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    expect(retryAfterWait(1000, 250, 60000)).toBe(1000)
    expect(retryAfterWait(1000, 4000, 60000)).toBe(4000)
    expect(retryAfterWait(999999999000, 250, 60000)).toBe(48000)
    vi.spyOn(Math, 'random').mockReturnValue(0.9999)
    expect(retryAfterWait(1000, 250, 60000)).toBe(1199)
    expect(retryAfterWait(55000, 250, 60000)).toBe(60000)
    expect(retryAfterWait(999999999000, 250, 60000)).toBe(59998)
  })
  test('a hostile Retry-After waits at most the default maxRetryAfter, 60 s', () => {
    const s = engine.connect({})
    step().open(headers({ 'retry-after': '999999999' }), 503)
    engine.last().end()
    const [, code, data] = s.errors()[0]
    expect(code).toBe(1830005)
    expect(data).toMatchObject({ status: 503, retryAfter: 999999999000, willRetry: true })
    expect(data.retryDelay).toBeGreaterThanOrEqual(48000)
    expect(data.retryDelay).toBeLessThanOrEqual(60000)
    const calls = engine.calls.length
    vi.advanceTimersByTime(data.retryDelay - 1)
    expect(engine.calls.length).toBe(calls)
    vi.advanceTimersByTime(1)
    expect(engine.calls.length).toBe(calls + 1)
  })
  test('maxRetryAfter: 0 ignores Retry-After (the engine delay alone)', () => {
    const s = engine.connect({ maxRetryAfter: 0, retryInterval: 100 })
    step().open(headers({ 'retry-after': '30' }), 429)
    engine.last().end()
    expect(s.errors()[0][2]).toMatchObject({ retryAfter: 30000, retryDelay: 100 })
  })
})

describe('which statuses are retried', () => {
  test('a request with a body opts in with retryOnStatus, and is retried at most twice when maxRetries is not set', () => {
    const s = engine.connect({ method: 'POST', data: 'q', retryOnStatus: [503], retryInterval: 10 })
    for (let i = 0; i < 3; i++) {
      step(200).open(headers({}), 503)
      engine.last().end()
    }
    expect(engine.calls).toHaveLength(3)
    expect(s.errors().map((e) => [e[1], e[2].willRetry])).toEqual([[1830005, true], [1830005, true], [1830008, false]])
    expect(s.kinds().slice(-1)).toEqual(['close'])
  })
  test('a request with a body is not retried after a status once an event reached the app (a caller reconnect() between)', () => {
    const s = engine.connect({ method: 'POST', data: 'q', retryOnStatus: [503], retryInterval: 10 })
    const first = step()
    first.open()
    first.text('data: part of a reply\n\n')
    s.es.reconnect()
    step().open(headers({}), 503)
    engine.last().end()
    expect(s.errors().map((e) => [e[1], e[2].willRetry])).toEqual([[1830005, false]])
    expect(engine.calls).toHaveLength(2)
  })
  test('retryOnStatus must list HTTP error statuses; 304 and 200 are refused', () => {
    for (const bad of [[200], [304], [429.5], [600]]) {
      const s = engine.connect({ retryOnStatus: bad })
      step()
      expect(s.errors()[0][1], JSON.stringify(bad)).toBe(1830001)
    }
  })
})

describe('comments, reconnect(), getHeader, registry', () => {
  test('comments are not kept for a listener registered later (nothing is buffered without one)', () => {
    const s = engine.connect({ maxRetries: 0 })
    const call = step()
    call.open()
    call.text(': before\n\n')
    const comments = []
    s.es.onComment((ev) => comments.push(ev.data))
    call.text(': after\n\n')
    expect(comments).toEqual([' after'])
  })
  test('reconnect() while waiting to reconnect goes at once and restarts the backoff; after close() it does nothing', () => {
    const s = engine.connect({ retryInterval: 60000 })
    step().fail()
    expect(engine.calls).toHaveLength(1)
    s.es.reconnect()
    step(0)
    expect(engine.calls).toHaveLength(2)
    s.es.close()
    s.es.reconnect()
    step(100)
    expect(engine.calls).toHaveLength(2)
  })
  test('getHeader that throws fails with 1830001; its Last-Event-ID is ignored', () => {
    const s = engine.connect({ getHeader: () => { throw new Error('no token') } })
    const messages = []
    s.es.onError((err) => messages.push(err.errMsg))
    step()
    expect(s.errors()[0][1]).toBe(1830001)
    expect(messages[0]).toMatch(/getHeader threw: Error: no token$/)
    expect(engine.calls).toHaveLength(0)
    engine.connect({ lastEventId: 'mine', getHeader: () => ({ 'last-event-id': 'theirs', 'X-A': 1 }) })
    const { request } = step()
    expect(Object.fromEntries(request.headers)).toEqual({ Accept: 'text/event-stream', 'X-A': '1', 'Last-Event-ID': 'mine' })
  })
  test('getHeader\'s headers replace the header option\'s of the same name, whatever the case of either', () => {
    engine.connect({ header: { 'X-Trace': 'option' }, getHeader: () => ({ 'x-trace': 'fresh' }) })
    expect(Object.fromEntries(step().request.headers)).toEqual({ Accept: 'text/event-stream', 'x-trace': 'fresh' })
    engine.connect({ header: { 'x-trace': 'option' }, getHeader: () => ({ 'X-TRACE': 'fresh' }) })
    expect(Object.fromEntries(step().request.headers)).toEqual({ Accept: 'text/event-stream', 'X-TRACE': 'fresh' })
  })
  test('reconnect() is CONNECTING at once, before the new request starts', () => {
    const s = engine.connect({ retryInterval: 60000 })
    step().open()
    expect(s.es.readyState).toBe(1)
    s.es.reconnect()
    expect(s.es.readyState).toBe(0)
    s.es.close()
  })
  test('closeAllSources closes every open source; the registry keeps no closed source', () => {
    const before = openSourceCount()
    const a = engine.connect({})
    const b = engine.connect({ method: 'POST', data: 'x' })
    const c = engine.connect({})
    expect(openSourceCount()).toBe(before + 3)
    c.es.close()
    expect(openSourceCount()).toBe(before + 2)
    step()
    closeAllSources()
    expect([a, b].map((s) => s.kinds())).toEqual([['close'], ['close']])
    expect(openSourceCount()).toBe(0)
    // A source that failed for good leaves it too.
    const d = engine.connect({ url: 'ftp://x' })
    step()
    expect(d.kinds()).toEqual(['error', 'close'])
    expect(openSourceCount()).toBe(0)
  })
})
