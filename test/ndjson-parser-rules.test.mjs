// common/ndjson-parser.uts on its own (the engine in NDJSON mode is tested in engine-ndjson-mode): which media types
// count as NDJSON, the BOM only at the start of the stream, blanks before a record, the last line without LF, the two
// limits' messages, and what reset(), halt() and detach() leave.
import { describe, expect, test } from 'vitest'
import { NdjsonParser, acceptsNdjson, isNdjson } from '../uni_modules/connect-event-source/utssdk/common/ndjson-parser.uts'

function parser(maxLineLength = 0) {
  const out = { events: [], errors: [] }
  out.parser = new NdjsonParser((type, data) => out.events.push([type, data]), (message) => out.errors.push(message), maxLineLength)
  return out
}

describe('media types', () => {
  test('each JSON-lines type, with parameters and in any case, is NDJSON; application/json only where a 200 is accepted', () => {
    for (const t of ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/jsonlines', 'Application/X-JSONLines; charset=utf-8']) {
      expect(isNdjson(t), t).toBe(true)
    }
    for (const t of ['application/json', 'text/event-stream', 'application/jsonlinesx', '', null]) expect(isNdjson(t), String(t)).toBe(false)
    expect([acceptsNdjson('application/json; charset=utf-8'), acceptsNdjson('application/x-jsonlines'), acceptsNdjson('text/plain'), acceptsNdjson(null)]).toEqual([true, true, false, false])
  })
})

describe('records', () => {
  test('a U+FEFF is dropped only at the start of the stream; one starting a later chunk is data', () => {
    const p = parser()
    p.parser.feed('\uFEFF{"a":1}\n')
    p.parser.feed('\uFEFF{"b":2}\n')
    expect(p.events).toEqual([['message', '{"a":1}'], ['message', '\uFEFF{"b":2}']])
  })

  test('spaces and tabs before a record are not part of its data (with and without a CR before the LF); blank lines are skipped', () => {
    const p = parser()
    p.parser.feed(' \t{"a":1}\r\n  {"b":2}\n \t \r\n\n{"c":3}\n')
    expect(p.events.map((e) => e[1])).toEqual(['{"a":1}', '{"b":2}', '{"c":3}'])
  })

  test('end(): the last line without LF is dispatched; nothing pending dispatches nothing; after halt() nothing', () => {
    const p = parser()
    p.parser.feed('{"a":1}\n{"b"')
    p.parser.feed(':2}')
    p.parser.end()
    p.parser.end()
    expect(p.events.map((e) => e[1])).toEqual(['{"a":1}', '{"b":2}'])
    const q = parser()
    q.parser.feed('{"a":1}\n{"b":2}')
    q.parser.halt()
    q.parser.end()
    expect(q.events.map((e) => e[1])).toEqual(['{"a":1}'])
  })
})

describe('limits and lifecycle', () => {
  test('a line over maxLineLength or maxEventSize fails once with a message naming the limit', () => {
    const p = parser(5)
    p.parser.feed('123456\n7\n')
    expect(p.errors).toEqual(['An NDJSON line of at least 6 characters exceeds the limit of 5 (maxLineLength).'])
    expect(p.parser.failure).toBe(1)
    const q = parser()
    q.parser.maxEventSize = 3
    q.parser.feed('1234')
    expect(q.errors).toEqual(['An NDJSON line of at least 4 characters exceeds the limit of 3 (maxEventSize).'])
    expect(q.parser.failure).toBe(2)
    expect([p.events, q.events]).toEqual([[], []])
  })

  test('reset() after a failure clears it and parses again from a stream start', () => {
    const p = parser(5)
    p.parser.feed('123456\n')
    p.parser.reset()
    expect(p.parser.failure).toBe(0)
    p.parser.feed('\uFEFF{}\n')
    expect(p.events).toEqual([['message', '{}']])
  })

  test('after detach() nothing is dispatched or reported, whatever is fed', () => {
    const p = parser(5)
    p.parser.feed('{"a"')
    p.parser.detach()
    p.parser.feed(':1}\n{}\n1234567\n')
    p.parser.end()
    expect([p.events, p.errors]).toEqual([[], []])
  })
})
