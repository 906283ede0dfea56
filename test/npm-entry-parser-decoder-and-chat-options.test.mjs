// The npm entry's own wrappers (src/index.ts) as a user calls them: createParser passes every callback and limit on
// to the engine's parser, createUtf8Decoder streams, and connectChatStream takes anything as options (bad ones fail
// with 1830001 through onError, never a throw) and stops the reply when its AbortSignal aborts.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { connectChatStream, createParser, createUtf8Decoder } from '../src/index.ts'
import { sleep } from './support/engine.mjs'
import { startServer } from './support/server.mjs'

let srv
beforeAll(async () => { srv = await startServer() })
afterAll(async () => { await srv?.close() })

describe('createParser', () => {
  test('events, comments, retry and the last event ID reach their callbacks; reset() keeps the ID', () => {
    const seen = []
    const p = createParser({ onEvent: (e) => seen.push(['event', e.type, e.data, e.id]), onComment: (t) => seen.push(['comment', t]), onRetry: (ms) => seen.push(['retry', ms]) })
    p.feed(': hi\nretry: 250\nid: 4\nevent: note\ndata: a\n\n')
    p.reset()
    p.feed('data: b\n\n')
    expect(seen).toEqual([['comment', ' hi'], ['retry', 250], ['event', 'note', 'a', '4'], ['event', 'message', 'b', '4']])
    expect(p.lastEventId).toBe('4')
  })

  test('maxEventSize and maxLineLength are applied: onError once with the reason, nothing dispatched after', () => {
    const errors = []
    const events = []
    const p = createParser({ onEvent: (e) => events.push(e.data), onError: (m) => errors.push(m), maxEventSize: 5 })
    p.feed('data: 123\ndata: 45\n\ndata: x\n\n')
    expect(events).toEqual([])
    expect(errors).toEqual([expect.stringContaining('exceeds the limit of 5')])
    const q = createParser({ onEvent: (e) => events.push(e.data), onError: (m) => errors.push(m), maxLineLength: 4 })
    q.feed('data: x\n\n')
    expect(errors.slice(1)).toEqual([expect.stringContaining('exceeds the limit of 4')])
  })
})

test('createUtf8Decoder: a character split across calls comes out whole with stream: true, U+FFFD at the end without it', () => {
  const d = createUtf8Decoder()
  const bytes = new TextEncoder().encode('日本')
  expect(d.decode(bytes.subarray(0, 2), { stream: true }) + d.decode(bytes.subarray(2), { stream: true })).toBe('日本')
  expect(d.decode(bytes.subarray(0, 1))).toBe('\uFFFD')
})

describe('connectChatStream', () => {
  test('no options, or a string, fail once with 1830001 through onError (no throw)', async () => {
    for (const options of [undefined, null, 'https://example.com/v1/chat/completions']) {
      const errors = []
      let stream
      expect(() => { stream = connectChatStream(options) }).not.toThrow()
      stream.onError((e) => errors.push([e.errCode, e.errMsg]))
      await sleep(50)
      expect(errors, String(options)).toEqual([[1830001, expect.stringContaining('connectChatStream needs an options object')]])
      expect(stream.text).toBe('')
    }
  })

  test('aborting its signal mid-reply stops it: no callback afterwards, the request aborted', async () => {
    const controller = new AbortController()
    const seen = []
    const stream = connectChatStream({ url: `${srv.url}/v1/chat/completions?delay=30`, apiKey: 'k', model: 'm', messages: [{ role: 'user', content: 'a long enough reply to abort' }], updateInterval: 0, signal: controller.signal })
    for (const m of ['onText', 'onDone', 'onError']) stream[m](() => seen.push(m))
    await new Promise((resolve) => stream.onText(resolve))
    controller.abort()
    const at = seen.length
    await sleep(400)
    expect(seen.length).toBe(at)
    expect(seen).not.toContain('onDone')
  })
})
