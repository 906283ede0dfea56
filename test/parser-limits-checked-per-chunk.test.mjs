// Issue 18: SseParser checks maxLineLength and maxEventSize once per chunk when the chunk cannot reach them, and per
// line only otherwise. This proves the shortcut gives the per-line answer at every limit around the sizes in a stream:
// the same events, then the same failure, as the WHATWG reference interpreter with the same limits, whether the stream
// comes whole (one chunk larger than the limit: per-line checks) or in pieces smaller than the limit (shortcut).
import { describe, expect, test } from 'vitest'
import { SseParser } from '../uni_modules/connect-event-source/utssdk/common/parser.uts'
import { interpretEventStream } from './support/whatwg-event-stream.mjs'

const STREAM = 'event: tick\r\nid: 7\r\ndata: aaaa\r\ndata: bbbbbbbb\r\n\r\n' + 'data: x\n\n' + 'id: 12345\ndata: cccccccccccc\ndata: d\n\n' + ': c\rdata: eeeeee\r\r' + 'data: ' + 'f'.repeat(40) + '\n\n'

function run(chunks, maxEventSize, maxLineLength) {
  const events = []
  let failure = 0
  const parser = new SseParser((type, data, id) => events.push({ type, data, lastEventId: id }), null, null, () => { failure = parser.failure }, maxLineLength)
  parser.maxEventSize = maxEventSize
  for (const c of chunks) parser.feed(c)
  return { events, failure }
}

const split = (text, size) => text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))

describe('limits checked once per chunk give the per-line answer', () => {
  test('maxEventSize 1..60: same events and failure as the reference, whole and in small chunks', () => {
    for (let limit = 1; limit <= 60; limit++) {
      const ref = interpretEventStream(new TextEncoder().encode(STREAM), { maxEventSize: limit })
      const expected = ref.events.map((e) => ({ type: e.type, data: e.data, lastEventId: e.lastEventId }))
      for (const size of [STREAM.length, 64, 9, 3, 1]) {
        const r = run(split(STREAM, size), limit, 0)
        expect(r.events, `limit ${limit}, chunks of ${size}`).toEqual(expected)
        expect(r.failure, `limit ${limit}, chunks of ${size}`).toBe(ref.failure == 'event' ? 2 : 0)
      }
    }
  })
  test('maxEventSize 1..60 with the event type and id in earlier chunks and the data line in a chunk of its own: same events and failure as the reference', () => {
    // The per-chunk check must count what the event already holds (type and id buffers) on top of the chunk.
    const text = 'event: ' + 'e'.repeat(10) + '\nid: 123\ndata: ' + 'x'.repeat(15) + '\n\n'
    const lines = text.match(/[^\n]*\n/g)
    for (let limit = 1; limit <= 60; limit++) {
      const ref = interpretEventStream(new TextEncoder().encode(text), { maxEventSize: limit })
      const expected = ref.events.map((e) => ({ type: e.type, data: e.data, lastEventId: e.lastEventId }))
      const r = run(lines, limit, 0)
      expect(r.events, `limit ${limit}`).toEqual(expected)
      expect(r.failure, `limit ${limit}`).toBe(ref.failure == 'event' ? 2 : 0)
    }
  })
  test('maxLineLength 1..50: same events and failure as the reference, whole and in small chunks', () => {
    for (let limit = 1; limit <= 50; limit++) {
      const ref = interpretEventStream(new TextEncoder().encode(STREAM), { maxLineLength: limit })
      const expected = ref.events.map((e) => ({ type: e.type, data: e.data, lastEventId: e.lastEventId }))
      for (const size of [STREAM.length, 64, 9, 3, 1]) {
        const r = run(split(STREAM, size), 16 * 1024 * 1024, limit)
        expect(r.events, `limit ${limit}, chunks of ${size}`).toEqual(expected)
        expect(r.failure, `limit ${limit}, chunks of ${size}`).toBe(ref.failure == 'line' ? 1 : 0)
      }
    }
  })
})
