// connectChatStream's delivery guarantees and request shapes, on the engine's Node fetch transport against the mock
// (server/ai.mjs): updates coalesced to one per updateInterval with the first and the final one never held back, no
// update ending in half a surrogate pair, close() from inside every callback, a silent "thinking" pause, option
// errors, the request each provider gets (body, key header, URL), and the live mock in every format (reasoning,
// a wrong key's HTTP error, an error frame mid-stream).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startChatStream } from '../uni_modules/connect-event-source/utssdk/common/chat/chat-stream.uts'
import { CoalescedText, updateDelay } from '../uni_modules/connect-event-source/utssdk/common/chat/coalesce.uts'
import { chatBody, chatHeader, chatUrl } from '../uni_modules/connect-event-source/utssdk/common/chat/request.uts'
import { connectEventSource, sleep } from './support/engine.mjs'
import { aiCase, caseOptions, checkChatCase, recordChat, SPLITS } from './support/chat-cases.mjs'
import { mockReply, mockTokens, scenarioUrl, startServer, uniqueKey } from './support/server.mjs'

const connectChatStream = (options) => startChatStream(options, connectEventSource)
const WHOLE = SPLITS[0]
const FORMATS = [
  ['openai', '/v1/chat/completions'],
  ['openai-responses', '/v1/responses'],
  ['anthropic', '/v1/messages'],
  ['gemini', '/v1beta/models/mock-model:streamGenerateContent'],
  ['ollama', '/api/chat']
]

let srv
beforeAll(async () => { srv = await startServer() })
afterAll(async () => { await srv?.close() })

const live = (path, query, extra = {}) => ({ url: `${srv.url}/ai${path}?${query}`, apiKey: 'k', model: 'mock-model', messages: [{ role: 'user', content: 'hello' }], ...extra })

describe('coalescing', () => {
  test('tokens every 5 ms, updateInterval 50: a few updates at least ~50 ms apart, the first at once; with 0, one per token', async () => {
    const tokens = mockTokens('hello')
    const t0 = Date.now()
    const times = []
    const log = await recordChat((o) => {
      const s = connectChatStream(o)
      s.onText(() => times.push(Date.now() - t0))
      return s
    }, live('/v1/chat/completions', 'delay=5', { updateInterval: 50 }))
    expect(log.done[0].text).toBe(mockReply('hello'))
    // The first at once: shown as its frame arrives (leading edge), before a second token could join it.
    expect(log.text[0].text).toBe(tokens[0])
    const duration = times.at(-1) - times[0]
    expect(log.text.length).toBeLessThanOrEqual(Math.ceil(duration / 50) + 2)
    expect(log.text.length).toBeLessThan(tokens.length / 2)
    for (let i = 1; i < times.length - 1; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(45)
    const every = await recordChat(connectChatStream, live('/v1/chat/completions', 'delay=5', { updateInterval: 0 }))
    expect(every.text.length).toBe(tokens.length)
  })

  test('an update held for the interval is shown when its timer fires, while the stream pauses (not with the next frame)', async () => {
    // Pieces 400 ms apart, updateInterval 600: "A" at once (leading edge), "B" 400 ms later waits for the timer at
    // 600 ms, and is shown then, 200 ms before "C" and the end arrive.
    const frame = (t) => `data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"${t}"},"finish_reason":null}]}\n\n`
    const body = frame('A') + frame('B') + frame('C') + 'data: [DONE]\n\n'
    const split = [frame('A').length, (frame('A') + frame('B')).length]
    const url = scenarioUrl(srv.url, { key: uniqueKey('timer'), body, type: 'text/event-stream', split, delay: 400 })
    const log = await recordChat(connectChatStream, { url, provider: 'openai', body: { stream: true }, updateInterval: 600 })
    expect(log.text.map((u) => u.text)).toEqual(['A', 'AB', 'ABC'])
    expect(log.done[0].text).toBe('ABC')
  })

  test('the final update is never delayed: updateInterval 60000 still delivers the first token at once and the rest right before onDone', async () => {
    const t0 = Date.now()
    const log = await recordChat(connectChatStream, live('/v1/chat/completions', 'delay=5', { updateInterval: 60000 }))
    expect(Date.now() - t0).toBeLessThan(5000)
    expect(log.text.length).toBe(2)
    expect(log.text[1].text).toBe(mockReply('hello'))
    expect(log.order).toEqual(['text', 'text', 'done'])
  })

  test('an emoji split across two deltas (lone surrogates in JSON escapes) is never shown half', async () => {
    const frame = (s) => `data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"${s}"},"finish_reason":null}]}\n\n`
    // The third delta ends in a whole emoji (its low surrogate last): shown at once, never held back.
    const body = frame('a\\ud83d') + frame('\\ude00b') + frame('\\ud83d\\ude01') + frame('c\\ud83c') + 'data: [DONE]\n\n'
    const url = scenarioUrl(srv.url, { key: uniqueKey('sur'), body, type: 'text/event-stream' })
    const log = await recordChat(connectChatStream, { url, provider: 'openai', body: {}, updateInterval: 0 })
    for (const u of log.text) {
      const last = u.text.charCodeAt(u.text.length - 1)
      if (u !== log.text.at(-1)) expect(last >= 0xd800 && last <= 0xdbff).toBe(false)
    }
    expect(log.text.map((u) => u.text)).toEqual(['a', 'a😀b', 'a😀b😁', 'a😀b😁c', 'a😀b😁c\ud83c'])
    expect(log.done[0].text).toBe('a😀b😁c\ud83c')
  })

  test('CoalescedText: only a trailing high surrogate waits; a trailing low one, or any at the final step, is shown', () => {
    const t = new CoalescedText()
    t.append('x\ud83d')
    expect([t.take(false), t.pending(), t.all()]).toEqual(['x', true, 'x\ud83d'])
    t.append('\ude00')
    expect([t.take(false), t.pending()]).toEqual(['\ud83d\ude00', false])
    t.append('\ude01')
    expect(t.take(false)).toBe('\ude01')
    t.append('y')
    t.append('\ud83c')
    expect(t.all()).toBe('x😀\ude01y\ud83c')
    expect([t.take(false), t.take(true), t.take(true), t.shown]).toEqual(['y', '\ud83c', '', 'x😀\ude01y\ud83c'])
    // The edges of the high-surrogate range (U+D800, U+DBFF) wait; the code units just outside do not.
    for (const [last, waits] of [['\ud800', true], ['\udbff', true], ['\ud7ff', false], ['\udc00', false]]) {
      const e = new CoalescedText()
      e.append('z' + last)
      expect(e.take(false), JSON.stringify(last)).toBe(waits ? 'z' : 'z' + last)
    }
  })

  test('updateDelay: 0 with no interval (even when the clock went back) or once the interval has passed, otherwise what remains of it', () => {
    expect(updateDelay(0, 1000, 1010)).toBe(0)
    expect(updateDelay(0, 2000, 1000)).toBe(0)
    expect(updateDelay(-5, 1000, 1010)).toBe(0)
    expect(updateDelay(50, 1000, 1010)).toBe(40)
    expect(updateDelay(50, 1000, 1050)).toBe(0)
    expect(updateDelay(50, 1000, 1070)).toBe(0)
  })
})

describe('close() from any callback stops everything', () => {
  for (const [what, caseName] of [['onText', 'openai/text'], ['onReasoning', 'openai/reasoning'], ['onToolCall', 'openai/tools'], ['onDone', 'anthropic/text'], ['onError', 'anthropic/overloaded']]) {
    test(what, async () => {
      const c = aiCase(caseName)
      const seen = []
      let stream
      await new Promise((resolve) => {
        stream = connectChatStream(caseOptions(srv.url, c, SPLITS[1], { updateInterval: 0 }))
        const stop = (kind) => () => {
          seen.push(kind)
          if (kind === what) {
            stream.close()
            stream.close()
            setTimeout(resolve, 300)
          }
        }
        stream.onText(stop('onText'))
        stream.onReasoning(stop('onReasoning'))
        stream.onToolCall(stop('onToolCall'))
        stream.onDone(stop('onDone'))
        stream.onError(stop('onError'))
      })
      expect(seen.filter((k) => k === what).length).toBe(1)
      expect(seen.at(-1)).toBe(what)
    })
  }

  test('close() right after the call: nothing at all, and the source under it is closed (its request aborted, no reconnect)', async () => {
    const seen = []
    const sources = []
    const s = startChatStream(live('/v1/chat/completions', 'delay=20'), (options) => {
      const es = connectEventSource(options)
      sources.push(es)
      return es
    })
    for (const m of ['onText', 'onReasoning', 'onToolCall', 'onDone', 'onError']) s[m](() => seen.push(m))
    s.close()
    await sleep(400)
    expect(seen).toEqual([])
    expect(sources.length).toBe(1)
    expect(sources[0].readyState).toBe(2)
  })
})

describe('listeners', () => {
  test('off(id) removes exactly that registration, of every kind (text, reasoning, tool call, done, error)', async () => {
    for (const caseName of ['openai/reasoning-field', 'openai/error-frame']) {
      const seen = []
      const stream = connectChatStream(caseOptions(srv.url, aiCase(caseName), WHOLE, { updateInterval: 0 }))
      const finished = new Promise((resolve) => {
        for (const m of ['onText', 'onReasoning', 'onToolCall', 'onDone', 'onError']) {
          stream.off(stream[m](() => seen.push('removed ' + m)))
          stream[m](() => {
            seen.push(m)
            if (m === 'onDone' || m === 'onError') setTimeout(resolve, 100)
          })
        }
      })
      await finished
      expect(seen.filter((k) => k.startsWith('removed')), caseName).toEqual([])
      expect([...new Set(seen)].sort(), caseName).toEqual(caseName === 'openai/error-frame' ? ['onError', 'onText'] : ['onDone', 'onReasoning', 'onText', 'onToolCall'])
    }
  })
})

describe('listener ids', () => {
  test('every registration gets its own id, two of each kind included; off() of one of two onError listeners leaves the other', async () => {
    const seen = []
    const stream = connectChatStream(caseOptions(srv.url, aiCase('openai/error-frame'), WHOLE, { updateInterval: 0 }))
    const ids = []
    const finished = new Promise((resolve) => {
      for (const m of ['onError', 'onError', 'onText', 'onText', 'onReasoning', 'onReasoning', 'onToolCall', 'onToolCall', 'onDone', 'onDone']) {
        const n = ids.length
        ids.push(stream[m](() => {
          seen.push(`${m} #${n}`)
          if (m === 'onError') setTimeout(resolve, 100)
        }))
      }
    })
    expect(new Set(ids).size).toBe(ids.length)
    stream.off(ids[0])
    await finished
    expect([...new Set(seen)].sort()).toEqual(['onError #1', 'onText #2', 'onText #3'])
  })
})

describe('the state after the end', () => {
  test('after onDone, onError or close() the stream keeps no listener (nothing they capture stays reachable through it)', async () => {
    const lists = (s) => ['textListeners', 'reasoningListeners', 'toolListeners', 'doneListeners', 'errorListeners'].map((f) => s[f].length)
    for (const [caseName, end] of [['openai/reasoning-field', 'onDone'], ['openai/tools', 'onDone'], ['openai/error-frame', 'onError'], ['openai/text', 'close']]) {
      const stream = connectChatStream(caseOptions(srv.url, aiCase(caseName), WHOLE, { updateInterval: 0 }))
      await new Promise((resolve) => {
        for (const m of ['onText', 'onReasoning', 'onToolCall', 'onDone', 'onError']) {
          stream[m](() => {
            if (m === end) setTimeout(resolve, 20)
            if (end === 'close' && m === 'onText') {
              stream.close()
              setTimeout(resolve, 20)
            }
          })
        }
      })
      expect(lists(stream), caseName).toEqual([0, 0, 0, 0, 0])
    }
  })

  test('an error frame mid-stream (1830020) closes the source under the stream at once, while the server still sends', async () => {
    const frame = (t) => `data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"${t}"},"finish_reason":null}]}\n\n`
    const body = frame('Hi') + 'data: {"error":{"message":"Overloaded.","type":"server_error","code":"overloaded"}}\n\n' + frame(' more') + frame(' and more')
    const url = scenarioUrl(srv.url, { key: uniqueKey('err'), body, type: 'text/event-stream', split: [body.indexOf(frame(' more'))], delay: 1500, end: 'hold' })
    const sources = []
    const states = []
    const log = await new Promise((resolve) => {
      const s = startChatStream({ url, provider: 'openai', body: { stream: true }, updateInterval: 0 }, (options) => {
        const es = connectEventSource(options)
        sources.push(es)
        return es
      })
      const errors = []
      s.onError((e) => {
        errors.push(e.errCode)
        states.push(sources[0].readyState)
        setTimeout(() => resolve(errors), 50)
      })
    })
    expect(log).toEqual([1830020])
    expect(states).toEqual([2])
  })
})

describe('a lost connection', () => {
  test('a reply cut mid-stream (socket destroyed) fails once with 1830002 after the text so far was delivered; no reconnect', async () => {
    const frame = (t) => `data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"${t}"},"finish_reason":null}]}\n\n`
    const key = uniqueKey('cut')
    const url = scenarioUrl(srv.url, { key, body: frame('Hello') + frame(' wor'), type: 'text/event-stream', end: 'destroy' })
    const log = await recordChat(connectChatStream, { url, provider: 'openai', body: { stream: true }, updateInterval: 1000 })
    expect(log.done).toEqual([])
    expect(log.error.map((e) => e.errCode)).toEqual([1830002])
    expect(log.text.at(-1).text).toBe('Hello wor')
    expect(log.order.at(-1)).toBe('error')
    expect((await srv.requests(key)).length).toBe(1)
  })
})

describe('timing and options', () => {
  test('a 1.5 s silent thinking pause after the first reasoning frame does not cut the reply (heartbeat off by default); heartbeatTimeout 500 does (1830004)', async () => {
    const c = aiCase('openai/reasoning')
    const slow = await recordChat(connectChatStream, caseOptions(srv.url, c, WHOLE, { extra: '&pause=1500' }))
    checkChatCase(expect, c, slow)
    const cut = await recordChat(connectChatStream, { ...caseOptions(srv.url, c, WHOLE, { extra: '&pause=1500' }), heartbeatTimeout: 500 })
    expect(cut.error.map((e) => e.errCode)).toEqual([1830004])
    expect(cut.done).toEqual([])
  })

  test('bad options fail with 1830001, asynchronously, saying which option is wrong', async () => {
    const cases = [
      [{ url: '', messages: [{ role: 'user', content: 'x' }] }, 'url must be a non-empty string.'],
      [{ url: `${srv.url}/ai/v1/chat/completions`, provider: 'cohere', body: {} }, 'provider must be "auto", "openai", "openai-responses", "anthropic", "gemini" or "ollama".'],
      [{ url: `${srv.url}/ai/v1/chat/completions` }, 'give body, or messages (and model) to build one.'],
      [{ url: `${srv.url}/ai/v1/chat/completions`, body: {}, updateInterval: -1 }, 'updateInterval must be a number of milliseconds >= 0.']
    ]
    for (const [options, reason] of cases) {
      const log = await recordChat(connectChatStream, options)
      expect(log.error.map((e) => e.errCode)).toEqual([1830001])
      expect(log.error[0].errMsg).toContain(reason)
    }
  })
})

describe('the request each provider gets', () => {
  test('bodies built from model and messages, key headers, Gemini alt=sse, NDJSON Accept for Ollama', async () => {
    const messages = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hello' }]
    const got = {}
    for (const [format, path] of FORMATS) {
      const key = uniqueKey('req')
      await recordChat(connectChatStream, { url: `${srv.url}/ai${path}?key=${key}&delay=0`, apiKey: 'sk-1', model: 'm1', messages })
      const [r] = await srv.requests(key)
      got[format] = { method: r.method, url: r.url, headers: r.headers, body: JSON.parse(r.body) }
    }
    expect(got.openai.method).toBe('POST')
    expect(got.openai.headers.authorization).toBe('Bearer sk-1')
    expect(got.openai.headers['content-type']).toBe('application/json')
    expect(got.openai.headers.accept).toBe('text/event-stream')
    expect(got.openai.body).toEqual({ model: 'm1', messages, stream: true, stream_options: { include_usage: true } })
    expect(got['openai-responses'].body).toEqual({ model: 'm1', input: messages, stream: true })
    expect(got.anthropic.headers['x-api-key']).toBe('sk-1')
    expect(got.anthropic.headers['anthropic-version']).toBe('2023-06-01')
    expect(got.anthropic.headers.authorization).toBeUndefined()
    expect(got.anthropic.body).toEqual({ model: 'm1', max_tokens: 1024, messages: [messages[1]], stream: true, system: 'Be brief.' })
    expect(got.gemini.headers['x-goog-api-key']).toBe('sk-1')
    expect(got.gemini.url).toMatch(/:streamGenerateContent\?key=.*&delay=0&alt=sse$/)
    expect(got.gemini.body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'hello' }] }], systemInstruction: { parts: [{ text: 'Be brief.' }] } })
    expect(got.ollama.headers.accept).toBe('application/x-ndjson')
    expect(got.ollama.body).toEqual({ model: 'm1', messages, stream: true })
    // The key header of each (readme table "key sent as"), and only that one.
    expect(got['openai-responses'].headers.authorization).toBe('Bearer sk-1')
    expect(got.ollama.headers.authorization).toBe('Bearer sk-1')
    expect(got.gemini.headers.authorization).toBeUndefined()
    expect(got.openai.headers['x-api-key']).toBeUndefined()
    for (const format of ['openai-responses', 'anthropic', 'gemini', 'ollama']) expect(got[format].headers['content-type'], format).toBe('application/json')
  })

  test('chatHeader: a key header, anthropic-version or Content-Type the caller set, in any case, wins; the defaults only when absent; no apiKey, no key header', () => {
    const lower = (h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]))
    expect(chatHeader({ url: 'u', apiKey: 'sk', header: { 'X-API-KEY': 'mine', 'Anthropic-Version': '2099-01-01', 'CONTENT-TYPE': 'text/plain' } }, 'anthropic'))
      .toEqual({ 'X-API-KEY': 'mine', 'Anthropic-Version': '2099-01-01', 'CONTENT-TYPE': 'text/plain' })
    expect(chatHeader({ url: 'u', apiKey: 'sk', header: { 'X-Goog-Api-Key': 'mine' } }, 'gemini')).toEqual({ 'X-Goog-Api-Key': 'mine', 'Content-Type': 'application/json' })
    expect(chatHeader({ url: 'u', apiKey: 'sk', header: { AUTHORIZATION: 'Bearer mine' } }, 'ollama')).toEqual({ AUTHORIZATION: 'Bearer mine', 'Content-Type': 'application/json' })
    expect(lower(chatHeader({ url: 'u', apiKey: 'sk' }, 'anthropic'))).toEqual({ 'content-type': 'application/json', 'x-api-key': 'sk', 'anthropic-version': '2023-06-01' })
    expect(lower(chatHeader({ url: 'u', apiKey: 'sk' }, 'gemini'))).toEqual({ 'content-type': 'application/json', 'x-goog-api-key': 'sk' })
    expect(lower(chatHeader({ url: 'u', apiKey: 'sk' }, 'openai-responses'))).toEqual({ 'content-type': 'application/json', authorization: 'Bearer sk' })
    for (const apiKey of [undefined, null, '']) {
      expect(lower(chatHeader({ url: 'u', apiKey }, 'openai')), String(apiKey)).toEqual({ 'content-type': 'application/json' })
      expect(lower(chatHeader({ url: 'u', apiKey }, 'anthropic')), String(apiKey)).toEqual({ 'content-type': 'application/json', 'anthropic-version': '2023-06-01' })
    }
  })

  test('chatUrl: alt=sse added to a Gemini :streamGenerateContent URL (after ? or &), never twice, and to no other URL', () => {
    const base = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent'
    expect(chatUrl(base, 'gemini')).toBe(base + '?alt=sse')
    expect(chatUrl(base + '?key=1', 'gemini')).toBe(base + '?key=1&alt=sse')
    expect(chatUrl(base + '?alt=sse', 'gemini')).toBe(base + '?alt=sse')
    expect(chatUrl(base.replace(':stream', ':'), 'gemini')).toBe(base.replace(':stream', ':'))
    expect(chatUrl(base, 'openai')).toBe(base)
  })

  test('chatBody: maxTokens (OpenAI max_tokens only when given; Anthropic default 1024), system messages joined, Gemini assistant turns as model, no empty system', () => {
    const messages = [{ role: 'system', content: 'A.' }, { role: 'user', content: 'q' }, { role: 'assistant', content: 'r' }, { role: 'system', content: 'B.' }]
    expect(chatBody({ url: 'u', model: 'm', messages, maxTokens: 50 }, 'openai')).toEqual({ model: 'm', messages, stream: true, stream_options: { include_usage: true }, max_tokens: 50 })
    expect(chatBody({ url: 'u', model: 'm', messages }, 'anthropic')).toEqual({ model: 'm', max_tokens: 1024, messages: [messages[1], messages[2]], stream: true, system: 'A.\nB.' })
    expect(chatBody({ url: 'u', model: 'm', messages, maxTokens: 7 }, 'anthropic').max_tokens).toBe(7)
    expect(chatBody({ url: 'u', model: 'm', messages }, 'gemini')).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'q' }] }, { role: 'model', parts: [{ text: 'r' }] }], systemInstruction: { parts: [{ text: 'A.\nB.' }] }
    })
    const noSystem = [messages[1]]
    expect(chatBody({ url: 'u', model: 'm', messages: noSystem }, 'anthropic')).toEqual({ model: 'm', max_tokens: 1024, messages: noSystem, stream: true })
    expect(chatBody({ url: 'u', model: 'm', messages: noSystem }, 'gemini')).toEqual({ contents: [{ role: 'user', parts: [{ text: 'q' }] }] })
    const given = { anything: [1] }
    expect(chatBody({ url: 'u', model: 'm', messages, body: given }, 'anthropic')).toBe(given)
  })

  test('a body given is sent as it is; a header given (Authorization, Content-Type in any case) wins over apiKey and the default', async () => {
    const key = uniqueKey('req')
    await recordChat(connectChatStream, { url: `${srv.url}/ai/v1/chat/completions?key=${key}&delay=0`, apiKey: 'sk-1', header: { Authorization: 'Bearer mine', 'X-Extra': '1', 'content-type': 'application/json; charset=utf-8' }, body: { model: 'x', messages: [{ role: 'user', content: 'q' }], stream: true } })
    const [r] = await srv.requests(key)
    expect(r.headers.authorization).toBe('Bearer mine')
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(r.headers['x-extra']).toBe('1')
    expect(JSON.parse(r.body)).toEqual({ model: 'x', messages: [{ role: 'user', content: 'q' }], stream: true })
  })
})

describe('the live mock in every format', () => {
  for (const [format, path] of FORMATS) {
    test(`${format}: reasoning then text, usage; a wrong key gives the provider's message; an error frame mid-stream gives 1830020`, async () => {
      const ok = await recordChat(connectChatStream, live(path, 'delay=1&reasoning=1&think=100&chunk=random&seed=3'))
      expect(ok.error).toEqual([])
      const r = ok.done[0]
      expect(r.provider).toBe(format)
      expect(r.text).toBe(mockReply('hello'))
      expect(r.reasoning.length).toBeGreaterThan(10)
      expect(r.usage).not.toBeNull()
      expect(r.usage.outputTokens).toBeGreaterThan(0)
      const wrong = await recordChat(connectChatStream, { ...live(path, ''), apiKey: 'wrong' })
      expect(wrong.error.length).toBe(1)
      expect(wrong.error[0].errCode).toBe(1830005)
      expect(wrong.error[0].data.providerMessage.length).toBeGreaterThan(3)
      expect(wrong.error[0].errMsg).toContain(wrong.error[0].data.providerMessage)
      const broken = await recordChat(connectChatStream, live(path, 'delay=1&fail=frame'))
      expect(broken.error.map((e) => e.errCode)).toEqual([1830020])
      expect(broken.done).toEqual([])
    })
  }
})
