// Chunk splits over real HTTP that are proven real: the lockstep server (test/support/lockstep.mjs) writes the next
// piece only after the fetch transport delivered the previous one, and every test asserts the reads the transport
// made, so a split BOM, a split CRLF or a split UTF-8 sequence really reaches the engine in pieces. Also the fetch
// transport's side of the contract on the wire: abort() closes the connection, nothing is reported after it, and a
// never-ending error response is cut at 4 KiB.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startEventSource, Platform } from '../uni_modules/connect-event-source/utssdk/common/connection.uts'
import { createJsDecoder } from '../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
import { openHandFollowingFetchTransport } from '../uni_modules/connect-event-source/utssdk/web/fetch-transport.uts'
import { piecesOf, startLockstepServer } from './support/lockstep.mjs'
import { runScenario } from './support/scenario-runner.mjs'
import { sharedScenarios } from './support/scenarios.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'

let ls, srv
beforeAll(async () => {
  ls = await startLockstepServer()
  srv = await startServer()
})
afterAll(async () => {
  await ls?.close()
  await srv?.close()
})

async function stream(pieces, options = {}) {
  const s = ls.script({ pieces })
  const r = await runScenario(ls.connectEventSource, { options: { url: s.url, maxRetries: 0, ...options }, settleMs: 0 })
  return { s, r, events: r.log.filter((e) => e.kind === 'message').map((e) => [e.type, e.data, e.id]), errors: r.log.filter((e) => e.kind === 'error') }
}

const CASES = [
  ['a BOM split into its 3 bytes is still the one leading BOM', '\uFEFFdata: 1\n\n', [['message', '1', '']]],
  ['CRLF split between reads is one line ending, so both data lines are one event', 'data: a\r\ndata: b\r\n\r\nid: 7\r\ndata: c\r\n\r\n', [['message', 'a\nb', ''], ['message', 'c', '7']]],
  ['CR CR split between reads is two line endings', 'data: x\r\rdata: y\r\r', [['message', 'x', ''], ['message', 'y', '']]],
  ['2-, 3- and 4-byte UTF-8 characters split between reads', 'event: é\ndata: 你好 👋 café ✓\n\n', [['é', '你好 👋 café ✓', '']]],
  ['an incomplete event at the end is discarded even when its lines are complete', 'data: whole\n\ndata: half\n', [['message', 'whole', '']]]
]

describe('real splits: one read per piece', () => {
  for (const [rule, body, expected] of CASES) {
    for (const size of [1, 2, 3]) {
      test(`${rule} (${size}-byte reads)`, async () => {
        const pieces = piecesOf(body, size)
        const { s, events, errors } = await stream(pieces)
        expect(events).toEqual(expected)
        expect(errors).toEqual([])
        // The proof that the split was real: the transport delivered exactly these pieces, one read each.
        expect(s.reads).toEqual(pieces.map((p) => p.length))
      })
    }
  }

  test('a BOM at the start of a later read is a character of the line, not a BOM', async () => {
    const pieces = ['\uFEFFdata: 1\n\n', '\uFEFFdata: 2\n\n', 'data: 3\n\n']
    const { s, events } = await stream(pieces)
    expect(events).toEqual([['message', '1', ''], ['message', '3', '']])
    expect(s.reads).toEqual(pieces.map((p) => Buffer.byteLength(p)))
  })

  test('a 4-byte character cut after 1, 2 and 3 of its bytes', async () => {
    const emoji = Buffer.from('👋')
    for (const cut of [1, 2, 3]) {
      const pieces = [Buffer.concat([Buffer.from('data: '), emoji.subarray(0, cut)]), Buffer.concat([emoji.subarray(cut), Buffer.from('!\n\n')])]
      const { s, events } = await stream(pieces)
      expect(events, `cut after ${cut}`).toEqual([['message', '👋!', '']])
      expect(s.reads).toEqual(pieces.map((p) => p.length))
    }
  })
})

describe('the shared scenario server (server/scenario.mjs)', () => {
  test('"multi-byte UTF-8 split across 1-byte chunks" reaches the client in many reads, not one', async () => {
    const s = sharedScenarios().find((x) => x.name.startsWith('multi-byte UTF-8 split across 1-byte chunks'))
    const key = uniqueKey('reads')
    const ctx = { base: srv.url, key, expect, requests: async () => srv.requests(key) }
    const reads = []
    const platform = new Platform((request, listener) => openHandFollowingFetchTransport(request, {
      ...listener,
      onResponse: (st, h) => listener.onResponse(st, h),
      onBytes: (b) => { reads.push(b.length); listener.onBytes(b) },
      onText: (t) => listener.onText(t),
      onEnd: () => listener.onEnd(),
      onFail: (m) => listener.onFail(m),
      onInterrupted: (c, m) => listener.onInterrupted(c, m)
    }), createJsDecoder, null)
    const r = await runScenario((o) => startEventSource(o, platform), s.spec(ctx))
    await s.check(r, ctx)
    const total = reads.reduce((a, b) => a + b, 0)
    expect(total).toBe(Buffer.byteLength('\uFEFFdata: 你好，世界 👋 café\r\n\r\nevent: e\r\ndata: ✓\r\n\r\n'))
    // Written 2 ms apart; a loaded machine may still merge a few neighbours, never most of them.
    expect(reads.length).toBeGreaterThan(total / 2)
  })
})

describe('fetch transport on the wire', () => {
  // Fetch's HTTP-redirect fetch, step 12: 301/302 turn a POST into a GET, 303 turns every method but GET and HEAD
  // into a GET (no body, no Content-Type); 307/308 keep method and body; 301 keeps any method other than POST.
  for (const [status, method, expected] of [[303, 'PUT', 'GET'], [303, 'POST', 'GET'], [301, 'PUT', 'PUT'], [308, 'POST', 'POST']]) {
    test(`${status} after ${method}: the next request is a ${expected}${expected === 'GET' ? ' without body or Content-Type' : ' with its body'}`, async () => {
      const key = uniqueKey('hop')
      const target = scenarioUrl(srv.url, { key, body: 'data: there\n\n' })
      const url = `${srv.url}/redirect?status=${status}&to=${encodeURIComponent(target)}`
      const r = await runScenario(ls.connectEventSource, { options: { url, method, data: 'the body', maxRetries: 0 }, settleMs: 0 })
      expect(r.log.filter((e) => e.kind === 'message').map((e) => e.data)).toEqual(['there'])
      const [q] = srv.requests(key)
      expect([q.method, q.body, q.headers['content-type'] ?? null]).toEqual(expected === 'GET' ? ['GET', '', null] : [method, 'the body', 'text/plain;charset=UTF-8'])
    })
  }

  test('close() aborts the request: the server sees the connection close', async () => {
    const s = ls.script({ pieces: Array.from({ length: 100 }, (_, i) => `data: ${i}\n\n`), end: 'hold' })
    const r = await runScenario(ls.connectEventSource, { options: { url: s.url }, stopAfterMessages: 2, settleMs: 0 })
    expect(r.log.filter((e) => e.kind === 'message').map((e) => e.data)).toEqual(['0', '1'])
    const closedAt = Date.now()
    const closed = await Promise.race([s.closed.then(() => true), new Promise((res) => setTimeout(() => res(false), 2000))])
    expect(closed).toBe(true)
    expect(s.closedAt - closedAt).toBeLessThan(2000)
  })

  test('after abort() the transport reports nothing, although the server goes on and ends the body', async () => {
    const s = ls.script({ pieces: ['data: 1\n\n', 'data: 2\n\n', 'data: 3\n\n'] })
    const log = []
    let transport
    await new Promise((resolve) => {
      transport = openHandFollowingFetchTransport({ url: s.url, method: 'GET', headers: new Map(), body: null, withCredentials: false, redirect: 'follow' }, {
        onResponse: (status) => log.push('response ' + status),
        onBytes: (b) => {
          log.push('bytes ' + Buffer.from(b).toString().trim())
          transport.abort()
          ls.delivered(s.url, b.length)
          resolve()
        },
        onText: () => log.push('text'),
        onEnd: () => log.push('end'),
        onFail: (m) => log.push('fail ' + m),
        onInterrupted: () => log.push('interrupted')
      })
    })
    await s.closed
    await new Promise((r) => setTimeout(r, 200))
    expect(log).toEqual(['response 200', 'bytes data: 1'])
  })

  test('a never-ending error response is reported at once with its first 4 KiB, and the request is aborted', async () => {
    const s = ls.script({ status: 401, type: 'application/json', pieces: Array.from({ length: 1000 }, () => 'e'.repeat(1000)), end: 'hold' })
    const started = Date.now()
    const r = await runScenario(ls.connectEventSource, { options: { url: s.url }, settleMs: 0 })
    const errs = r.log.filter((e) => e.kind === 'error')
    expect(errs.map((e) => e.code)).toEqual([1830005])
    expect(errs[0].data.status).toBe(401)
    expect(errs[0].data.body).toBe('e'.repeat(4096))
    // Well before the 5 s the engine would wait for the end of an error body.
    expect(Date.now() - started).toBeLessThan(2000)
    await s.closed
    expect(s.written).toBeLessThan(10)
  })
})
