// The engine's line-delimited JSON mode (format: 'ndjson', for Ollama's /api/chat): common/ndjson-parser.uts under
// every split of the input, and the whole engine over the Node fetch transport (content types, limits, the end of the
// response closing the source without a reconnect, the Accept header).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { NdjsonParser } from '../uni_modules/connect-event-source/utssdk/common/ndjson-parser.uts'
import { PARSE_EVENT_TOO_LARGE } from '../uni_modules/connect-event-source/utssdk/common/parser.uts'
import { connectEventSource, record, splits } from './support/engine.mjs'
import { seededRandom } from './support/random.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'

function parse(chunks, maxLineLength = 0) {
  const events = []
  const errors = []
  const p = new NdjsonParser((type, data, id) => events.push([type, data, id]), (m) => errors.push(m), maxLineLength)
  for (const c of chunks) p.feed(c)
  p.end()
  return { events: events.map((e) => e[1]), types: [...new Set(events.map((e) => e[0]))], errors, failure: p.failure }
}

const TEXT = '\uFEFF{"a":1}\r\n\n   \n{"b":"你好 👋"}\n\t\n{"c":[1,2]}\r\n{"d":"no newline at the end"}'
const RECORDS = ['{"a":1}', '{"b":"你好 👋"}', '{"c":[1,2]}', '{"d":"no newline at the end"}']

describe('NdjsonParser', () => {
  test('every 2- and 3-way split: the same records (CRLF, blank and whitespace lines, BOM, a last line without LF)', () => {
    let n = 0
    for (const chunks of splits(TEXT)) {
      const r = parse(chunks)
      expect(r.events).toEqual(RECORDS)
      expect(r.types).toEqual(['message'])
      n++
    }
    expect(n).toBeGreaterThan(1000)
  })

  test('1-character and seeded random splits of a long stream', () => {
    const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ i, t: 'x'.repeat(i % 40), z: '字'.repeat(i % 7) }))
    const text = lines.join('\n') + '\n'
    expect(parse([...text]).events).toEqual(lines)
    const rand = seededRandom(13)
    for (let round = 0; round < 50; round++) {
      const chunks = []
      for (let i = 0; i < text.length;) {
        const n = 1 + Math.floor(rand() * 80)
        chunks.push(text.slice(i, i + n))
        i += n
      }
      expect(parse(chunks).events).toEqual(lines)
    }
  })

  test('a line longer than maxLineLength fails once and stops the parser, whether it is complete or still open', () => {
    const whole = parse(['{"a":1}\n{"long":"' + 'x'.repeat(50) + '"}\n{"b":2}\n'], 20)
    expect(whole.events).toEqual(['{"a":1}'])
    expect(whole.errors.length).toBe(1)
    expect(whole.failure).toBe(1)
    const open = parse(['{"a":1}\n{"long":"', 'x'.repeat(30), 'x'.repeat(30), '"}\n'], 20)
    expect(open.events).toEqual(['{"a":1}'])
    expect(open.errors.length).toBe(1)
  })
  test('a line longer than maxEventSize fails once with the event-size failure, a line of exactly maxEventSize passes', () => {
    const events = []
    const errors = []
    const p = new NdjsonParser((type, data) => events.push(data), (m) => errors.push(m), 0)
    p.maxEventSize = 10
    p.feed('{"a":"12"}\n{"a":"123"}\n{"b":1}\n')
    p.end()
    expect(events).toEqual(['{"a":"12"}'])
    expect(errors).toEqual(['An NDJSON line of at least 11 characters exceeds the limit of 10 (maxEventSize).'])
    expect(p.failure).toBe(PARSE_EVENT_TOO_LARGE)
  })
})

describe('format ndjson through the engine (Node fetch)', () => {
  let srv
  beforeAll(async () => { srv = await startServer() })
  afterAll(async () => { await srv?.close() })

  test('one event per line in 1-byte chunks, the last line without LF included; the end closes the source even for GET (no reconnect); Accept: application/x-ndjson', async () => {
    const key = uniqueKey('ndjson')
    const body = RECORDS.slice(0, 3).join('\n') + '\n' + RECORDS[3]
    const es = connectEventSource({ url: scenarioUrl(srv.url, { key, body, type: 'application/x-ndjson', chunk: 1 }), format: 'ndjson' })
    const r = record(es)
    await r.closed()
    expect(r.kinds()).toEqual(['open', 'message', 'message', 'message', 'message', 'close'])
    expect(r.messages()).toEqual(RECORDS)
    const requests = await srv.requests(key)
    expect(requests.length).toBe(1)
    expect(requests[0].headers.accept).toBe('application/x-ndjson')
  })

  test('application/json is accepted as NDJSON; text/event-stream is not (1830006); an event stream with format unset still needs text/event-stream', async () => {
    const json = record(connectEventSource({ url: scenarioUrl(srv.url, { key: uniqueKey('nd'), body: '{"x":1}\n', type: 'application/json; charset=utf-8' }), format: 'ndjson', method: 'POST', data: {} }))
    await json.closed()
    expect(json.messages()).toEqual(['{"x":1}'])
    expect(json.errors()).toEqual([])
    const sse = record(connectEventSource({ url: scenarioUrl(srv.url, { key: uniqueKey('nd'), body: 'data: x\n\n', type: 'text/event-stream' }), format: 'ndjson' }))
    await sse.closed()
    expect(sse.errors().map((e) => e[1])).toEqual([1830006])
    const plain = record(connectEventSource({ url: scenarioUrl(srv.url, { key: uniqueKey('nd'), body: '{"x":1}\n', type: 'application/x-ndjson' }), maxRetries: 0 }))
    await plain.closed()
    expect(plain.errors().map((e) => e[1])).toEqual([1830006])
  })

  test('maxLineLength bounds a line (1830009), and so does a smaller maxEventSize (1830010); an unknown format is bad options (1830001)', async () => {
    const body = '{"a":1}\n{"b":"' + 'y'.repeat(100) + '"}\n'
    const long = record(connectEventSource({ url: scenarioUrl(srv.url, { key: uniqueKey('nd'), body, type: 'application/x-ndjson', chunk: 7 }), format: 'ndjson', maxLineLength: 64 }))
    await long.closed()
    expect(long.messages()).toEqual(['{"a":1}'])
    expect(long.errors().map((e) => e[1])).toEqual([1830009])
    const large = record(connectEventSource({ url: scenarioUrl(srv.url, { key: uniqueKey('nd'), body, type: 'application/x-ndjson', chunk: 7 }), format: 'ndjson', maxEventSize: 64 }))
    await large.closed()
    expect(large.messages()).toEqual(['{"a":1}'])
    expect(large.errors().map((e) => e[1])).toEqual([1830010])
    const bad = record(connectEventSource({ url: scenarioUrl(srv.url, { key: uniqueKey('nd') }), format: 'jsonl' }))
    await bad.closed()
    expect(bad.errors().map((e) => e[1])).toEqual([1830001])
  })
})
