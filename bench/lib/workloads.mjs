// Pinned bench inputs: SSE streams as byte chunks, built from a seeded generator.
import { rng } from './random.mjs'

const WORDS = ('the of and to in is you that it he was for on are as with his they at be this have from or one had by word ' +
  'but not what all were we when your can said there use an each which she do how their if will up other about out many ' +
  'then them these so some her would make like him into time has look two more write go see number no way could people').split(' ')
// Some non-ASCII tokens, as chat models emit for other languages and emoji.
const WIDE = ['你好', '世界', '模型', '流式', '输出', 'こんにちは', 'données', 'Größe', '😀', '🚀', '👍🏽', 'naïve']

/** One token of model output: mostly ASCII words, about 1 in 30 non-ASCII. */
export function token(r) {
  return r.next() < 0.033 ? r.pick(WIDE) : (r.next() < 0.9 ? ' ' : '') + r.pick(WORDS)
}

/** One OpenAI chat.completion.chunk event (about 270 bytes), as OpenAI's /v1/chat/completions streams them. */
export function aiChatEvent(r, i, created = 1732000000) {
  const chunk = {
    id: 'chatcmpl-AbCdEfGhIjKlMnOpQrStUvWxYz012',
    object: 'chat.completion.chunk',
    created: created + (i >> 12),
    model: 'gpt-4o-mini-2024-07-18',
    system_fingerprint: 'fp_0ba0d124f1',
    choices: [{ index: 0, delta: { content: token(r) }, logprobs: null, finish_reason: null }]
  }
  return 'data: ' + JSON.stringify(chunk) + '\n\n'
}

/** A CRLF event with an event name, an id, an occasional comment and 2-6 data lines. */
export function crlfEvent(r, i) {
  let s = ''
  if (i % 7 == 0) s += ': keep-alive ' + i + '\r\n'
  s += 'event: ' + r.pick(['update', 'delta', 'status']) + '\r\nid: ' + i + '\r\n'
  const lines = r.int(2, 6)
  for (let k = 0; k < lines; k++) {
    let text = ''
    const words = r.int(3, 20)
    for (let w = 0; w < words; w++) text += token(r)
    s += 'data: ' + (k == 0 ? '{"seq":' + i + ',"text":' + JSON.stringify(text) + '}' : text.trim() || 'x') + '\r\n'
  }
  return s + '\r\n'
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** An event with one data line of `size` base64 characters (a big tool result, an image). */
export function bigLineEvent(r, size) {
  const parts = []
  for (let k = 0; k < size; k += 64) {
    let p = ''
    for (let j = 0; j < 64 && k + j < size; j++) p += B64[(r.next() * 64) | 0]
    parts.push(p)
  }
  return 'data: ' + parts.join('') + '\n\n'
}

/** Cuts bytes into views of random length in [min, max]. */
export function chunkBytes(bytes, r, min, max) {
  const chunks = []
  for (let at = 0; at < bytes.length; ) {
    const end = Math.min(bytes.length, at + r.int(min, max))
    chunks.push(bytes.subarray(at, end))
    at = end
  }
  return chunks
}

const encoder = new TextEncoder()

function build(name, title, text, r, min, max, events) {
  const bytes = encoder.encode(text)
  return { name, title, bytes: bytes.length, events, chunks: chunkBytes(bytes, r, min, max) }
}

export const PARSE_WORKLOADS = ['ai-chat', 'big-lines', 'tiny-chunks', 'crlf-multiline']

/**
 * The parse workloads (all, or only the named ones). scale 1 is the full bench, smaller for --quick and
 * the smoke test. Every event has non-empty data, so all three pipelines must report exactly the same events.
 */
export function parseWorkloads(scale = 1, only = PARSE_WORKLOADS) {
  const list = []
  if (only.includes('ai-chat')) {
    const r = rng(1)
    const n = Math.max(50, Math.round(50000 * scale))
    let text = ''
    for (let i = 0; i < n; i++) text += aiChatEvent(r, i)
    text += 'data: [DONE]\n\n'
    list.push(build('ai-chat', `AI chat: ${n + 1} OpenAI chunk events, 40-400 B chunks`, text, r, 40, 400, n + 1))
  }
  if (only.includes('big-lines')) {
    const r = rng(2)
    const n = Math.max(2, Math.round(16 * scale))
    let text = ''
    for (let i = 0; i < n; i++) text += bigLineEvent(r, 1024 * 1024)
    list.push(build('big-lines', `${n} events of one 1 MiB data line, 8-16 KiB chunks`, text, r, 8192, 16384, n))
  }
  if (only.includes('tiny-chunks')) {
    const r = rng(3)
    const n = Math.max(20, Math.round(4000 * scale))
    let text = ''
    for (let i = 0; i < n; i++) text += aiChatEvent(r, i)
    list.push(build('tiny-chunks', `AI chat: ${n} events, 1-8 B chunks`, text, r, 1, 8, n))
  }
  if (only.includes('crlf-multiline')) {
    const r = rng(4)
    const n = Math.max(50, Math.round(20000 * scale))
    let text = ''
    for (let i = 0; i < n; i++) text += crlfEvent(r, i)
    list.push(build('crlf-multiline', `${n} CRLF events: event, id, 2-6 data lines, comments; 40-4096 B chunks`, text, r, 40, 4096, n))
  }
  return list
}

/** Inputs for the UTF-8 decoder comparison: ASCII-heavy (the AI chat stream) and CJK/emoji-heavy text. */
export function decodeWorkloads(scale = 1) {
  const list = []
  {
    const r = rng(5)
    const n = Math.max(50, Math.round(20000 * scale))
    let text = ''
    for (let i = 0; i < n; i++) text += aiChatEvent(r, i)
    const bytes = encoder.encode(text)
    list.push({ name: 'ascii-heavy', title: 'AI chat stream bytes (about 1% non-ASCII), 40-400 B chunks', bytes: bytes.length, chunks: chunkBytes(bytes, r, 40, 400) })
  }
  {
    const r = rng(6)
    const cjk = []
    for (let i = 0; i < 4000000 * scale; i++) {
      const x = r.next()
      // CJK ideographs, kana, emoji (4-byte, surrogate pairs), some ASCII punctuation and spaces.
      if (x < 0.6) cjk.push(String.fromCharCode(0x4e00 + r.int(0, 0x51ff)))
      else if (x < 0.7) cjk.push(String.fromCharCode(0x3041 + r.int(0, 0x55)))
      else if (x < 0.8) cjk.push(String.fromCodePoint(0x1f300 + r.int(0, 0x2ff)))
      else cjk.push(r.pick([' ', ',', '.', 'a', '1', '\n']))
    }
    const bytes = encoder.encode(cjk.join(''))
    list.push({ name: 'cjk-emoji', title: 'CJK, kana and emoji text (20% ASCII), 40-400 B chunks', bytes: bytes.length, chunks: chunkBytes(bytes, r, 40, 400) })
  }
  return list
}
