// The REAL mp-weixin build of the demo (npm run build:mp-weixin) run in Node: common/vendor.js and the plugin's
// CommonJS output, on a `wx` whose request streams real HTTP from server/ in arbitrary chunk splits
// (test/support/mp-wx-harness.mjs). Every shared scenario runs in four decoding/chunking modes, and once on the
// uni-app Vue 3 build of the same pages; then the mini-program specifics: request encoding, unsupported base
// libraries, heartbeat abort, app hidden, devtools without statusCode.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { buildMpWeixin } from './support/mp-build.mjs'
import { loadMpWeixinBuild } from './support/mp-wx-harness.mjs'
import { runScenario } from './support/scenario-runner.mjs'
import { sharedScenarios } from './support/scenarios.mjs'
import { mockReply, scenarioUrl, startServer, uniqueKey } from './support/server.mjs'
import { refusedUrl, startSilentServer } from './support/tcp.mjs'
import { watchSource as watch } from './support/waitable-log.mjs'

let buildDir, vue3Build, srv, silent, refused
beforeAll(async () => {
  // Both builds start now; a failing Vue 3 build fails only its own suite.
  vue3Build = buildMpWeixin('vue3').catch((e) => e)
  ;[buildDir, srv, silent, refused] = await Promise.all([buildMpWeixin('x'), startServer(), startSilentServer(), refusedUrl()])
}, 180000)
afterAll(async () => {
  await srv?.close()
  await silent?.close()
})

/** Records a source's callbacks; until(predicate) resolves once the log satisfies it. */
const count = (kind) => (log) => log.filter((e) => e.kind === kind).length

const MODES = [
  { name: 'global TextDecoder, network chunks', host: { chunking: 'network' } },
  { name: 'no TextDecoder (utf8.uts), random splits', host: { chunking: 'random', seed: 20260914 }, noTextDecoder: true },
  { name: '1-byte chunks', host: { chunking: 'bytes1' } },
  { name: 'network chunks merged into one', host: { chunking: 'merge', mergeMs: 30 } },
  // The plugin must also work in a classic uni-app (Vue 3) project: same pages, other compiler.
  { name: 'uni-app Vue 3 project, random splits', host: { chunking: 'random', seed: 7 }, vue3: true }
]

for (const mode of MODES) {
  describe(`shared scenarios on the mp-weixin build: ${mode.name}`, () => {
    let app
    let savedDecoder
    beforeAll(async () => {
      const dir = mode.vue3 ? await vue3Build : buildDir
      if (dir instanceof Error) throw dir
      if (mode.noTextDecoder) {
        savedDecoder = globalThis.TextDecoder
        delete globalThis.TextDecoder
      }
      app = loadMpWeixinBuild(dir, mode.host)
    })
    afterAll(() => {
      if (savedDecoder) globalThis.TextDecoder = savedDecoder
    })

    test('the build started as an app and picked the expected decoder', () => {
      expect(app.appStarted).toBe(true)
      expect(app.decoderKind()).toBe(mode.noTextDecoder ? 'utf8.uts' : 'TextDecoder')
    })

    for (const s of sharedScenarios()) {
      test.concurrent(s.name, async () => {
        const key = uniqueKey('mp')
        const ctx = { base: srv.url, key, expect, requests: async () => srv.requests(key), silentUrl: silent.url, refusedUrl: refused }
        const spec = s.spec(ctx)
        const result = await runScenario(app.plugin.connectEventSource, spec)
        await s.check(result, ctx)
        // The platform request is what ran: chunked and binary, for every request of the scenario. Found by its
        // URL: the refused and silent servers' URLs carry no key.
        const url = spec.options.url
        const tasks = app.host.tasksFor(url.includes(key) ? key : url)
        if (s.sendsNothing) expect(tasks).toEqual([])
        else expect(tasks.length).toBeGreaterThan(0)
        for (const t of tasks) expect(t).toMatchObject({ enableChunked: true, responseType: 'arraybuffer' })
      })
    }
  })
}

describe('mp-weixin build: the request as WeChat sends it', () => {
  let app
  beforeAll(() => { app = loadMpWeixinBuild(buildDir) })

  test('a string body is sent as is, as text/plain unless a Content-Type is given; objects as JSON once', async () => {
    const key = uniqueKey('mp-body')
    const url = scenarioUrl(srv.url, { key, body: 'data: ok\n\n' })
    await runScenario(app.plugin.connectEventSource, { options: { url, method: 'POST', data: '{"raw": "string"}' } })
    await runScenario(app.plugin.connectEventSource, { options: { url, method: 'POST', data: 'a=1', header: { 'content-type': 'application/x-www-form-urlencoded' } } })
    await runScenario(app.plugin.connectEventSource, { options: { url, method: 'PUT', data: { n: 1, s: '你好' } } })
    const [text, form, json] = await srv.requests(key)
    expect(text).toMatchObject({ method: 'POST', body: '{"raw": "string"}' })
    expect(text.headers['content-type']).toBe('text/plain;charset=UTF-8')
    expect(form.body).toBe('a=1')
    expect(form.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(json).toMatchObject({ method: 'PUT', body: '{"n":1,"s":"你好"}' })
    expect(json.headers['content-type']).toBe('application/json')
    // WeChat's documented maximum (60 s), never more: a stream cut there is handled (see "host time limit" below).
    expect(app.host.tasksFor(key).every((t) => t.timeout === 60000)).toBe(true)
  })

  test('a response delivered whole in success (not chunked) is not delivered twice', async () => {
    const whole = loadMpWeixinBuild(buildDir, { successData: 'full' })
    const key = uniqueKey('mp-full')
    const r = await runScenario(whole.plugin.connectEventSource, {
      options: { url: srv.url + '/v1/chat/completions?delay=0&key=' + key, method: 'POST', header: { Authorization: 'Bearer sk-local-test' }, data: { stream: true, messages: [{ role: 'user', content: 'twice?' }] } }
    })
    const datas = r.log.filter((e) => e.kind === 'message').map((e) => e.data)
    expect(datas.filter((d) => d === '[DONE]')).toHaveLength(1)
    expect(datas.slice(0, -1).map((d) => JSON.parse(d).choices[0].delta.content ?? '').join('')).toBe(mockReply('twice?'))
  })
})

describe('mp-weixin build: base libraries that cannot stream', () => {
  test('SDKVersion below 2.20.2: a GET, or requireStreaming, fails with 1830007 naming both versions and sends nothing', async () => {
    const app = loadMpWeixinBuild(buildDir, { sdkVersion: '2.20.1' })
    const key = uniqueKey('mp-old')
    const url = scenarioUrl(srv.url, { key, body: 'data: x\n\n' })
    for (const options of [{ url }, { url, method: 'POST', data: 'x', requireStreaming: true }]) {
      const r = await runScenario(app.plugin.connectEventSource, { options })
      expect(r.log.filter((e) => e.kind !== 'created').map((e) => e.kind)).toEqual(['error', 'close'])
      const [err] = r.log.filter((e) => e.kind === 'error')
      expect(err).toMatchObject({ code: 1830007, readyState: 2 })
      expect(err.message).toMatch(/2\.20\.2/)
      expect(err.message).toMatch(/2\.20\.1/)
    }
    expect(app.host.tasks).toHaveLength(0)
    expect(await srv.requests(key)).toHaveLength(0)
  })

  test('SDKVersion below 2.20.2: the AI chat POST is answered whole, streaming false on open, one console warning', async () => {
    const app = loadMpWeixinBuild(buildDir, { sdkVersion: '2.19.0' })
    const key = uniqueKey('mp-old-chat')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const options = { url: srv.url + '/v1/chat/completions?delay=0&key=' + key, method: 'POST', header: { Authorization: 'Bearer sk-local-test' }, data: { stream: true, messages: [{ role: 'user', content: 'old base library' }] } }
    const opened = []
    const connect = (o) => { const es = app.plugin.connectEventSource(o); es.onOpen((ev) => opened.push(ev.streaming)); return es }
    const first = await runScenario(connect, { options })
    const second = await runScenario(connect, { options })
    const warnings = warn.mock.calls.filter((c) => /connect-event-source/.test(String(c[0])))
    warn.mockRestore()
    for (const r of [first, second]) {
      const datas = r.log.filter((e) => e.kind === 'message').map((e) => e.data)
      expect(datas.at(-1)).toBe('[DONE]')
      expect(datas.slice(0, -1).map((d) => JSON.parse(d).choices?.[0]?.delta?.content ?? '').join('')).toBe(mockReply('old base library'))
      expect(r.log.at(-1).kind).toBe('close')
    }
    expect(opened).toEqual([false, false])
    expect(warnings).toHaveLength(1)
    expect(String(warnings[0][0])).toMatch(/2\.19\.0.*requireStreaming/)
    expect(app.host.tasksFor(key).map((t) => t.enableChunked)).toEqual([false, false])
  })

  test('a RequestTask without onChunkReceived: 1830007, that request aborted, later sources refused before sending', async () => {
    const app = loadMpWeixinBuild(buildDir, { noChunkApi: true, sdkVersion: '2.25.0' })
    const key = uniqueKey('mp-nochunk')
    const options = { url: scenarioUrl(srv.url, { key, body: 'data: x\n\n', end: 'hold' }) }
    const first = await runScenario(app.plugin.connectEventSource, { options })
    expect(first.log.filter((e) => e.kind !== 'created').map((e) => e.kind)).toEqual(['error', 'close'])
    const [err] = first.log.filter((e) => e.kind === 'error')
    expect(err.code).toBe(1830007)
    expect(err.message).toMatch(/onChunkReceived/)
    expect(err.message).toMatch(/2\.20\.2/)
    expect(app.host.tasks).toHaveLength(1)
    expect(app.host.tasks[0]).toMatchObject({ abortCalls: 1, outcome: 'request:fail abort' })
    const second = await runScenario(app.plugin.connectEventSource, { options })
    expect(second.log.find((e) => e.kind === 'error').code).toBe(1830007)
    expect(app.host.tasks).toHaveLength(1)
  })
})

describe('mp-weixin build: a request API that throws', () => {
  test('an error other than the missing chunk API: 1830002 "could not be started", nothing learned (the next source is not refused)', async () => {
    const app = loadMpWeixinBuild(buildDir, { requestThrows: 'request:fail parameter error' })
    const key = uniqueKey('mp-throws')
    const options = { url: scenarioUrl(srv.url, { key, body: 'data: x\n\n' }), method: 'POST', data: '{}', maxRetries: 0 }
    const first = await runScenario(app.plugin.connectEventSource, { options })
    const [err] = first.log.filter((e) => e.kind === 'error')
    expect(err.code).toBe(1830002)
    expect(err.message).toContain('The request could not be started: Error: request:fail parameter error')
    const second = await runScenario(app.plugin.connectEventSource, { options })
    expect(second.log.find((e) => e.kind === 'error').code).toBe(1830002)
  })
})

describe('mp-weixin build: host value shapes', () => {
  test('a RequestTask that finished is not aborted when the source closes after its end (a POST reply)', async () => {
    const app = loadMpWeixinBuild(buildDir)
    const key = uniqueKey('mp-no-abort')
    const r = await runScenario(app.plugin.connectEventSource, { options: { url: scenarioUrl(srv.url, { key, body: 'data: done\n\n' }), method: 'POST', data: '{}' } })
    expect(r.log.filter((e) => e.kind !== 'created').map((e) => e.kind)).toEqual(['open', 'message', 'close'])
    expect(app.host.tasksFor(key).map((t) => [t.outcome, t.abortCalls])).toEqual([['success', 0]])
  })
  test('a host that gives neither onHeadersReceived nor a header object: 1830006 once (no Content-Type to check), with the status and body', async () => {
    const app = loadMpWeixinBuild(buildDir, { noHeaders: true })
    const key = uniqueKey('mp-no-headers')
    const r = await runScenario(app.plugin.connectEventSource, { options: { url: scenarioUrl(srv.url, { key, body: 'data: one\n\n' }), method: 'POST', data: '{}' } })
    expect(r.log.filter((e) => e.kind !== 'created').map((e) => e.kind)).toEqual(['error', 'close'])
    expect(r.log.find((e) => e.kind === 'error')).toMatchObject({ code: 1830006, data: { status: 200, headers: {}, body: 'data: one\n\n' } })
  })
  test('a failure says the host\'s errMsg, with its errno only when the host gave one; the failed task is not aborted afterwards', async () => {
    const url = await refusedUrl()
    for (const [hostOptions, errno] of [[{}, true], [{ noErrno: true }, false]]) {
      const app = loadMpWeixinBuild(buildDir, hostOptions)
      const r = await runScenario(app.plugin.connectEventSource, { options: { url, maxRetries: 0 } })
      const err = r.log.find((e) => e.kind === 'error')
      expect(err.code).toBe(1830002)
      expect(err.message).toContain('request:fail')
      expect(err.message.includes('(errno 600001)'), err.message).toBe(errno)
      expect(err.message).not.toContain('undefined')
      // The task failed, so it is over: closing the source afterwards does not abort it.
      expect(app.host.tasksFor(url).map((t) => t.abortCalls)).toEqual([0])
    }
  })

  test('chunks given as Uint8Array views at an offset into a larger buffer, and a statusCode given as a string: the same events', async () => {
    const app = loadMpWeixinBuild(buildDir, { chunkViews: true, statusAsString: true, chunking: 'random' })
    const key = uniqueKey('mp-shapes')
    const options = { url: scenarioUrl(srv.url, { key, body: 'id: 1\ndata: 你好\n\ndata: two\n\n' }), maxRetries: 0 }
    const r = await runScenario(app.plugin.connectEventSource, { options })
    expect(r.log.filter((e) => e.kind === 'message').map((e) => e.data)).toEqual(['你好', 'two'])
    expect(r.log.filter((e) => e.kind === 'error')).toEqual([])
    // A string status is read as its number, not as absent: a 401 stays a 401.
    const refused = await runScenario(app.plugin.connectEventSource, { options: { url: srv.url + '/v1/chat/completions?key=' + uniqueKey('mp-shapes-401'), method: 'POST', data: { stream: true } } })
    expect(refused.log.find((e) => e.kind === 'error')).toMatchObject({ code: 1830005, data: { status: 401 } })
  })
})

describe('mp-weixin build: lost streams', () => {
  test('a stream that stalls (iOS WeChat going silent): heartbeat aborts the RequestTask and a new request follows', async () => {
    const app = loadMpWeixinBuild(buildDir)
    const key = uniqueKey('mp-stall')
    const url = scenarioUrl(srv.url, { key, body: ['id: 1\ndata: before the stall\n\n', 'data: after\n\n'], end: ['hold', 'hold'] })
    const es = app.plugin.connectEventSource({ url, heartbeatTimeout: 300, retryInterval: 50 })
    const w = watch(es)
    await w.until(count('open'), 3000)
    const firstTask = app.host.tasksFor(key)[0]
    expect(firstTask.abortCalls).toBe(0)
    await w.until((log) => log.some((e) => e.data === 'after'), 4000)
    es.close()
    const err = w.log.find((e) => e.kind === 'error')
    expect(err).toMatchObject({ code: 1830004, readyState: 0, data: { willRetry: true } })
    expect(firstTask).toMatchObject({ abortCalls: 1, outcome: 'request:fail abort' })
    const tasks = app.host.tasksFor(key)
    expect(tasks).toHaveLength(2)
    const reqs = await srv.requests(key)
    expect(reqs).toHaveLength(2)
    expect(reqs[1].lastEventId).toBe('1')
  })

  test('app hidden: WeChat interrupts the GET (1830012); it reconnects right after show, skipping its delay, with Last-Event-ID', async () => {
    const app = loadMpWeixinBuild(buildDir, { suspendAfterMs: 150 })
    const key = uniqueKey('mp-hide')
    const url = scenarioUrl(srv.url, { key, body: ['id: 7\ndata: one\n\n', 'data: two\n\n'], end: ['hold', 'hold'] })
    // A delay far beyond the test's patience: only the show can bring the second request.
    const es = app.plugin.connectEventSource({ url, retryInterval: 60000, maxRetryInterval: 60000 })
    const w = watch(es)
    await w.until(count('message'), 3000)
    app.host.hideApp()
    await w.until(count('error'), 3000)
    const err = w.log.find((e) => e.kind === 'error')
    expect(err).toMatchObject({ code: 1830012, readyState: 0, data: { willRetry: true, retryDelay: 60000 } })
    expect(err.message).toMatch(/request:fail interrupted/)
    expect(err.message).toMatch(/background/)
    const shownAt = Date.now()
    app.host.showApp()
    await w.until((log) => log.some((e) => e.data === 'two'), 3000)
    expect(Date.now() - shownAt).toBeLessThan(2000)
    es.close()
    expect(w.kinds()).toEqual(['open', 'message', 'error', 'open', 'message', 'close'])
    const reqs = await srv.requests(key)
    expect(reqs).toHaveLength(2)
    expect(reqs[1].lastEventId).toBe('7')
  })

  test('the network comes back: a GET waiting for its reconnect delay reconnects now', async () => {
    const app = loadMpWeixinBuild(buildDir)
    const key = uniqueKey('mp-net')
    const url = scenarioUrl(srv.url, { key, body: ['id: 3\ndata: one\n\n', 'data: two\n\n'], end: ['close', 'hold'] })
    const es = app.plugin.connectEventSource({ url, retryInterval: 60000, maxRetryInterval: 60000 })
    const w = watch(es)
    await w.until(count('error'), 3000)
    expect(w.log.find((e) => e.kind === 'error')).toMatchObject({ code: 1830002, data: { willRetry: true, retryDelay: 60000 } })
    app.host.setNetwork(false)
    await new Promise((r) => setTimeout(r, 100))
    expect(await srv.requests(key)).toHaveLength(1)
    app.host.setNetwork(true)
    await w.until((log) => log.some((e) => e.data === 'two'), 3000)
    es.close()
    const reqs = await srv.requests(key)
    expect(reqs).toHaveLength(2)
    expect(reqs[1].lastEventId).toBe('3')
  })

  test('WeChat cuts a request at its time limit: a GET reconnects at once with Last-Event-ID (1830013), a POST ends with 1830013', async () => {
    // The host's 60 s maximum, shortened for the test (the plugin passes 60000; the host cuts at maxTimeoutMs).
    const app = loadMpWeixinBuild(buildDir, { maxTimeoutMs: 400 })
    const key = uniqueKey('mp-cap')
    const url = scenarioUrl(srv.url, { key, body: ['id: 1\ndata: first\n\n', 'data: second\n\n'], end: ['hold', 'hold'] })
    const es = app.plugin.connectEventSource({ url, retryInterval: 60000, maxRetryInterval: 60000 })
    const w = watch(es)
    await w.until((log) => log.some((e) => e.data === 'second'), 3000)
    es.close()
    const err = w.log.find((e) => e.kind === 'error')
    expect(err).toMatchObject({ code: 1830013, readyState: 0, data: { willRetry: true, retryDelay: 0 } })
    expect(err.message).toMatch(/request:fail timeout/)
    expect(err.message).toMatch(/60000 ms/)
    const reqs = await srv.requests(key)
    expect(reqs).toHaveLength(2)
    expect(reqs[1].lastEventId).toBe('1')

    const postKey = uniqueKey('mp-cap-post')
    const post = await runScenario(app.plugin.connectEventSource, { options: { url: scenarioUrl(srv.url, { key: postKey, body: 'data: partial\n\n', end: 'hold' }), method: 'POST', data: '{}' } })
    expect(post.log.filter((e) => e.kind !== 'created').map((e) => e.kind)).toEqual(['open', 'message', 'error', 'close'])
    expect(post.log.find((e) => e.kind === 'error')).toMatchObject({ code: 1830013, readyState: 2, data: { willRetry: false } })
    expect(await srv.requests(postKey)).toHaveLength(1)
  })

  test('opening and closing 1,000 sources leaves no host listener behind (the last source to close removes them)', async () => {
    const app = loadMpWeixinBuild(buildDir)
    const before = app.host.listenerCounts()
    const url = scenarioUrl(srv.url, { key: uniqueKey('mp-leak'), body: 'data: x\n\n', end: 'hold' })
    const sources = []
    for (let i = 0; i < 1000; i++) sources.push(app.plugin.connectEventSource({ url }))
    const during = app.host.listenerCounts()
    expect(during).toEqual({ hide: before.hide + 1, show: before.show + 1, network: before.network + 1 })
    for (const es of sources) es.close()
    expect(app.host.listenerCounts()).toEqual(before)
    // Sources that end by themselves (1830001 here) are removed too.
    const bad = await runScenario(app.plugin.connectEventSource, { options: { url: 'ftp://nope' } })
    expect(bad.log.find((e) => e.kind === 'error').code).toBe(1830001)
    expect(app.host.listenerCounts()).toEqual(before)
  })

  test('closeAllEventSources() on the built plugin closes every open source: onClose once each, tasks aborted, nothing after, no host listener left', async () => {
    const app = loadMpWeixinBuild(buildDir)
    const before = app.host.listenerCounts()
    const key = uniqueKey('mp-close-all')
    const url = scenarioUrl(srv.url, { key, body: 'data: x\n\n', end: 'hold' })
    const watched = [0, 1, 2].map(() => watch(app.plugin.connectEventSource({ url, retryInterval: 50 })))
    await Promise.all(watched.map((w) => w.until((log) => log.some((e) => e.kind === 'message'), 4000)))
    app.plugin.closeAllEventSources()
    await new Promise((resolve) => setTimeout(resolve, 300))
    for (const w of watched) expect(w.kinds()).toEqual(['open', 'message', 'close'])
    expect(app.host.tasksFor(key).map((t) => t.abortCalls)).toEqual([1, 1, 1])
    expect(await srv.requests(key)).toHaveLength(3)
    expect(app.host.listenerCounts()).toEqual(before)
  })

  test('app hidden during a POST (no retries by default): 1830012 once, final, with the background note', async () => {
    const app = loadMpWeixinBuild(buildDir, { suspendAfterMs: 100 })
    const key = uniqueKey('mp-hide-post')
    const es = app.plugin.connectEventSource({ url: scenarioUrl(srv.url, { key, body: 'data: partial\n\n', end: 'hold' }), method: 'POST', data: '{}' })
    const w = watch(es)
    await w.until(count('message'), 3000)
    app.host.hideApp()
    await w.until(count('close'), 3000)
    app.host.showApp()
    expect(w.kinds()).toEqual(['open', 'message', 'error', 'close'])
    const err = w.log.find((e) => e.kind === 'error')
    expect(err).toMatchObject({ code: 1830012, readyState: 2, data: { willRetry: false } })
    expect(err.message).toMatch(/interrupted.*background/)
  })
})

describe('mp-weixin build: devtools omit statusCode in onHeadersReceived', () => {
  let app
  beforeAll(() => { app = loadMpWeixinBuild(buildDir, { devtools: true }) })

  test('an event stream opens at once, taken as 200', async () => {
    const key = uniqueKey('mp-dev')
    const es = app.plugin.connectEventSource({ url: scenarioUrl(srv.url, { key, body: 'data: first\n\n', end: 'hold' }) })
    const w = watch(es)
    // The stream is held open: reaching the message proves it did not wait for success.
    await w.until(count('message'), 3000)
    es.close()
    expect(w.kinds()).toEqual(['open', 'message', 'close'])
  })

  test('an error response gets its real status from success: 401 with its body', async () => {
    const key = uniqueKey('mp-dev-401')
    const r = await runScenario(app.plugin.connectEventSource, { options: { url: srv.url + '/v1/chat/completions?key=' + key, method: 'POST', data: { stream: true } } })
    const err = r.log.find((e) => e.kind === 'error')
    expect(err).toMatchObject({ code: 1830005, data: { status: 401 } })
    expect(JSON.parse(err.data.body).error.code).toBe('invalid_api_key')
  })

  test('a 200 that is not an event stream still fails with 1830006', async () => {
    const key = uniqueKey('mp-dev-ct')
    const r = await runScenario(app.plugin.connectEventSource, { options: { url: scenarioUrl(srv.url, { key, type: 'application/json', body: '{"a":1}' }) } })
    expect(r.log.find((e) => e.kind === 'error')).toMatchObject({ code: 1830006, data: { status: 200, body: '{"a":1}' } })
  })
})
