// The web entry (utssdk/web/index.uts) on Node's fetch, which streams and follows redirects like a browser's: the
// browser-mode fetch transport (fetch follows redirects itself), closeAllEventSources, and a runtime with fetch but
// no ReadableStream refused up front. Chromium runs the same entry in web-*-in-chromium and
// web-native-eventsource-and-fetch-paths; this file is the fast check of what the browser runs through.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { closeAllEventSources, connectEventSource } from '../uni_modules/connect-event-source/utssdk/web/index.uts'
import { record } from './support/engine.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'

let srv
beforeAll(async () => { srv = await startServer() })
afterAll(async () => { await srv?.close() })

test('a POST answered with a 307 is followed by fetch itself: the stream opens at the target with the same method and body', async () => {
  const key = uniqueKey('web-307')
  const target = scenarioUrl(srv.url, { key, body: 'data: moved\n\n' })
  const es = connectEventSource({ url: `${srv.url}/redirect?status=307&to=${encodeURIComponent(target)}`, method: 'POST', data: 'payload', maxRetries: 0 })
  const r = record(es)
  await r.closed()
  expect(r.messages()).toEqual(['moved'])
  expect(srv.requests(key).map((q) => [q.method, q.body])).toEqual([['POST', 'payload']])
})

test('closeAllEventSources closes every open source of the web entry: onClose once each, readyState 2, nothing after', async () => {
  const sources = [0, 1].map(() => connectEventSource({ url: scenarioUrl(srv.url, { key: uniqueKey('web-all'), body: 'data: a\n\n', end: 'hold' }), method: 'POST' }))
  const records = sources.map(record)
  await Promise.all(records.map((r) => r.until((l) => l.some((e) => e[0] === 'message'))))
  closeAllEventSources()
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(sources.map((s) => s.readyState)).toEqual([2, 2])
  expect(records.map((r) => r.kinds())).toEqual([['open', 'message', 'close'], ['open', 'message', 'close']])
})

test('fetch without ReadableStream (no streaming body): 1830007 saying so, nothing fetched', async () => {
  const saved = globalThis.ReadableStream
  const key = uniqueKey('web-no-stream')
  delete globalThis.ReadableStream
  let es
  try {
    es = connectEventSource({ url: scenarioUrl(srv.url, { key, body: 'data: x\n\n' }), method: 'POST' })
  } finally {
    globalThis.ReadableStream = saved
  }
  const r = record(es)
  await r.closed()
  expect(r.errors().map((e) => [e[1], e[2]])).toEqual([[1830007, expect.stringContaining('This browser has no streaming fetch (fetch with a ReadableStream body).')]])
  expect(srv.requests(key)).toEqual([])
})
