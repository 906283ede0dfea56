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
 * - redirects are followed by the platform's network stack.
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
  suspendAfterMs: 5000
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

/** Creates the `wx` object and the lifecycle globals of one mini-program instance. */
export function createWxHost(options = {}) {
  const config = { ...DEFAULTS, ...options }
  const random = seededRandom(config.seed)
  const tasks = []
  const hideListeners = new Set()
  const showListeners = new Set()
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
    const record = {
      url: opts.url, method: (opts.method || 'GET').toUpperCase(), header: { ...(opts.header || {}) },
      data: opts.data, enableChunked: opts.enableChunked === true, responseType: opts.responseType, timeout: opts.timeout,
      abortCalls: 0, outcome: null, chunks: 0, bytes: 0
    }
    tasks.push(record)
    let finished = false
    let nodeReq = null
    let timeoutTimer = null
    let mergeTimer = null
    let merged = []
    const headerListeners = []
    const chunkListeners = []
    // Every callback goes through one FIFO of macrotasks: the order the platform guarantees.
    const queue = []
    let draining = false
    const post = (fn) => {
      queue.push(fn)
      if (!draining) {
        draining = true
        setImmediate(drain)
      }
    }
    function drain() {
      const fn = queue.shift()
      if (fn) fn()
      if (queue.length) setImmediate(drain)
      else draining = false
    }
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
      if (nodeReq) nodeReq.destroy()
      if (!aborted) flushMerged()
      end('fail', { errMsg: message, errno: aborted ? 0 : 600001 })
    }
    function deliver(buf) {
      if (aborted || buf.length === 0) return
      record.chunks++
      record.bytes += buf.length
      const data = toArrayBuffer(buf)
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

    function send(url, method, body, redirects) {
      let target
      try {
        target = new URL(url)
      } catch {
        return fail('request:fail invalid url "' + url + '"')
      }
      const headers = { ...record.header }
      if (!Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json'
      headers.Referer = 'https://servicewechat.com/wx0000000000000000/devtools/page-frame.html'
      if (body) headers['Content-Length'] = String(body.length)
      const lib = target.protocol === 'https:' ? https : http
      nodeReq = lib.request(target, { method, headers }, (res) => {
        if (finished) return res.destroy()
        const status = res.statusCode
        if ([301, 302, 303, 307, 308].includes(status) && res.headers.location && redirects < 10) {
          res.resume()
          const keep = status === 307 || status === 308
          return send(new URL(res.headers.location, target).href, keep ? method : 'GET', keep ? body : null, redirects + 1)
        }
        const header = headerObject(res.rawHeaders)
        const cookies = [].concat(res.headers['set-cookie'] ?? [])
        const whole = []
        post(() => {
          if (!alive()) return
          const info = config.devtools ? { header, cookies } : { header, statusCode: status, cookies }
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
          end('success', { data, statusCode: status, header, cookies, errMsg: 'request:ok' })
        })
        res.on('error', (e) => fail('request:fail ' + e.message))
        res.on('close', () => { if (!res.complete) fail('request:fail connection reset') })
      })
      nodeReq.on('error', (e) => fail('request:fail ' + (e.code || e.message)))
      if (body) nodeReq.write(body)
      nodeReq.end()
    }

    if (suspended) {
      end('fail', { errMsg: SUSPENDED_MSG, errno: 600000 })
    } else {
      const method = record.method
      const body = method === 'GET' || method === 'HEAD' ? null : encodeBody(record.header, opts.data)
      // setImmediate: the platform starts the request after the call returns (listeners can be attached).
      setImmediate(() => { if (!finished) send(opts.url, method, body, 0) })
      const limit = typeof opts.timeout === 'number' ? opts.timeout : 60000
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
    request,
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
    canIUse: () => true,
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
  const host = createWxHost(options)
  const root = path.resolve(buildDir) + path.sep
  for (const id of Object.keys(require.cache)) if (id.startsWith(root)) delete require.cache[id]
  let appOptions = null
  const appInstance = { globalData: {} }
  // A mini-program's JS context has neither; vitest's setup file installs them for the .uts source tests.
  delete globalThis.UniError
  delete globalThis.UTSJSONObject
  globalThis.wx = host.wx
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
      plugin: require(path.join(buildDir, PLUGIN_DIR, 'mp-weixin/index.js')),
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
