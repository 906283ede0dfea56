// The web platform's two paths, in headless Chromium on the real uni-app H5 build: the browser's own
// EventSource for a plain GET used EventSource-style (addEventListener), fetch streaming for everything
// else (including a plain GET with onMessage, which needs every event name). The page counts which
// browser API requested each URL, so every test proves the path it claims.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { mockReply } from '../server/index.mjs'
import { launchBrowser } from './support/browser.mjs'
import { runScenario } from './support/scenario-runner.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'
import { buildH5, openE2EPage, runInPage, transportsFor } from './support/web-app.mjs'

let srv, other, browser, page
const warnings = []
beforeAll(async () => {
  const staticDir = await buildH5()
  srv = await startServer({ staticDir })
  // A second origin (another port) for cross-origin credentials.
  other = await startServer()
  browser = await launchBrowser()
  const context = await browser.newContext()
  // Cookies ignore ports: this one belongs to both servers' host.
  await context.addCookies([{ name: 'sid', value: 'web-e2e', domain: '127.0.0.1', path: '/' }])
  page = await openE2EPage(browser, srv.url, { context })
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()) })
}, 120000)
afterAll(async () => {
  await browser?.close()
  await srv?.close()
  await other?.close()
})

const kinds = (r) => r.log.filter((e) => e.kind !== 'created').map((e) => e.kind)
const of = (r, kind) => r.log.filter((e) => e.kind === kind)
const typed = (r, kind) => of(r, kind).map((e) => e.type + ':' + e.data)

describe('web: browser EventSource path', () => {
  test.concurrent('a plain GET used EventSource-style goes through the browser EventSource, with its request headers', async () => {
    const key = uniqueKey('native')
    const r = await runInPage(page, runScenario, { onMessage: 'never',
      options: { url: scenarioUrl(srv.url, { key, body: 'id: 1\ndata: one\n\nid: 2\ndata: two\n\n', end: 'hold' }) },
      listen: ['message'],
      stopAfterEvents: 2
    })
    expect(await transportsFor(page, key)).toEqual(['EventSource'])
    expect(r.log[0]).toMatchObject({ kind: 'created', readyState: 0 })
    expect(kinds(r)).toEqual(['open', 'listener', 'listener', 'close'])
    expect(of(r, 'open')[0].readyState).toBe(1)
    expect(of(r, 'listener').map((e) => [e.type, e.data, e.id])).toEqual([['message', 'one', '1'], ['message', 'two', '2']])
    expect(r.readyState).toBe(2)
    expect(r.lastEventId).toBe('2')
    const [req] = srv.requests(key)
    // What EventSource sends. Chromium's fetch with cache: 'no-store' plus our Accept header sends the same
    // request headers, so the page's record of EventSource vs fetch calls is what proves the path.
    expect(req.headers.accept).toBe('text/event-stream')
    expect(req.headers['cache-control']).toBe('no-cache')
    expect(req.headers['sec-fetch-mode']).toBe('cors')
  })

  test.concurrent('named events reach their addEventListener listeners; a server event named "error" is an event, not a failure; a late onMessage sees only subscribed names and warns', async () => {
    const key = uniqueKey('named')
    const body = 'event: add\ndata: 1\n\ndata: 2\n\nevent: error\ndata: not a failure\n\nevent: remove\ndata: 3\n\n'
    const r = await runInPage(page, runScenario, {
      options: { url: scenarioUrl(srv.url, { key, body, end: 'hold' }) },
      listen: ['add', 'message', 'error'],
      onMessage: 'onOpen',
      closeAfterMs: 700
    })
    expect(await transportsFor(page, key)).toEqual(['EventSource'])
    expect(typed(r, 'listener')).toEqual(['add:1', 'message:2', 'error:not a failure'])
    // Documented limit of this path: "remove" has no listener, so EventSource never shows it to page code.
    expect(typed(r, 'message')).toEqual(['add:1', 'message:2', 'error:not a failure'])
    expect(of(r, 'error')).toEqual([])
    expect(kinds(r).slice(-1)).toEqual(['close'])
    expect(warnings.some((w) => w.includes('onMessage was registered after the connection started'))).toBe(true)
  })

  test.concurrent('a dropped stream is resumed by the browser with Last-Event-ID after the server\'s retry:, reported as 1830002 willRetry', async () => {
    const key = uniqueKey('native-reconnect')
    const whole = 'retry: 300\nid: 1\ndata: a\n\nid: 2\ndata: b\n\n'
    const r = await runInPage(page, runScenario, { onMessage: 'never',
      options: {
        url: scenarioUrl(srv.url, {
          key,
          body: [whole + 'data: lost-half', 'id: 3\ndata: c\n\n'],
          // Chromium discards bytes that arrive together with a broken connection: drop 50 ms later.
          split: whole.length,
          delay: 50,
          end: ['destroy', 'hold']
        })
      },
      listen: ['message'],
      stopAfterEvents: 3
    })
    expect(await transportsFor(page, key)).toEqual(['EventSource'])
    expect(of(r, 'listener').map((m) => m.data + '@' + m.id)).toEqual(['a@1', 'b@2', 'c@3'])
    expect(kinds(r)).toEqual(['open', 'listener', 'listener', 'error', 'open', 'listener', 'close'])
    const [e] = of(r, 'error')
    expect(e).toMatchObject({ code: 1830002, readyState: 0, data: { willRetry: true, retryDelay: -1, attempt: 1, status: 0 } })
    const reqs = srv.requests(key)
    expect(reqs).toHaveLength(2)
    expect(reqs[0].lastEventId).toBe(null)
    expect(reqs[1].lastEventId).toBe('2')
    // retry: 300 replaced the browser's 3000 ms default.
    expect(reqs[1].time - reqs[0].time).toBeGreaterThanOrEqual(250)
    expect(reqs[1].time - reqs[0].time).toBeLessThan(2500)
  })

  test.concurrent('maxRetries counts the browser\'s own reconnects and closes the source with 1830008 once exceeded', async () => {
    const key = uniqueKey('native-max')
    const r = await runInPage(page, runScenario, { onMessage: 'never',
      options: { url: scenarioUrl(srv.url, { key, body: 'retry: 50\n: no events\n\n' }), maxRetries: 2 },
      listen: ['message'],
      settleMs: 500
    })
    expect(await transportsFor(page, key)).toEqual(['EventSource'])
    expect(kinds(r)).toEqual(['open', 'error', 'open', 'error', 'open', 'error', 'close'])
    const errors = of(r, 'error')
    expect(errors.map((e) => [e.code, e.data.willRetry, e.readyState])).toEqual([[1830002, true, 0], [1830002, true, 0], [1830008, false, 2]])
    expect(errors[2].cause.code).toBe(1830002)
    // 500 ms after the close the browser has not reconnected (its retry: was 50 ms).
    expect(srv.requests(key)).toHaveLength(3)
  })

  test.concurrent('a refused response (401): the fetch path asks once more and reports the status and body EventSource hides, not retried', async () => {
    const key = uniqueKey('native-401')
    const r = await runInPage(page, runScenario, { onMessage: 'never',
      options: { url: scenarioUrl(srv.url, { key, status: 401, type: 'application/json', body: '{"error":"nope"}' }) },
      listen: ['message'],
      settleMs: 400
    })
    expect(await transportsFor(page, key)).toEqual(['EventSource', 'fetch'])
    expect(kinds(r)).toEqual(['error', 'close'])
    const [e] = of(r, 'error')
    expect(e).toMatchObject({ code: 1830005, readyState: 2, data: { status: 401, willRetry: false, body: '{"error":"nope"}' } })
    expect(srv.requests(key)).toHaveLength(2)
  })

  test.concurrent('a 503 refused by the browser EventSource is retried on the fetch path after its Retry-After (issue 19)', async () => {
    const key = uniqueKey('native-503')
    const r = await runInPage(page, runScenario, { onMessage: 'never',
      options: { url: scenarioUrl(srv.url, { key, status: [503, 503, 200], body: ['', '', 'data: back\n\n'], header: 'retry-after-ms: 100', end: ['close', 'close', 'hold'] }) },
      listen: ['message'],
      stopAfterEvents: 1
    })
    expect(await transportsFor(page, key)).toEqual(['EventSource', 'fetch', 'fetch'])
    expect(of(r, 'listener').map((e) => e.data)).toEqual(['back'])
    expect(of(r, 'error').map((e) => [e.code, e.data.status, e.data.willRetry, e.data.retryAfter])).toEqual([[1830005, 503, true, 100]])
  })

  test.concurrent('close() inside a listener: no later event of the same chunk, no error, onClose once', async () => {
    const key = uniqueKey('native-close')
    const r = await runInPage(page, runScenario, { onMessage: 'never',
      options: { url: scenarioUrl(srv.url, { key, body: 'data: 1\n\ndata: 2\n\ndata: 3\n\n', end: 'hold' }) },
      listen: ['message'],
      closeInListener: 1,
      settleMs: 400
    })
    expect(await transportsFor(page, key)).toEqual(['EventSource'])
    expect(kinds(r)).toEqual(['open', 'listener', 'close'])
    expect(of(r, 'close')[0].readyState).toBe(2)
  })

  test.concurrent('close() right after creation sends no request and fires only onClose', async () => {
    const key = uniqueKey('native-close-now')
    const r = await runInPage(page, (connect, url) => new Promise((resolve) => {
      const log = []
      const es = connect({ url })
      es.addEventListener('message', () => log.push('message'))
      es.onOpen(() => log.push('open'))
      es.onError(() => log.push('error'))
      es.onClose(() => log.push('close:' + es.readyState))
      es.close()
      setTimeout(() => resolve(log), 300)
    }), scenarioUrl(srv.url, { key, body: 'data: x\n\n' }))
    expect(r).toEqual(['close:2'])
    expect(await transportsFor(page, key)).toEqual([])
    expect(srv.requests(key)).toHaveLength(0)
  })
})

describe('web: fetch path', () => {
  test.concurrent('a plain GET with onMessage uses fetch, so events of every name reach onMessage', async () => {
    const key = uniqueKey('handover')
    const r = await runInPage(page, runScenario, {
      options: { url: scenarioUrl(srv.url, { key, body: 'event: add\ndata: 1\n\ndata: 2\n\nevent: remove\ndata: 3\n\n', end: 'hold' }) },
      listen: ['add'],
      onMessage: 'now',
      stopAfterMessages: 3
    })
    expect(await transportsFor(page, key)).toEqual(['fetch'])
    expect(typed(r, 'message')).toEqual(['add:1', 'message:2', 'remove:3'])
    expect(typed(r, 'listener')).toEqual(['add:1'])
    expect(kinds(r).slice(-1)).toEqual(['close'])
    expect(r.readyState).toBe(2)
  })

  test.concurrent('close() inside onMessage on a plain GET (fetch path) stops everything, onClose once', async () => {
    const key = uniqueKey('fetch-close')
    const r = await runInPage(page, runScenario, {
      options: { url: scenarioUrl(srv.url, { key, body: 'data: 1\n\ndata: 2\n\ndata: 3\n\n', end: 'hold' }) },
      closeOnMessage: 1,
      settleMs: 400
    })
    expect(await transportsFor(page, key)).toEqual(['fetch'])
    expect(r.log.filter((e) => e.kind !== 'created').map((e) => e.kind)).toEqual(['open', 'message', 'close'])
    expect(r.readyState).toBe(2)
  })

  test.concurrent('POST chat stream with an Authorization header goes through fetch and streams the reply', async () => {
    const key = uniqueKey('chat')
    const prompt = 'Hello from Chromium'
    const r = await runInPage(page, runScenario, {
      options: {
        url: '/v1/chat/completions?delay=0&key=' + key,
        method: 'POST',
        header: { Authorization: 'Bearer sk-local-test' },
        data: { model: 'mock', stream: true, messages: [{ role: 'user', content: prompt }] }
      }
    })
    expect(await transportsFor(page, key)).toEqual(['fetch'])
    const datas = r.log.filter((e) => e.kind === 'message').map((e) => e.data)
    expect(datas[datas.length - 1]).toBe('[DONE]')
    expect(datas.slice(0, -1).map((d) => JSON.parse(d).choices[0].delta.content ?? '').join('')).toBe(mockReply(prompt))
    const [req] = srv.requests(key)
    expect(req.headers.authorization).toBe('Bearer sk-local-test')
    // The relative URL resolved against the page: same-origin.
    expect(req.headers['sec-fetch-site']).toBe('same-origin')
  })
})

describe('web: withCredentials sends cookies cross-origin on both paths, and only when asked', () => {
  const cases = [
    ['EventSource', true, {}],
    ['EventSource', false, {}],
    ['fetch', true, { header: { 'X-Path': 'fetch' } }],
    ['fetch', false, { header: { 'X-Path': 'fetch' } }]
  ]
  for (const [api, withCredentials, extra] of cases) {
    test.concurrent(`${api}, withCredentials ${withCredentials}`, async () => {
      const key = uniqueKey('cred')
      const r = await runInPage(page, runScenario, { onMessage: 'never',
        options: { url: scenarioUrl(other.url, { key, body: 'data: x\n\n', end: 'hold' }), withCredentials, ...extra },
        listen: ['message'],
        stopAfterEvents: 1
      })
      expect(await transportsFor(page, key)).toEqual([api])
      expect(typed(r, 'listener')).toEqual(['message:x'])
      const [req] = other.requests(key)
      expect(req.headers.origin).toBe(srv.url)
      if (withCredentials) expect(req.headers.cookie).toBe('sid=web-e2e')
      else expect(req.headers.cookie).toBe(undefined)
    })
  }
})

test('closeAllEventSources() closes sources on both paths at once: onClose once each, readyState 2, nothing after', async () => {
  const key = uniqueKey('close-all')
  const url = scenarioUrl(srv.url, { key, body: 'data: x\n\n', end: 'hold' })
  const log = await page.evaluate(async (u) => {
    const connect = window.__connectEventSource
    const entries = []
    const watch = (name, es) => {
      es.onOpen(() => entries.push(name + ':open'))
      es.onError((e) => entries.push(name + ':error ' + e.errCode))
      es.onClose(() => entries.push(name + ':close ' + es.readyState))
      return es
    }
    // EventSource-style GET (browser EventSource), onMessage GET and POST (fetch).
    const native = watch('native', connect({ url: u }))
    native.addEventListener('message', () => entries.push('native:message'))
    const get = watch('get', connect({ url: u }))
    get.onMessage(() => entries.push('get:message'))
    const post = watch('post', connect({ url: u, method: 'POST', data: { q: 1 } }))
    post.onMessage(() => entries.push('post:message'))
    const start = Date.now()
    while (['native', 'get', 'post'].some((n) => !entries.includes(n + ':message')) && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 20))
    const at = entries.length
    window.__closeAllEventSources()
    await new Promise((r) => setTimeout(r, 400))
    return { before: entries.slice(0, at), after: entries.slice(at) }
  }, url)
  for (const name of ['native', 'get', 'post']) expect(log.before.filter((e) => e.startsWith(name + ':'))).toEqual([name + ':open', name + ':message'])
  expect(log.after.sort()).toEqual(['get:close 2', 'native:close 2', 'post:close 2'])
  expect(await transportsFor(page, key)).toEqual(expect.arrayContaining(['EventSource', 'fetch']))
})
