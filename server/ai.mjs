// /ai/...: a mock of every AI wire format connectChatStream decodes, selected by path (the provider's own paths under
// /ai: /ai/v1/chat/completions, /ai/v1/responses, /ai/v1/messages, /ai/v1beta/models/<m>:streamGenerateContent,
// /ai/api/chat) or by ?format=openai|openai-responses|anthropic|gemini|ollama.
//
// Two modes:
// - ?case=<name> replays a recorded-from-the-docs fixture (server/ai-fixtures.mjs): reasoning, tool calls, usage,
//   error frames, HTTP error bodies. ?chunk=1 writes it one byte per write; ?chunk=random&seed=N in random pieces of
//   1-64 bytes; ?pause=ms waits that long after the fixture's pauseAfter-th frame (a model "thinking" silently).
// - otherwise a live mock reply to the request body's last user message (server/chat.mjs mockReply), in the
//   format of the path: ?reasoning=1 (or a model name containing "reason" or "think") streams reasoning first,
//   ?think=ms pauses before the answer, ?delay=ms between tokens (default 40), ?usage=0 leaves usage out.
//   An API key of "wrong" (Authorization: Bearer wrong, x-api-key: wrong, x-goog-api-key: wrong), or none, gets the
//   provider's 401/400 error body; ?fail=frame sends the provider's error frame after a few tokens.
import { AI_CASES } from './ai-fixtures.mjs'
import { mockReply, mockTokens } from './chat.mjs'
import { wrongKeyError } from './ai-errors.mjs'
import { intParam, sendJson } from './http.mjs'
import { closeSignal, openStream, pause, rethrowUnlessClosed, writeFlushed } from './stream.mjs'
import { rng } from '../bench/lib/random.mjs'

/**
 * Whether this mock answers the request: anything under /ai/, and the providers' own paths, so a client pointed at
 * this server as if it were the provider works: /v1/messages, /v1/responses, /api/chat, /api/generate,
 * /v1beta/models/<m>:streamGenerateContent, and /v1/chat/completions when the model's name asks for reasoning
 * ("reason" or "think": plain models stay with server/chat.mjs).
 */
export function servesAiPath(pathname, body) {
  if (pathname === '/ai' || pathname.startsWith('/ai/')) return true
  if (['/v1/messages', '/v1/responses', '/api/chat', '/api/generate'].includes(pathname)) return true
  if (pathname.startsWith('/v1beta/models/') && /:streamgeneratecontent$/i.test(pathname)) return true
  if (pathname === '/v1/chat/completions') {
    try {
      return /reason|think/i.test(String(JSON.parse(body.toString('utf8') || 'null')?.model ?? ''))
    } catch {
      return false
    }
  }
  return false
}

export function formatOfPath(pathname) {
  const p = pathname.toLowerCase()
  if (p.includes(':streamgeneratecontent')) return 'gemini'
  if (p.endsWith('/api/chat') || p.endsWith('/api/generate')) return 'ollama'
  if (p.endsWith('/messages')) return 'anthropic'
  if (p.endsWith('/responses')) return 'openai-responses'
  return 'openai'
}

const CONTENT_TYPES = { ollama: 'application/x-ndjson', gemini: 'text/event-stream' }

async function writePieces(res, text, params, signal) {
  const bytes = Buffer.from(text, 'utf8')
  const mode = params.get('chunk')
  if (mode === '1') {
    for (let i = 0; i < bytes.length; i++) await writeFlushed(res, bytes.subarray(i, i + 1), signal)
  } else if (mode === 'random') {
    const next = rng(intParam(params.get('seed'), 1)).next
    for (let i = 0; i < bytes.length;) {
      const n = 1 + Math.floor(next() * (next() < 0.5 ? 3 : 64))
      await writeFlushed(res, bytes.subarray(i, i + n), signal)
      i += n
    }
  } else {
    await writeFlushed(res, bytes, signal)
  }
}

async function replayCase(req, res, c, params) {
  const signal = closeSignal(res)
  if (c.status && c.status !== 200) {
    res.writeHead(c.status, { 'Content-Type': c.contentType })
    return res.end(c.frames.join(''))
  }
  openStream(req, res, 200, { 'Content-Type': c.contentType, 'Cache-Control': 'no-cache' })
  const pauseMs = intParam(params.get('pause'), 0)
  try {
    for (let i = 0; i < c.frames.length; i++) {
      await writePieces(res, c.frames[i], params, signal)
      if (pauseMs > 0 && c.pauseAfter === i + 1) await pause(pauseMs, signal)
    }
    res.end()
  } catch (err) {
    return rethrowUnlessClosed(err, signal)
  }
}

function keyOf(req) {
  const auth = req.headers.authorization ?? ''
  const bearer = /^Bearer\s+(\S+)/i.exec(auth)
  return bearer ? bearer[1] : (req.headers['x-api-key'] ?? req.headers['x-goog-api-key'] ?? '')
}

function promptOf(payload) {
  const list = Array.isArray(payload?.messages) ? payload.messages : Array.isArray(payload?.input) ? payload.input : null
  if (list) {
    const last = list.findLast((m) => m && m.role === 'user')
    if (last && typeof last.content === 'string') return last.content
  }
  const contents = Array.isArray(payload?.contents) ? payload.contents : []
  const lastUser = contents.findLast((c) => c && c.role !== 'model')
  return lastUser?.parts?.map((p) => p.text ?? '').join('') ?? ''
}

/** The frames of one live reply in a format: reasoning pieces, text pieces, then the end with usage. */
function liveFrames(format, reasoning, tokens, usage, failFrame) {
  const n = tokens.length
  const r = reasoning.length
  const inTok = 8
  const out = []
  const sse = (obj, event) => (event ? `event: ${event}\n` : '') + `data: ${typeof obj === 'string' ? obj : JSON.stringify(obj)}\n\n`
  const fail = failFrame ? 3 : -1
  if (format === 'openai') {
    const chunk = (delta, finish = null) => sse({ id: 'chatcmpl-mock', object: 'chat.completion.chunk', created: 1764576000, model: 'mock-model', choices: [{ index: 0, delta, finish_reason: finish }] })
    reasoning.forEach((t, i) => out.push({ frame: chunk(i === 0 ? { role: 'assistant', content: null, reasoning_content: t } : { reasoning_content: t }), kind: 'reasoning' }))
    tokens.forEach((t, i) => out.push({ frame: i === fail ? sse({ error: { message: 'The mock failed mid-stream.', type: 'server_error', code: null } }) : chunk({ content: t }), kind: 'text' }))
    out.push({ frame: chunk({}, 'stop') })
    if (usage) out.push({ frame: sse({ id: 'chatcmpl-mock', object: 'chat.completion.chunk', created: 1764576000, model: 'mock-model', choices: [], usage: { prompt_tokens: inTok, completion_tokens: n + r, total_tokens: inTok + n + r, completion_tokens_details: { reasoning_tokens: r } } }) })
    out.push({ frame: sse('[DONE]') })
  } else if (format === 'openai-responses') {
    let seq = 0
    const ev = (type, f) => sse({ type, sequence_number: seq++, ...f }, type)
    out.push({ frame: ev('response.created', { response: { id: 'resp_mock', object: 'response', status: 'in_progress', output: [] } }) })
    reasoning.forEach((t) => out.push({ frame: ev('response.reasoning_summary_text.delta', { item_id: 'rs_mock', output_index: 0, summary_index: 0, delta: t }), kind: 'reasoning' }))
    tokens.forEach((t, i) => out.push({ frame: i === fail ? ev('error', { code: 'server_error', message: 'The mock failed mid-stream.', param: null }) : ev('response.output_text.delta', { item_id: 'msg_mock', output_index: 1, content_index: 0, delta: t }), kind: 'text' }))
    out.push({ frame: ev('response.completed', { response: { id: 'resp_mock', object: 'response', status: 'completed', output: [], ...(usage ? { usage: { input_tokens: inTok, output_tokens: n + r, total_tokens: inTok + n + r, output_tokens_details: { reasoning_tokens: r } } } : {}) } }) })
  } else if (format === 'anthropic') {
    const ev = (type, f) => sse({ type, ...f }, type)
    out.push({ frame: ev('message_start', { message: { id: 'msg_mock', type: 'message', role: 'assistant', content: [], model: 'mock-model', stop_reason: null, stop_sequence: null, usage: { input_tokens: inTok, output_tokens: 1 } } }) })
    let block = 0
    if (r > 0) {
      out.push({ frame: ev('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '' } }) })
      reasoning.forEach((t) => out.push({ frame: ev('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: t } }), kind: 'reasoning' }))
      out.push({ frame: ev('content_block_stop', { index: 0 }) })
      block = 1
    }
    out.push({ frame: ev('content_block_start', { index: block, content_block: { type: 'text', text: '' } }) })
    tokens.forEach((t, i) => out.push({ frame: i === fail ? ev('error', { error: { type: 'overloaded_error', message: 'Overloaded' } }) : ev('content_block_delta', { index: block, delta: { type: 'text_delta', text: t } }), kind: 'text' }))
    out.push({ frame: ev('content_block_stop', { index: block }) })
    out.push({ frame: ev('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: usage ? n + r : 0 } }) })
    out.push({ frame: ev('message_stop', {}) })
  } else if (format === 'gemini') {
    const chunk = (parts, last) => `data: ${JSON.stringify({ candidates: [{ content: { role: 'model', parts }, ...(last ? { finishReason: 'STOP' } : {}), index: 0 }], ...(last && usage ? { usageMetadata: { promptTokenCount: inTok, candidatesTokenCount: n, totalTokenCount: inTok + n + r, thoughtsTokenCount: r } } : {}), modelVersion: 'mock-model' })}\r\n\r\n`
    reasoning.forEach((t) => out.push({ frame: chunk([{ text: t, thought: true }], false), kind: 'reasoning' }))
    tokens.forEach((t, i) => out.push({ frame: i === fail ? `data: ${JSON.stringify({ error: { code: 500, message: 'The mock failed mid-stream.', status: 'INTERNAL' } })}\r\n\r\n` : chunk([{ text: t }], i === n - 1), kind: 'text' }))
  } else {
    const line = (message, done = false, extra = {}) => JSON.stringify({ model: 'mock-model', created_at: '2025-10-26T17:15:24.097767Z', message: { role: 'assistant', ...message }, done, ...extra }) + '\n'
    reasoning.forEach((t) => out.push({ frame: line({ content: '', thinking: t }), kind: 'reasoning' }))
    tokens.forEach((t, i) => out.push({ frame: i === fail ? JSON.stringify({ error: 'The mock failed mid-stream.' }) + '\n' : line({ content: t }), kind: 'text' }))
    out.push({ frame: line({ content: '' }, true, { done_reason: 'stop', ...(usage ? { prompt_eval_count: inTok, eval_count: n + r } : {}) }) })
  }
  // Nothing after an error frame: the provider stops there.
  const cut = out.findIndex((f) => f.frame.includes('The mock failed mid-stream') || f.frame.includes('"overloaded_error"'))
  return cut === -1 ? out : out.slice(0, cut + 1)
}

export async function handleAi(req, res, { params, body, pathname }) {
  const name = params.get('case')
  if (name) {
    const c = AI_CASES.find((x) => x.name === name)
    if (!c) return sendJson(res, 404, { error: { message: `No AI case ${name}` } })
    return replayCase(req, res, c, params)
  }
  const format = params.get('format') ?? formatOfPath(pathname)
  // A wrong key, or none at all (as server/chat.mjs): the provider's own error body.
  if (keyOf(req) === 'wrong' || keyOf(req) === '') return wrongKeyError(res, format)
  let payload = null
  try {
    payload = JSON.parse(body.toString('utf8') || 'null')
  } catch {
    return sendJson(res, 400, { error: { message: 'Request body is not valid JSON.', type: 'invalid_request_error' } })
  }
  const prompt = promptOf(payload)
  // Gemini names the model in the path (models/<model>:streamGenerateContent), the others in the body.
  const model = String(payload?.model ?? /\/models\/([^/:]+):/.exec(pathname)?.[1] ?? '')
  const wantsReasoning = params.get('reasoning') === '1' || /reason|think/i.test(model)
  const reasoning = wantsReasoning ? `The user wrote "${prompt}". I will answer with the mock reply, 先想一想。`.match(/\S+\s*/g) : []
  const frames = liveFrames(format, reasoning, mockTokens(prompt), params.get('usage') !== '0', params.get('fail') === 'frame')
  const delay = intParam(params.get('delay'), 40)
  const think = intParam(params.get('think'), 0)
  openStream(req, res, 200, { 'Content-Type': CONTENT_TYPES[format] ?? 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' })
  const signal = closeSignal(res)
  try {
    let thought = false
    for (let i = 0; i < frames.length; i++) {
      if (!thought && frames[i].kind === 'text') {
        thought = true
        await pause(think, signal)
      }
      if (i > 0 && frames[i].kind) await pause(delay, signal)
      await writePieces(res, frames[i].frame, params, signal)
    }
    res.end()
  } catch (err) {
    return rethrowUnlessClosed(err, signal)
  }
}

export { mockReply }
