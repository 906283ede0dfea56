// The npm entry's JavaScript-only API: `signal` (abort = close()) and `for await` (yields every event, ends on
// close, throws the final error after the events before it, closes the source when the loop is left early).
import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { mockReply, scenarioUrl, startServer, uniqueKey } from './support/server.mjs'

// dist is built here when missing (this file alone in a fresh clone), then imported by a URL computed at run time,
// as in dist-entry-node.test.mjs (a literal import is resolved by vite before beforeAll can build it).
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
let connectEventSource, CLOSED, srv
beforeAll(async () => {
  // Only when missing: npm test has just built it, and rebuilding under other test files that read it would race.
  if (!existsSync(path.join(ROOT, 'dist/index.mjs'))) execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-dist.mjs')], { cwd: ROOT })
  // The build's time in the URL: a dist rebuilt in the same process (the mutation tool's session) is imported afresh.
  const built = path.join(ROOT, 'dist/index.mjs')
  ;({ connectEventSource, CLOSED } = await import(pathToFileURL(built).href + '?built=' + statSync(built).mtimeMs))
  srv = await startServer()
}, 120000)
afterAll(async () => { await srv?.close() })

const chat = (key, extra = {}) => connectEventSource({
  url: `${srv.url}/v1/chat/completions?delay=2&key=${key}`,
  method: 'POST',
  header: { Authorization: 'Bearer sk-iter' },
  data: { model: 'm', stream: true, messages: [{ role: 'user', content: 'iterate' }] },
  ...extra
})
const text = (events) => events.filter((d) => d !== '[DONE]').map((d) => JSON.parse(d).choices[0]?.delta?.content ?? '').join('')

test('for await yields every event of a POST chat in order and ends when the server ends the reply', async () => {
  const es = chat(uniqueKey())
  const closes = []
  es.onClose(() => closes.push(es.readyState))
  const data = []
  for await (const ev of es) data.push(ev.data)
  expect(text(data)).toBe(mockReply('iterate'))
  expect(data.at(-1)).toBe('[DONE]')
  expect(es.readyState).toBe(CLOSED)
  expect(closes).toEqual([CLOSED])
})

test('for await throws the final error after the events that came before it', async () => {
  const es = connectEventSource({ url: scenarioUrl(srv.url, { body: 'data: a\n\ndata: b\n\n', end: 'destroy', key: uniqueKey() }), method: 'POST' })
  const seen = []
  let error = null
  try {
    for await (const ev of es) seen.push(ev.data)
  } catch (e) {
    error = e
  }
  expect(seen).toEqual(['a', 'b'])
  expect(error).toBeInstanceOf(Error)
  expect(error.errCode).toBe(1830002)
  expect(error.errSubject).toBe('uni-connectEventSource')
})

test('for await throws an HTTP error with the API explanation (401), yielding nothing', async () => {
  const es = connectEventSource({ url: `${srv.url}/v1/chat/completions`, method: 'POST', data: { stream: true, messages: [] } })
  const err = await (async () => { for await (const _ of es) throw new Error('no event expected') })().catch((e) => e)
  expect(err.errCode).toBe(1830005)
  expect(err.data.status).toBe(401)
  expect(JSON.parse(err.data.body).error.code).toBe('invalid_api_key')
})

test('a reconnect is not the end: the loop goes on over the error that schedules it', async () => {
  const key = uniqueKey()
  const es = connectEventSource({ url: scenarioUrl(srv.url, { body: ['id: 1\ndata: first\n\n', 'id: 2\ndata: second\n\n'], key }), retryInterval: 20, minRetryInterval: 20 })
  const errors = []
  es.onError((e) => errors.push(e.data.willRetry))
  const seen = []
  for await (const ev of es) {
    seen.push(ev.data)
    if (seen.length === 2) break
  }
  expect(seen).toEqual(['first', 'second'])
  expect(errors).toEqual([true])
  expect(es.readyState).toBe(CLOSED) // break closed the source
  expect(srv.requests(key)[1].headers['last-event-id']).toBe('1')
})

test('leaving the loop early closes the source: no reconnect, the request is aborted', async () => {
  const key = uniqueKey()
  const es = chat(key)
  let closes = 0
  es.onClose(() => closes++)
  for await (const ev of es) {
    expect(ev.type).toBe('message')
    break
  }
  expect(es.readyState).toBe(CLOSED)
  await new Promise((r) => setTimeout(r, 100))
  expect(closes).toBe(1)
  expect(srv.requests(key).length).toBe(1)
  // Iterating a closed source ends at once.
  for await (const _ of es) throw new Error('no event expected')
})

test('aborting the signal mid-stream is close(): onClose once, nothing after, the loop ends without error', async () => {
  const controller = new AbortController()
  const es = chat(uniqueKey(), { signal: controller.signal })
  const log = []
  es.onError((e) => log.push('error ' + e.errCode))
  es.onClose(() => log.push('close'))
  let n = 0
  for await (const _ of es) {
    if (++n === 2) controller.abort()
    expect(n).toBeLessThanOrEqual(2)
  }
  controller.abort()
  await new Promise((r) => setTimeout(r, 100))
  expect(n).toBe(2)
  expect(log).toEqual(['close'])
  expect(es.readyState).toBe(CLOSED)
})

test('an already aborted signal: no request at all, CLOSED, onClose registered after the call still fires once', async () => {
  const key = uniqueKey()
  const es = chat(key, { signal: AbortSignal.abort() })
  const log = []
  es.onOpen(() => log.push('open'))
  es.onClose(() => log.push('close'))
  await new Promise((r) => setTimeout(r, 150))
  expect(log).toEqual(['close'])
  expect(es.readyState).toBe(CLOSED)
  expect(srv.requests(key).length).toBe(0)
})

test('the abort listener is removed once the source closes (a long-lived signal does not keep sources alive)', async () => {
  const added = []
  const removed = []
  const signal = { aborted: false, addEventListener: (t, fn) => added.push([t, fn]), removeEventListener: (t, fn) => removed.push([t, fn]) }
  const es = chat(uniqueKey(), { signal })
  for await (const _ of es);
  expect(added.length).toBe(1)
  expect(removed).toEqual(added)
})

test('signal.timeout-style aborts work with the callback API too', async () => {
  const es = connectEventSource({ url: `${srv.url}/events?interval=1000&count=5`, signal: AbortSignal.timeout(300) })
  const log = []
  es.onOpen(() => log.push('open'))
  es.addEventListener('tick', () => log.push('tick'))
  await new Promise((resolve) => es.onClose(resolve))
  expect(log).toEqual(['open', 'tick'])
})
