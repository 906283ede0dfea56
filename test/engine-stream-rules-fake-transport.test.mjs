// Engine rules checked over a transport the test drives by hand (test/support/fake-transport.mjs), with fake timers:
// exact chunk boundaries, exact delays, no network timing. Each test names the bug it exists to catch; the HTTP
// layer checks several of the same rules again (http-chunk-splits-are-real-reads, spec-rules-over-http).
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { DEFAULT_MAX_LINE_LENGTH } from '../uni_modules/connect-event-source/utssdk/common/parser.uts'
import { EVENT_STREAM, fakeEngine } from './support/fake-transport.mjs'

let engine
beforeEach(() => {
  vi.useFakeTimers()
  engine = fakeEngine()
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})
/** Lets the engine's setTimeout(0) connect (or a reconnect delay) run; returns the call it started. */
const step = (ms = 1) => { vi.advanceTimersByTime(ms); return engine.last() }

describe('end of stream', () => {
  test('complete data: lines without the closing blank line are not dispatched when the stream ends', () => {
    const s = engine.connect({ maxRetries: 0 })
    const call = step()
    call.open()
    call.text('data: a\n\ndata: b\n')
    call.end()
    expect(s.log).toEqual([['open'], ['message', 'message', 'a', ''], ['close']])
    // The same as bytes (the decoder's end-of-stream flush must not complete the event either).
    const t = engine.connect({ maxRetries: 0 })
    const c2 = step()
    c2.open()
    c2.bytes('data: a\n\ndata: b\ndata: c\n')
    c2.end()
    expect(t.messages()).toEqual(['a'])
  })
  test('a GET stream that ends mid-event reconnects and the half event is gone (parser reset)', () => {
    const s = engine.connect({ retryInterval: 1000 })
    const first = step()
    first.open()
    first.text('data: a\n\ndata: half')
    first.fail()
    const second = step(1000)
    expect(second).not.toBe(first)
    second.open()
    second.text('data: b\n\n')
    expect(s.messages()).toEqual(['a', 'b'])
    s.es.close()
  })
  test('a UTF-8 sequence cut by a dropped connection does not prefix the next stream (decoder reset)', () => {
    const s = engine.connect({ retryInterval: 1000 })
    const first = step()
    first.open()
    first.bytes([...new TextEncoder().encode('data: a\n\n'), 0xe4])
    first.fail()
    const second = step(1000)
    second.open()
    second.bytes('data: b\n\n')
    expect(s.messages()).toEqual(['a', 'b'])
    s.es.close()
  })
  test('the decoder\'s final U+FFFD counts toward maxLineLength, as on platforms that decode natively', () => {
    const s = engine.connect({ maxRetries: 0, maxLineLength: 10 })
    const call = step()
    call.open()
    call.bytes([...new TextEncoder().encode('data: 1234'), 0xe4])
    expect(s.kinds()).toEqual(['open'])
    call.end()
    expect(s.errors().map((e) => e[1])).toEqual([1830009])
  })
})

describe('BOM', () => {
  test('only the stream\'s first character may be a BOM: one at the start of a later chunk is a character of the line', () => {
    const s = engine.connect({ maxRetries: 0 })
    const call = step()
    call.open()
    call.bytes('\uFEFFdata: 1\n\n')
    // '\uFEFFdata: 2' names the field "\uFEFFdata": ignored.
    call.bytes('\uFEFFdata: 2\n\n')
    call.text('\uFEFFdata: 3\n\ndata: 4\n\n')
    expect(s.messages()).toEqual(['1', '4'])
    s.es.close()
  })
  test('every new stream (a reconnect) may start with its own BOM', () => {
    const s = engine.connect({ retryInterval: 1000 })
    const first = step()
    first.open()
    first.bytes('\uFEFFdata: a\n\n')
    first.end()
    const second = step(1000)
    second.open()
    second.bytes('\uFEFFdata: b\n\n')
    expect(s.messages()).toEqual(['a', 'b'])
    s.es.close()
  })
})

describe('Content-Type and the error body', () => {
  for (const type of ['text/plain', 'text/html; charset=utf-8', 'application/json', 'text/event-streams', 'text/event-stream-x']) {
    test(`status 200 with Content-Type ${type} fails with 1830006, final, with status and headers`, () => {
      const s = engine.connect({})
      const call = step()
      call.open(new Map([['content-type', type]]))
      call.text('data: not an event\n\n')
      call.end()
      expect(s.kinds()).toEqual(['error', 'close'])
      const [, code, data] = s.errors()[0]
      expect(code).toBe(1830006)
      expect(data.status).toBe(200)
      expect(data.headers['content-type']).toBe(type)
      expect(data.body).toBe('data: not an event\n\n')
      step(60000)
      expect(engine.calls).toHaveLength(1)
    })
  }
  for (const type of ['TEXT/Event-Stream', 'text/event-stream;charset=utf-8', ' text/event-stream ; x=y']) {
    test(`Content-Type ${JSON.stringify(type)} is an event stream (any case, any parameters)`, () => {
      const s = engine.connect({ maxRetries: 0 })
      step().open(new Map([['content-type', type]]))
      engine.last().text('data: ok\n\n')
      expect(s.log).toEqual([['open'], ['message', 'message', 'ok', '']])
      s.es.close()
    })
  }
  test('a never-ending error body is reported as soon as 4 KiB arrived, with exactly those 4 KiB, and the request aborted', () => {
    const s = engine.connect({})
    const call = step()
    call.open(new Map([['content-type', 'application/json']]), 401)
    for (let i = 0; i < 4; i++) call.bytes('x'.repeat(1000))
    expect(s.kinds()).toEqual([])
    call.bytes('y'.repeat(1000))
    expect(s.kinds()).toEqual(['error', 'close'])
    const [, code, data] = s.errors()[0]
    expect(code).toBe(1830005)
    expect(data.status).toBe(401)
    expect(data.body).toBe('x'.repeat(4000) + 'y'.repeat(96))
    expect(call.aborted).toBe(true)
  })
  test('the same limit for a transport that delivers text', () => {
    const s = engine.connect({})
    const call = step()
    call.open(new Map([['content-type', 'text/html']]), 500)
    call.text('z'.repeat(5000))
    expect(s.errors()[0][2].body).toBe('z'.repeat(4096))
  })
  test('an error body that stalls is reported after timeout when timeout is below 5 s, after 5 s when it is above', () => {
    for (const [timeout, reportedAt] of [[300, 300], [20000, 5000]]) {
      const s = engine.connect({ timeout })
      step().open(new Map([['content-type', 'application/json']]), 429)
      engine.last().text('{"error":')
      step(reportedAt - 1)
      expect(s.kinds(), `timeout ${timeout}`).toEqual([])
      step(1)
      expect(s.errors().map((e) => [e[1], e[2].body])).toEqual([[1830005, '{"error":']])
      s.es.close()
    }
  })
  test('each failed response says what happened, in words a user can act on', () => {
    const failWith = (opts, status, headers, body) => {
      const s = engine.connect({ maxRetries: 0, ...opts })
      const seen = []
      s.es.onError((e) => seen.push([e.errCode, e.errMsg]))
      const call = step()
      call.open(new Map(Object.entries(headers)), status)
      if (body) call.text(body)
      call.end()
      step(10)
      s.es.close()
      return seen[0]
    }
    expect(failWith({}, 204, {}, '')).toEqual([1830005, 'HTTP status error: the server did not answer 200. Status 204 No Content: the server asked not to reconnect.'])
    expect(failWith({}, 200, { 'content-type': 'text/html' }, '<p>hi</p>')).toEqual([1830006, 'Wrong Content-Type: the response is not text/event-stream. Got Content-Type "text/html" with status 200.'])
    expect(failWith({}, 301, { location: 'http://other.example/sse' }, '')).toEqual([1830011, 'Redirect not followed. Status 301 to http://other.example/sse was not followed (redirect: "follow"; https is never downgraded to http; at most 20 redirects).'])
    expect(failWith({}, 302, {}, '')).toEqual([1830011, 'Redirect not followed. Status 302 came without a Location header, so there was nothing to follow.'])
    expect(failWith({ maxRetries: 1 }, 503, { 'retry-after': '2', 'content-type': 'text/plain' }, 'busy')).toEqual([1830005, 'HTTP status error: the server did not answer 200. Status 503. The server asked to wait 2000 ms. Reconnecting in 3000 ms.'])
  })
  test('reconnect() inside an onComment: the rest of that chunk belongs to the old stream and is not dispatched', () => {
    const s = engine.connect({ retryInterval: 60000 })
    let once = true
    s.es.onComment(() => { if (once) { once = false; s.es.reconnect() } })
    const call = step()
    call.open()
    call.text(': switch\ndata: stale\n\n')
    expect(s.messages()).toEqual([])
    s.es.close()
  })
  test('a 400 is an HTTP error (1830005), a 3xx that reaches the engine a refused redirect (1830011)', () => {
    const a = engine.connect({})
    step().open(new Map(), 400)
    engine.last().end()
    const b = engine.connect({})
    step().open(new Map([['location', '/elsewhere']]), 399)
    engine.last().end()
    expect([a.errors()[0][1], b.errors()[0][1]]).toEqual([1830005, 1830011])
  })
})

describe('line length', () => {
  test('the default limit is 16 MiB: a line of exactly 16 MiB passes, one character more fails with 1830009 at once', () => {
    expect(DEFAULT_MAX_LINE_LENGTH).toBe(16 * 1024 * 1024)
    const value = 'x'.repeat(16 * 1024 * 1024 - 'data: '.length)
    const ok = engine.connect({ maxRetries: 0 })
    step().open()
    engine.last().text('data: ' + value + '\n\n')
    expect(ok.log.map((e) => (e[0] === 'message' ? e[2].length : e[0]))).toEqual(['open', value.length])
    ok.es.close()
    const tooLong = engine.connect({ maxRetries: 0 })
    step().open()
    // Incomplete: the line is refused as soon as it is too long, before its end arrives.
    engine.last().text('data: ' + value + 'x')
    expect(tooLong.errors().map((e) => e[1])).toEqual([1830009])
  })
})

describe('reconnect policy, exact delays', () => {
  // Math.random() = 0.5 makes the jitter factor 0.75: the delay of the n-th consecutive reconnect is
  // base * 2^(n-1) * 0.75, never below base, capped by maxRetryInterval.
  beforeEach(() => { vi.spyOn(Math, 'random').mockReturnValue(0.5) })
  function failRepeatedly(s, n) {
    const delays = []
    for (let i = 0; i < n; i++) {
      engine.last().fail()
      const err = s.errors().at(-1)
      delays.push(err[2].retryDelay)
      step(err[2].retryDelay)
    }
    return delays
  }
  test('delays double with jitter from retryInterval and stop at maxRetryInterval', () => {
    const s = engine.connect({ retryInterval: 1000, maxRetryInterval: 5000 })
    step()
    expect(failRepeatedly(s, 6)).toEqual([1000, 1500, 3000, 5000 * 0.75, 5000 * 0.75, 5000 * 0.75])
    s.es.close()
  })
  test('a server retry: above maxRetryInterval is lowered to it; below minRetryInterval raised to it', () => {
    const s = engine.connect({ maxRetryInterval: 4000, minRetryInterval: 500 })
    step().open()
    engine.last().text('retry: 3000000000\n\n')
    expect(failRepeatedly(s, 1)).toEqual([4000])
    engine.last().open()
    engine.last().text('retry: 10\ndata: x\n\n')
    // Its event does not reset the backoff (2nd consecutive reconnect: 500 * 2 * 0.75 = 750).
    expect(failRepeatedly(s, 1)).toEqual([750])
    s.es.close()
  })
  test('maxRetries counts consecutive reconnects; an event resets the count', () => {
    const s = engine.connect({ maxRetries: 1, retryInterval: 1000 })
    step().open()
    engine.last().text('data: 1\n\n')
    engine.last().end()
    step(1000).open()
    engine.last().text('data: 2\n\n')
    engine.last().end()
    // Without the reset, this second end would already be "gave up after 1 reconnect attempt".
    step(2000).open()
    engine.last().end()
    step(60000)
    expect(s.kinds()).toEqual(['open', 'message', 'error', 'open', 'message', 'error', 'open', 'error', 'close'])
    expect(s.errors().map((e) => e[1])).toEqual([1830002, 1830002, 1830008])
    expect(engine.calls).toHaveLength(3)
  })
  test('maxRetries: 2 makes exactly 2 reconnects', () => {
    const s = engine.connect({ maxRetries: 2, retryInterval: 1000 })
    step()
    engine.last().fail()
    step(1000)
    engine.last().fail()
    step(2000)
    engine.last().fail()
    step(10000)
    expect(engine.calls).toHaveLength(3)
    expect(s.errors().map((e) => e[1])).toEqual([1830002, 1830002, 1830008])
  })
  test('a stream that stayed open 5 s resets the backoff to retryInterval', () => {
    const s = engine.connect({ retryInterval: 1000, maxRetryInterval: 60000 })
    step()
    expect(failRepeatedly(s, 3)).toEqual([1000, 1500, 3000])
    engine.last().open()
    step(5000)
    engine.last().end()
    expect(s.errors().at(-1)[2].retryDelay).toBe(1000)
    s.es.close()
  })
  test('a GET cut at the host\'s time limit (1830013) reconnects at once; a background interruption (1830012) after the delay', () => {
    const s = engine.connect({ retryInterval: 1000 })
    step().open()
    engine.last().text('id: 1\ndata: a\n\n')
    engine.last().interrupted(1830013)
    expect(s.errors().map((e) => [e[1], e[2].willRetry, e[2].retryDelay])).toEqual([[1830013, true, 0]])
    const again = step(0)
    expect(engine.calls).toHaveLength(2)
    expect(again.request.headers.get('Last-Event-ID')).toBe('1')
    again.open()
    again.interrupted(1830012)
    // The second consecutive reconnect: 1000 * 2 * 0.75.
    expect(s.errors().at(-1).slice(1, 2).concat(s.errors().at(-1)[2].retryDelay)).toEqual([1830012, 1500])
    step(1499)
    expect(engine.calls).toHaveLength(2)
    step(1)
    expect(engine.calls).toHaveLength(3)
    s.es.close()
  })
  test('with maxRetries 0 a network failure is reported as itself, then the source closes', () => {
    const s = engine.connect({ maxRetries: 0 })
    step().fail('refused')
    expect(s.kinds()).toEqual(['error', 'close'])
    expect(s.errors()[0][1]).toBe(1830002)
  })
})

describe('timers and superseded attempts', () => {
  test('close() clears every timer (heartbeat, connect timeout, reconnect)', () => {
    const s = engine.connect({ heartbeatTimeout: 1000, timeout: 5000 })
    step().open()
    expect(vi.getTimerCount()).toBeGreaterThan(0)
    s.es.close()
    expect(vi.getTimerCount()).toBe(0)
    const waiting = engine.connect({ retryInterval: 1000 })
    step().fail()
    waiting.es.close()
    expect(vi.getTimerCount()).toBe(0)
  })
  test('a final error clears the heartbeat timer too', () => {
    const s = engine.connect({ heartbeatTimeout: 1000, maxLineLength: 5 })
    step().open()
    engine.last().text('data: too long\n')
    expect(s.errors().map((e) => e[1])).toEqual([1830009])
    expect(vi.getTimerCount()).toBe(0)
  })
  test('bytes and text count as activity: a stream that keeps talking never trips heartbeatTimeout', () => {
    const s = engine.connect({ heartbeatTimeout: 1000 })
    step().open()
    for (let i = 0; i < 10; i++) {
      step(600)
      if (i % 2 === 0) engine.last().bytes(': ping\n')
      else engine.last().text(': ping\n')
    }
    expect(s.kinds()).toEqual(['open'])
    step(1000)
    expect(s.errors().map((e) => e[1])).toEqual([1830004])
    s.es.close()
  })
  test('the connect timeout stops once the response arrived', () => {
    const s = engine.connect({ timeout: 1000, heartbeatTimeout: 0 })
    step().open()
    step(5000)
    expect(s.kinds()).toEqual(['open'])
    s.es.close()
  })
  test('timeout: 0 means no connect timeout: a response that takes a minute still opens the stream', () => {
    const s = engine.connect({ timeout: 0, heartbeatTimeout: 0 })
    const call = step()
    step(60000)
    expect(s.kinds()).toEqual([])
    call.open()
    call.text('data: late\n\n')
    expect(s.kinds()).toEqual(['open', 'message'])
    s.es.close()
  })
  test('callbacks of a timed-out (aborted) attempt are ignored; the new attempt is the one that counts', () => {
    const s = engine.connect({ timeout: 1000, retryInterval: 500 })
    const first = step()
    step(1000)
    expect(first.aborted).toBe(true)
    expect(s.errors().map((e) => e[1])).toEqual([1830003])
    // A misbehaving transport reporting after abort(), before and while the next attempt waits for its response:
    first.open()
    first.text('data: stale\n\n')
    const second = step(500)
    expect(second).not.toBe(first)
    first.open()
    first.text('data: stale\n\n')
    first.end()
    second.open()
    second.text('data: fresh\n\n')
    expect(s.kinds()).toEqual(['error', 'open', 'message'])
    expect(s.messages()).toEqual(['fresh'])
    s.es.close()
    expect(second.aborted).toBe(true)
  })
})

describe('listeners', () => {
  test('removeEventListener removes that callback for that type only; onMessage runs before named listeners', () => {
    const s = engine.connect({ maxRetries: 0 })
    const order = []
    const a = (ev) => order.push('a' + ev.data)
    const b = (ev) => order.push('b' + ev.data)
    s.es.onMessage((ev) => order.push('m' + ev.data))
    s.es.addEventListener('message', a)
    s.es.addEventListener('message', a)
    s.es.addEventListener('message', b)
    s.es.addEventListener('other', a)
    step().open()
    engine.last().text('data: 1\n\n')
    s.es.removeEventListener('message', a)
    s.es.removeEventListener('message', () => {})
    engine.last().text('data: 2\n\nevent: other\ndata: 3\n\n')
    s.es.removeEventListener('other', b)
    engine.last().text('event: other\ndata: 4\n\n')
    expect(order).toEqual(['m1', 'a1', 'b1', 'm2', 'b2', 'm3', 'a3', 'm4', 'a4'])
    s.es.close()
  })
  test('close() inside the first onMessage: no other listener of that event, nothing after', () => {
    const s = engine.connect({ maxRetries: 0 })
    const seen = []
    s.es.onMessage(() => { seen.push('first'); s.es.close() })
    s.es.onMessage(() => seen.push('second'))
    s.es.addEventListener('message', () => seen.push('named'))
    step().open()
    engine.last().text('id: 1\ndata: a\n\nid: 2\ndata: b\n\n')
    expect(seen).toEqual(['first'])
    expect(s.es.lastEventId).toBe('1')
    expect(s.kinds()).toEqual(['open', 'message', 'close'])
  })
  test('a listener added during a dispatch does not see that event; a throwing one does not stop the stream', () => {
    const s = engine.connect({ maxRetries: 0 })
    const seen = []
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    s.es.onMessage((ev) => {
      seen.push('outer' + ev.data)
      if (ev.data === '1') s.es.onMessage((e) => seen.push('late' + e.data))
    })
    s.es.addEventListener('message', () => { throw new Error('boom') })
    step().open()
    engine.last().text('data: 1\n\ndata: 2\n\n')
    expect(seen).toEqual(['outer1', 'outer2', 'late2'])
    expect(errors).toHaveBeenCalledTimes(2)
    s.es.close()
  })
  test('open and close are events with their own type, empty data and the last event ID so far (as uni.connectEventSource\'s UniMessageEvent)', () => {
    const s = engine.connect({ maxRetries: 0, lastEventId: 'resume-7' })
    const seen = []
    s.es.onOpen((ev) => seen.push([ev.type, ev.data, ev.lastEventId]))
    s.es.onClose((ev) => seen.push([ev.type, ev.data, ev.lastEventId]))
    step().open()
    engine.last().text('id: 8\ndata: x\n\n')
    s.es.close()
    expect(seen).toEqual([['open', '', 'resume-7'], ['close', '', '8']])
  })
  test('off(id) removes exactly that registration, of any kind', () => {
    const s = engine.connect({ maxRetries: 0 })
    const seen = []
    const m = s.es.onMessage(() => seen.push('m'))
    const n = s.es.addEventListener('message', () => seen.push('n'))
    const o = s.es.onOpen(() => seen.push('o'))
    const c = s.es.onClose(() => seen.push('c'))
    const e = s.es.onError(() => seen.push('e'))
    s.es.onMessage(() => seen.push('kept'))
    for (const id of [m, n, o, c, e]) s.es.off(id)
    step().open()
    engine.last().text('data: 1\n\n')
    engine.last().fail()
    expect(seen).toEqual(['kept'])
    // Each removed kind had something to miss: the open, the message, an error and the close were dispatched.
    expect(s.kinds()).toEqual(['open', 'message', 'error', 'close'])
  })
})

describe('a transport that cannot start', () => {
  test('openTransport throws: 1830002 "The request could not be started: ..." and a reconnect (a GET); throwing after setting unsupported: 1830007 once, nothing retried', () => {
    const opened = engine.platform.openTransport
    engine.platform.openTransport = () => { throw new Error('no socket') }
    const s = engine.connect({ retryInterval: 1000 })
    const messages = []
    s.es.onError((e) => messages.push([e.errCode, e.errMsg]))
    step()
    expect(messages).toEqual([[1830002, 'Network error: the connection failed or was lost. The request could not be started: Error: no socket. Reconnecting in 1000 ms.']])
    expect(s.es.readyState).toBe(0)
    engine.platform.openTransport = opened
    step(1000).open()
    expect(s.kinds()).toEqual(['error', 'open'])
    s.es.close()

    const t = engine.connect({ retryInterval: 1000 })
    engine.platform.openTransport = () => {
      engine.platform.unsupported = 'This host cannot stream.'
      throw new Error('no chunked request')
    }
    step()
    step(5000)
    expect(t.log.map((e) => e.slice(0, 2))).toEqual([['error', 1830007], ['close']])
    expect(t.es.readyState).toBe(2)
  })
})

describe('the last event ID while a chunk is dispatched', () => {
  test('inside onMessage and onComment, lastEventId is that of the event just dispatched, not of the chunk before', () => {
    const s = engine.connect({})
    const seen = []
    s.es.onMessage((ev) => seen.push(['message', ev.data, s.es.lastEventId]))
    s.es.onComment((ev) => seen.push(['comment', ev.data, ev.lastEventId, s.es.lastEventId]))
    const call = step()
    call.open()
    call.text('id: 1\ndata: a\n\nid: 2\ndata: b\n\n: after two\n\nid: 3\ndata: c\n\n')
    expect(seen).toEqual([['message', 'a', '1'], ['message', 'b', '2'], ['comment', ' after two', '2', '2'], ['message', 'c', '3']])
  })
})

describe('a text-only platform', () => {
  test('bytes from its transport fail the attempt (1830002, "delivers text, not bytes") instead of being decoded or thrown', () => {
    engine.platform.createDecoder = null
    const s = engine.connect({ maxRetries: 0 })
    const messages = []
    s.es.onError((e) => messages.push([e.errCode, e.errMsg]))
    const call = step()
    call.open()
    call.text('data: as text\n\n')
    call.bytes('data: as bytes\n\n')
    step(10)
    expect(s.messages()).toEqual(['as text'])
    expect(messages).toEqual([[1830002, expect.stringContaining('this platform delivers text, not bytes')]])
    expect(s.es.readyState).toBe(2)
  })
})

describe('a reply that ended', () => {
  // A POST is the answer to its request; NDJSON has no resume protocol: either way its end is the end.
  const replies = [
    ['a POST', { method: 'POST', data: '{}' }, undefined, 'data: done\n\n'],
    ['an NDJSON GET (no resume protocol)', { format: 'ndjson' }, new Map([['content-type', 'application/x-ndjson']]), '{"done":true}\n']
  ]
  for (const [what, options, headers, body] of replies) {
    test(`${what} whose response ended closes for good: no second request, however long after, and readyState stays CLOSED`, () => {
      const s = engine.connect(options)
      const call = step()
      call.open(headers)
      call.text(body)
      call.end()
      step(600000)
      expect(engine.calls.length).toBe(1)
      expect(s.kinds()).toEqual(['open', 'message', 'close'])
      expect(s.es.readyState).toBe(2)
    })
  }
})

describe('transports are let go', () => {
  test('each attempt\'s transport is aborted exactly once: a failed one when it fails, not again by close() during the reconnect wait or later', () => {
    const s = engine.connect({ retryInterval: 1000 })
    const first = step()
    first.open()
    first.fail()
    const second = step(1000)
    second.open()
    second.fail()
    s.es.close()
    expect([first.abortCalls, second.abortCalls]).toEqual([1, 1])
  })
})
