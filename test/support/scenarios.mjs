/**
 * The scenarios every platform must pass (Node fetch, browser, mini-program build, ...), over real HTTP
 * to server/. Each: name, spec(ctx) -> runScenario spec, check(result, ctx) with vitest's expect.
 * ctx: { base, key, expect, requests() -> recorded requests for key, tcp: { silentUrl } }.
 * sendsNothing: the scenario must not make any request (harnesses check every other one made at least one).
 * Options carry an X-Scenario header so the web platform uses its fetch path (native EventSource
 * cannot report status, body or Content-Type); scenarios marked plainGet omit it.
 */
import { mockReply } from '../../server/index.mjs'
import { scenarioUrl } from './server.mjs'

const CHAT_PROMPT = 'Stream 你好 to me'
const WHOLE_EVENTS = 'retry: 300\nid: 1\ndata: a\n\nid: 2\ndata: b\n\n'
const kinds = (r) => r.log.filter((e) => e.kind !== 'created').map((e) => e.kind)
const msgs = (r) => r.log.filter((e) => e.kind === 'message')
const errs = (r) => r.log.filter((e) => e.kind === 'error')
const hdr = (name) => ({ 'X-Scenario': name })

export function sharedScenarios() {
  return [
    {
      name: 'GET stream: open, events with ids, readyState, then reconnect is not attempted past maxRetries 0',
      plainGet: true,
      spec: ({ base, key }) => ({
        options: { url: scenarioUrl(base, { key, body: 'id: 1\ndata: one\n\nid: 2\ndata: two\n\n' }), maxRetries: 0 }
      }),
      check: (r, { expect }) => {
        expect(r.log[0]).toMatchObject({ kind: 'created', readyState: 0 })
        expect(kinds(r)).toEqual(['open', 'message', 'message', 'close'])
        expect(r.log[1].readyState).toBe(1)
        expect(msgs(r).map((m) => [m.type, m.data, m.id])).toEqual([['message', 'one', '1'], ['message', 'two', '2']])
        expect(r.readyState).toBe(2)
        expect(r.lastEventId).toBe('2')
      }
    },
    {
      name: 'POST chat: JSON body and Authorization header stream the whole reply, ending cleanly at [DONE]',
      spec: ({ base, key }) => ({
        options: {
          url: base + '/v1/chat/completions?delay=0&key=' + key,
          method: 'POST',
          header: { Authorization: 'Bearer sk-local-test' },
          data: { model: 'mock', stream: true, messages: [{ role: 'user', content: CHAT_PROMPT }] }
        }
      }),
      check: async (r, { expect, requests }) => {
        const datas = msgs(r).map((m) => m.data)
        expect(datas[datas.length - 1]).toBe('[DONE]')
        const text = datas.slice(0, -1).map((d) => JSON.parse(d).choices[0].delta.content ?? '').join('')
        expect(text).toBe(mockReply(CHAT_PROMPT))
        expect(kinds(r).slice(-1)).toEqual(['close'])
        expect(errs(r)).toEqual([])
        const [req] = await requests()
        expect(req.method).toBe('POST')
        expect(req.headers.authorization).toBe('Bearer sk-local-test')
        expect(req.headers['content-type']).toMatch(/^application\/json/)
        expect(req.headers.accept).toBe('text/event-stream')
        expect(JSON.parse(req.body).messages[0].content).toBe(CHAT_PROMPT)
      }
    },
    {
      name: 'named events reach onMessage with their type and only their own addEventListener',
      spec: ({ base, key }) => ({
        options: { url: scenarioUrl(base, { key, body: 'event: add\ndata: 1\n\ndata: 2\n\nevent: remove\ndata: 3\n\n' }), header: hdr('named'), maxRetries: 0 },
        listen: ['add', 'message']
      }),
      check: (r, { expect }) => {
        expect(msgs(r).map((m) => m.type + ':' + m.data)).toEqual(['add:1', 'message:2', 'remove:3'])
        expect(r.log.filter((e) => e.kind === 'listener').map((m) => m.type + ':' + m.data)).toEqual(['add:1', 'message:2'])
      }
    },
    {
      name: 'multi-byte UTF-8 split across 1-byte chunks, CRLF line endings and a BOM',
      spec: ({ base, key }) => ({
        options: {
          // 2 ms between the 1-byte writes, so they reach the client as separate reads (written back to back, TCP
          // coalesced them into one; the reads themselves are asserted in http-chunk-splits-are-real-reads).
          url: scenarioUrl(base, { key, body: '\uFEFFdata: 你好，世界 👋 café\r\n\r\nevent: e\r\ndata: ✓\r\n\r\n', chunk: 1, delay: 2 }),
          header: hdr('utf8'), maxRetries: 0
        }
      }),
      check: (r, { expect }) => {
        expect(msgs(r).map((m) => m.type + ':' + m.data)).toEqual(['message:你好，世界 👋 café', 'e:✓'])
      }
    },
    {
      name: 'invalid UTF-8 bytes become U+FFFD exactly as TextDecoder does',
      spec: ({ base, key }) => ({
        options: {
          url: base + '/scenario?key=' + key + '&split=7,8&body64=' + Buffer.from([...Buffer.from('data: a'), 0xe4, 0xbd, 0x41, 0xff, 0x0a, 0x0a]).toString('base64url'),
          header: hdr('bad-utf8'), maxRetries: 0
        }
      }),
      check: (r, { expect }) => {
        expect(msgs(r).map((m) => m.data)).toEqual(['a\uFFFDA\uFFFD'])
      }
    },
    {
      name: 'reconnect after a drop mid-event sends Last-Event-ID and resumes; retry: sets the delay',
      spec: ({ base, key }) => ({
        options: {
          url: scenarioUrl(base, {
            key,
            body: [WHOLE_EVENTS + 'data: lost-half', 'id: 3\ndata: c\n\n'],
            // The half event goes out 50 ms after the whole ones, right before the drop: Chromium discards
            // bytes that arrive together with a broken connection (fetch and EventSource alike).
            split: WHOLE_EVENTS.length,
            delay: 50,
            end: ['destroy', 'hold']
          }),
          header: hdr('reconnect')
        },
        stopAfterMessages: 3
      }),
      check: async (r, { expect, requests }) => {
        expect(msgs(r).map((m) => m.data + '@' + m.id)).toEqual(['a@1', 'b@2', 'c@3'])
        const e = errs(r)
        expect(e).toHaveLength(1)
        expect(e[0]).toMatchObject({ code: 1830002, readyState: 0, data: { willRetry: true, retryDelay: 300 } })
        const reqs = await requests()
        expect(reqs).toHaveLength(2)
        expect(reqs[0].lastEventId).toBe(null)
        expect(reqs[1].lastEventId).toBe('2')
        expect(reqs[1].time - reqs[0].time).toBeGreaterThanOrEqual(250)
        expect(kinds(r)).toEqual(['open', 'message', 'message', 'error', 'open', 'message', 'close'])
      }
    },
    {
      name: 'lastEventId option is sent on the first request',
      spec: ({ base, key }) => ({
        options: { url: scenarioUrl(base, { key, body: 'data: x\n\n' }), header: hdr('resume'), lastEventId: 'resume-7', maxRetries: 0 }
      }),
      check: async (r, { expect, requests }) => {
        expect(msgs(r).map((m) => m.id)).toEqual(['resume-7'])
        expect((await requests())[0].lastEventId).toBe('resume-7')
      }
    },
    {
      name: '204 No Content closes with a status error and never reconnects',
      spec: ({ base, key }) => ({ options: { url: scenarioUrl(base, { key, status: 204, type: 'none', body: '' }), header: hdr('204') } }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['error', 'close'])
        expect(errs(r)[0]).toMatchObject({ code: 1830005, readyState: 2, data: { status: 204, willRetry: false } })
        expect(await requests()).toHaveLength(1)
      }
    },
    {
      name: '401 reports status, headers and the response body, and does not reconnect',
      spec: ({ base, key }) => ({
        options: { url: base + '/v1/chat/completions?key=' + key, method: 'POST', data: { stream: true, messages: [{ role: 'user', content: 'x' }] }, maxRetries: 3 }
      }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['error', 'close'])
        const e = errs(r)[0]
        expect(e.code).toBe(1830005)
        expect(e.subject).toBe('uni-connectEventSource')
        expect(e.data.status).toBe(401)
        expect(e.data.headers['content-type']).toMatch(/application\/json/)
        expect(JSON.parse(e.data.body).error.code).toBe('invalid_api_key')
        expect(e.message).toMatch(/401/)
        expect(await requests()).toHaveLength(1)
      }
    },
    {
      name: 'wrong Content-Type with status 200 fails with 1830006 and the body',
      spec: ({ base, key }) => ({ options: { url: scenarioUrl(base, { key, type: 'application/json', body: '{"hello":1}' }), header: hdr('ctype') } }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['error', 'close'])
        expect(errs(r)[0]).toMatchObject({ code: 1830006, data: { status: 200, body: '{"hello":1}' } })
        expect(await requests()).toHaveLength(1)
      }
    },
    {
      name: 'Content-Type is matched by essence: any case, any parameters',
      spec: ({ base, key }) => ({ options: { url: scenarioUrl(base, { key, type: 'Text/Event-Stream ; charset=UTF-8', body: 'data: ok\n\n' }), header: hdr('ctype-case'), maxRetries: 0 } }),
      check: (r, { expect }) => {
        expect(msgs(r).map((m) => m.data)).toEqual(['ok'])
      }
    },
    {
      name: 'close() inside onMessage: no later event of the same chunk, no error, onClose once',
      spec: ({ base, key }) => ({
        options: { url: scenarioUrl(base, { key, body: 'data: 1\n\ndata: 2\n\ndata: 3\n\n', end: 'hold' }), header: hdr('close-inside') },
        closeOnMessage: 1,
        settleMs: 400
      }),
      check: (r, { expect }) => {
        expect(kinds(r)).toEqual(['open', 'message', 'close'])
        expect(r.log.find((e) => e.kind === 'close').readyState).toBe(2)
      }
    },
    {
      name: 'heartbeat timeout on a stalled stream aborts, reconnects, then gives up with 1830008',
      spec: ({ base, key }) => ({
        options: { url: scenarioUrl(base, { key, body: ': only a comment\n\n', end: 'hold' }), header: hdr('heartbeat'), heartbeatTimeout: 300, maxRetries: 1, retryInterval: 50 }
      }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['open', 'error', 'open', 'error', 'close'])
        const [first, last] = errs(r)
        expect(first).toMatchObject({ code: 1830004, readyState: 0, data: { willRetry: true } })
        expect(last).toMatchObject({ code: 1830008, readyState: 2, cause: { code: 1830004 } })
        expect(await requests()).toHaveLength(2)
      }
    },
    {
      name: 'line longer than maxLineLength fails with 1830009 and does not reconnect',
      spec: ({ base, key }) => ({ options: { url: scenarioUrl(base, { key, body: 'data: ' + 'x'.repeat(5000) + '\n\n', chunk: 700 }), header: hdr('long'), maxLineLength: 1000 } }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['open', 'error', 'close'])
        expect(errs(r)[0].code).toBe(1830009)
        expect(await requests()).toHaveLength(1)
      }
    },
    {
      name: 'invalid options fail asynchronously with 1830001 and send nothing',
      sendsNothing: true,
      spec: ({ base, key }) => ({ options: { url: scenarioUrl(base, { key, body: 'data: x\n\n' }), method: 'GET', data: 'not with GET' } }),
      check: async (r, { expect, requests }) => {
        expect(r.log[0]).toMatchObject({ kind: 'created', readyState: 0 })
        expect(kinds(r)).toEqual(['error', 'close'])
        expect(errs(r)[0]).toMatchObject({ code: 1830001 })
        expect(errs(r)[0].message).toMatch(/GET/)
        expect(await requests()).toHaveLength(0)
      }
    },
    {
      name: 'close() right after creation sends no request and fires only onClose',
      sendsNothing: true,
      spec: ({ base, key }) => ({ options: { url: scenarioUrl(base, { key, body: 'data: x\n\n' }), header: hdr('close-now') }, closeAfterMs: 0 }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['close'])
        expect(await requests()).toHaveLength(0)
      }
    },
    {
      name: 'a GET stream that ends reconnects (spec) until maxRetries, backing off, then 1830008',
      spec: ({ base, key }) => ({ options: { url: scenarioUrl(base, { key, body: ': no events\n\n' }), header: hdr('exhaust'), maxRetries: 2, retryInterval: 100, maxRetryInterval: 1000 } }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['open', 'error', 'open', 'error', 'open', 'error', 'close'])
        const e = errs(r)
        expect(e.map((x) => x.code)).toEqual([1830002, 1830002, 1830008])
        expect(e[0].data.retryDelay).toBe(100)
        expect(e[1].data.retryDelay).toBeGreaterThanOrEqual(100)
        expect(e[1].data.retryDelay).toBeLessThanOrEqual(200)
        const reqs = await requests()
        expect(reqs).toHaveLength(3)
        expect(reqs[2].time - reqs[1].time).toBeGreaterThanOrEqual(e[1].data.retryDelay - 20)
      }
    },
    {
      name: 'a 307 redirect is followed for POST and the stream opens',
      spec: ({ base, key }) => ({
        options: { url: base + '/redirect?status=307&to=' + encodeURIComponent(scenarioUrl('', { key, body: 'data: moved\n\n' })), method: 'POST', data: 'payload' }
      }),
      check: async (r, { expect, requests }) => {
        expect(msgs(r).map((m) => m.data)).toEqual(['moved'])
        const reqs = await requests()
        expect(reqs[0]).toMatchObject({ method: 'POST', body: 'payload' })
      }
    },
    {
      name: 'a string body without Content-Type is sent as text/plain;charset=UTF-8, bytes as given (UTF-8)',
      spec: ({ base, key }) => ({ options: { url: scenarioUrl(base, { key, body: 'data: ok\n\n' }), method: 'POST', data: 'plain 你好' } }),
      check: async (r, { expect, requests }) => {
        expect(msgs(r).map((m) => m.data)).toEqual(['ok'])
        const reqs = await requests()
        expect(reqs[0].headers['content-type']).toBe('text/plain;charset=UTF-8')
        expect(reqs[0].body).toBe('plain 你好')
      }
    },
    {
      name: 'connection refused is a network error (1830002), final when maxRetries is 0',
      spec: ({ refusedUrl }) => ({ options: { url: refusedUrl, method: 'POST', data: 'x' } }),
      check: (r, { expect }) => {
        expect(kinds(r)).toEqual(['error', 'close'])
        expect(errs(r)[0]).toMatchObject({ code: 1830002, readyState: 2 })
      }
    },
    // Issue 19: Retry-After, transient statuses, header functions, comments, reconnect(), POST subscriptions.
    {
      name: 'a GET answered 429 with Retry-After in seconds waits that long (plus up to 20 % jitter), then streams; data.retryAfter says so',
      spec: ({ base, key }) => ({
        options: {
          url: scenarioUrl(base, { key, status: [429, 200], type: ['application/json', 'text/event-stream'], body: ['{"error":"rate limited"}', 'data: ok\n\n'], header: 'Retry-After: 1' }),
          header: hdr('retry-after-seconds'), retryInterval: 50
        },
        stopAfterMessages: 1
      }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['error', 'open', 'message', 'close'])
        const [e] = errs(r)
        expect(e).toMatchObject({ code: 1830005, readyState: 0, data: { status: 429, retryAfter: 1000, willRetry: true } })
        expect(e.data.body).toContain('rate limited')
        expect(e.data.retryDelay).toBeGreaterThanOrEqual(1000)
        expect(e.data.retryDelay).toBeLessThanOrEqual(1200)
        const reqs = await requests()
        expect(reqs).toHaveLength(2)
        expect(reqs[1].time - reqs[0].time).toBeGreaterThanOrEqual(950)
      }
    },
    {
      name: 'retry-after-ms is read before Retry-After',
      spec: ({ base, key }) => ({
        options: {
          url: scenarioUrl(base, { key, status: [429, 200], body: ['', 'data: ok\n\n'], header: ['retry-after-ms: 300', 'Retry-After: 5'] }),
          header: hdr('retry-after-ms'), retryInterval: 50
        },
        stopAfterMessages: 1
      }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['error', 'open', 'message', 'close'])
        expect(errs(r)[0].data).toMatchObject({ status: 429, retryAfter: 300, willRetry: true })
        expect(errs(r)[0].data.retryDelay).toBeGreaterThanOrEqual(300)
        expect(errs(r)[0].data.retryDelay).toBeLessThanOrEqual(360)
        const reqs = await requests()
        expect(reqs[1].time - reqs[0].time).toBeGreaterThanOrEqual(280)
      }
    },
    {
      name: 'a 503 with Retry-After as an HTTP date waits until then',
      spec: ({ base, key }) => ({
        options: {
          url: scenarioUrl(base, { key, status: [503, 200], body: ['', 'data: ok\n\n'], header: 'Retry-After: ' + new Date(Date.now() + 2000).toUTCString() }),
          header: hdr('retry-after-date'), retryInterval: 50
        },
        stopAfterMessages: 1
      }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['error', 'open', 'message', 'close'])
        const { data } = errs(r)[0]
        expect(data.status).toBe(503)
        // The date has whole seconds: between 1 and 2 s from when it was written.
        expect(data.retryAfter).toBeGreaterThan(500)
        expect(data.retryAfter).toBeLessThanOrEqual(2000)
        expect(data.retryDelay).toBeGreaterThanOrEqual(data.retryAfter)
        const reqs = await requests()
        expect(reqs[1].time - reqs[0].time).toBeGreaterThanOrEqual(data.retryAfter - 50)
      }
    },
    {
      name: 'a hostile Retry-After: 999999999 waits no longer than maxRetryAfter',
      spec: ({ base, key }) => ({
        options: {
          url: scenarioUrl(base, { key, status: [429, 200], body: ['', 'data: ok\n\n'], header: 'Retry-After: 999999999' }),
          header: hdr('retry-after-hostile'), retryInterval: 50, maxRetryAfter: 400
        },
        stopAfterMessages: 1
      }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['error', 'open', 'message', 'close'])
        const { data } = errs(r)[0]
        expect(data.retryAfter).toBe(999999999000)
        expect(data.retryDelay).toBeGreaterThanOrEqual(320)
        expect(data.retryDelay).toBeLessThanOrEqual(400)
        const reqs = await requests()
        expect(reqs[1].time - reqs[0].time).toBeLessThan(3000)
      }
    },
    {
      name: 'a GET answered 502 then 504 reconnects with backoff and then streams',
      spec: ({ base, key }) => ({
        options: { url: scenarioUrl(base, { key, status: [502, 504, 200], body: ['bad gateway', 'timeout', 'data: ok\n\n'] }), header: hdr('gateway'), retryInterval: 50 },
        stopAfterMessages: 1
      }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['error', 'error', 'open', 'message', 'close'])
        expect(errs(r).map((e) => [e.code, e.data.status, e.data.willRetry, e.data.retryAfter, e.readyState])).toEqual([[1830005, 502, true, -1, 0], [1830005, 504, true, -1, 0]])
        expect(errs(r)[0].data.body).toBe('bad gateway')
        expect(await requests()).toHaveLength(3)
      }
    },
    {
      name: 'a GET answered 500 fails at once: only 429, 502, 503 and 504 are retried by default',
      spec: ({ base, key }) => ({ options: { url: scenarioUrl(base, { key, status: [500, 200], body: ['oops', 'data: ok\n\n'] }), header: hdr('500'), retryInterval: 50 } }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['error', 'close'])
        expect(errs(r)[0]).toMatchObject({ code: 1830005, readyState: 2, data: { status: 500, willRetry: false } })
        expect(await requests()).toHaveLength(1)
      }
    },
    {
      name: 'a POST answered 429 is not replayed by default; the final error still says when to retry (data.retryAfter)',
      spec: ({ base, key }) => ({
        options: { url: scenarioUrl(base, { key, status: [429, 200], body: ['slow down', 'data: ok\n\n'], header: 'Retry-After: 7' }), method: 'POST', data: { q: 1 } }
      }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['error', 'close'])
        expect(errs(r)[0]).toMatchObject({ code: 1830005, readyState: 2, data: { status: 429, retryAfter: 7000, willRetry: false, body: 'slow down' } })
        expect(await requests()).toHaveLength(1)
      }
    },
    {
      name: 'a POST with retryOnStatus [429] is resent after the wait, with the same body, and ends with its reply',
      spec: ({ base, key }) => ({
        options: {
          url: scenarioUrl(base, { key, status: [429, 200], body: ['', 'data: reply\n\n'], header: 'retry-after-ms: 150' }),
          method: 'POST', data: { q: 1 }, retryOnStatus: [429], retryInterval: 50
        }
      }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['error', 'open', 'message', 'close'])
        expect(errs(r)[0]).toMatchObject({ code: 1830005, readyState: 0, data: { status: 429, retryAfter: 150, willRetry: true } })
        const reqs = await requests()
        expect(reqs.map((q) => [q.method, q.body])).toEqual([['POST', '{"q":1}'], ['POST', '{"q":1}']])
        expect(reqs[1].time - reqs[0].time).toBeGreaterThanOrEqual(130)
      }
    },
    {
      name: 'a POST with maxRetries is a subscription: after its end it reconnects, resending the body with Last-Event-ID',
      spec: ({ base, key }) => ({
        options: {
          url: scenarioUrl(base, { key, body: ['id: 1\ndata: a\n\n', 'id: 2\ndata: b\n\n'], end: ['close', 'hold'] }),
          method: 'POST', data: { topic: 'news' }, maxRetries: 3, retryInterval: 50
        },
        stopAfterMessages: 2
      }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['open', 'message', 'error', 'open', 'message', 'close'])
        expect(errs(r)[0]).toMatchObject({ code: 1830002, readyState: 0, data: { willRetry: true } })
        const reqs = await requests()
        expect(reqs.map((q) => [q.method, q.body, q.lastEventId])).toEqual([['POST', '{"topic":"news"}', null], ['POST', '{"topic":"news"}', '1']])
      }
    },
    {
      name: 'a 302 without Location fails with 1830011 and says the header was missing',
      spec: ({ base, key }) => ({ options: { url: scenarioUrl(base, { key, status: 302, type: 'none', body: '' }), header: hdr('302-no-location') } }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['error', 'close'])
        expect(errs(r)[0]).toMatchObject({ code: 1830011, readyState: 2, data: { status: 302 } })
        expect(errs(r)[0].message).toMatch(/without a Location header/)
        expect(await requests()).toHaveLength(1)
      }
    },
    {
      name: 'onComment receives comment lines in stream order, the text after the colon as sent',
      spec: ({ base, key }) => ({
        options: { url: scenarioUrl(base, { key, body: ': keep-alive\n\n:Hello\ndata: x\n\n: OPENROUTER PROCESSING\n\n', chunk: 7 }), header: hdr('comments'), maxRetries: 0 },
        comments: true
      }),
      check: (r, { expect }) => {
        expect(r.log.filter((e) => e.kind === 'comment' || e.kind === 'message').map((e) => e.kind + ':' + e.data))
          .toEqual(['comment: keep-alive', 'comment:Hello', 'message:x', 'comment: OPENROUTER PROCESSING'])
        expect(r.log.find((e) => e.kind === 'comment').type).toBe('comment')
      }
    },
    {
      name: 'reconnect() inside onMessage drops the stream and reconnects at once with Last-Event-ID, reporting no error',
      spec: ({ base, key }) => ({
        options: { url: scenarioUrl(base, { key, body: ['id: 1\ndata: a\n\ndata: not-dispatched\n\n', 'id: 2\ndata: b\n\n'], end: ['hold', 'hold'] }), header: hdr('reconnect-call'), retryInterval: 5000 },
        reconnectOnMessage: 1,
        stopAfterMessages: 2
      }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['open', 'message', 'open', 'message', 'close'])
        expect(msgs(r).map((m) => m.data)).toEqual(['a', 'b'])
        const reqs = await requests()
        expect(reqs.map((q) => q.lastEventId)).toEqual([null, '1'])
        expect(reqs[1].time - reqs[0].time).toBeLessThan(2000)
      }
    },
    {
      name: 'getHeader is called before every request, so a reconnect sends the refreshed token',
      spec: ({ base, key }) => ({
        options: { url: scenarioUrl(base, { key, body: ['data: a\n\n', 'data: b\n\n'], end: ['close', 'hold'] }), header: hdr('header-function'), retryInterval: 50 },
        headerSequence: [{ Authorization: 'Bearer first' }, { Authorization: 'Bearer second', 'X-Scenario': 'replaced' }],
        stopAfterMessages: 2
      }),
      check: async (r, { expect, requests }) => {
        expect(msgs(r).map((m) => m.data)).toEqual(['a', 'b'])
        expect(r.log.filter((e) => e.kind === 'getHeader')).toHaveLength(2)
        const reqs = await requests()
        expect(reqs.map((q) => [q.headers.authorization, q.headers['x-scenario']])).toEqual([['Bearer first', 'header-function'], ['Bearer second', 'replaced']])
      }
    },
    {
      name: 'getHeader returning a header that cannot be sent fails with 1830001 and sends nothing',
      sendsNothing: true,
      spec: ({ base, key }) => ({
        options: { url: scenarioUrl(base, { key, body: 'data: x\n\n' }), header: hdr('header-function-bad') },
        headerSequence: [{ 'Bad Name': 'x' }]
      }),
      check: async (r, { expect, requests }) => {
        expect(kinds(r)).toEqual(['getHeader', 'error', 'close'])
        expect(errs(r)[0]).toMatchObject({ code: 1830001, readyState: 2 })
        expect(errs(r)[0].message).toMatch(/getHeader.*"Bad Name"/)
        expect(await requests()).toHaveLength(0)
      }
    },
    {
      name: 'connect timeout when the server accepts but never answers (1830003)',
      spec: ({ silentUrl }) => ({ options: { url: silentUrl, method: 'POST', data: 'x', timeout: 300 } }),
      check: (r, { expect }) => {
        expect(kinds(r)).toEqual(['error', 'close'])
        expect(errs(r)[0]).toMatchObject({ code: 1830003 })
      }
    }
  ]
}
