// Each test names the WHATWG rule it proves ("Parsing an event stream" / "Interpreting an event stream").
import { describe, expect, test } from 'vitest'
import { SseParser, parseChunks, splits } from './support/engine.mjs'

const one = (text) => parseChunks([text])

describe('line endings: CRLF | LF | CR, wherever chunks split', () => {
  test('LF, CR and CRLF each end a line', () => {
    for (const eol of ['\n', '\r', '\r\n']) {
      expect(one(`data: a${eol}data: b${eol}${eol}`).events).toEqual([{ type: 'message', data: 'a\nb', id: '' }])
    }
  })
  test('mixed endings in one stream', () => {
    expect(one('data: 1\rdata: 2\ndata: 3\r\n\r\ndata: 4\n\r').events.map((e) => e.data)).toEqual(['1\n2\n3', '4'])
  })
  test('CR then LF in the next chunk is one line ending, not two', () => {
    // Two data lines of one event: were a split CRLF two line endings, the extra blank line would dispatch 'a'
    // and 'b' as two events.
    const text = 'data: a\r\ndata: b\r\n\r\nid: 7\r\ndata: c\r\n\r\n'
    for (const parts of splits(text)) {
      const r = parseChunks(parts)
      expect(r.events, JSON.stringify(parts)).toEqual([{ type: 'message', data: 'a\nb', id: '' }, { type: 'message', data: 'c', id: '7' }])
    }
  })
  test('CR CR is two line endings (dispatch), CR LF CR is two', () => {
    const x = [{ type: 'message', data: 'x', id: '' }]
    expect(one('data: x\r\r').events).toEqual(x)
    expect(one('data: x\r\n\r').events).toEqual(x)
    expect(parseChunks(['data: x\r', '\r']).events).toEqual(x)
    expect(parseChunks(['data: x\r', '', '\n', '\n']).events).toEqual(x)
  })
  test('a pending CR survives empty chunks: the LF after them completes the CRLF', () => {
    // The LF is the second half of CRLF, so x and y are lines of one event; counted as a line end of its own it
    // would dispatch x alone.
    expect(parseChunks(['data: x\r', '', '\n', 'data: y\n\n']).events).toEqual([{ type: 'message', data: 'x\ny', id: '' }])
    expect(parseChunks(['data: x\r', '', '', '\ndata: y\r', '\n\r', '\n']).events).toEqual([{ type: 'message', data: 'x\ny', id: '' }])
  })
  test('a CR ending a carried line, with the LF in the next chunk', () => {
    expect(parseChunks(['da', 'ta: x\r', '\ndata: y\r\n\r\n']).events).toEqual([{ type: 'message', data: 'x\ny', id: '' }])
  })
  test('every split of a multi-event stream gives these events', () => {
    const text = ': c\r\nevent: a\ndata: 1\r\ndata:2\r\rid: 5\ndata\n\ndata: z\n\n'
    const expected = [{ type: 'a', data: '1\n2', id: '' }, { type: 'message', data: '', id: '5' }, { type: 'message', data: 'z', id: '5' }]
    expect(one(text).events).toEqual(expected)
    for (const parts of splits(text)) expect(parseChunks(parts).events, JSON.stringify(parts)).toEqual(expected)
  })
})

describe('BOM', () => {
  test('one leading U+FEFF is ignored', () => {
    expect(one('\uFEFFdata: a\n\n').events).toEqual([{ type: 'message', data: 'a', id: '' }])
  })
  test('only one: a second BOM makes the first line an unknown field', () => {
    expect(one('\uFEFF\uFEFFdata: a\n\ndata: b\n\n').events.map((e) => e.data)).toEqual(['b'])
  })
  test('a BOM later in the stream is data', () => {
    expect(one('data: \uFEFFa\n\n').events[0].data).toBe('\uFEFFa')
  })
  test('BOM arriving alone in the first chunk', () => {
    expect(parseChunks(['\uFEFF', 'data: a\n\n']).events).toHaveLength(1)
  })
  test('reset() (a new stream) strips a BOM again', () => {
    const r = parseChunks(['\uFEFFdata: a\n\n'])
    r.parser.reset()
    r.parser.feed('\uFEFFdata: b\n\n')
    expect(r.events.map((e) => e.data)).toEqual(['a', 'b'])
  })
})

describe('fields', () => {
  test('data lines are joined with LF; trailing LF removed', () => {
    expect(one('data: a\ndata: b\ndata: c\n\n').events[0].data).toBe('a\nb\nc')
  })
  test('one leading space of the value is removed, not more', () => {
    expect(one('data:  two\n\n').events[0].data).toBe(' two')
    expect(one('data:none\n\n').events[0].data).toBe('none')
  })
  test('"data" with no colon appends an empty line', () => {
    expect(one('data\ndata\n\n').events[0].data).toBe('\n')
    expect(one('data\n\n').events[0].data).toBe('')
  })
  test('empty data field dispatches an event with empty data; no data field dispatches nothing', () => {
    expect(one('data:\n\n').events).toEqual([{ type: 'message', data: '', id: '' }])
    expect(one('event: x\n\n').events).toEqual([])
    expect(one('id: 1\n\n').events).toEqual([])
  })
  test('event sets the type; it resets after dispatch; an empty event: means message', () => {
    expect(one('event: add\ndata: 1\n\ndata: 2\n\nevent: x\nevent:\ndata: 3\n\n').events.map((e) => e.type)).toEqual(['add', 'message', 'message'])
  })
  test('event type of a data-less event is discarded', () => {
    expect(one('event: x\n\ndata: 1\n\n').events[0].type).toBe('message')
  })
  test('field names are case-sensitive; unknown fields are ignored', () => {
    expect(one('Data: a\nDATA: b\nfoo: c\ndatas: d\ndat: e\nretryx: 5\nevents: y\n\n').events).toEqual([])
    expect(one('foo\nbarbazqux\ndata: ok\n\n').events[0].data).toBe('ok')
  })
  test('value keeps further colons', () => {
    expect(one('data: a:b: c\n\n').events[0].data).toBe('a:b: c')
  })
  test('a field name with the colon far away is not a known field', () => {
    expect(one('dataxxxxxx: a\n\n').events).toEqual([])
  })
  test('the field rules hold for a line carried across chunks (processJoinedLine names fields on its own), at every split', () => {
    // Near misses of "data:" one character off at each position, known fields with and without a space, a field with
    // no colon, a comment: cut anywhere, each line is a carried line in some splits and a line inside a chunk in others.
    const text = 'xata: 1\ndxta: 2\ndaxa: 3\ndatx: 4\ndata; 5\nevent:e\nid: 9\nretry: 12\nretry\n: c\ndata\ndata:x\n\n'
    const expected = [{ type: 'e', data: '\nx', id: '9' }]
    for (const parts of splits(text)) {
      const r = parseChunks(parts)
      expect(r.events, JSON.stringify(parts)).toEqual(expected)
      expect(r.retries, JSON.stringify(parts)).toEqual([12])
      expect(r.comments, JSON.stringify(parts)).toEqual([' c'])
    }
  })
})

describe('comments', () => {
  test('lines starting with a colon are ignored (reported to onComment)', () => {
    const r = one(': hello\n:\ndata: a\n: mid\n\n')
    expect(r.events).toEqual([{ type: 'message', data: 'a', id: '' }])
    expect(r.comments).toEqual([' hello', '', ' mid'])
  })
})

describe('id and the last event ID', () => {
  test('id is carried by the event and persists to later events', () => {
    expect(one('id: 1\ndata: a\n\ndata: b\n\n').events.map((e) => e.id)).toEqual(['1', '1'])
  })
  test('an empty id: clears the last event ID', () => {
    const r = one('id: 1\ndata: a\n\nid\ndata: b\n\nid:\ndata: c\n\n')
    expect(r.events.map((e) => e.id)).toEqual(['1', '', ''])
    expect(r.lastEventId).toBe('')
  })
  test('an id containing NULL is ignored', () => {
    const r = one('id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n')
    expect(r.events.map((e) => e.id)).toEqual(['1', '1'])
  })
  test('the last event ID updates at a blank line even without data', () => {
    const r = one('id: 42\n\n')
    expect(r.events).toEqual([])
    expect(r.lastEventId).toBe('42')
  })
  test('an id without its blank line does not update the last event ID', () => {
    const r = one('id: 1\ndata: a\n\nid: 2\ndata: b\n')
    expect(r.lastEventId).toBe('1')
  })
  test('after reset() the last event ID buffer continues from the last dispatched id', () => {
    const r = parseChunks(['id: 9\ndata: a\n\nid: 10\ndata: lost'])
    r.parser.reset()
    r.parser.feed('data: b\n\n')
    expect(r.events.map((e) => e.id)).toEqual(['9', '9'])
  })
})

describe('retry', () => {
  test('ASCII digits only set the reconnection time, as soon as the line is read', () => {
    expect(one('retry: 1500\n').retries).toEqual([1500])
    expect(one('retry: 0\n').retries).toEqual([0])
    expect(one('retry: 15a\nretry: -1\nretry: 1.5\nretry:\nretry: \nretry:  5\nretry: ١\n').retries).toEqual([])
  })
  test('retry does not create an event', () => {
    expect(one('retry: 10\n\n').events).toEqual([])
  })
})

describe('end of stream', () => {
  test('an incomplete event at the end is not dispatched, even when its lines are complete', () => {
    // The stream really ends: end() then reset(), as the engine does, and the next stream starts with a blank line.
    for (const text of ['data: a\n\ndata: b\n', 'data: a\n\ndata: b\ndata: c\r\n', 'data: a\n\ndata: b']) {
      const r = parseChunks([text])
      r.parser.end()
      r.parser.reset()
      r.parser.feed('\n')
      r.parser.end()
      expect(r.events, JSON.stringify(text)).toEqual([{ type: 'message', data: 'a', id: '' }])
    }
  })
  test('reset() discards the pending line and buffers', () => {
    const r = parseChunks(['event: x\ndata: half'])
    r.parser.reset()
    r.parser.feed('\n\ndata: b\n\n')
    expect(r.events).toEqual([{ type: 'message', data: 'b', id: '' }])
  })
})

describe('line length limit and linear time', () => {
  test('a line over the limit reports one error and stops parsing', () => {
    const r = parseChunks(['data: ' + 'x'.repeat(100) + '\n\ndata: after\n\n'], 50)
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatch(/exceeds the limit of 50/)
    expect(r.events).toEqual([])
  })
  test('the limit also applies while a line is still arriving', () => {
    const chunks = Array.from({ length: 100 }, () => 'y'.repeat(10))
    const r = parseChunks(['data: ', ...chunks], 500)
    expect(r.errors).toHaveLength(1)
  })
  test('a line exactly at the limit is accepted', () => {
    const line = 'data: ' + 'z'.repeat(44)
    expect(parseChunks([line + '\n\n'], 50).events[0].data).toHaveLength(44)
  })
  // Scale checks, not timings: a quadratic join or rescan would not finish within the test timeout.
  // Throughput figures live in the benchmark (npm run bench).
  test('one 4 MB line spread over 200,000 chunks is assembled exactly once', () => {
    const n = 200000
    const chunks = ['data: ']
    for (let i = 0; i < n; i++) chunks.push('abcdefghijklmnopqrst')
    chunks.push('\n\n')
    const r = parseChunks(chunks)
    expect(r.events).toHaveLength(1)
    expect(r.events[0].data.length).toBe(n * 20)
  })
  test('a chunk with 200,000 LF lines and one distant CR (the CR position is not searched per line)', () => {
    const text = 'data: a\n'.repeat(200000) + '\n' + 'x'.repeat(10) + '\r'
    const r = one(text)
    expect(r.events[0].data.split('\n')).toHaveLength(200000)
  })
})

describe('fields by exact name', () => {
  test('a 5-letter field name without a colon is that field with an empty value', () => {
    expect(one('event: x\nevent\ndata: 1\n\n').events).toEqual([{ type: 'message', data: '1', id: '' }])
    expect(one('id: 3\nid\ndata: 1\n\n').events).toEqual([{ type: 'message', data: '1', id: '' }])
  })
  test('names that only start like a field are unknown fields', () => {
    expect(one('ix: 5\nid2: 6\ndatas: no\ndata2: no\nevents: no\nretryx: 5\ndata: ok\n\n').events).toEqual([{ type: 'message', data: 'ok', id: '' }])
    expect(one('retryx: 5\nretr: 6\n').retries).toEqual([])
  })
  test('the event type is reset by a blank line that dispatches nothing', () => {
    expect(one('event: x\n\ndata: 1\n\n').events).toEqual([{ type: 'message', data: '1', id: '' }])
    expect(one('event: x\ndata: 1\n\ndata: 2\n\n').events.map((e) => e.type)).toEqual(['x', 'message'])
  })
  test('a 5-letter name one letter off "event" or "retry", at any position, is an unknown field', () => {
    for (const name of ['event', 'retry']) {
      for (let i = 0; i < 5; i++) {
        const near = name.slice(0, i) + 'x' + name.slice(i + 1)
        const r = one(`${near}: 5\ndata: 1\n\n`)
        expect([r.events, r.retries], near).toEqual([[{ type: 'message', data: '1', id: '' }], []])
      }
    }
  })
  test('a line without a colon is a field name by itself: a colon at the start of the next line is not part of it', () => {
    // "id" clears the last event ID and "data" appends an empty line, whatever the line after them holds.
    expect(one('id: 1\ndata: a\n\nid\n: c\ndata: b\n\n').events.map((e) => e.id)).toEqual(['1', ''])
    expect(one('data\n: c\n\n').events).toEqual([{ type: 'message', data: '', id: '' }])
  })
  test('lines carried across chunks follow the same rules (space, colon, field names)', () => {
    expect(parseChunks(['da', 'ta:  two\n', 'dat', 'a:x\n', 'da', 'ta\n', 'da', 'tas: no\n\n']).events).toEqual([{ type: 'message', data: ' two\nx\n', id: '' }])
  })
})

describe('long lines carried in parts', () => {
  test('a line longer than the concatenation limit, in many chunks of varied size, keeps every piece in order', () => {
    const value = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('')
    for (const size of [1, 7, 100, 255, 256, 257, 1000]) {
      const line = 'data: ' + value
      const chunks = []
      for (let at = 0; at < line.length; at += size) chunks.push(line.slice(at, at + size))
      chunks.push('\n\n')
      expect(parseChunks(chunks).events.map((e) => e.data), `size ${size}`).toEqual([value])
    }
  })
  test('the limit counts carried pieces exactly: at the limit passes, one more fails', () => {
    const atLimit = ['data: ', 'x'.repeat(20), 'y'.repeat(24), '\n\n']
    expect(parseChunks(atLimit, 50).events.map((e) => e.data.length)).toEqual([44])
    expect(parseChunks(['data: ', 'x'.repeat(20), 'y'.repeat(24)], 50).errors).toEqual([])
    expect(parseChunks(['data: ', 'x'.repeat(20), 'y'.repeat(25)], 50).errors).toHaveLength(1)
    // A carried line completed by a tail that makes it too long.
    const r = parseChunks(['data: ' + 'x'.repeat(40), 'y'.repeat(5) + '\n\n'], 50)
    expect([r.errors.length, r.events]).toEqual([1, []])
  })
})

describe('halt() (close() from inside a callback)', () => {
  test('stops a line completed from carried pieces and the rest of its chunk', () => {
    const seen = []
    const p = new SseParser((t, d) => { seen.push(d); p.halt() }, null, null, null, 0)
    p.feed('data: 1')
    p.feed('\n\ndata: 2\n\n')
    expect(seen).toEqual(['1'])
    const ids = []
    const q = new SseParser((t, d, id) => { ids.push(id); if (id === '1') q.halt() }, null, null, null, 0)
    q.feed('id: 1\ndata: a\n\nid: 2\ndata: b\n\n')
    expect([ids, q.lastEventId]).toEqual([['1'], '1'])
  })
  test('halt() inside onComment stops the blank line right after the comment: the pending event is not dispatched', () => {
    const seen = []
    const p = new SseParser((t, d) => seen.push(d), null, () => p.halt(), null, 0)
    p.feed('data: a\n: bye\n\n')
    expect(seen).toEqual([])
  })
  test('detach() drops every handler: after reset() and more input (event, comment, retry, an over-long line) none is called', () => {
    const calls = []
    const p = new SseParser(() => calls.push('event'), () => calls.push('retry'), () => calls.push('comment'), () => calls.push('error'), 10)
    p.detach()
    p.reset()
    p.feed(': c\nretry: 5\ndata: a\n\n')
    p.feed('data: ' + 'x'.repeat(20) + '\n')
    expect(calls).toEqual([])
  })
  test('stops processing the rest of the chunk', () => {
    const seen = []
    const p = new SseParser((t, d) => { seen.push(d); if (d === '2') p.halt() }, null, null, null, 0)
    p.feed('data: 1\n\ndata: 2\n\ndata: 3\n\n')
    p.feed('data: 4\n\n')
    expect(seen).toEqual(['1', '2'])
  })
})
