// The finish reason of connectChatStream in one vocabulary (utssdk/common/chat/finish-reason.uts): every value the
// providers document maps to stop, length, tool_calls, content_filter or error, and anything else is kept as sent.
// Each provider's endings also run end to end through every harness in the shared chat cases (server/ai-fixtures.mjs:
// responses/incomplete, responses/failed, azure/content-filter, gemini/safety, ollama/length, anthropic/tool-no-args,
// openai/tool-cut-off...).
import { expect, test } from 'vitest'
import { normalizeFinishReason } from '../uni_modules/connect-event-source/utssdk/common/chat/finish-reason.uts'

const DOCUMENTED = {
  // OpenAI Chat Completions finish_reason (and Azure OpenAI's content_filter).
  stop: 'stop', length: 'length', tool_calls: 'tool_calls', content_filter: 'content_filter', function_call: 'tool_calls',
  // OpenAI Responses: status, or incomplete_details.reason.
  completed: 'stop', max_output_tokens: 'length', failed: 'error',
  // Anthropic stop_reason.
  end_turn: 'stop', stop_sequence: 'stop', max_tokens: 'length', model_context_window_exceeded: 'length', tool_use: 'tool_calls', refusal: 'content_filter', pause_turn: 'pause_turn',
  // Gemini finishReason and promptFeedback.blockReason.
  STOP: 'stop', MAX_TOKENS: 'length', SAFETY: 'content_filter', RECITATION: 'content_filter', BLOCKLIST: 'content_filter', PROHIBITED_CONTENT: 'content_filter', SPII: 'content_filter', IMAGE_SAFETY: 'content_filter', MALFORMED_FUNCTION_CALL: 'error', OTHER: 'OTHER', LANGUAGE: 'LANGUAGE',
  // Ollama done_reason.
  load: 'load', unload: 'unload',
  // None came.
  '': ''
}

test('every documented value, without tool calls', () => {
  const got = Object.fromEntries(Object.keys(DOCUMENTED).map((raw) => [raw, normalizeFinishReason(raw, false)]))
  expect(got).toEqual(DOCUMENTED)
})

test('a natural stop with tool calls in the reply is tool_calls (Gemini STOP, Ollama stop, Responses completed); other endings stay', () => {
  for (const raw of ['stop', 'STOP', 'completed']) expect(normalizeFinishReason(raw, true)).toBe('tool_calls')
  // Anthropic says tool_use when it waits for tool results; end_turn after its own server tools is a finished answer.
  expect(normalizeFinishReason('end_turn', true)).toBe('stop')
  for (const raw of ['length', 'MAX_TOKENS', 'content_filter', 'failed', '']) expect(normalizeFinishReason(raw, true)).toBe(DOCUMENTED[raw])
})
