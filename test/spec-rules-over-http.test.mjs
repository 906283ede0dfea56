// The WHATWG parsing rules again, end to end: real bytes over loopback, cut at every byte and at 3-byte steps,
// through the engine + fetch transport + decoder. The cuts are real reads: the lockstep server writes a piece only
// after the transport delivered the one before (TCP coalesced the pieces of a plain fast writer into one read), and
// each test checks the reads the transport made.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { piecesOf, startLockstepServer } from './support/lockstep.mjs'
import { runScenario } from './support/scenario-runner.mjs'

let ls
beforeAll(async () => { ls = await startLockstepServer() })
afterAll(async () => { await ls?.close() })

// [rule, body, expected [type, data, id] per event, expected lastEventId at the end]
const RULES = [
  ['LF, CR and CRLF each end a line', 'data: a\ndata: b\r\rdata: c\r\ndata: d\r\n\r\n', [['message', 'a\nb', ''], ['message', 'c\nd', '']], ''],
  ['one leading BOM is stripped, a second is not', '\uFEFFdata: 1\n\n\uFEFFdata: 2\n\n', [['message', '1', '']], ''],
  ['data lines join with LF; one leading space is removed', 'data:  x\ndata:y\ndata\n\n', [['message', ' x\ny\n', '']], ''],
  ['event names the type; empty event: means message; type resets after dispatch', 'event: a\ndata: 1\n\nevent:\ndata: 2\n\ndata: 3\n\n', [['a', '1', ''], ['message', '2', ''], ['message', '3', '']], ''],
  ['an event without data is not dispatched', 'event: x\n\nid: 5\n\ndata: z\n\n', [['message', 'z', '5']], '5'],
  ['comments and unknown fields are ignored; names are case-sensitive', ': hi\nfoo: 1\nData: 2\ndata: ok\n\n', [['message', 'ok', '']], ''],
  ['id persists; empty id clears it; NULL in id is ignored', 'id: 1\ndata: a\n\ndata: b\n\nid: 2\u00003\ndata: c\n\nid\ndata: d\n\n', [['message', 'a', '1'], ['message', 'b', '1'], ['message', 'c', '1'], ['message', 'd', '']], ''],
  ['retry: with non-digits is ignored and never an event', 'retry: 12x\nretry: 50\ndata: r\n\n', [['message', 'r', '']], ''],
  ['an incomplete event at the end of the stream is discarded', 'data: whole\n\ndata: half', [['message', 'whole', '']], ''],
  ['complete data lines without the closing blank line are discarded at the end', 'data: whole\n\ndata: a\ndata: b\n', [['message', 'whole', '']], ''],
  ['CRLF split anywhere joins the data lines of one event', 'data: a\r\ndata: b\r\n\r\n', [['message', 'a\nb', '']], ''],
  ['multi-byte UTF-8 anywhere', 'data: 你好 👋\n\nevent: é\ndata: ✓\n\n', [['message', '你好 👋', ''], ['é', '✓', '']], '']
]

describe('spec rules over HTTP', () => {
  for (const [rule, body, expected, lastEventId] of RULES) {
    for (const chunk of [1, 3]) {
      test.concurrent(`${rule} (${chunk}-byte chunks)`, async () => {
        const pieces = piecesOf(body, chunk)
        const s = ls.script({ pieces })
        const r = await runScenario(ls.connectEventSource, { options: { url: s.url, maxRetries: 0 }, settleMs: 0 })
        const events = r.log.filter((e) => e.kind === 'message').map((e) => [e.type, e.data, e.id])
        expect(events).toEqual(expected)
        expect(r.lastEventId).toBe(lastEventId)
        expect(r.log.filter((e) => e.kind === 'error')).toEqual([])
        expect(s.reads).toEqual(pieces.map((p) => p.length))
      })
    }
  }
})
