// Helpers for responses written piece by piece over time.
import { setTimeout as delay } from 'node:timers/promises'

// Aborts when the response is finished or the client goes away, so pending
// delays and intervals never outlive the connection (and never keep the
// process alive after srv.close()). req 'close' is no use here: in Node 20 it
// fires as soon as the request body has been read.
export function closeSignal(res) {
  const controller = new AbortController()
  res.once('close', () => controller.abort())
  return controller.signal
}

// Headers go out at once and Nagle is off, so each later write reaches the
// client as its own chunk instead of being coalesced with the next one.
export function openStream(req, res, status, headers) {
  res.writeHead(status, headers)
  req.socket.setNoDelay(true)
  res.flushHeaders()
}

export function pause(ms, signal) {
  return ms > 0 ? delay(ms, undefined, { signal }) : Promise.resolve()
}

// Resolves once the bytes were handed to the socket: an abrupt destroy right
// after must not drop data still queued in user space.
export function writeFlushed(res, data, signal) {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    res.write(data, (err) => {
      signal.removeEventListener('abort', onAbort)
      if (err) reject(err)
      else resolve()
    })
  })
}

// A client hanging up mid-stream is normal, not an error worth reporting.
export function rethrowUnlessClosed(err, signal) {
  if (!signal.aborted) throw err
}
