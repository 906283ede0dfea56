// connectChatStream against each provider's official SDK, per token, over loopback, in one process:
// OpenAI Chat Completions (`openai`), Anthropic Messages (`@anthropic-ai/sdk`), Gemini streamGenerateContent alt=sse
// (`@google/genai`) and Ollama /api/chat NDJSON (`ollama`). A node:http server in this process answers each
// provider's path with the same pre-built 20,000-token reply for every client; every round runs each client once per
// provider, in a shuffled order, and the ratio is taken round by round. Our side is what a Node user runs:
// ChatStream (the helper behind connectChatStream) over connectEventSource of src/index.ts (fetch transport, engine),
// with the default updateInterval (50 ms). The SDKs' side is their documented streaming loop, reading only the text.
// The SDKs are devDependencies used by this file only; nothing in the plugin or dist imports them.
import { build } from 'esbuild'
import http from 'node:http'
import { fileURLToPath } from 'node:url'
import OpenAI from 'openai'
import Anthropic from '@anthropic-ai/sdk'
import { GoogleGenAI } from '@google/genai'
import { Ollama } from 'ollama'
import { buildDir } from '../lib/build.mjs'
import { rng } from '../lib/random.mjs'
import { token } from '../lib/workloads.mjs'
import { median } from '../lib/stats.mjs'
import { roundOrder } from '../lib/random.mjs'

const root = fileURLToPath(new URL('../../', import.meta.url))
const TOKENS = 20000

/** The reply, token by token, and each provider's wire format of it. */
function replies(tokens) {
  const r = rng(18)
  const parts = []
  for (let i = 0; i < tokens; i++) parts.push(token(r))
  const text = parts.join('')
  const sse = (obj, event) => (event ? `event: ${event}\n` : '') + `data: ${JSON.stringify(obj)}\n\n`
  // OpenAI "The chat completion chunk object"; the last chunk carries finish_reason, then [DONE].
  let openai = ''
  for (let i = 0; i < tokens; i++) openai += sse({ id: 'chatcmpl-AbCdEfGhIjKlMnOpQrStUvWxYz012', object: 'chat.completion.chunk', created: 1764576000, model: 'gpt-4o-mini-2024-07-18', system_fingerprint: 'fp_0ba0d124f1', choices: [{ index: 0, delta: { content: parts[i] }, logprobs: null, finish_reason: null }] })
  openai += sse({ id: 'chatcmpl-AbCdEfGhIjKlMnOpQrStUvWxYz012', object: 'chat.completion.chunk', created: 1764576000, model: 'gpt-4o-mini-2024-07-18', system_fingerprint: 'fp_0ba0d124f1', choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }] }) + 'data: [DONE]\n\n'
  // Anthropic "Streaming messages": named events, one content_block_delta per token.
  let anthropic = sse({ type: 'message_start', message: { id: 'msg_01', type: 'message', role: 'assistant', model: 'claude-sonnet-4-5', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 25, output_tokens: 1 } } }, 'message_start') +
    sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start')
  for (let i = 0; i < tokens; i++) anthropic += sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: parts[i] } }, 'content_block_delta')
  anthropic += sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop') +
    sse({ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: tokens } }, 'message_delta') +
    sse({ type: 'message_stop' }, 'message_stop')
  // Gemini streamGenerateContent?alt=sse: one GenerateContentResponse per event, CRLF line ends as Google sends them.
  let gemini = ''
  for (let i = 0; i < tokens; i++) {
    const last = i == tokens - 1
    gemini += `data: ${JSON.stringify({ candidates: [{ content: { parts: [{ text: parts[i] }], role: 'model' }, ...(last ? { finishReason: 'STOP' } : {}), index: 0 }], usageMetadata: { promptTokenCount: 8, candidatesTokenCount: i + 1, totalTokenCount: i + 9 }, modelVersion: 'gemini-2.0-flash' })}\r\n\r\n`
  }
  // Ollama /api/chat: NDJSON, done: true with the counters last.
  let ollama = ''
  for (let i = 0; i < tokens; i++) ollama += JSON.stringify({ model: 'llama3.2', created_at: '2025-10-01T08:52:19.385406455Z', message: { role: 'assistant', content: parts[i] }, done: false }) + '\n'
  ollama += JSON.stringify({ model: 'llama3.2', created_at: '2025-10-01T08:52:20.385406455Z', message: { role: 'assistant', content: '' }, done_reason: 'stop', done: true, total_duration: 4883583458, load_duration: 1334875, prompt_eval_count: 26, prompt_eval_duration: 342546000, eval_count: tokens, eval_duration: 4535599000 }) + '\n'
  return { text, bodies: { openai: Buffer.from(openai), anthropic: Buffer.from(anthropic), gemini: Buffer.from(gemini), ollama: Buffer.from(ollama) } }
}

function serve(bodies) {
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const u = req.url
      const kind = u.startsWith('/v1/chat/completions') ? 'openai' : u.startsWith('/v1/messages') ? 'anthropic' : u.includes(':streamGenerateContent') ? 'gemini' : u.startsWith('/api/chat') ? 'ollama' : null
      if (!kind) {
        res.writeHead(404).end()
        return
      }
      res.writeHead(200, { 'content-type': kind == 'ollama' ? 'application/x-ndjson' : 'text/event-stream', 'cache-control': 'no-cache' })
      res.end(bodies[kind])
    })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

async function bundleOurs() {
  const out = buildDir + 'chat-node.mjs'
  await build({
    stdin: { contents: `export { startChatStream } from './uni_modules/connect-event-source/utssdk/common/chat/chat-stream.uts'\nexport { connectEventSource } from './src/index.ts'\n`, resolveDir: root, loader: 'ts' },
    bundle: true, format: 'esm', platform: 'node', target: 'es2020', loader: { '.uts': 'ts' }, inject: [root + 'src/uni-globals.ts'],
    outfile: out, logLevel: 'warning', legalComments: 'none'
  })
  return import(out + '?t=' + Date.now())
}

const MESSAGES = [{ role: 'user', content: 'Tell me a long story.' }]

function clients(base, ours) {
  const chat = (provider, url) => () => new Promise((resolve, reject) => {
    const s = ours.startChatStream({ url, provider, apiKey: 'bench-key', model: provider == 'gemini' ? undefined : 'bench-model', messages: MESSAGES }, ours.connectEventSource)
    let updates = 0
    s.onText(() => { updates++ })
    s.onDone((r) => resolve({ text: r.text, updates }))
    s.onError((e) => reject(new Error(`${provider}: ${e.errCode} ${e.errMsg}`)))
  })
  const openai = new OpenAI({ apiKey: 'bench-key', baseURL: base + '/v1', maxRetries: 0 })
  const anthropic = new Anthropic({ apiKey: 'bench-key', baseURL: base, maxRetries: 0 })
  const genai = new GoogleGenAI({ apiKey: 'bench-key', httpOptions: { baseUrl: base } })
  const ollama = new Ollama({ host: base })
  return {
    openai: [
      { name: 'connectChatStream', run: chat('openai', base + '/v1/chat/completions') },
      { name: 'openai', async run() {
        const stream = await openai.chat.completions.create({ model: 'bench-model', messages: MESSAGES, stream: true })
        let text = ''
        for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? ''
        return { text }
      } }
    ],
    anthropic: [
      { name: 'connectChatStream', run: chat('anthropic', base + '/v1/messages') },
      { name: '@anthropic-ai/sdk', async run() {
        const stream = await anthropic.messages.create({ model: 'bench-model', max_tokens: 1024, messages: MESSAGES, stream: true })
        let text = ''
        for await (const ev of stream) if (ev.type == 'content_block_delta' && ev.delta.type == 'text_delta') text += ev.delta.text
        return { text }
      } }
    ],
    gemini: [
      { name: 'connectChatStream', run: chat('gemini', base + '/v1beta/models/gemini-2.0-flash:streamGenerateContent') },
      { name: '@google/genai', async run() {
        const stream = await genai.models.generateContentStream({ model: 'gemini-2.0-flash', contents: 'Tell me a long story.' })
        let text = ''
        for await (const chunk of stream) text += chunk.text ?? ''
        return { text }
      } }
    ],
    ollama: [
      { name: 'connectChatStream', run: chat('ollama', base + '/api/chat') },
      { name: 'ollama', async run() {
        const stream = await ollama.chat({ model: 'bench-model', messages: MESSAGES, stream: true })
        let text = ''
        for await (const part of stream) text += part.message.content
        return { text }
      } }
    ]
  }
}

export async function run({ quick, clock, log }) {
  const tokens = quick ? 5000 : TOKENS
  const { text, bodies } = replies(tokens)
  const server = await serve(bodies)
  const base = `http://127.0.0.1:${server.address().port}`
  const ours = await bundleOurs()
  const byProvider = clients(base, ours)
  const now = clock == 'cpu' ? () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 } : () => performance.now()
  const warmup = quick ? 1 : 2
  const runs = quick ? 3 : 7
  const times = {}
  const updates = {}
  try {
    for (const [provider, list] of Object.entries(byProvider)) {
      // Same text from everyone first: a client that skips or garbles tokens would win for nothing.
      for (const c of list) {
        const r = await c.run()
        if (r.text !== text) throw new Error(`${provider}/${c.name}: text differs from the reply (${r.text.length} vs ${text.length} characters)`)
      }
      times[provider] = Object.fromEntries(list.map((c) => [c.name, []]))
    }
    const providers = Object.keys(byProvider)
    for (let round = 0; round < warmup + runs; round++) {
      for (const provider of providers) {
        const list = byProvider[provider]
        for (const k of roundOrder(list.length, round)) {
          const c = list[k]
          const start = now()
          const r = await c.run()
          const ms = now() - start
          if (r.updates != null) updates[provider] = r.updates
          if (round >= warmup) times[provider][c.name].push(ms)
        }
      }
    }
  } finally {
    server.close()
    server.closeAllConnections?.()
  }
  const out = []
  for (const [provider, perClient] of Object.entries(times)) {
    const sdks = Object.keys(perClient).filter((n) => n != 'connectChatStream')
    const ourMs = perClient.connectChatStream
    const rows = Object.entries(perClient).map(([name, ms]) => ({ name, usPerToken: (median(ms) * 1000) / tokens }))
    // Per round: our time over the best SDK's time in that round.
    const perRound = ourMs.map((m, i) => m / Math.min(...sdks.map((s) => perClient[s][i])))
    const row = { provider, tokens, bytes: bodies[provider].length, rows, updates: updates[provider], oursVsBestSdk: median(perRound), perRound: perRound.map((x) => Math.round(x * 1000) / 1000) }
    log(`  ${provider}: connectChatStream ${row.oursVsBestSdk.toFixed(2)}x the best SDK's time per token`)
    out.push(row)
  }
  return { tokens, runs, warmup, providers: out }
}
