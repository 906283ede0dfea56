// Issue 10, items 3 and 9. The spec sends the last event ID "encoded as UTF-8" (wpt format-field-id.any.js checks
// the bytes E2 80 A6), so an id: with non-ASCII text must reach the server as UTF-8 bytes on every reconnect, not
// fail every attempt as a network error (fetch: "Cannot convert argument to a ByteString"; OkHttp: "Unexpected
// char"). And only the engine's last event ID is ever sent: a user Last-Event-ID header is the first request's
// resume point, not a value that survives the server clearing the id. Node fetch and the Android OkHttp transport.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { connectEventSource as nodeConnect, record } from './support/engine.mjs'
import { nodeAndJvmTransports, TRANSPORT_NAMES } from './support/node-and-jvm.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'

const { transports } = nodeAndJvmTransports()
let srv
beforeAll(async () => { srv = await startServer() })
afterAll(async () => { await srv?.close() })

/** Node's http module reads header bytes as Latin-1: these are the bytes that were on the wire, as hex. */
const wireHex = (value) => (value == null ? null : Buffer.from(value, 'latin1').toString('hex'))
const utf8Hex = (text) => Buffer.from(text, 'utf8').toString('hex')

for (const name of TRANSPORT_NAMES) {
  describe(`Last-Event-ID (${name})`, () => {
    test('a non-ASCII id: goes back as its UTF-8 bytes on every reconnect (… is E2 80 A6)', async () => {
      const key = uniqueKey('utf8id')
      const id = '日本-1…'
      const es = transports[name]({
        url: scenarioUrl(srv.url, { key, body: [`id: ${id}\ndata: a\n\n`, 'data: b\n\n', 'data: c\n\n'], end: ['destroy', 'destroy', 'hold'] }),
        retryInterval: 20
      })
      const r = record(es)
      await r.until((l) => l.filter((e) => e[0] === 'message').length >= 3)
      es.close()
      expect(r.messages()).toEqual(['a', 'b', 'c'])
      // Every reconnect is a normal one: no failed attempt in between.
      expect(r.errors()).toHaveLength(2)
      const sent = srv.requests(key).map((q) => wireHex(q.lastEventId))
      expect(sent).toEqual([null, utf8Hex(id), utf8Hex(id)])
      expect(utf8Hex('…')).toBe('e280a6')
    })

    test('the lastEventId option with non-ASCII text is sent as UTF-8 too', async () => {
      const key = uniqueKey('utf8opt')
      const es = transports[name]({ url: scenarioUrl(srv.url, { key, body: 'data: x\n\n' }), lastEventId: 'é', maxRetries: 0 })
      await record(es).closed()
      expect(srv.requests(key).map((q) => wireHex(q.lastEventId))).toEqual(['c3a9'])
    })

    test('a user Last-Event-ID header is the first resume point; an empty id: from the server clears it for good', async () => {
      const key = uniqueKey('userid')
      const es = transports[name]({
        url: scenarioUrl(srv.url, { key, body: ['id:\ndata: a\n\n', 'data: b\n\n', 'data: c\n\n'], end: ['destroy', 'destroy', 'hold'] }),
        header: { 'last-event-id': 'user-1' },
        retryInterval: 20
      })
      const r = record(es)
      await r.until((l) => l.filter((e) => e[0] === 'message').length >= 3)
      es.close()
      // Before the fix the user's header kept going out after the server cleared the id.
      expect(srv.requests(key).map((q) => q.lastEventId)).toEqual(['user-1', null, null])
    })

    test('the server\'s id: replaces a user Last-Event-ID header on reconnect', async () => {
      const key = uniqueKey('userid2')
      const es = transports[name]({
        url: scenarioUrl(srv.url, { key, body: ['id: 7\ndata: a\n\n', 'data: b\n\n'], end: ['destroy', 'hold'] }),
        header: { 'Last-Event-ID': 'user-1' },
        retryInterval: 20
      })
      const r = record(es)
      await r.until((l) => l.filter((e) => e[0] === 'message').length >= 2)
      es.close()
      expect(srv.requests(key).map((q) => q.lastEventId)).toEqual(['user-1', '7'])
      expect(srv.requests(key)[1].headers['last-event-id']).toBe('7')
    })
  })
}

describe('header values beyond ASCII on Android (OkHttp writes UTF-8)', () => {
  test('a Latin-1 header value goes out UTF-8 encoded instead of failing every attempt ("Unexpected char")', async () => {
    const key = uniqueKey('latin1')
    const es = transports['Android OkHttp (JVM)']({ url: scenarioUrl(srv.url, { key, body: 'data: x\n\n' }), header: { 'X-Name': 'café' }, maxRetries: 0 })
    const r = record(es)
    await r.closed()
    expect(r.kinds()).toEqual(['open', 'message', 'close'])
    expect(wireHex(srv.requests(key)[0].headers['x-name'])).toBe(utf8Hex('café'))
  })
})

describe('Last-Event-ID header and option together', () => {
  test('the lastEventId option wins over a header', async () => {
    const key = uniqueKey('both')
    const es = nodeConnect({ url: scenarioUrl(srv.url, { key, body: 'data: x\n\n' }), header: { 'Last-Event-ID': 'from-header' }, lastEventId: 'from-option', maxRetries: 0 })
    await record(es).closed()
    expect(srv.requests(key).map((q) => q.lastEventId)).toEqual(['from-option'])
  })
})
