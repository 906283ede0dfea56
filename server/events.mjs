// /events: a plain GET stream that native EventSource and the demo can use,
// resuming after the Last-Event-ID the browser resends on reconnect.
import { intParam } from './http.mjs'
import { closeSignal, openStream, pause, rethrowUnlessClosed, writeFlushed } from './stream.mjs'

const HEARTBEAT_MS = 15_000

export async function handleEvents(req, res, { params }) {
  const count = intParam(params.get('count'), 10)
  const interval = intParam(params.get('interval'), 500)
  const resumeAfter = req.headers['last-event-id'] ?? params.get('lastEventId')
  const start = /^\d+$/.test(resumeAfter ?? '') ? Number(resumeAfter) + 1 : intParam(params.get('start'), 1)

  openStream(req, res, 200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    'X-Accel-Buffering': 'no',
  })
  const signal = closeSignal(res)
  // Keeps proxies and idle timeouts from cutting long intervals.
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS)
  signal.addEventListener('abort', () => clearInterval(heartbeat), { once: true })

  try {
    await writeFlushed(res, 'retry: 2000\n\n', signal)
    for (let n = 0; n < count; n++) {
      if (n > 0) await pause(interval, signal)
      const i = start + n
      await writeFlushed(res, `id: ${i}\nevent: tick\ndata: ${JSON.stringify({ i, time: Date.now() })}\n\n`, signal)
    }
  } catch (err) {
    return rethrowUnlessClosed(err, signal)
  } finally {
    clearInterval(heartbeat)
  }
  res.end()
}
