// Issue 10, item 1: a hostile or broken server cannot make a GET source reconnect in a storm. Every delay, the
// server's retry: included, is clamped into [minRetryInterval, maxRetryInterval], and a stream that dies right
// after opening counts toward backoff even when it delivered an event. Real HTTP over loopback (Node fetch), and
// the same engine on the Android OkHttp transport (JVM).
import http from 'node:http'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { connectEventSource as nodeConnect, record, sleep } from './support/engine.mjs'
import { nodeAndJvmTransports, TRANSPORT_NAMES } from './support/node-and-jvm.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'

const { transports } = nodeAndJvmTransports()
let srv
beforeAll(async () => { srv = await startServer() })
afterAll(async () => { await srv?.close() })

/** Requests the server saw for key within ms, then closes the source. */
async function requestsWithin(connect, options, key, ms) {
  const es = connect(options)
  const r = record(es)
  await sleep(ms)
  es.close()
  return { count: srv.requests(key).length, delays: r.errors().map((e) => e[3].retryDelay), errors: r.errors() }
}

for (const name of TRANSPORT_NAMES) {
  describe(`reconnect storms (${name})`, () => {
    test('retry: 0 and an immediate end: a few requests in 1.5 s, not hundreds; delays at least minRetryInterval (250 ms)', async () => {
      const key = uniqueKey('storm0')
      const { count, delays } = await requestsWithin(transports[name], { url: scenarioUrl(srv.url, { key, body: 'retry: 0\n\n' }) }, key, 1500)
      // 250, then backoff 250-500, 500-1000: at most 4 requests in 1.5 s (before the fix: about 500 a second).
      expect(count).toBeGreaterThanOrEqual(2)
      expect(count).toBeLessThanOrEqual(4)
      for (const d of delays) expect(d).toBeGreaterThanOrEqual(250)
    })

    test('retry: 3000000000 is capped by maxRetryInterval (no setTimeout overflow that fires at once)', async () => {
      const key = uniqueKey('stormbig')
      const { count, delays } = await requestsWithin(transports[name], { url: scenarioUrl(srv.url, { key, body: 'retry: 3000000000\n\n' }), maxRetryInterval: 400 }, key, 1000)
      expect(delays[0]).toBe(400)
      // One reconnect after 400 ms, the next backs off to 200-400 ms later: 2 or 3 requests, never a storm.
      expect(count).toBeGreaterThanOrEqual(2)
      expect(count).toBeLessThanOrEqual(3)
    })

    test('"one event, then close" with retry: 0 backs off although every stream delivered an event', async () => {
      const key = uniqueKey('stormevent')
      const { delays, count } = await requestsWithin(transports[name], { url: scenarioUrl(srv.url, { key, body: 'retry: 0\ndata: x\n\n' }), maxRetryInterval: 2000 }, key, 2500)
      expect(delays.length).toBeGreaterThanOrEqual(3)
      // Doubling (with jitter to 50-100 % of the doubled value): 250, 250-500, 500-1000, ...
      expect(delays[0]).toBe(250)
      expect(delays[2]).toBeGreaterThanOrEqual(500)
      expect(count).toBeLessThanOrEqual(5)
    })
  })
}

describe('reconnect delays (engine)', () => {
  test('a server retry: below minRetryInterval is raised to it, above maxRetryInterval lowered to it', async () => {
    const key = uniqueKey('clamp')
    const es = nodeConnect({ url: scenarioUrl(srv.url, { key, body: ['retry: 5\ndata: a\n\n', 'retry: 999999\ndata: b\n\n'] }), minRetryInterval: 60, maxRetryInterval: 120 })
    const r = record(es)
    await r.until((l) => l.filter((e) => e[0] === 'error').length >= 2)
    es.close()
    const [first, second] = r.errors().map((e) => e[3].retryDelay)
    expect(first).toBe(60)
    expect(second).toBeGreaterThanOrEqual(60)
    expect(second).toBeLessThanOrEqual(120)
  })

  test('minRetryInterval defaults to 250 ms, or to retryInterval when that is set lower', async () => {
    for (const [options, expected] of [[{}, 250], [{ retryInterval: 40 }, 40]]) {
      const key = uniqueKey('floor')
      const es = nodeConnect({ url: scenarioUrl(srv.url, { key, body: 'retry: 1\n\n' }), ...options })
      const r = record(es)
      await r.until((l) => l.some((e) => e[0] === 'error'))
      es.close()
      expect(r.errors()[0][3].retryDelay).toBe(expected)
    }
  })

  test('a stream that stayed open 5 s resets the backoff; shorter ones do not', async () => {
    // Attempts 1 and 2 end at once (the backoff grows), attempt 3 stays open 5.2 s and then ends.
    let attempt = 0
    const server = http.createServer((req, res) => {
      attempt++
      res.writeHead(200, { 'Content-Type': 'text/event-stream' })
      res.write('data: ' + attempt + '\n\n')
      if (attempt === 3) setTimeout(() => res.end(), 5200)
      else res.end()
    })
    await new Promise((r) => server.listen(0, '127.0.0.1', r))
    try {
      const es = nodeConnect({ url: `http://127.0.0.1:${server.address().port}/`, retryInterval: 100, maxRetryInterval: 100000 })
      const r = record(es)
      await r.until((l) => l.filter((e) => e[0] === 'error').length >= 3, 10000)
      es.close()
      const [d1, d2, d3] = r.errors().map((e) => e[3].retryDelay)
      expect(d1).toBe(100)
      expect(d2).toBeGreaterThanOrEqual(100)
      expect(d2).toBeLessThanOrEqual(200)
      // Without the reset this would be 200-400 ms.
      expect(d3).toBe(100)
    } finally {
      server.closeAllConnections()
      await new Promise((r) => server.close(r))
    }
  }, 15000)

  test('minRetryInterval above maxRetryInterval is an invalid option', async () => {
    const es = nodeConnect({ url: 'http://127.0.0.1:1/', minRetryInterval: 5000, maxRetryInterval: 1000 })
    const r = record(es)
    await r.closed()
    expect(r.errors().map((e) => e[1])).toEqual([1830001])
    expect(r.errors()[0][2]).toMatch(/minRetryInterval/)
  })
})
