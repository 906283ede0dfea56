// The Android transport (utssdk/app-android/*.kt on OkHttp) as an OpenTransport for the real engine in Node:
// one long-running JVM (test/support/jvm/bridge/SseBridge.kt) spoken to over a line protocol on stdin/stdout.
import { buildBridgeJar } from './jvm-build.mjs'
import { b64, startJvmMain, text } from './jvm-process.mjs'

const unb64 = (s) => (s === '-' ? Buffer.alloc(0) : Buffer.from(s, 'base64'))

function parseHead(fields) {
  const headers = new Map()
  for (const pair of fields) {
    const [name, value] = pair.split(':')
    headers.set(text(name), text(value))
  }
  return headers
}

/**
 * Starts the JVM. Returns:
 *   openTransport(request, listener)  the engine's OpenTransport (body decoded in Kotlin, delivered with onText)
 *   start(request, mode, onLine)      raw access: mode 'bytes' | 'text'; onLine(kind, fields, at) for every line of
 *                                     this id, including 'aborted'; returns { id, abort() }
 *   decodeUtf8(chunks)                Utf8StreamDecoder over Buffers -> Promise<string>
 *   violations                        lines that arrived for an id after its 'aborted' line (must stay empty)
 *   abortedIds                        the ids that reported 'aborted' (so a test can tell its aborts were seen)
 *   close()
 */
export async function startJvmTransport() {
  const { classpath } = await buildBridgeJar()
  const handlers = new Map()
  const abortedIds = new Set()
  const violations = []
  let nextId = 1
  const jvm = await startJvmMain(classpath, 'uts.sdk.modules.connectEventSource.bridge.SseBridgeKt', (line) => {
    const [kind, id, ...fields] = line.split(' ')
    if (abortedIds.has(id)) violations.push(line)
    if (kind === 'aborted') abortedIds.add(id)
    const handler = handlers.get(id)
    if (handler) handler(kind, fields, Date.now())
  })
  const send = jvm.send

  function start(request, mode, onLine) {
    const id = String(nextId++)
    handlers.set(id, onLine)
    const headers = []
    request.headers.forEach((value, name) => headers.push(b64(name) + ':' + b64(value)))
    // '-' no body, '=' an empty body.
    const body = request.body == null ? '-' : request.body.length === 0 ? '=' : b64(request.body)
    const redirect = request.redirect ? [`redirect=${request.redirect}`] : []
    send(['start', id, request.method, b64(request.url), body, mode, ...redirect, ...headers].join(' '))
    return {
      id,
      abort: () => send('abort ' + id)
    }
  }

  function openTransport(request, listener) {
    let aborted = false
    let done = false
    const call = start(request, 'text', (kind, fields) => {
      if (aborted || done) return
      if (kind === 'response') listener.onResponse(Number(fields[0]), parseHead(fields.slice(1)))
      else if (kind === 'text') listener.onText(text(fields[0]))
      else if (kind === 'bytes') listener.onBytes(new Uint8Array(unb64(fields[0])))
      else if (kind === 'end') { done = true; listener.onEnd() }
      else if (kind === 'fail') { done = true; listener.onFail(text(fields[0])) }
    })
    return {
      abort() {
        if (aborted) return
        aborted = true
        call.abort()
      }
    }
  }

  function decodeUtf8(chunks) {
    const id = String(nextId++)
    return new Promise((resolve) => {
      handlers.set(id, (kind, fields) => {
        handlers.delete(id)
        resolve(text(fields[0]))
      })
      send(['utf8', id, ...chunks.map((c) => (c.length === 0 ? '-' : Buffer.from(c).toString('base64')))].join(' '))
    })
  }

  /** SseHttpCall.nextHop: the next hop's { url, method, headers } or null (the 3xx is reported, not followed). */
  function nextHop({ url, method = 'GET', code, location = null, hops = 0, mode = 'follow', headers = {} }) {
    const id = String(nextId++)
    return new Promise((resolve) => {
      handlers.set(id, (kind, fields) => {
        handlers.delete(id)
        if (fields[0] === '-') return resolve(null)
        resolve({ url: text(fields[0]), method: fields[1], headers: Object.fromEntries(parseHead(fields.slice(2))) })
      })
      const pairs = Object.entries(headers).map(([n, v]) => b64(n) + ':' + b64(v))
      send(['hop', id, b64(url), method, String(code), location == null ? '-' : b64(location), String(hops), mode, ...pairs].join(' '))
    })
  }

  return {
    openTransport,
    start,
    decodeUtf8,
    nextHop,
    violations,
    abortedIds,
    /** Blocks the delivery thread (Android: the main thread) for ms. */
    stall: (ms) => send('stall ' + ms),
    stderr: jvm.stderr,
    close: jvm.close
  }
}
