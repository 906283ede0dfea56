// The small readers every chat decoder shares, driven directly: which text is parsed as a frame (utssdk/common/chat/
// json.uts parseObject), how fields are read (flag, jsonText), the provider error inside a frame in each documented
// shape (provider-error.uts), and the provider a first frame is recognised as (providers.uts frameProvider) for frames
// the fixtures (server/ai-fixtures.mjs) do not show.
import { afterEach, describe, expect, test } from 'vitest'
import { flag, jsonText, parseObject, useHostJsonParse } from '../uni_modules/connect-event-source/utssdk/common/chat/json.uts'
import { providerErrorOf } from '../uni_modules/connect-event-source/utssdk/common/chat/provider-error.uts'
import { frameProvider } from '../uni_modules/connect-event-source/utssdk/common/chat/providers.uts'

const plain = (e) => (e == null ? null : { message: e.message, code: e.code })

describe('parseObject', () => {
  // The parser the .uts uses by default in these tests (vitest.config.mjs: JSON.parse runs as UTS.JSON.parse).
  afterEach(() => useHostJsonParse((text) => globalThis.UTS.JSON.parse(text)))

  test('an object after leading spaces and tabs is parsed', () => {
    expect(parseObject(' \t {"a":1}')).toEqual({ a: 1 })
    expect(parseObject('\t{"b":"x"}')).toEqual({ b: 'x' })
  })

  test('text whose first character after spaces and tabs is not "{" never reaches the JSON parser: null', () => {
    const seen = []
    useHostJsonParse((text) => { seen.push(text); return JSON.parse(text) })
    for (const text of ['[DONE]', ' [1]', 'null', '"text"', ': comment', '', '  ']) expect(parseObject(text)).toBeNull()
    expect(seen).toEqual([])
    expect(parseObject('{"a":1}')).toEqual({ a: 1 })
    expect(seen).toEqual(['{"a":1}'])
  })
})

describe('flag', () => {
  test('true only for the boolean true: a null object, a missing key, null, false, "true" and 1 give false', () => {
    expect(flag({ k: true }, 'k')).toBe(true)
    expect(flag(null, 'k')).toBe(false)
    for (const frame of [{}, { k: null }, { k: false }, { k: 'true' }, { k: 1 }]) expect(flag(frame, 'k')).toBe(false)
  })
})

describe('jsonText', () => {
  test('a string as it is (not quoted again), an object or array serialized, "" for a null object, a missing key or null', () => {
    expect(jsonText({ k: '{"city":"Kyiv"}' }, 'k')).toBe('{"city":"Kyiv"}')
    expect(jsonText({ k: 'abc' }, 'k')).toBe('abc')
    expect(jsonText({ k: { city: 'Kyiv' } }, 'k')).toBe('{"city":"Kyiv"}')
    expect(jsonText({ k: [1, 2] }, 'k')).toBe('[1,2]')
    expect(jsonText(null, 'k')).toBe('')
    expect(jsonText({}, 'k')).toBe('')
    expect(jsonText({ k: null }, 'k')).toBe('')
  })
})

describe('providerErrorOf', () => {
  test('an error object with no code, type or status: code "" (a numeric code becomes its digits)', () => {
    expect(plain(providerErrorOf({ error: { message: 'Boom.' } }))).toEqual({ message: 'Boom.', code: '' })
    expect(plain(providerErrorOf({ error: { message: 'Bad key.', code: 400 } }))).toEqual({ message: 'Bad key.', code: '400' })
  })

  test('OpenAI Responses flat error event {"type": "error", "code", "message"}: its message and code', () => {
    expect(plain(providerErrorOf({ type: 'error', code: 'rate_limit_exceeded', message: 'Slow down.', param: null, sequence_number: 2 })))
      .toEqual({ message: 'Slow down.', code: 'rate_limit_exceeded' })
  })

  test('a frame without an error, or with "error": "", is not an error: null', () => {
    expect(providerErrorOf({})).toBeNull()
    expect(providerErrorOf({ choices: [] })).toBeNull()
    expect(providerErrorOf({ error: '' })).toBeNull()
    expect(plain(providerErrorOf({ error: 'model "x" not found' }))).toEqual({ message: 'model "x" not found', code: '' })
  })
})

describe('frameProvider', () => {
  test('a Gemini frame with only usageMetadata, or only promptFeedback (a blocked prompt), is Gemini', () => {
    expect(frameProvider('message', { usageMetadata: { promptTokenCount: 3, totalTokenCount: 3 } })).toBe('gemini')
    expect(frameProvider('message', { promptFeedback: { blockReason: 'SAFETY' } })).toBe('gemini')
  })

  test('a chunk with "object": "chat.completion.chunk" and no choices key is OpenAI Chat Completions', () => {
    expect(frameProvider('message', { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm' })).toBe('openai')
    expect(frameProvider('message', { id: 'x', object: 'other' })).toBe('')
  })
})
