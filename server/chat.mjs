// POST /v1/chat/completions: an OpenAI-compatible mock whose reply is a pure
// function of the prompt, so tests can predict every streamed token. Any bearer key works
// except "wrong" (refused with OpenAI's 401 body, as every /ai path of server/ai.mjs does).
import { wrongKeyError } from './ai-errors.mjs'
import { markdownPacing, markdownReply, wantsMarkdown } from './markdown-reply.mjs'
import { intParam, sendJson } from './http.mjs'
import { closeSignal, openStream, pause, rethrowUnlessClosed, writeFlushed } from './stream.mjs'

const COMPLETION_ID = 'chatcmpl-mock-1'
const DEFAULT_MODEL = 'mock-model'
const DEFAULT_DELAY_MS = 40

// Multi-byte text (CJK, emoji, accented Latin) makes clients' UTF-8 decoding
// across chunk boundaries part of every chat test.
export function mockReply(prompt) {
  // A prompt that names Markdown gets a Markdown answer (server/markdown-reply.mjs).
  if (wantsMarkdown(prompt)) return markdownReply(prompt)
  return (
    `You said: "${prompt}". ` +
    'This is a mock reply from the local test server, streamed one word at a time. ' +
    'Some multi-byte text: 你好，世界 👋 café. Done.'
  )
}

// Each token carries its trailing whitespace, so tokens.join('') === mockReply(prompt).
export function mockTokens(prompt) {
  return mockReply(prompt).match(/\S+\s*/g)
}

function apiError(res, status, message, code) {
  sendJson(res, status, { error: { message, type: 'invalid_request_error', code } })
}

function lastUserText(messages) {
  const last = messages.findLast((m) => m && m.role === 'user')
  if (!last) return ''
  if (typeof last.content === 'string') return last.content
  // Content may also be an array of parts, as in the vision-style API.
  if (Array.isArray(last.content)) {
    return last.content.map((part) => (part && typeof part.text === 'string' ? part.text : '')).join('')
  }
  return ''
}

export async function handleChat(req, res, { params, body }) {
  if (req.method !== 'POST') {
    return apiError(res, 405, 'Use POST for /v1/chat/completions.', 'method_not_allowed')
  }
  const key = /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? '')?.[1]
  if (!key) {
    return apiError(res, 401, 'Missing or invalid API key. Pass Authorization: Bearer <key>.', 'invalid_api_key')
  }
  // The key "wrong" is refused as on every /ai path (server/ai.mjs), with OpenAI's own 401 body.
  if (key === 'wrong') {
    return wrongKeyError(res, 'openai')
  }
  let payload
  try {
    payload = JSON.parse(body.toString('utf8'))
  } catch {
    return apiError(res, 400, 'Request body is not valid JSON.', 'invalid_json')
  }
  if (!payload || typeof payload !== 'object' || !Array.isArray(payload.messages)) {
    return apiError(res, 400, 'Request body must be an object with a "messages" array.', 'invalid_messages')
  }

  const model = typeof payload.model === 'string' && payload.model ? payload.model : DEFAULT_MODEL
  const prompt = lastUserText(payload.messages)
  const created = Math.floor(Date.now() / 1000)

  if (payload.stream !== true) {
    const content = mockReply(prompt)
    const completionTokens = mockTokens(prompt).length
    const promptTokens = prompt.split(/\s+/).filter(Boolean).length
    return sendJson(res, 200, {
      id: COMPLETION_ID,
      object: 'chat.completion',
      created,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    })
  }

  const delay = intParam(req.headers['x-mock-delay'] ?? params.get('delay'), DEFAULT_DELAY_MS)
  const chunk = (delta, finishReason) =>
    `data: ${JSON.stringify({
      id: COMPLETION_ID,
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finishReason }],
    })}\n\n`

  openStream(req, res, 200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    'X-Accel-Buffering': 'no',
  })
  const signal = closeSignal(res)
  try {
    const tokens = mockTokens(prompt)
    const pacing = wantsMarkdown(prompt) ? markdownPacing(tokens) : { delay, pauseAfter: -1, pauseMs: 0 }
    for (let i = 0; i < tokens.length; i++) {
      if (i > 0) await pause(i === pacing.pauseAfter + 1 ? pacing.pauseMs : pacing.delay, signal)
      const delta = i === 0 ? { role: 'assistant', content: tokens[i] } : { content: tokens[i] }
      await writeFlushed(res, chunk(delta, null), signal)
    }
    await writeFlushed(res, chunk({}, 'stop'), signal)
    // stream_options.include_usage: OpenAI's last chunk before [DONE] has choices: [] and the usage.
    if (payload.stream_options && payload.stream_options.include_usage === true) {
      const completionTokens = tokens.length
      const promptTokens = prompt.split(/\s+/).filter(Boolean).length
      const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens }
      await writeFlushed(res, `data: ${JSON.stringify({ id: COMPLETION_ID, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`, signal)
    }
    await writeFlushed(res, 'data: [DONE]\n\n', signal)
  } catch (err) {
    return rethrowUnlessClosed(err, signal)
  }
  res.end()
}
