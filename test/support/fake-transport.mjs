// The engine (common/connection.uts) over a transport the test drives by hand: every request the engine starts is a
// call the test answers with onResponse / onText / onBytes / onEnd / onFail, synchronously, at the exact byte
// boundaries it chooses. For rules that must not depend on network timing (use with vi.useFakeTimers()).
import { startEventSource, Platform } from '../../uni_modules/connect-event-source/utssdk/common/connection.uts'
import { createJsDecoder } from '../../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
import { sameCallback } from '../../uni_modules/connect-event-source/utssdk/common/same-callback.uts'

export const EVENT_STREAM = new Map([['content-type', 'text/event-stream']])

export function fakeEngine() {
  const calls = []
  const platform = new Platform((request, listener) => {
    const call = {
      request,
      listener,
      aborted: false,
      abortCalls: 0,
      abort() {
        call.aborted = true
        call.abortCalls++
      },
      open(headers = EVENT_STREAM, status = 200) { listener.onResponse(status, headers) },
      text(t) { listener.onText(t) },
      bytes(b) { listener.onBytes(typeof b === 'string' ? new TextEncoder().encode(b) : Uint8Array.from(b)) },
      end() { listener.onEnd() },
      fail(message = 'connection reset') { listener.onFail(message) },
      interrupted(code, message = 'interrupted by the host') { listener.onInterrupted(code, message) }
    }
    calls.push(call)
    return call
  }, createJsDecoder, sameCallback)
  function connect(options) {
    const es = startEventSource({ url: 'http://127.0.0.1:9/sse', ...options }, platform)
    const log = []
    es.onOpen(() => log.push(['open']))
    es.onMessage((ev) => log.push(['message', ev.type, ev.data, ev.lastEventId]))
    es.onError((err) => log.push(['error', err.errCode, err.data]))
    es.onClose(() => log.push(['close']))
    return { es, log, kinds: () => log.map((e) => e[0]), messages: () => log.filter((e) => e[0] === 'message').map((e) => e[2]), errors: () => log.filter((e) => e[0] === 'error') }
  }
  /** The last call the engine started (after advancing timers so its setTimeout(0) connect ran). */
  const last = () => calls[calls.length - 1]
  return { calls, connect, last, platform }
}
