// HTTP whose chunk boundaries are real: a loopback server that writes a response piece by piece and writes the next
// piece only after the client's transport has delivered the previous one (TCP and the fetch reader cannot coalesce
// what has not been sent yet), plus the engine over the real fetch transport with every read recorded. Tests
// then assert the transport delivered exactly the pieces, so a split that silently became one read fails.
import http from 'node:http'
import { startEventSource, Platform } from '../../uni_modules/connect-event-source/utssdk/common/connection.uts'
import { createJsDecoder } from '../../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
import { sameCallback } from '../../uni_modules/connect-event-source/utssdk/common/same-callback.uts'
import { openHandFollowingFetchTransport } from '../../uni_modules/connect-event-source/utssdk/web/fetch-transport.uts'

/** Cuts bytes into pieces of size n (the last may be shorter). */
export function piecesOf(body, n) {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body)
  const out = []
  for (let at = 0; at < bytes.length; at += n) out.push(bytes.subarray(at, at + n))
  return out
}

export async function startLockstepServer() {
  const scripts = new Map()
  let next = 0
  const server = http.createServer((req, res) => {
    const key = new URL(req.url, 'http://x').searchParams.get('key')
    const s = scripts.get(key)
    if (!s) { res.writeHead(404); res.end(); return }
    s.requests++
    res.on('close', () => { s.closedAt = Date.now(); s.resolveClosed() })
    res.writeHead(s.status, { 'Content-Type': s.type, 'Cache-Control': 'no-cache' })
    req.socket.setNoDelay(true)
    res.flushHeaders()
    const write = (i) => {
      if (res.destroyed) return
      if (i >= s.pieces.length) {
        if (s.end === 'close') res.end()
        return
      }
      s.waiting = () => write(i + 1)
      res.write(s.pieces[i])
      s.written++
    }
    write(0)
  })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${server.address().port}`

  /**
   * A response: pieces (Buffers or strings) written in lockstep; end 'close' (default) or 'hold'.
   * Returns { url, reads (byte length of every onBytes of its requests), written, closed (a promise), requests }.
   */
  function script({ pieces, status = 200, type = 'text/event-stream', end = 'close' }) {
    const key = `ls-${++next}`
    let resolveClosed
    const s = {
      url: `${base}/lockstep?key=${key}`,
      pieces: pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))),
      status, type, end, reads: [], written: 0, requests: 0, closedAt: 0, waiting: null,
      closed: new Promise((r) => { resolveClosed = r }),
      resolveClosed: () => resolveClosed()
    }
    scripts.set(key, s)
    return s
  }

  /** The client read one piece: record it and let the server write the next. */
  function delivered(url, length) {
    const s = scripts.get(new URL(url).searchParams.get('key'))
    if (!s) return
    s.reads.push(length)
    const go = s.waiting
    s.waiting = null
    // After the engine has handled this read (the listener call returns first).
    if (go) setImmediate(go)
  }

  const platform = new Platform((request, listener) => openHandFollowingFetchTransport(request, {
    onResponse: (status, headers) => listener.onResponse(status, headers),
    onBytes: (bytes) => { listener.onBytes(bytes); delivered(request.url, bytes.length) },
    onText: (text) => listener.onText(text),
    onEnd: () => listener.onEnd(),
    onFail: (message) => listener.onFail(message),
    onInterrupted: (code, message) => listener.onInterrupted(code, message)
  }), createJsDecoder, sameCallback)

  return {
    base,
    script,
    delivered,
    connectEventSource: (options) => startEventSource(options, platform),
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r) })
  }
}
