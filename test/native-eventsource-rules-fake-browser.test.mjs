// The web entry's browser-EventSource path (utssdk/web/native-event-source.uts) driven over a scriptable stand-in for
// the browser's EventSource and MessageEvent (test/support/fake-browser-eventsource.mjs), with fake timers: the fast
// Node check of its rules (which options it serves, onComment/onMessage hand-over, reconnect(), first-connect
// timeout, storms, maxRetries, close()). Chromium runs the same code for real in
// web-native-eventsource-and-fetch-paths; here every delay and every host event is under the test's control.
// Only the browser API is replaced (the host); our code runs as it is. (Named without "web-native" so that
// scripts/mutation/targets.mjs does not count it among the slow Chromium files: it runs for every mutant here.)
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { connectEventSource } from '../uni_modules/connect-event-source/utssdk/web/index.uts'
import { installFakeBrowser } from './support/fake-browser-eventsource.mjs'

const URL = 'https://example.test/sse'
let host
const sources = []

beforeEach(() => {
  vi.useFakeTimers()
  host = installFakeBrowser()
})
afterEach(() => {
  for (const es of sources.splice(0)) es.close()
  vi.clearAllTimers()
  vi.useRealTimers()
  vi.restoreAllMocks()
  host.restore()
})

/** connectEventSource with everything recorded except onMessage (registering it before the start selects fetch). */
function connect(options) {
  const es = connectEventSource({ url: URL, ...options })
  sources.push(es)
  const log = []
  es.onOpen(() => log.push(['open']))
  es.onError((err) => log.push(['error', err.errCode, err.errMsg, err.data]))
  es.onClose(() => log.push(['close']))
  return { es, log, errors: () => log.filter((e) => e[0] === 'error') }
}

/** Lets the deferred start (setTimeout 0) and any promise work run. */
const settle = (ms = 1) => vi.advanceTimersByTimeAsync(ms)

test('a plain GET with retryInterval set uses fetch, never the browser EventSource (which has no client-side retry interval)', async () => {
  connect({ retryInterval: 5000 })
  await settle()
  expect(host.instances).toHaveLength(0)
  expect(host.requests.map((r) => r.url)).toEqual([URL])
})

test('a plain GET with retryOnStatus set uses fetch, never the browser EventSource (which hides the status)', async () => {
  connect({ retryOnStatus: [500] })
  await settle()
  expect(host.instances).toHaveLength(0)
  expect(host.requests.map((r) => r.url)).toEqual([URL])
})

test('a plain GET with only addEventListener uses the browser EventSource, subscribed to "message" and the names given', async () => {
  const { es } = connect({})
  es.addEventListener('tick', () => {})
  await settle()
  expect(host.requests).toEqual([])
  expect(host.instances).toHaveLength(1)
  expect([...host.last().subscriptions.keys()]).toEqual(['message', 'tick'])
})

test('onComment registered right after connectEventSource hands over to fetch at the start: no browser EventSource, no warning', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  const { es } = connect({})
  es.onComment(() => {})
  await settle()
  expect(host.instances).toHaveLength(0)
  expect(host.requests.map((r) => r.url)).toEqual([URL])
  expect(warn).not.toHaveBeenCalled()
})

test('onComment registered after the start warns that comments are never shown, but not once the source is closed', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  const { es } = connect({})
  await settle()
  expect(host.instances).toHaveLength(1)
  es.onComment(() => {})
  expect(warn).toHaveBeenCalledTimes(1)
  expect(warn.mock.calls[0][0]).toContain('onComment was registered after the connection started')
  es.close()
  es.onComment(() => {})
  expect(warn).toHaveBeenCalledTimes(1)
})

test('reconnect() after the hand-over to fetch restarts the fetch request and never opens a browser EventSource', async () => {
  const { es } = connect({})
  es.onMessage(() => {})
  await settle()
  expect(host.requests).toHaveLength(1)
  es.reconnect()
  await settle(10)
  expect(host.instances).toHaveLength(0)
  expect(host.requests).toHaveLength(2)
  expect(host.requests[0].aborted).toBe(true)
  expect(es.readyState).toBe(0)
})

test('reconnect() before any event id replaces the browser EventSource with a new one (nothing to resume, no fetch)', async () => {
  const { es } = connect({})
  await settle()
  const first = host.last()
  first.open()
  es.reconnect()
  expect(first.closed).toBe(true)
  expect(es.readyState).toBe(0)
  await settle()
  expect(host.instances).toHaveLength(2)
  expect(host.live()).toEqual([host.instances[1]])
  expect(host.requests).toEqual([])
})

test('reconnect() after an event id was seen continues on fetch with that Last-Event-ID (EventSource cannot send one)', async () => {
  const { es } = connect({})
  es.addEventListener('message', () => {})
  await settle()
  host.last().open()
  host.last().message('message', 'a', '7')
  es.reconnect()
  await settle()
  expect(host.instances).toHaveLength(1)
  expect(host.live()).toEqual([])
  expect(host.requests).toHaveLength(1)
  expect(host.requests[0].init.headers['Last-Event-ID'] ?? host.requests[0].init.headers['last-event-id']).toBe('7')
})

test('addEventListener returns an id that off() accepts: that listener receives nothing afterwards', async () => {
  const { es } = connect({})
  const got = []
  const id = es.addEventListener('tick', (ev) => got.push(ev.data))
  expect(typeof id).toBe('number')
  await settle()
  host.last().open()
  host.last().message('tick', '1')
  es.off(id)
  host.last().message('tick', '2')
  expect(got).toEqual(['1'])
})

test('no open within the default 30000 ms on the first connection: 1830003 willRetry with retryDelay 3000, the EventSource closed, a fresh one exactly 3000 ms later', async () => {
  const { es, log } = connect({})
  await settle()
  const first = host.last()
  await vi.advanceTimersByTimeAsync(29990)
  expect(log).toEqual([])
  await vi.advanceTimersByTimeAsync(20)
  expect(first.closed).toBe(true)
  expect(log).toEqual([['error', 1830003, expect.stringMatching(/ No response headers within 30000 ms\. Reconnecting in 3000 ms\.$/), expect.objectContaining({ willRetry: true, retryDelay: 3000, attempt: 1 })]])
  expect(es.readyState).toBe(0)
  await vi.advanceTimersByTimeAsync(2980)
  expect(host.instances).toHaveLength(1)
  await vi.advanceTimersByTimeAsync(20)
  expect(host.instances).toHaveLength(2)
  expect(host.live()).toEqual([host.instances[1]])
  host.last().open()
  expect(log.slice(1)).toEqual([['open']])
  expect(es.readyState).toBe(1)
})

test('reconnect() during the 3000 ms wait after a first-connect timeout cancels that wait: one new EventSource, not another 3000 ms later', async () => {
  const { es } = connect({})
  await settle()
  await vi.advanceTimersByTimeAsync(30000)
  expect(host.instances).toHaveLength(1)
  es.reconnect()
  await settle()
  expect(host.instances).toHaveLength(2)
  await vi.advanceTimersByTimeAsync(5000)
  expect(host.instances).toHaveLength(2)
  expect(host.live()).toEqual([host.instances[1]])
})

test('close() during the 3000 ms wait after a first-connect timeout leaves no timer pending and opens nothing later', async () => {
  const { es, log } = connect({})
  await settle()
  await vi.advanceTimersByTimeAsync(30000)
  es.close()
  expect(vi.getTimerCount()).toBe(0)
  await vi.advanceTimersByTimeAsync(5000)
  expect(host.instances).toHaveLength(1)
  expect(log.map((e) => e[0])).toEqual(['error', 'close'])
})

test('a server event named "open" reaches its addEventListener listener and does not fire onOpen again', async () => {
  const { es, log } = connect({})
  const got = []
  es.addEventListener('open', (ev) => got.push(ev.data))
  await settle()
  host.last().open()
  host.last().message('open', 'server says open', '1')
  expect(got).toEqual(['server says open'])
  expect(log).toEqual([['open']])
  expect(es.lastEventId).toBe('1')
})

test('a lost connection is not a server event: an addEventListener("error") listener gets only server events named "error", the loss goes to onError as 1830002', async () => {
  const { es, log } = connect({})
  const got = []
  es.addEventListener('error', (ev) => got.push([ev.type, ev.data, ev.lastEventId]))
  await settle()
  host.last().open()
  host.last().message('error', 'not a failure', '3')
  host.last().lost()
  expect(got).toEqual([['error', 'not a failure', '3']])
  expect(log.map((e) => e.slice(0, 2))).toEqual([['open'], ['error', 1830002]])
  expect(log[1][3]).toMatchObject({ willRetry: true, retryDelay: -1, lastEventId: '3' })
  expect(es.lastEventId).toBe('3')
})

test('three browser reconnects each within 1000 ms of the previous (maxRetries unset): the third is a storm, 1830002 willRetry true, and the source continues on fetch from the last event ID', async () => {
  const { es, log, errors } = connect({})
  es.addEventListener('message', () => {})
  await settle()
  const native = host.last()
  native.open()
  native.message('message', 'a', '5')
  native.lost()
  await vi.advanceTimersByTimeAsync(400)
  native.lost()
  await vi.advanceTimersByTimeAsync(400)
  native.lost()
  const storm = errors()[2]
  expect(errors().map((e) => e[1])).toEqual([1830002, 1830002, 1830002])
  expect(storm[2]).toContain('The browser reconnected 3 times within 1000 ms of each other')
  expect(storm[3]).toMatchObject({ willRetry: true, retryDelay: -1, lastEventId: '5' })
  expect(native.closed).toBe(true)
  await settle()
  expect(host.instances).toHaveLength(1)
  expect(host.requests).toHaveLength(1)
  expect(host.requests[0].init.headers['Last-Event-ID'] ?? host.requests[0].init.headers['last-event-id']).toBe('5')
  expect(log.some((e) => e[0] === 'close')).toBe(false)
})

test('three quick browser reconnects with maxRetries 5 (retries left) also leave the storm for fetch', async () => {
  const { es, errors } = connect({ maxRetries: 5 })
  es.addEventListener('message', () => {})
  await settle()
  const native = host.last()
  native.open()
  for (let i = 0; i < 3; i++) {
    native.lost()
    await vi.advanceTimersByTimeAsync(100)
  }
  expect(errors()[2][2]).toContain('The browser reconnected 3 times')
  expect(native.closed).toBe(true)
  expect(host.requests).toHaveLength(1)
})

test('maxRetries 1 and 2: the reconnect after the last allowed one closes the source with 1830008 "Gave up after N reconnect attempt(s); last failure: ..."', async () => {
  const lostMessage = 'The stream ended, or the connection was lost or refused (EventSource does not say which).'
  for (const [max, phrase] of [[1, '1 reconnect attempt'], [2, '2 reconnect attempts']]) {
    const { es, log, errors } = connect({ maxRetries: max })
    await settle()
    const native = host.last()
    native.open()
    // Spaced more than 1000 ms apart: not a storm.
    for (let i = 0; i <= max; i++) {
      await vi.advanceTimersByTimeAsync(1500)
      native.lost()
    }
    const last = errors().at(-1)
    expect(errors().map((e) => e[1])).toEqual([...Array(max).fill(1830002), 1830008])
    // After the per-code prefix the message says exactly this (error codes and messages: messages-and-per-method-defaults).
    expect(last[2].slice(last[2].indexOf(' Gave up after '))).toBe(` Gave up after ${phrase}; last failure: ${lostMessage}`)
    expect(last[3]).toMatchObject({ willRetry: false })
    expect(log.at(-1)).toEqual(['close'])
    expect(es.readyState).toBe(2)
    expect(native.closed).toBe(true)
  }
})
