// The decoders' own rules for frames the fixtures (server/ai-fixtures.mjs) do not show, driven frame by frame into the
// accumulator the chat stream reads: the SSE event name standing in for a missing data type, a failed Responses reply
// without an error object, token counts passed on as sent (the accumulator computes a total only when none came), and a
// finish reason that later chunks without one leave as it is.
import { describe, expect, test } from 'vitest'
import { AnthropicDecoder } from '../uni_modules/connect-event-source/utssdk/common/chat/anthropic.uts'
import { ChatAccumulator } from '../uni_modules/connect-event-source/utssdk/common/chat/accumulator.uts'
import { GeminiDecoder } from '../uni_modules/connect-event-source/utssdk/common/chat/gemini.uts'
import { OpenAIResponsesDecoder } from '../uni_modules/connect-event-source/utssdk/common/chat/openai-responses.uts'
import { OllamaDecoder } from '../uni_modules/connect-event-source/utssdk/common/chat/ollama.uts'

/** Decodes [eventName, frame] pairs with a fresh decoder; the accumulator afterwards. */
function decodeAll(decoder, frames) {
  const acc = new ChatAccumulator()
  for (const [type, frame] of frames) decoder.decode(type, frame, acc)
  return acc
}
const calls = (acc) => acc.tools.snapshot().map((c) => ({ index: c.index, id: c.id, name: c.name, arguments: c.arguments }))

describe('OpenAI Responses', () => {
  test('data without a type: the SSE event name is the type (text, a function call and its arguments, the end)', () => {
    const acc = decodeAll(new OpenAIResponsesDecoder(), [
      ['response.output_text.delta', { delta: 'Hi' }],
      ['response.output_item.added', { output_index: 0, item: { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'f', arguments: '' } }],
      ['response.function_call_arguments.delta', { item_id: 'fc_1', output_index: 0, delta: '{}' }],
      ['response.completed', { response: { status: 'completed' } }]
    ])
    expect(acc.text.all()).toBe('Hi')
    expect(calls(acc)).toEqual([{ index: 0, id: 'call_1', name: 'f', arguments: '{}' }])
    expect([acc.finishReason, acc.ended]).toEqual(['completed', true])
  })

  test('a type in the data wins over the event name', () => {
    const acc = decodeAll(new OpenAIResponsesDecoder(), [['message', { type: 'response.output_text.delta', delta: 'A' }], ['response.completed', { type: 'response.output_text.delta', delta: 'B' }]])
    expect([acc.text.all(), acc.ended]).toEqual(['AB', false])
  })

  test('a failed response without an error object (Response "error: ResponseError | null"): no finish detail; with one, "message (code)"', () => {
    const bare = decodeAll(new OpenAIResponsesDecoder(), [['response.failed', { type: 'response.failed', response: { status: 'failed', error: null } }]])
    expect([bare.finishReason, bare.finishMessage, bare.ended]).toEqual(['failed', '', true])
    const full = decodeAll(new OpenAIResponsesDecoder(), [['response.failed', { type: 'response.failed', response: { status: 'failed', error: { code: 'server_error', message: 'Boom.' } } }]])
    expect(full.finishMessage).toBe('Boom. (server_error)')
  })

  test('total_tokens as sent, not recomputed from input and output', () => {
    const acc = decodeAll(new OpenAIResponsesDecoder(), [['response.completed', { type: 'response.completed', response: { status: 'completed', usage: { input_tokens: 3, output_tokens: 4, total_tokens: 10 } } }]])
    expect(acc.usage()).toMatchObject({ inputTokens: 3, outputTokens: 4, totalTokens: 10 })
  })
})

describe('Gemini', () => {
  test('a chunk without finishReason after the one that had it does not clear the finish reason or its message', () => {
    const acc = decodeAll(new GeminiDecoder(), [
      ['message', { candidates: [{ content: { role: 'model', parts: [{ text: 'Hi' }] }, finishReason: 'MAX_TOKENS', finishMessage: 'Cut.', index: 0 }] }],
      ['message', { candidates: [{ content: { role: 'model', parts: [{ text: '' }] }, index: 0 }], usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 2, totalTokenCount: 3 } }]
    ])
    expect([acc.text.all(), acc.finishReason, acc.finishMessage]).toEqual(['Hi', 'MAX_TOKENS', 'Cut.'])
  })
})

describe('Anthropic', () => {
  const start = { message: { id: 'msg_1', type: 'message', role: 'assistant', content: [], usage: { input_tokens: 25, output_tokens: 1 } } }
  test('data without a type: the SSE event name is the type (usage, a text block, the end)', () => {
    const acc = decodeAll(new AnthropicDecoder(), [
      ['message_start', start],
      ['content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'Hi' } }],
      ['message_delta', { delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 7 } }],
      ['message_stop', {}]
    ])
    expect([acc.text.all(), acc.finishReason, acc.ended]).toEqual(['Hi', 'end_turn', true])
    expect(acc.usage()).toMatchObject({ inputTokens: 25, outputTokens: 7 })
  })

  test('a type in the data wins over the event name', () => {
    const acc = decodeAll(new AnthropicDecoder(), [['message', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'A' } }], ['message_stop', { type: 'ping' }]])
    expect([acc.text.all(), acc.ended]).toEqual(['A', false])
  })

  test('a later message_delta with "stop_reason": null (MessageDelta "stop_reason: StopReason | null") keeps the reason given before', () => {
    const acc = decodeAll(new AnthropicDecoder(), [
      ['message_delta', { type: 'message_delta', delta: { stop_reason: 'max_tokens', stop_sequence: null }, usage: { output_tokens: 5 } }],
      ['message_delta', { type: 'message_delta', delta: { stop_reason: null, stop_sequence: null }, usage: { output_tokens: 6 } }]
    ])
    expect([acc.finishReason, acc.usage().outputTokens]).toEqual(['max_tokens', 6])
  })

  test('the counts of message_start stand until a message_delta replaces them (a reply cut before it still has both)', () => {
    const acc = decodeAll(new AnthropicDecoder(), [['message_start', { type: 'message_start', ...start }]])
    expect(acc.usage()).toMatchObject({ inputTokens: 25, outputTokens: 1, totalTokens: 26 })
  })
})

describe('Ollama', () => {
  test('a tool call with an id keeps it; one without gets an empty id (the documented /api/chat tool_calls have none)', () => {
    const acc = decodeAll(new OllamaDecoder(), [
      ['message', { message: { role: 'assistant', content: '', tool_calls: [{ id: 'call_x1', function: { name: 'f', arguments: { a: 1 } } }, { function: { name: 'g', arguments: {} } }] }, done: false }]
    ])
    expect(calls(acc)).toEqual([{ index: 0, id: 'call_x1', name: 'f', arguments: '{"a":1}' }, { index: 1, id: '', name: 'g', arguments: '{}' }])
  })
})

describe('the accumulator', () => {
  test('no finish reason sent: the finish reason is empty, not made up', () => {
    const acc = new ChatAccumulator()
    acc.addText('Hi')
    acc.end()
    expect([acc.finishReason, acc.finishMessage]).toEqual(['', ''])
  })

  test('a count not sent (-1) keeps the one an earlier frame sent; the total is input + output only when no total came', () => {
    const acc = new ChatAccumulator()
    acc.setUsage(3, 4, 10, 2)
    acc.setUsage(-1, 5, -1, -1)
    expect(acc.usage()).toMatchObject({ inputTokens: 3, outputTokens: 5, totalTokens: 10, reasoningTokens: 2 })
    const none = new ChatAccumulator()
    none.setUsage(3, 4, -1, -1)
    expect(none.usage()).toMatchObject({ totalTokens: 7, reasoningTokens: 0 })
  })

  test('the first provider error is the one reported; an empty message gets a default', () => {
    const acc = new ChatAccumulator()
    acc.providerError('', 'overloaded')
    acc.providerError('Second.', 'other')
    expect([acc.error.message, acc.error.code]).toEqual(['The provider reported an error.', 'overloaded'])
  })
})
