// Seeded fuzz of the whole engine (EventSourceConnection: transport callbacks, UTF-8 decoding across chunks, parser,
// limits, reconnect delay) against the naive WHATWG reference in support/whatwg-event-stream.mjs: random streams
// (every field kind, CR/LF/CRLF, BOMs, invalid UTF-8, long lines and events near the limits) delivered in random
// chunkings, as bytes (JS decoder or utf8.uts) or as text (what Android and iOS deliver). Every case must give the
// same events, the same last event ID and the same reconnection time (as the first reconnect delay, clamped into
// [minRetryInterval, maxRetryInterval]), or the same limit failure.
// FUZZ_SEED=<n> replays a run; FUZZ_CASES=<n> changes its size (default 10000).
import { expect, test } from 'vitest'
import { startEventSource, Platform } from '../uni_modules/connect-event-source/utssdk/common/connection.uts'
import { createJsDecoder } from '../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
import { Utf8Decoder } from '../uni_modules/connect-event-source/utssdk/common/utf8.uts'
import { seededRandom } from './support/random.mjs'
import { interpretEventStream } from './support/whatwg-event-stream.mjs'

const SEED = Number(process.env.FUZZ_SEED ?? (Date.now() % 2147483647))
const CASES = Number(process.env.FUZZ_CASES ?? 10000)
const BATCH = 100

const enc = new TextEncoder()

/** One random event stream as bytes, plus the options of its case. */
function generate(random) {
  const int = (n) => Math.floor(random() * n)
  const pick = (list) => list[int(list.length)]
  const chance = (p) => random() < p
  const small = chance(0.3)
  const maxLineLength = small ? 4 + int(60) : null
  const maxEventSize = chance(0.3) ? 4 + int(120) : null
  const parts = []
  const bytes = (...b) => parts.push(Uint8Array.from(b))
  const text = (s) => parts.push(enc.encode(s))

  const alphabet = ['a', 'b', 'z', '0', '7', ' ', ':', '::', 'é', '日本', '🙂', '\u2026', '\u0000', '\uFEFF', 'data', 'id', '\t']
  const value = () => {
    let s = ''
    const n = chance(0.04) ? int(maxLineLength ?? 300) + 1 : int(8)
    for (let i = 0; i < n; i++) s += chance(0.5) ? pick(alphabet) : String.fromCharCode(97 + int(26))
    return s
  }
  const invalid = () => pick([[0xff], [0xfe], [0xc3], [0xe6, 0x97], [0xf0, 0x9f, 0x99], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0x80], [0xf4, 0x90, 0x80, 0x80], [0xef, 0xbb]])
  const eol = () => pick(['\n', '\r', '\r\n'])

  // Zero, one or two BOMs (only the first is ignored).
  const boms = pick([0, 0, 1, 1, 2])
  for (let i = 0; i < boms; i++) bytes(0xef, 0xbb, 0xbf)
  const lines = int(30)
  for (let i = 0; i < lines; i++) {
    const kind = pick(['data', 'data', 'data', 'data', 'blank', 'blank', 'blank', 'event', 'id', 'retry', 'comment', 'unknown', 'bare', 'invalid'])
    const sep = pick([': ', ':', ':  ', ': '])
    if (kind === 'blank') text('')
    else if (kind === 'data') text('data' + sep + value())
    else if (kind === 'event') text('event' + sep + pick(['', 'update', 'message', 'x y', value()]))
    else if (kind === 'id') text('id' + sep + pick(['', '1', '42', 'a\u0000b', '日本-1\u2026', value()]))
    else if (kind === 'retry') text('retry' + sep + pick(['0', '5', '1500', '3000000000', '99999999999999999999', '12x', '', ' 5', '-1', '1.5', '\u0661', String(int(100000))]))
    else if (kind === 'comment') text(':' + value())
    else if (kind === 'unknown') text(pick(['foo', 'Data', 'DATA', 'dat', 'datas', 'ids', 'eventx', 'retryy']) + sep + value())
    else if (kind === 'bare') text(pick(['data', 'id', 'event', 'retry', 'x']))
    else {
      text('data' + sep)
      bytes(...invalid())
      text(value())
    }
    // The last line may stay unterminated (discarded at the end of the stream).
    if (i < lines - 1 || chance(0.8)) text(eol())
  }
  if (chance(0.5)) text(eol())
  if (chance(0.1)) bytes(...invalid())

  const total = parts.reduce((n, p) => n + p.length, 0)
  const body = new Uint8Array(total)
  let at = 0
  for (const p of parts) {
    body.set(p, at)
    at += p.length
  }
  const minRetryInterval = pick([0, 0, 100, 250, 1000])
  const maxRetryInterval = minRetryInterval + pick([0, 1, 500, 5000, 30000, 2147483647 - minRetryInterval])
  const options = {
    retryInterval: pick([0, 10, 3000, 60000]),
    minRetryInterval,
    maxRetryInterval,
    lastEventId: chance(0.2) ? pick(['prev', '日本', 'x'.repeat(int(30))]) : null,
    maxLineLength,
    maxEventSize
  }
  return { body, options, mode: pick(['js-bytes', 'utf8-bytes', 'text']), cuts: pick([1, 2, 3, 7, 64, 100000]) }
}

/** Cuts a sequence into random pieces of 0..max-1 elements (zero-length pieces included). */
function chunk(random, seq, max) {
  const out = []
  let at = 0
  while (at < seq.length) {
    const n = Math.floor(random() * max)
    out.push(seq.slice(at, at + n))
    at += n
  }
  if (random() < 0.2) out.push(seq.slice(0, 0))
  return out
}

/** Runs one case through the engine; resolves with what it observed. */
function runEngine(c, random) {
  const pieces = c.mode === 'text'
    ? chunk(random, new TextDecoder('utf-8', { ignoreBOM: true }).decode(c.body), c.cuts + 1)
    : chunk(random, c.body, c.cuts + 1)
  const decoder = c.mode === 'utf8-bytes' ? () => new Utf8Decoder(true) : createJsDecoder
  const platform = new Platform((request, listener) => {
    let aborted = false
    Promise.resolve().then(() => {
      if (aborted) return
      listener.onResponse(200, new Map([['content-type', 'text/event-stream']]))
      for (const p of pieces) {
        if (aborted) return
        if (c.mode === 'text') listener.onText(p)
        else listener.onBytes(p)
      }
      if (!aborted) listener.onEnd()
    })
    return { abort() { aborted = true } }
  }, decoder, null)
  return new Promise((resolve) => {
    const options = { url: 'http://127.0.0.1:1/fuzz' }
    for (const [k, v] of Object.entries(c.options)) if (v != null) options[k] = v
    const es = startEventSource(options, platform)
    const events = []
    let error = null
    es.onMessage((ev) => events.push({ type: ev.type, data: ev.data, lastEventId: ev.lastEventId }))
    es.onError((err) => {
      if (error == null) error = { code: err.errCode, delay: err.data.retryDelay, lastEventId: err.data.lastEventId }
      es.close()
    })
    es.onClose(() => resolve({ events, error, lastEventId: es.lastEventId }))
  })
}

function expected(c) {
  const o = c.options
  const ref = interpretEventStream(c.body, { lastEventId: o.lastEventId ?? '', reconnectionTime: o.retryInterval, maxLineLength: o.maxLineLength ?? undefined, maxEventSize: o.maxEventSize ?? undefined })
  const clamp = (ms) => Math.min(Math.max(ms, o.minRetryInterval), o.maxRetryInterval)
  const error = ref.failure === 'line'
    ? { code: 1830009, delay: 0, lastEventId: ref.lastEventId }
    : ref.failure === 'event'
      ? { code: 1830010, delay: 0, lastEventId: ref.lastEventId }
      : { code: 1830002, delay: clamp(ref.reconnectionTime), lastEventId: ref.lastEventId }
  return { events: ref.events, error, lastEventId: ref.lastEventId }
}

test(`engine = WHATWG reference on ${CASES} random streams in random chunkings (seed ${SEED})`, async () => {
  console.log(`[fuzz] seed ${SEED}, ${CASES} cases (replay: FUZZ_SEED=${SEED} npx vitest run test/engine-fuzz-matches-whatwg-reference.test.mjs)`)
  const random = seededRandom(SEED)
  const stats = { events: 0, failures: 0, bytes: 0, text: 0, limitLine: 0, limitEvent: 0 }
  for (let start = 0; start < CASES; start += BATCH) {
    const cases = []
    for (let i = start; i < Math.min(CASES, start + BATCH); i++) cases.push(generate(random))
    const results = await Promise.all(cases.map((c) => runEngine(c, random)))
    for (let j = 0; j < cases.length; j++) {
      const c = cases[j]
      const want = expected(c)
      const got = results[j]
      const where = `seed ${SEED}, case ${start + j}, mode ${c.mode}, cuts ${c.cuts}, options ${JSON.stringify(c.options)}, body hex ${Buffer.from(c.body).toString('hex')}`
      expect(got, where).toEqual(want)
      stats.events += want.events.length
      if (want.error.code === 1830009) stats.limitLine++
      if (want.error.code === 1830010) stats.limitEvent++
      if (c.mode === 'text') stats.text++
      else stats.bytes++
    }
  }
  console.log(`[fuzz] ${CASES} cases, ${stats.events} events compared, ${stats.limitLine} line-limit and ${stats.limitEvent} event-limit failures, ${stats.bytes} byte / ${stats.text} text deliveries`)
  // The generator must reach what it is for.
  expect(stats.events).toBeGreaterThan(CASES)
  expect(stats.limitLine).toBeGreaterThan(CASES / 100)
  expect(stats.limitEvent).toBeGreaterThan(CASES / 100)
}, 120000)
