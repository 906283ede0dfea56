// /scenario: a response scripted entirely by query parameters, so each test
// can describe the exact bytes, chunking, timing and ending it needs.
import { exposeHeaders } from './cors.mjs'
import { intParam, sendText } from './http.mjs'
import { closeSignal, openStream, pause, rethrowUnlessClosed, writeFlushed } from './stream.mjs'

const DEFAULT_TYPE = 'text/event-stream; charset=utf-8'
const ENDINGS = new Set(['close', 'destroy', 'hold'])

export function createScenarioHandler() {
  // Counted separately from recorded requests so that preflights or other
  // endpoints sharing the key do not shift which body an attempt gets.
  const attemptsByKey = new Map()

  function nextAttempt(key) {
    if (key === null) return 0
    const attempt = attemptsByKey.get(key) ?? 0
    attemptsByKey.set(key, attempt + 1)
    return attempt
  }

  return async function handleScenario(req, res, { params, key }) {
    const attempt = nextAttempt(key)
    const ending = forAttempt(params.getAll('end'), attempt) ?? 'close'
    if (!ENDINGS.has(ending)) return sendText(res, 400, `scenario: unknown end=${ending}\n`)
    const extra = parseHeaderParams(params.getAll('header'))
    if (extra === null) return sendText(res, 400, 'scenario: header must be Name:Value\n')

    const body = bodyForAttempt(params, attempt)
    const pieces = cut(body, params)
    // One status / Content-Type per attempt like body (e.g. status=429&status=200: rate-limited, then served).
    const status = intParam(forAttempt(params.getAll('status'), attempt) ?? null, 200)
    const type = forAttempt(params.getAll('type'), attempt) ?? DEFAULT_TYPE

    const headers = { 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' }
    if (type !== 'none') headers['Content-Type'] = type
    for (const [name, values] of extra) headers[name] = values.length === 1 ? values[0] : values
    exposeHeaders(res, [...extra.keys()])

    openStream(req, res, status, headers)
    const signal = closeSignal(res)
    try {
      await pause(intParam(params.get('firstDelay'), 0), signal)
      const gap = intParam(params.get('delay'), 0)
      for (let i = 0; i < pieces.length; i++) {
        if (i > 0) await pause(gap, signal)
        await writeFlushed(res, pieces[i], signal)
      }
    } catch (err) {
      return rethrowUnlessClosed(err, signal)
    }

    if (ending === 'destroy') req.socket.destroy()
    else if (ending === 'close') res.end()
    // 'hold': leave the response open; the client or srv.close() ends it.
  }
}

function forAttempt(values, attempt) {
  if (values.length === 0) return undefined
  return values[Math.min(attempt, values.length - 1)]
}

// body64 exists for bytes a percent-encoded JS string cannot carry
// (invalid UTF-8), so it wins when both are given.
function bodyForAttempt(params, attempt) {
  const raw = forAttempt(params.getAll('body64'), attempt)
  if (raw !== undefined) return Buffer.from(raw, 'base64url')
  return Buffer.from(forAttempt(params.getAll('body'), attempt) ?? '', 'utf8')
}

function cut(bytes, params) {
  const size = intParam(params.get('chunk'), 0)
  const offsets = []
  if (size > 0) {
    for (let at = size; at < bytes.length; at += size) offsets.push(at)
  } else {
    // Repeated split params are merged so array-valued helpers also work.
    const listed = params.getAll('split').join(',').split(',').filter(Boolean).map(Number)
    offsets.push(...new Set(listed.filter((n) => Number.isInteger(n) && n > 0 && n < bytes.length)))
    offsets.sort((a, b) => a - b)
  }
  const bounds = [0, ...offsets, bytes.length]
  const pieces = []
  for (let i = 1; i < bounds.length; i++) {
    if (bounds[i] > bounds[i - 1]) pieces.push(bytes.subarray(bounds[i - 1], bounds[i]))
  }
  return pieces
}

function parseHeaderParams(values) {
  const headers = new Map()
  for (const value of values) {
    const colon = value.indexOf(':')
    if (colon <= 0) return null
    const name = value.slice(0, colon).trim()
    if (!headers.has(name)) headers.set(name, [])
    headers.get(name).push(value.slice(colon + 1).trim())
  }
  return headers
}
