/**
 * A WeChat mini-program host for Node: runs the REAL `npm run build:mp-weixin` output (common/vendor.js and
 * the plugin's CommonJS files) with a `wx` whose request performs real HTTP (node:http) and delivers the body
 * the way the base library does: onHeadersReceived, then ArrayBuffer chunks cut at arbitrary byte offsets,
 * then success/fail and complete. It emulates the platform, not our code.
 *
 * Documented behaviour emulated (https://developers.weixin.qq.com/miniprogram/dev/api/network/request/wx.request.html):
 * - header content-type defaults to application/json; data string is sent as is, objects are serialized;
 * - any received response (any status) ends in success; network errors in fail {errMsg: 'request:fail ...'};
 * - abort() stops delivery and fails the request with 'request:fail abort';
 * - onHeadersReceived gives {header, statusCode, cookies}; devtools omit statusCode (option devtools);
 * - base libraries before 2.20.1 have no RequestTask.onChunkReceived (option noChunkApi): body only in success;
 * - after the app is hidden, running requests fail with 'request:fail interrupted' (option suspendAfterMs,
 *   5000 on devices) and new ones fail until the app is shown again;
 * - redirects are followed by the platform's network stack;
 * - the request timeout is total time, capped at maxTimeoutMs (WeChat documents 60 s as default and maximum);
 *   a request cut there fails with 'request:fail timeout';
 * - uni.onNetworkStatusChange / offNetworkStatusChange (setNetwork(connected) fires them).
 *
 * Other hosts (test/support/mp-hosts.mjs) reuse this host with options: noChunkApi (request without a chunked
 * mode: the body only in success), alipay (my.request: `headers` in, `status`/`headers` out, HTTP errors in fail
 * with error 19), eventSource (tt.createEventSource, emulated in createEventSourceApi below).
 *
 * Chunking (option chunking): 'network' (as Node receives them), 'bytes1' (one byte per chunk),
 * 'random' (every network chunk cut at random offsets, seeded), 'merge' (network chunks coalesced over mergeMs).
 */
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import Module, { createRequire } from 'node:module'
import path from 'node:path'
import { seededRandom } from './random.mjs'

const require = createRequire(import.meta.url)

export const PLUGIN_DIR = 'uni_modules/connect-event-source/utssdk'

const DEFAULTS = {
  sdkVersion: '3.7.12',
  chunking: 'network',
  mergeMs: 25,
  seed: 1,
  devtools: false,
  noChunkApi: false,
  noAppBaseInfo: false,
  successData: 'empty',
  suspendAfterMs: 5000,
  maxTimeoutMs: Infinity,
  alipay: false,
  eventSource: false,
  // A message: wx.request throws an Error with it (a host bug or bad parameters), not the missing chunk API.
  requestThrows: null,
  // Chunks as Uint8Array views into a larger buffer (at an offset), and statusCode as a string: shapes some hosts and
  // devtools versions give instead of an ArrayBuffer and a number.
  chunkViews: false,
  statusAsString: false,
  // Failures without errno, as base libraries before errno existed report them.
  noErrno: false,
  // A RequestTask without onHeadersReceived, and a success result without its header object: a host that gives the
  // status alone (the transport then has no headers to read at all).
  noHeaders: false,
  // What tt.createEventSource's onError listeners get for a failure with this errMsg (documented: { errMsg }); a
  // test passes other shapes (a bare string, an Error, nothing) to check the transport still reports the text.
  ttErrorPayload: (errMsg) => ({ errMsg }),
  // tt.createEventSource's onMessage without the fields an event does not set (event for 'message', lastEventId
  // while none was sent): the documentation lists the fields, not whether defaults are filled in.
  ttOmitDefaults: false,
  // Douyin's timeout in ms instead of the one the transport asks for (its "timeout" parameter is total time).
  ttTimeoutMs: null
}

const SUSPENDED_MSG = 'request:fail createRequestTask:fail: jsapi has no permission, event=createRequestTask, runningState=suspend, permissionMsg=permission ok, detail=network api interrupted in suspend state'


function toArrayBuffer(buf) {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)
}

/** Raw response headers with their original case, as the platform hands them to JS. */
function headerObject(rawHeaders) {
  const out = {}
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]
    out[name] = out[name] === undefined ? rawHeaders[i + 1] : out[name] + ', ' + rawHeaders[i + 1]
  }
  return out
}

function encodeBody(header, data) {
  if (data === undefined || data === null) return null
  if (typeof data === 'string') return Buffer.from(data, 'utf8')
  if (data instanceof ArrayBuffer) return Buffer.from(data)
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  const type = Object.entries(header).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? ''
  if (/application\/json/i.test(type)) return Buffer.from(JSON.stringify(data), 'utf8')
  return Buffer.from(new URLSearchParams(Object.entries(data).map(([k, v]) => [k, String(v)])).toString(), 'utf8')
}

/**
 * my.request (Alipay) over the wx-like request: `headers` in; success gets { data, status, headers }; an HTTP error
 * status fails with { error: 19, errorMessage, status, data, headers }; other failures { error, errorMessage }.
 */
function alipayRequest(request) {
  return (opts) => {
    const { headers, success, fail, complete, ...rest } = opts
    const failWith = (e) => { fail?.(e); complete?.(e) }
    return request({
      ...rest,
      header: headers || {},
      success: (res) => {
        const out = { data: res.data, status: res.statusCode, headers: res.header }
        if (res.statusCode >= 400) return failWith({ error: 19, errorMessage: 'http status error', ...out })
        success?.(out)
        complete?.(out)
      },
      fail: (err) => {
        const text = String(err.errMsg).replace(/^request:fail ?/, '')
        failWith({ error: /timeout/.test(text) ? 13 : 12, errorMessage: /timeout/.test(text) ? '请求超时 (timeout)' : text })
      }
    })
  }
}

/**
 * The host's own event-stream reader, as tt.createEventSource is documented: it parses the stream itself and hands
 * out { data, event, lastEventId } per event; comments and retry: stay inside. Lines split anywhere, CR/LF/CRLF,
 * one leading BOM removed (TextDecoder).
 */
function hostEventStreamReader(onEvent) {
  const decoder = new TextDecoder('utf-8')
  let line = ''
  let afterCR = false
  let data = []
  let type = ''
  let idBuffer = ''
  function field(text) {
    if (text === '') {
      const lastEventId = idBuffer
      if (data.length) onEvent({ data: data.join('\n'), event: type || 'message', lastEventId })
      data = []
      type = ''
      return
    }
    if (text[0] === ':') return
    const colon = text.indexOf(':')
    const name = colon === -1 ? text : text.slice(0, colon)
    let value = colon === -1 ? '' : text.slice(colon + 1)
    if (value[0] === ' ') value = value.slice(1)
    if (name === 'data') data.push(value)
    else if (name === 'event') type = value
    else if (name === 'id' && !value.includes('\0')) idBuffer = value
  }
  function feed(text) {
    for (const c of text) {
      if (afterCR && c === '\n') { afterCR = false; continue }
      afterCR = false
      if (c === '\r' || c === '\n') {
        field(line)
        line = ''
        afterCR = c === '\r'
      } else line += c
    }
  }
  return { push: (buf) => feed(decoder.decode(buf, { stream: true })), end: () => feed(decoder.decode()) }
}

/**
 * One FIFO of macrotasks that every callback of a task goes through: the order the platform guarantees. A task that
 * comes up while dropped() is true is skipped (nothing is delivered after an EventSourceTask's close()).
 */
function callbackQueue(dropped = () => false) {
  const queue = []
  let draining = false
  function drain() {
    const fn = queue.shift()
    if (fn && !dropped()) fn()
    if (queue.length) setImmediate(drain)
    else draining = false
  }
  return (fn) => {
    queue.push(fn)
    if (!draining) {
      draining = true
      setImmediate(drain)
    }
  }
}

/**
 * One HTTP exchange as the platform's network stack makes it: 301/302/303/307/308 with a Location are followed (ten at
 * most; 307/308 keep method and body, the others become a bodiless GET) and onResponse(res, status) gets the first
 * other response, unless finished() by then. Returns { destroy() } for the hop in flight.
 */
function followRedirects(target, method, headers, body, { finished, onResponse, onError }) {
  let nodeReq = null
  function send(url, m, b, redirects) {
    const lib = url.protocol === 'https:' ? https : http
    nodeReq = lib.request(url, { method: m, headers: b ? { ...headers, 'Content-Length': String(b.length) } : headers }, (res) => {
      if (finished()) return res.destroy()
      const status = res.statusCode
      if ([301, 302, 303, 307, 308].includes(status) && res.headers.location && redirects < 10) {
        res.resume()
        const keep = status === 307 || status === 308
        return send(new URL(res.headers.location, url), keep ? m : 'GET', keep ? b : null, redirects + 1)
      }
      onResponse(res, status)
    })
    nodeReq.on('error', onError)
    if (b) nodeReq.write(b)
    nodeReq.end()
  }
  send(target, method, body, 0)
  return { destroy: () => nodeReq.destroy() }
}

/**
 * tt.createEventSource(params, timeout) over real HTTP, as documented (Douyin, base library 3.35.0+): GET or POST,
 * header (content-type defaults to application/json, accept to text/event-stream), data (object, ArrayBuffer or
 * array; POST only); an EventSourceTask with onOpen, onMessage({ data, event, lastEventId }), onError({ errMsg }),
 * onClose and close(). Assumptions where the documentation is silent (to confirm on a device): onOpen only for 200
 * with text/event-stream, otherwise onError without status or body; the end of the response is onClose (the host
 * does not reconnect by itself); timeout is total time, default 60000; nothing is delivered after close().
 */
function createEventSourceApi(tasks, isSuspended, { ttErrorPayload: errorPayload, ttOmitDefaults, ttTimeoutMs }) {
  return function createEventSource(params, timeout = 60000) {
    const listeners = { open: [], message: [], error: [], close: [] }
    const method = String(params.method || 'GET').toUpperCase()
    const record = {
      api: 'createEventSource', url: params.url, method, header: { ...(params.header || {}) }, data: params.data,
      timeout, closeCalls: 0, outcome: null, body: null
    }
    tasks.push(record)
    let finished = false
    let closed = false
    let exchange = null
    let timer = null
    const post = callbackQueue(() => closed)
    function finish(kind, payload) {
      if (finished) return
      finished = true
      record.outcome = kind === 'close' ? 'close' : payload.errMsg
      clearTimeout(timer)
      if (exchange) exchange.destroy()
      const delivered = kind === 'error' ? errorPayload(payload.errMsg) : payload
      post(() => listeners[kind].forEach((l) => l(delivered)))
    }
    const task = {
      onOpen: (l) => { listeners.open.push(l) },
      onMessage: (l) => { listeners.message.push(l) },
      onError: (l) => { listeners.error.push(l) },
      onClose: (l) => { listeners.close.push(l) },
      close() {
        record.closeCalls++
        closed = true
        finished = true
        clearTimeout(timer)
        if (exchange) exchange.destroy()
      }
    }
    record.task = task
    record.interrupt = () => finish('error', { errMsg: 'createEventSource:fail interrupted' })
    record.isRunning = () => !finished
    if (isSuspended()) {
      finish('error', { errMsg: SUSPENDED_MSG.replace('request:fail createRequestTask', 'createEventSource:fail') })
      return task
    }
    const headers = { ...record.header }
    const has = (n) => Object.keys(headers).some((k) => k.toLowerCase() === n)
    if (!has('content-type')) headers['content-type'] = 'application/json'
    if (!has('accept')) headers.accept = 'text/event-stream'
    const body = method === 'POST' ? encodeBody(headers, params.data) : null
    record.body = body ? body.toString('utf8') : null
    const limit = ttTimeoutMs ?? timeout
    if (limit < 2 ** 31) timer = setTimeout(() => finish('error', { errMsg: 'createEventSource:fail timeout' }), limit)
    const onResponse = (res, status) => {
      if (status !== 200 || !/^\s*text\/event-stream\s*(;|$)/i.test(res.headers['content-type'] || '')) {
        res.resume()
        return finish('error', { errMsg: 'createEventSource:fail' })
      }
      post(() => listeners.open.forEach((l) => l({})))
      const shaped = (ev) => {
        if (!ttOmitDefaults) return ev
        const out = { data: ev.data }
        if (ev.event !== 'message') out.event = ev.event
        if (ev.lastEventId !== '') out.lastEventId = ev.lastEventId
        return out
      }
      const reader = hostEventStreamReader((ev) => post(() => listeners.message.forEach((l) => l(shaped(ev)))))
      res.on('data', (buf) => { if (!finished) reader.push(buf) })
      res.on('end', () => {
        if (finished) return
        reader.end()
        finish('close', {})
      })
      res.on('close', () => { if (!res.complete) finish('error', { errMsg: 'createEventSource:fail connection reset' }) })
    }
    const onError = (e) => finish('error', { errMsg: 'createEventSource:fail ' + (e.code || e.message) })
    setImmediate(() => {
      if (!finished) exchange = followRedirects(new URL(params.url), method, headers, body, { finished: () => finished, onResponse, onError })
    })
    return task
  }
}

/** Creates the `wx` object and the lifecycle globals of one mini-program instance. */
export function createWxHost(options = {}) {
  const config = { ...DEFAULTS, ...options }
  const random = seededRandom(config.seed)
  const tasks = []
  const hideListeners = new Set()
  const showListeners = new Set()
  const networkListeners = new Set()
  const storage = new Map()
  let suspended = false
  let hidden = false
  let suspendTimer = null

  const baseInfo = () => ({ SDKVersion: config.sdkVersion, version: '8.0.50', language: 'zh_CN', theme: 'light', enableDebug: false, host: { env: 'WeChat' } })
  const systemInfo = () => ({
    ...baseInfo(), brand: 'devtools', model: 'node', system: 'Node ' + process.version, platform: 'devtools', pixelRatio: 2,
    screenWidth: 375, screenHeight: 812, windowWidth: 375, windowHeight: 812, statusBarHeight: 44, fontSizeSetting: 16,
    safeArea: { left: 0, right: 375, top: 44, bottom: 812, width: 375, height: 768 }, deviceOrientation: 'portrait'
  })

  function request(opts) {
    if (config.requestThrows) throw new Error(config.requestThrows)
    const record = {
      url: opts.url, method: (opts.method || 'GET').toUpperCase(), header: { ...(opts.header || {}) },
      data: opts.data, enableChunked: opts.enableChunked === true, responseType: opts.responseType, timeout: opts.timeout,
      abortCalls: 0, outcome: null, chunks: 0, bytes: 0
    }
    tasks.push(record)
    let finished = false
    let exchange = null
    let timeoutTimer = null
    let mergeTimer = null
    let merged = []
    const headerListeners = []
    const chunkListeners = []
    const post = callbackQueue()
    const chunked = record.enableChunked && !config.noChunkApi
    // Data the network already delivered still reaches JS before success or fail; nothing does after abort().
    let aborted = false
    const alive = () => !aborted

    function end(kind, payload) {
      if (finished) return
      finished = true
      record.outcome = kind === 'success' ? 'success' : payload.errMsg
      clearTimeout(timeoutTimer)
      clearTimeout(mergeTimer)
      mergeTimer = null
      const cb = kind === 'success' ? opts.success : opts.fail
      post(() => {
        if (typeof cb === 'function') cb(payload)
        if (typeof opts.complete === 'function') opts.complete(payload)
      })
    }
    function fail(message) {
      if (finished) return
      if (exchange) exchange.destroy()
      if (!aborted) flushMerged()
      end('fail', config.noErrno ? { errMsg: message } : { errMsg: message, errno: aborted ? 0 : 600001 })
    }
    function deliver(buf) {
      if (aborted || buf.length === 0) return
      record.chunks++
      record.bytes += buf.length
      const data = config.chunkViews ? new Uint8Array(Buffer.concat([Buffer.from('pad'), buf, Buffer.from('pad')])).subarray(3, 3 + buf.length) : toArrayBuffer(buf)
      post(() => { if (alive()) chunkListeners.forEach((l) => l({ data })) })
    }
    function emitChunk(buf) {
      if (config.chunking === 'bytes1') {
        for (let i = 0; i < buf.length; i++) deliver(buf.subarray(i, i + 1))
      } else if (config.chunking === 'random') {
        let i = 0
        while (i < buf.length) {
          const n = 1 + Math.floor(random() * Math.min(64, buf.length - i))
          deliver(buf.subarray(i, i + n))
          i += n
        }
      } else if (config.chunking === 'merge') {
        merged.push(buf)
        if (!mergeTimer) mergeTimer = setTimeout(flushMerged, config.mergeMs)
      } else {
        deliver(buf)
      }
    }
    function flushMerged() {
      mergeTimer = null
      if (merged.length) deliver(Buffer.concat(merged))
      merged = []
    }

    function send(url, method, body) {
      let target
      try {
        target = new URL(url)
      } catch {
        return fail('request:fail invalid url "' + url + '"')
      }
      const headers = { ...record.header }
      if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json'
      headers.Referer = 'https://servicewechat.com/wx0000000000000000/devtools/page-frame.html'
      exchange = followRedirects(target, method, headers, body, { finished: () => finished, onResponse, onError: (e) => fail('request:fail ' + (e.code || e.message)) })
    }
    function onResponse(res, status) {
      const header = headerObject(res.rawHeaders)
      const cookies = [].concat(res.headers['set-cookie'] ?? [])
      const whole = []
      post(() => {
        if (!alive()) return
        const info = config.devtools ? { header, cookies } : { header, statusCode: config.statusAsString ? String(status) : status, cookies }
        headerListeners.forEach((l) => l(info))
      })
      res.on('data', (buf) => {
        if (finished) return
        whole.push(buf)
        if (chunked) emitChunk(buf)
      })
      res.on('end', () => {
        if (finished) return
        if (chunked) flushMerged()
        const all = Buffer.concat(whole)
        const asked = opts.responseType === 'arraybuffer' ? toArrayBuffer(all) : all.toString('utf8')
        const data = chunked && config.successData !== 'full' ? new ArrayBuffer(0) : asked
        const result = { data, statusCode: config.statusAsString ? String(status) : status, header, cookies, errMsg: 'request:ok' }
        if (config.noHeaders) delete result.header
        end('success', result)
      })
      res.on('error', (e) => fail('request:fail ' + e.message))
      res.on('close', () => { if (!res.complete) fail('request:fail connection reset') })
    }

    if (suspended) {
      end('fail', { errMsg: SUSPENDED_MSG, errno: 600000 })
    } else {
      const method = record.method
      const body = method === 'GET' || method === 'HEAD' ? null : encodeBody(record.header, opts.data)
      // setImmediate: the platform starts the request after the call returns (listeners can be attached).
      setImmediate(() => { if (!finished) send(opts.url, method, body) })
      const limit = Math.min(typeof opts.timeout === 'number' ? opts.timeout : 60000, config.maxTimeoutMs)
      if (limit < 2 ** 31) timeoutTimer = setTimeout(() => fail('request:fail timeout'), limit)
    }

    const task = {
      abort() {
        record.abortCalls++
        if (finished) return
        aborted = true
        fail('request:fail abort')
      },
      onHeadersReceived(l) { headerListeners.push(l) },
      offHeadersReceived(l) { const i = headerListeners.indexOf(l); if (i >= 0) headerListeners.splice(i, 1) }
    }
    if (config.noHeaders) {
      delete task.onHeadersReceived
      delete task.offHeadersReceived
    }
    if (!config.noChunkApi) {
      task.onChunkReceived = (l) => { chunkListeners.push(l) }
      task.offChunkReceived = (l) => { const i = chunkListeners.indexOf(l); if (i >= 0) chunkListeners.splice(i, 1) }
    }
    record.task = task
    record.interrupt = () => fail('request:fail interrupted')
    record.isRunning = () => !finished
    return task
  }

  const wx = {
    request: config.alipay ? alipayRequest(request) : request,
    ...(config.eventSource ? { createEventSource: createEventSourceApi(tasks, () => suspended, config) } : {}),
    onNetworkStatusChange: (l) => { networkListeners.add(l) },
    offNetworkStatusChange: (l) => { networkListeners.delete(l) },
    getNetworkType: (o = {}) => { const r = { networkType: 'wifi', errMsg: 'getNetworkType:ok' }; o.success?.(r); o.complete?.(r) },
    getSystemInfoSync: systemInfo,
    getSystemInfo: (o = {}) => { const r = { ...systemInfo(), errMsg: 'getSystemInfo:ok' }; o.success?.(r); o.complete?.(r) },
    getAppBaseInfo: () => (config.noAppBaseInfo ? undefined : baseInfo()),
    getWindowInfo: () => { const s = systemInfo(); return { pixelRatio: s.pixelRatio, screenWidth: s.screenWidth, screenHeight: s.screenHeight, windowWidth: s.windowWidth, windowHeight: s.windowHeight, statusBarHeight: s.statusBarHeight, safeArea: s.safeArea } },
    getDeviceInfo: () => ({ brand: 'devtools', model: 'node', system: 'Node', platform: 'devtools', benchmarkLevel: 1 }),
    getLaunchOptionsSync: () => ({ path: 'pages/chat/chat', query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: 'pages/chat/chat', query: {}, scene: 1001, referrerInfo: {} }),
    getAccountInfoSync: () => ({ miniProgram: { appId: 'wx0000000000000000', envVersion: 'develop', version: '' } }),
    getStorageSync: (k) => storage.get(k) ?? '',
    setStorageSync: (k, v) => { storage.set(k, v) },
    setStorage: (o) => { storage.set(o.key, o.data); o.success?.({ errMsg: 'setStorage:ok' }) },
    canIUse: (name) => !/DingTalk/.test(String(name)),
    onAppHide: (l) => { hideListeners.add(l) },
    offAppHide: (l) => { hideListeners.delete(l) },
    onAppShow: (l) => { showListeners.add(l) },
    offAppShow: (l) => { showListeners.delete(l) },
    onError: () => {},
    offError: () => {},
    onUnhandledRejection: () => {},
    onPageNotFound: () => {},
    createSelectorQuery: () => ({ in() { return this }, select() { return this }, boundingClientRect() { return this }, exec() {} })
  }

  return {
    wx,
    config,
    tasks,
    /** The app goes to the background: hide listeners fire; after suspendAfterMs running requests are interrupted. */
    hideApp() {
      hidden = true
      hideListeners.forEach((l) => l({}))
      clearTimeout(suspendTimer)
      suspendTimer = setTimeout(() => {
        if (!hidden) return
        suspended = true
        for (const t of tasks) if (t.isRunning()) t.interrupt()
      }, config.suspendAfterMs)
    },
    showApp() {
      hidden = false
      suspended = false
      clearTimeout(suspendTimer)
      showListeners.forEach((l) => l({ path: 'pages/chat/chat', query: {}, scene: 1001 }))
    },
    /** The network goes away or comes back: network status listeners fire. */
    setNetwork(connected) {
      networkListeners.forEach((l) => l({ isConnected: connected, networkType: connected ? 'wifi' : 'none' }))
    },
    /** Lifecycle and network listeners the page code left registered with the host. */
    listenerCounts() {
      return { hide: hideListeners.size, show: showListeners.size, network: networkListeners.size }
    },
    /** Requests whose URL contains `part`. */
    tasksFor(part) {
      return tasks.filter((t) => t.url.includes(part))
    }
  }
}

/**
 * Loads a fresh instance of the built mini-program (vendor.js copies `wx` when it loads, so `wx` and the
 * lifecycle globals are installed first) and starts the app like the host does (App() → onLaunch, onShow).
 * Returns the host and the plugin's module exports.
 */
export function loadMpWeixinBuild(buildDir, options = {}) {
  return loadMpBuild(buildDir, 'mp-weixin', 'wx', options)
}

/**
 * The same for any mini-program build: platform is the uni platform ('mp-qq'), globalName the host's global ('qq');
 * the host object is this file's `wx` with the options that give it that host's documented behaviour
 * (test/support/mp-hosts.mjs).
 */
export function loadMpBuild(buildDir, platform, globalName, options = {}) {
  const host = createWxHost(options)
  const root = path.resolve(buildDir) + path.sep
  for (const id of Object.keys(require.cache)) if (id.startsWith(root)) delete require.cache[id]
  let appOptions = null
  const appInstance = { globalData: {} }
  // A mini-program's JS context has neither; vitest's setup file installs them for the .uts source tests.
  delete globalThis.UniError
  delete globalThis.UTSJSONObject
  globalThis[globalName] = host.wx
  globalThis.App = (o) => { appOptions = o; Object.assign(appInstance, o) }
  globalThis.Page = () => {}
  globalThis.Component = () => {}
  globalThis.Behavior = (o) => o
  globalThis.getApp = () => appInstance
  globalThis.getCurrentPages = () => []
  const { plugin, textDecoder, utf8 } = asCommonJs(root, () => {
    require(path.join(buildDir, 'common/vendor.js'))
    require(path.join(buildDir, 'app.js'))
    return {
      plugin: require(path.join(buildDir, PLUGIN_DIR, platform, 'index.js')),
      textDecoder: require(path.join(buildDir, PLUGIN_DIR, 'common/text-decoder.js')),
      utf8: require(path.join(buildDir, PLUGIN_DIR, 'common/utf8.js'))
    }
  })
  if (appOptions) {
    const launch = host.wx.getLaunchOptionsSync()
    appOptions.onLaunch?.call(appInstance, launch)
    appOptions.onShow?.call(appInstance, launch)
  }
  // Which decoder the built engine creates right now: 'TextDecoder' or 'utf8.uts'.
  const decoderKind = () => (textDecoder.createJsDecoder() instanceof utf8.Utf8Decoder ? 'utf8.uts' : 'TextDecoder')
  return { host, plugin, decoderKind, appStarted: appOptions !== null }
}

/**
 * Mini-program .js files are CommonJS, but the repository's package.json says "type": "module", which would make
 * Node load them as ES modules. While fn runs, .js files under root are compiled as CommonJS (as the host does).
 */
function asCommonJs(root, fn) {
  const original = Module._extensions['.js']
  Module._extensions['.js'] = function (module, filename) {
    if (!filename.startsWith(root)) return original.call(this, module, filename)
    module._compile(fs.readFileSync(filename, 'utf8'), filename)
  }
  try {
    return fn()
  } finally {
    Module._extensions['.js'] = original
  }
}
