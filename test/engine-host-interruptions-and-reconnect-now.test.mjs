// The engine's side of the mobile lifecycle (issue 11), on the shared sources with a scripted transport: a host
// interruption (transport.uts onInterrupted) is 1830012 (background) or 1830013 (the host's time limit); a GET cut
// at the limit reconnects at once with Last-Event-ID, other methods end with the code; reconnectNow() starts a
// waiting reconnect at once and does nothing otherwise; the open event carries Platform.streaming.
// The mini-program layer that calls these (app-state.uts) runs in test/mp-weixin-build.test.mjs.
import { expect, test } from 'vitest'
import { startEventSource, Platform } from '../uni_modules/connect-event-source/utssdk/common/connection.uts'
import { createJsDecoder } from '../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
import { sameCallback } from '../uni_modules/connect-event-source/utssdk/common/same-callback.uts'
import { record, sleep } from './support/engine.mjs'

const HEAD = new Map([['content-type', 'text/event-stream']])

/** Each request opens, sends one event with id n, then does what `then(listener, n)` says. */
function scripted(then) {
  const requests = []
  const open = (request, listener) => {
    requests.push(request)
    const n = requests.length
    setTimeout(() => {
      listener.onResponse(200, HEAD)
      listener.onText(`id: ${n}\ndata: event ${n}\n\n`)
      then(listener, n)
    }, 2)
    return { abort() {} }
  }
  return { platform: new Platform(open, createJsDecoder, sameCallback), requests }
}

test('a GET cut at the host time limit (1830013) reconnects at once, whatever the delay, with Last-Event-ID', async () => {
  const { platform, requests } = scripted((listener, n) => { if (n === 1) listener.onInterrupted(1830013, 'request:fail timeout') })
  const es = startEventSource({ url: 'http://127.0.0.1:9/sse', retryInterval: 60000, maxRetryInterval: 60000 }, platform)
  const r = record(es)
  await r.until((l) => l.filter((e) => e[0] === 'message').length === 2, 2000)
  es.close()
  const [, code, message, data, readyState] = r.errors()[0]
  expect(code).toBe(1830013)
  expect(message).toMatch(/time limit.*request:fail timeout/)
  expect(data).toMatchObject({ willRetry: true, retryDelay: 0 })
  expect(readyState).toBe(0)
  expect(requests).toHaveLength(2)
  expect(requests[1].headers.get('Last-Event-ID')).toBe('1')
})

test('a POST cut at the host time limit ends with 1830013; interrupted in the background, with 1830012, once', async () => {
  for (const code of [1830013, 1830012]) {
    const { platform, requests } = scripted((listener) => listener.onInterrupted(code, 'host said so'))
    const es = startEventSource({ url: 'http://127.0.0.1:9/chat', method: 'POST', data: '{}' }, platform)
    const r = record(es)
    await r.closed()
    await sleep(50)
    expect(r.kinds()).toEqual(['open', 'message', 'error', 'close'])
    expect(r.errors()[0].slice(1, 2)).toEqual([code])
    expect(r.errors()[0][3]).toMatchObject({ willRetry: false })
    expect(requests).toHaveLength(1)
  }
})

test('interrupted in the background, a GET waits its delay; reconnectNow() starts it at once, and is a no-op otherwise', async () => {
  const { platform, requests } = scripted((listener, n) => { if (n === 1) listener.onInterrupted(1830012, 'request:fail interrupted') })
  const es = startEventSource({ url: 'http://127.0.0.1:9/sse', retryInterval: 60000, maxRetryInterval: 60000 }, platform)
  const r = record(es)
  // Before the stream opens nothing waits: reconnectNow must not start a second request.
  es.reconnectNow()
  await r.until((l) => l.some((e) => e[0] === 'error'), 2000)
  const [, code, , data, readyState] = r.errors()[0]
  expect(code).toBe(1830012)
  expect(data).toMatchObject({ willRetry: true, retryDelay: 60000 })
  expect(readyState).toBe(0)
  await sleep(50)
  expect(requests).toHaveLength(1)
  es.reconnectNow()
  await r.until((l) => l.filter((e) => e[0] === 'message').length === 2, 2000)
  expect(requests).toHaveLength(2)
  expect(requests[1].headers.get('Last-Event-ID')).toBe('1')
  // Open again: nothing waits, so nothing happens.
  es.reconnectNow()
  await sleep(50)
  expect(requests).toHaveLength(2)
  es.close()
  es.reconnectNow()
  await sleep(20)
  expect(requests).toHaveLength(2)
})

test('the open event says whether the platform streams (UniMessageEvent.streaming)', async () => {
  for (const streaming of [true, false]) {
    const { platform } = scripted((listener) => listener.onEnd())
    platform.streaming = streaming
    const es = startEventSource({ url: 'http://127.0.0.1:9/chat', method: 'POST', data: '{}' }, platform)
    const flags = []
    es.onOpen((ev) => flags.push(ev.streaming))
    await new Promise((resolve) => es.onClose(resolve))
    expect(flags).toEqual([streaming])
  }
})
