// The demo built for every other mini-program host uni-app builds (test/support/mp-hosts.mjs: mp-harmony, mp-toutiao,
// mp-alipay, mp-baidu, mp-qq, mp-kuaishou, mp-jd, mp-lark, mp-xhs), each build run in Node on a host object whose
// request (or tt.createEventSource) performs real HTTP to server/ the way that host documents it: chunks on HarmonyOS
// atomic services, parsed events on Douyin, the whole body in success elsewhere. Streaming hosts pass the shared
// scenarios; every host answers the AI chat POST; hosts that cannot stream refuse a GET with 1830007.
// WeChat is test/mp-weixin-build.test.mjs.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { buildMpHost } from './support/mp-build.mjs'
import { MP_HOSTS, loadHostBuild } from './support/mp-hosts.mjs'
import { runScenario } from './support/scenario-runner.mjs'
import { sharedScenarios } from './support/scenarios.mjs'
import { mockReply, scenarioUrl, startServer, uniqueKey } from './support/server.mjs'
import { refusedUrl, startSilentServer } from './support/tcp.mjs'
import { watchSource } from './support/waitable-log.mjs'

const builds = {}
let srv, silent, refused
beforeAll(async () => {
  ;[srv, silent, refused] = await Promise.all([startServer(), startSilentServer(), refusedUrl()])
  // Two builds at a time (2 cores); a failing build fails only its host's tests.
  const queue = Object.keys(MP_HOSTS)
  const worker = async () => {
    while (queue.length) {
      const platform = queue.shift()
      builds[platform] = await buildMpHost(platform, MP_HOSTS[platform].kind).catch((e) => e)
    }
  }
  await Promise.all([worker(), worker()])
}, 300000)
afterAll(async () => {
  await srv?.close()
  await silent?.close()
})

const kinds = (r) => r.log.filter((e) => e.kind !== 'created').map((e) => e.kind)
const chatOptions = (key, prompt) => ({
  url: srv.url + '/v1/chat/completions?delay=0&key=' + key,
  method: 'POST',
  header: { Authorization: 'Bearer sk-local-test' },
  data: { model: 'mock', stream: true, messages: [{ role: 'user', content: prompt }] }
})
/** connectEventSource that also records the open events' streaming flag. */
const recordingOpen = (connect, flags) => (options) => {
  const es = connect(options)
  es.onOpen((ev) => flags.push(ev.streaming))
  return es
}

/**
 * Shared scenarios that cannot hold on Douyin, because tt.createEventSource hides what they check (docs/mini-programs.md):
 * the status, headers and body of a refused response, the retry: field and comments.
 */
const DOUYIN_HIDES = {
  '204 No Content closes with a status error and never reconnects': 'no status: a refused response is a network error',
  '401 reports status, headers and the response body, and does not reconnect': 'no status or body',
  'wrong Content-Type with status 200 fails with 1830006 and the body': 'the host refuses it without saying why',
  'reconnect after a drop mid-event sends Last-Event-ID and resumes; retry: sets the delay': 'retry: stays inside the host',
  // Status and headers never reach the plugin, so status-driven retry rules cannot apply: every refused response
  // is a network error (GET retries it with backoff, POST reports it once).
  'a GET answered 429 with Retry-After in seconds waits that long (plus up to 20 % jitter), then streams; data.retryAfter says so': 'no status or Retry-After',
  'retry-after-ms is read before Retry-After': 'no response headers',
  'a 503 with Retry-After as an HTTP date waits until then': 'no status or Retry-After',
  'a hostile Retry-After: 999999999 waits no longer than maxRetryAfter': 'no Retry-After',
  'a GET answered 502 then 504 reconnects with backoff and then streams': 'no status: data.status is 0',
  'a GET answered 500 fails at once: only 429, 502, 503 and 504 are retried by default': 'no status: a 500 is a network error, which a GET retries',
  'a POST answered 429 is not replayed by default; the final error still says when to retry (data.retryAfter)': 'no status or Retry-After',
  'a POST with retryOnStatus [429] is resent after the wait, with the same body, and ends with its reply': 'no status to match retryOnStatus',
  'a 302 without Location fails with 1830011 and says the header was missing': 'no status or headers',
  'onComment receives comment lines in stream order, the text after the colon as sent': 'comments stay inside the host'
}

for (const [platform, def] of Object.entries(MP_HOSTS)) {
  describe(`${platform} build (${def.kind === 'x' ? 'uni-app x' : 'uni-app Vue 3'}): ${def.name}`, () => {
    let app
    // Installed before the build loads: uni's console rewrite in the built code keeps the console.warn it found.
    const warnings = []
    let warnSpy
    beforeAll(() => {
      if (builds[platform] instanceof Error) throw builds[platform]
      warnSpy = vi.spyOn(console, 'warn').mockImplementation((...args) => { warnings.push(args.map(String).join(' ')) })
      app = loadHostBuild(platform, builds[platform])
    })
    afterAll(() => warnSpy?.mockRestore())
    const ctxFor = (key) => ({ base: srv.url, key, expect, requests: async () => srv.requests(key), silentUrl: silent.url, refusedUrl: refused })

    test('the build started as an app on the host object', () => {
      expect(app.appStarted).toBe(true)
    })

    test(`the AI chat POST gets the whole reply (${def.delivery === 'whole' ? 'whole body, streaming false' : 'streamed'})`, async () => {
      const key = uniqueKey(platform + '-chat')
      const flags = []
      const r = await runScenario(recordingOpen(app.plugin.connectEventSource, flags), { options: chatOptions(key, 'Stream 你好 to ' + def.name) })
      const datas = r.log.filter((e) => e.kind === 'message').map((e) => e.data)
      expect(datas.at(-1)).toBe('[DONE]')
      expect(datas.slice(0, -1).map((d) => JSON.parse(d).choices?.[0]?.delta?.content ?? '').join('')).toBe(mockReply('Stream 你好 to ' + def.name))
      expect(kinds(r).slice(-1)).toEqual(['close'])
      expect(r.log.filter((e) => e.kind === 'error')).toEqual([])
      expect(flags).toEqual([def.delivery !== 'whole'])
      const [req] = await srv.requests(key)
      expect(req).toMatchObject({ method: 'POST' })
      expect(req.headers.authorization).toBe('Bearer sk-local-test')
      expect(req.headers['content-type']).toMatch(/^application\/json/)
      expect(JSON.parse(req.body).messages[0].content).toBe('Stream 你好 to ' + def.name)
      const task = app.host.tasksFor(key)[0]
      if (def.delivery === 'chunks') expect(task).toMatchObject({ enableChunked: true, responseType: 'arraybuffer' })
      if (def.delivery === 'events') expect(task).toMatchObject({ api: 'createEventSource', method: 'POST' })
      if (def.delivery === 'whole') {
        expect(task.enableChunked).toBe(false)
        // These hosts document no maximum: the request may run a day (request-transport.uts PLATFORM_TIMEOUT), so
        // only the server's end decides when a long reply is over.
        expect(task.timeout).toBe(24 * 60 * 60 * 1000)
        const notes = warnings.filter((m) => m.includes('[connect-event-source]'))
        expect(notes).toHaveLength(1)
        expect(notes[0]).toContain(def.name)
      }
    })

    if (def.delivery === 'whole') {
      test('a 401 from the AI API reports status, headers and body (1830005), as when streaming', async () => {
        const key = uniqueKey(platform + '-401')
        const r = await runScenario(app.plugin.connectEventSource, { options: { url: srv.url + '/v1/chat/completions?key=' + key, method: 'POST', data: { stream: true } } })
        expect(kinds(r)).toEqual(['error', 'close'])
        const err = r.log.find((e) => e.kind === 'error')
        expect(err).toMatchObject({ code: 1830005, data: { status: 401 } })
        expect(err.data.headers['content-type']).toMatch(/application\/json/)
        expect(JSON.parse(err.data.body).error.code).toBe('invalid_api_key')
      })

      test('a GET, or requireStreaming, fails with 1830007 naming the host and sends nothing', async () => {
        const key = uniqueKey(platform + '-get')
        const url = scenarioUrl(srv.url, { key, body: 'data: x\n\n' })
        const why = ', so a response cannot be read while it streams.'
        for (const [options, reason] of [
          [{ url }, why + ' A GET event stream never ends, so it cannot be answered at its end either (a POST, such as an AI chat request, can).'],
          [{ url, method: 'POST', data: '{}', requireStreaming: true }, why + ' requireStreaming is set, so the source is refused instead of answered once the response has ended.']
        ]) {
          const r = await runScenario(app.plugin.connectEventSource, { options })
          expect(kinds(r)).toEqual(['error', 'close'])
          const err = r.log.find((e) => e.kind === 'error')
          expect(err).toMatchObject({ code: 1830007, readyState: 2 })
          expect(err.message).toContain(def.name + ' mini-program: ')
          expect(err.message).toContain(reason)
        }
        expect(await srv.requests(key)).toHaveLength(0)
        expect(app.host.tasksFor(key)).toHaveLength(0)
      })
    } else {
      for (const s of sharedScenarios()) {
        const hidden = platform === 'mp-toutiao' ? DOUYIN_HIDES[s.name] : null
        const run = hidden ? test.skip : test.concurrent
        run(hidden ? `${s.name} (not on Douyin: ${hidden})` : s.name, async () => {
          const key = uniqueKey(platform)
          const ctx = ctxFor(key)
          const result = await runScenario(app.plugin.connectEventSource, s.spec(ctx))
          await s.check(result, ctx)
        })
      }
    }
  })
}

test('every scenario said to be hidden on Douyin is a shared scenario (a renamed one would otherwise run nowhere)', () => {
  const names = new Set(sharedScenarios().map((s) => s.name))
  expect(Object.keys(DOUYIN_HIDES).filter((name) => !names.has(name))).toEqual([])
})

describe('mp-harmony: runtimes without chunked requests', () => {
  test('ASCF before 2.0.2: the POST is answered whole, a GET fails with 1830007 naming both versions', async () => {
    if (builds['mp-harmony'] instanceof Error) throw builds['mp-harmony']
    const app = loadHostBuild('mp-harmony', builds['mp-harmony'], { sdkVersion: '2.0.1' })
    const key = uniqueKey('harmony-old')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const chat = await runScenario(app.plugin.connectEventSource, { options: chatOptions(key, 'old runtime') })
    warn.mockRestore()
    expect(chat.log.filter((e) => e.kind === 'message').at(-1).data).toBe('[DONE]')
    const get = await runScenario(app.plugin.connectEventSource, { options: { url: scenarioUrl(srv.url, { key: uniqueKey('harmony-old-get'), body: 'data: x\n\n' }) } })
    const err = get.log.find((e) => e.kind === 'error')
    expect(err).toMatchObject({ code: 1830007 })
    expect(err.message).toMatch(/2\.0\.1.*2\.0\.2/)
  })
})

describe('mp-toutiao: Douyin specifics', () => {
  let app
  beforeAll(() => {
    if (builds['mp-toutiao'] instanceof Error) throw builds['mp-toutiao']
    app = loadHostBuild('mp-toutiao', builds['mp-toutiao'])
  })

  test('the request body goes to tt.createEventSource as its UTF-8 bytes, the EventSourceTask is closed on close()', async () => {
    const key = uniqueKey('tt-body')
    const url = scenarioUrl(srv.url, { key, body: 'data: one\n\n', end: 'hold' })
    const r = await runScenario(app.plugin.connectEventSource, { options: { url, method: 'POST', data: { s: '你好 😀' } }, stopAfterMessages: 1 })
    expect(kinds(r)).toEqual(['open', 'message', 'close'])
    const [req] = await srv.requests(key)
    expect(req.body).toBe('{"s":"你好 😀"}')
    const [task] = app.host.tasksFor(key)
    expect(task.data).toBeInstanceOf(ArrayBuffer)
    expect(task.closeCalls).toBe(1)
  })

  test('events keep their name, id and multi-line data; a reconnect after the host closes sends Last-Event-ID', async () => {
    const key = uniqueKey('tt-ids')
    const url = scenarioUrl(srv.url, { key, body: ['event: token\nid: a1\ndata: x\ndata: y\n\n: comment\n\n', 'data: z\n\n'], end: ['close', 'hold'] })
    const r = await runScenario(app.plugin.connectEventSource, { options: { url, retryInterval: 100 }, listen: ['token'], stopAfterMessages: 2 })
    const msgs = r.log.filter((e) => e.kind === 'message')
    expect(msgs.map((m) => [m.type, m.data, m.id])).toEqual([['token', 'x\ny', 'a1'], ['message', 'z', 'a1']])
    expect(r.log.filter((e) => e.kind === 'listener').map((m) => m.data)).toEqual(['x\ny'])
    const reqs = await srv.requests(key)
    expect(reqs[1].lastEventId).toBe('a1')
  })

  test('PUT (tt.createEventSource sends GET and POST only) is answered whole, streaming false', async () => {
    const key = uniqueKey('tt-put')
    const flags = []
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const r = await runScenario(recordingOpen(app.plugin.connectEventSource, flags), { options: { url: scenarioUrl(srv.url, { key, body: 'data: whole\n\n' }), method: 'PUT', data: '{}' } })
    warn.mockRestore()
    expect(r.log.filter((e) => e.kind === 'message').map((e) => e.data)).toEqual(['whole'])
    expect(flags).toEqual([false])
    expect(app.host.tasksFor(key)[0].api).toBeUndefined()
  })

  test('the app hidden during a POST: 1830012 once, final', async () => {
    const hiding = loadHostBuild('mp-toutiao', builds['mp-toutiao'], { suspendAfterMs: 100 })
    const key = uniqueKey('tt-hide')
    const es = hiding.plugin.connectEventSource({ url: scenarioUrl(srv.url, { key, body: 'data: partial\n\n', end: 'hold' }), method: 'POST', data: '{}' })
    const log = []
    es.onMessage(() => { log.push('message'); hiding.host.hideApp() })
    es.onError((e) => log.push(e.errCode))
    await new Promise((resolve) => es.onClose(resolve))
    hiding.host.showApp()
    expect(log).toEqual(['message', 1830012])
  })

  test('a base library without tt.createEventSource: the POST is answered whole, a GET fails with 1830007', async () => {
    const old = loadHostBuild('mp-toutiao', builds['mp-toutiao'], { sdkVersion: '3.20.0', eventSource: false })
    const key = uniqueKey('tt-old')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const chat = await runScenario(old.plugin.connectEventSource, { options: chatOptions(key, 'old Douyin') })
    warn.mockRestore()
    expect(chat.log.filter((e) => e.kind === 'message').at(-1).data).toBe('[DONE]')
    const get = await runScenario(old.plugin.connectEventSource, { options: { url: scenarioUrl(srv.url, { key: uniqueKey('tt-old-get'), body: 'data: x\n\n' }) } })
    const err = get.log.find((e) => e.kind === 'error')
    expect(err).toMatchObject({ code: 1830007 })
    expect(err.message).toMatch(/tt\.createEventSource/)
  })

  test('a refused connection is reported with the host\'s text whatever shape onError gives it: { errMsg }, an Error, a string, nothing', async () => {
    const shapes = [
      ['{ errMsg }', (m) => ({ errMsg: m }), /lost\. createEventSource:fail ECONNREFUSED$/],
      ['Error', (m) => new Error(m), /lost\. createEventSource:fail ECONNREFUSED$/],
      ['string', (m) => m, /lost\. createEventSource:fail ECONNREFUSED$/],
      ['nothing', () => undefined, /lost\. createEventSource:fail$/]
    ]
    for (const [name, ttErrorPayload, message] of shapes) {
      const host = loadHostBuild('mp-toutiao', builds['mp-toutiao'], { ttErrorPayload })
      const r = await runScenario(host.plugin.connectEventSource, { options: { url: refused, maxRetries: 0 } })
      const e = r.log.filter((x) => x.kind === 'error')
      expect(e.map((x) => x.code), name).toEqual([1830002])
      expect(e[0].message, name).toMatch(message)
    }
  })

  test('events whose host message leaves out event and lastEventId keep the type message and the last id sent', async () => {
    const host = loadHostBuild('mp-toutiao', builds['mp-toutiao'], { ttOmitDefaults: true })
    const key = uniqueKey('tt-omit')
    const url = scenarioUrl(srv.url, { key, body: 'data: a\n\nid: 7\ndata: b\n\nevent: token\ndata: c\n\n', end: 'hold' })
    const r = await runScenario(host.plugin.connectEventSource, { options: { url }, stopAfterMessages: 3 })
    expect(r.log.filter((e) => e.kind === 'message').map((m) => [m.type, m.data, m.id])).toEqual([['message', 'a', ''], ['message', 'b', '7'], ['token', 'c', '7']])
  })

  test('closeAllEventSources() closes every open Douyin source: onClose once each, each EventSourceTask closed', async () => {
    const host = loadHostBuild('mp-toutiao', builds['mp-toutiao'])
    const key = uniqueKey('tt-close-all')
    const url = scenarioUrl(srv.url, { key, body: 'data: x\n\n', end: 'hold' })
    const watched = [0, 1].map(() => watchSource(host.plugin.connectEventSource({ url })))
    await Promise.all(watched.map((w) => w.until((log) => log.some((e) => e.kind === 'message'), 4000)))
    host.plugin.closeAllEventSources()
    await new Promise((resolve) => setTimeout(resolve, 200))
    for (const w of watched) expect(w.kinds()).toEqual(['open', 'message', 'close'])
    expect(host.host.tasksFor(key).map((t) => t.closeCalls)).toEqual([1, 1])
  })

  test('a base library older than 3.35.0 is not streamed even when tt.createEventSource is there: a GET fails with 1830007 naming the version', async () => {
    const old = loadHostBuild('mp-toutiao', builds['mp-toutiao'], { sdkVersion: '3.20.0' })
    const key = uniqueKey('tt-old-with-api')
    const r = await runScenario(old.plugin.connectEventSource, { options: { url: scenarioUrl(srv.url, { key, body: 'data: x\n\n' }) } })
    const err = r.log.find((e) => e.kind === 'error')
    expect(err).toMatchObject({ code: 1830007 })
    expect(err.message).toMatch(/Douyin base library 3\.20\.0 cannot stream/)
    expect(old.host.tasksFor(key)).toEqual([])
  })

  test('options that are not an object fail with 1830001 once, as on every platform', async () => {
    const r = await runScenario(app.plugin.connectEventSource, { options: scenarioUrl(srv.url, { key: uniqueKey('tt-string'), body: 'data: x\n\n' }) })
    const e = r.log.filter((x) => x.kind === 'error')
    expect(e.map((x) => x.code)).toEqual([1830001])
    expect(e[0].message).toMatch(/needs an options object/)
  })

  test('a stream cut at Douyin\'s timeout ends with 1830013 and says so', async () => {
    const host = loadHostBuild('mp-toutiao', builds['mp-toutiao'], { ttTimeoutMs: 300 })
    const key = uniqueKey('tt-timeout')
    const r = await runScenario(host.plugin.connectEventSource, { options: { url: scenarioUrl(srv.url, { key, body: 'data: x\n\n', end: 'hold' }), method: 'POST', data: '{}' } })
    const e = r.log.filter((x) => x.kind === 'error')
    expect(e.map((x) => x.code)).toEqual([1830013])
    expect(e[0].message).toMatch(/createEventSource:fail timeout \(Douyin ended the EventSource at its timeout\)/)
  })
})
