// Issue 10 on the web platform, in headless Chromium on the real uni-app x H5 build:
// - item 1: the browser's EventSource applies "retry: 0" without floor or backoff; after 3 quick reconnects the
//   source continues on the fetch path, whose engine clamps and backs off (resuming from the last event ID);
// - item 3: a non-ASCII id: goes back as UTF-8 on the fetch path (fetch takes the bytes as a byte string);
// - item 5: redirect 'error' stops at the first redirect (opaque redirect: 1830011, status 0);
// - item 7: a leading space no longer hides a data: scheme (the URL is refused with 1830001, nothing fetched).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser } from './support/browser.mjs'
import { runScenario } from './support/scenario-runner.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'
import { buildH5, openE2EPage, runInPage, transportsFor } from './support/web-app.mjs'

let srv, browser, page
beforeAll(async () => {
  const staticDir = await buildH5()
  srv = await startServer({ staticDir })
  browser = await launchBrowser()
  page = await openE2EPage(browser, srv.url)
}, 180000)
afterAll(async () => {
  await browser?.close()
  await srv?.close()
})

const of = (r, kind) => r.log.filter((e) => e.kind === kind)

describe('web (Chromium)', () => {
  test('native EventSource path: a retry: 0 storm is handed to the fetch path, which backs off and resumes from the last id', async () => {
    const key = uniqueKey('web-storm')
    const r = await runInPage(page, runScenario, {
      onMessage: 'never',
      options: { url: scenarioUrl(srv.url, { key, body: 'retry: 0\nid: 7\ndata: x\n\n' }) },
      listen: ['message'],
      closeAfterMs: 2500,
      timeoutMs: 8000
    })
    // One EventSource object (its reconnects are the browser's own), then the fetch path.
    const transports = await transportsFor(page, key)
    expect(transports[0]).toBe('EventSource')
    expect(transports.slice(1).every((t) => t === 'fetch')).toBe(true)
    const errors = of(r, 'error')
    const handOver = errors.findIndex((e) => /continuing with fetch/.test(e.message))
    // Two browser reconnects reported as such, the third quick one hands over.
    expect(handOver).toBe(2)
    expect(errors[handOver]).toMatchObject({ code: 1830002, data: { willRetry: true } })
    // 3 browser requests, 1 immediate fetch, then the engine's 250 ms floor doubling: a handful in 2.5 s, not hundreds.
    const requests = srv.requests(key)
    expect(requests.length).toBeLessThanOrEqual(10)
    // The fetch path resumed with the id the browser had reached.
    expect(requests.slice(3).every((q) => q.lastEventId === '7')).toBe(true)
    expect(transports.length - 1).toBe(requests.length - 3)
  })

  test('fetch path: a non-ASCII id: goes back as its UTF-8 bytes', async () => {
    const key = uniqueKey('web-utf8')
    const r = await runInPage(page, runScenario, {
      options: { url: scenarioUrl(srv.url, { key, body: ['id: 日本-1…\ndata: a\n\n', 'data: b\n\n'], end: ['close', 'hold'] }), header: { 'X-Path': 'fetch' }, retryInterval: 20, minRetryInterval: 20 },
      // The first response ends cleanly (a GET reconnects after it). 'destroy' raced: a reset arriving with the last
      // bytes can make Chromium drop them, and then event 'a' never came.
      stopAfterMessages: 2
    })
    expect(of(r, 'message').map((m) => m.data)).toEqual(['a', 'b'])
    const sent = srv.requests(key).map((q) => (q.lastEventId == null ? null : Buffer.from(q.lastEventId, 'latin1').toString('utf8')))
    expect(sent).toEqual([null, '日本-1…'])
  })

  test("fetch path: redirect 'error' fails with 1830011 at the first redirect and does not retry", async () => {
    const key = uniqueKey('web-redirect')
    const target = scenarioUrl(srv.url, { key, body: 'data: no\n\n' })
    const r = await runInPage(page, runScenario, {
      options: { url: `${srv.url}/redirect?status=302&to=${encodeURIComponent(target)}`, redirect: 'error', retryInterval: 20 },
      settleMs: 300
    })
    expect(of(r, 'error').map((e) => [e.code, e.data.status])).toEqual([[1830011, 0]])
    expect(srv.requests(key)).toHaveLength(0)
  })

  test('a leading space does not hide a data: URL: 1830001, nothing fetched', async () => {
    const r = await runInPage(page, runScenario, { options: { url: ' data:text/event-stream,data%3A%20x%0A%0A' } })
    expect(of(r, 'error').map((e) => e.code)).toEqual([1830001])
    expect(of(r, 'message')).toEqual([])
    expect(await transportsFor(page, 'data:')).toEqual([])
  })
})
