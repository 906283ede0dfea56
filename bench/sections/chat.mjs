// connectChatStream (utssdk/common/chat) on top of the engine, in process:
// 1. cost per token: the ai-chat workload's bytes through the engine alone (decoder + SseParser, events counted),
//    through the engine plus the chat helper (every event to the helper as the source would hand it: JSON, decoder,
//    accumulator, coalescer with updateInterval 0 so every token is delivered), and through the engine plus the
//    hand-written loop users write today (JSON.parse, choices[0].delta.content, text += delta). The helper is built
//    twice: JSON.parse as is (uni-app Vue projects, npm) and as UTS.JSON.parse (what DCloud emits for uni-app x on
//    Web and mini-programs: every object becomes a UTSJSONObject).
//    A fifth row runs the helper as the real uni-app x mp-weixin build ships it (DCloud's output, its vendor.js
//    UTS runtime, loaded on the test host object of test/support/mp-wx-harness.mjs), so the mini-program figure is
//    measured, not inferred from the text-replaced bundle.
// 2. UI updates saved by coalescing: the first 3,000 tokens of the ai-chat workload replayed on a virtual clock
//    (setTimeout and Date.now replaced) at typical token rates, arriving in network reads of 1-4 tokens with jittered
//    gaps; counts onText calls (each a setData on a mini-program) and how long a token waits to be shown.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { parseWorkloads } from '../lib/workloads.mjs'
import { interleave, summarize } from '../lib/measure.mjs'
import { buildDir } from '../lib/build.mjs'
import { rng } from '../lib/random.mjs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { buildMpHost } from '../../test/support/mp-build.mjs'
import { PLUGIN_DIR, loadMpWeixinBuild } from '../../test/support/mp-wx-harness.mjs'

const root = fileURLToPath(new URL('../../', import.meta.url))

async function bundle(name, utsJson) {
  const plugins = utsJson ? [{
    name: 'uts-json',
    setup(b) {
      b.onLoad({ filter: /\.uts$/ }, async (args) => {
        const fs = await import('node:fs')
        return { contents: fs.readFileSync(args.path, 'utf8').replace(/(?<![\w.])JSON\.parse\(/g, 'UTS.JSON.parse('), loader: 'ts' }
      })
    }
  }] : []
  const out = buildDir + name + '.mjs'
  await build({
    stdin: { contents: `export { startChatStream } from './uni_modules/connect-event-source/utssdk/common/chat/chat-stream.uts'\nexport { UTS } from '@dcloudio/uni-shared'\n`, resolveDir: root, loader: 'ts' },
    bundle: true, format: 'esm', platform: 'node', target: 'es2020', loader: { '.uts': 'ts' }, inject: [root + 'src/uni-globals.ts'], plugins,
    outfile: out, logLevel: 'warning', legalComments: 'none'
  })
  const mod = await import(out + '?t=' + Date.now())
  globalThis.UTS ??= mod.UTS
  return mod
}

/** startChatStream from the real uni-app x mp-weixin build (built once per source state, then loaded on a host object). */
async function mpWeixinChat() {
  const dir = await buildMpHost('mp-weixin', 'x')
  loadMpWeixinBuild(dir)
  // Loading the build put its chat-stream module in require's cache (the plugin's index requires it).
  return createRequire(import.meta.url)(path.join(dir, PLUGIN_DIR, 'common/chat/chat-stream.js'))
}

/** A UniEventSource the helper can be driven through: message(data) hands it one event, end() closes it. */
function fakeConnect() {
  const source = { handlers: {} }
  const connect = () => ({
    onOpen: () => 0, onMessage: (cb) => { source.handlers.message = cb; return 1 }, onError: (cb) => { source.handlers.error = cb; return 2 },
    onClose: (cb) => { source.handlers.close = cb; return 3 }, addEventListener: () => 0, removeEventListener() {}, off() {},
    close() { source.handlers.close?.({ type: 'close', data: '', lastEventId: '' }) }, url: '', readyState: 1, lastEventId: ''
  })
  return { connect, source }
}

const OPTIONS = { url: 'https://api.example.com/v1/chat/completions', provider: 'openai', body: { stream: true }, updateInterval: 0 }

function costSection(engine, chat, w, quick, clock) {
  const decoderFactory = engine.createJsDecoder
  const runEngine = (onEvent) => {
    const decoder = decoderFactory()
    const parser = new engine.SseParser(onEvent, null, null, null, 0)
    for (const c of w.chunks) parser.feed(decoder.decode(c, true))
  }
  const tokens = w.events - 1
  const withHelper = (mod) => () => {
    const { connect, source } = fakeConnect()
    const s = mod.startChatStream(OPTIONS, connect)
    let n = 0
    let len = 0
    s.onText((ev) => { n++; len = ev.text.length })
    let done = null
    s.onDone((r) => { done = r })
    runEngine((type, data, id) => source.handlers.message({ type, data, lastEventId: id }))
    source.handlers.close?.({})
    if (n != tokens || done == null || done.text.length != len) throw new Error(`helper delivered ${n} updates, expected ${tokens}`)
  }
  const contenders = [
    { name: 'engine', run() { let n = 0; runEngine(() => { n++ }); if (n != w.events) throw new Error('events') } },
    { name: 'engine + hand-written loop', run() {
      let text = ''
      runEngine((type, data) => {
        if (data == '[DONE]') return
        const chunk = JSON.parse(data)
        text += chunk.choices?.[0]?.delta?.content ?? ''
      })
      if (text.length == 0) throw new Error('no text')
    } },
    { name: 'engine + helper (JSON.parse)', run: withHelper(chat.plain) },
    { name: 'engine + helper (UTS.JSON.parse)', run: withHelper(chat.uts) },
    { name: 'engine + helper (real mp-weixin uni-app x build)', run: withHelper(chat.mp) }
  ]
  const times = interleave(contenders, quick ? { warmup: 2, runs: 5, clock } : { warmup: 3, runs: 11, clock })
  const results = {}
  for (const c of contenders) results[c.name] = summarize(times[c.name], w.bytes, w.events)
  const base = results.engine.medianMs
  const rows = contenders.map((c) => ({
    name: c.name,
    medianMs: results[c.name].medianMs,
    usPerToken: (results[c.name].medianMs * 1000) / tokens,
    extraUsPerToken: ((results[c.name].medianMs - base) * 1000) / tokens
  }))
  return { workload: w.name, tokens, bytes: w.bytes, rows }
}

/** Virtual time: timers run in order of due time; Date.now is the virtual clock. */
function virtualClock() {
  let now = 0
  let seq = 0
  const timers = new Map()
  const api = {
    now: () => now,
    setTimeout: (fn, ms) => { const id = ++seq; timers.set(id, { at: now + Math.max(0, ms | 0), fn, seq: id }); return id },
    clearTimeout: (id) => { timers.delete(id) },
    /** Runs every timer due up to t, then sets the clock to t. */
    advance(t) {
      for (;;) {
        let next = null
        for (const x of timers.values()) if (x.at <= t && (next == null || x.at < next.at || (x.at == next.at && x.seq < next.seq))) next = x
        if (!next) break
        timers.delete(next.seq)
        now = next.at
        next.fn()
      }
      now = t
    }
  }
  return api
}

function coalescingSection(chat, w) {
  // The ai-chat events, one token each (the workload's text), as the source hands them to the helper.
  const events = []
  const decoder = new TextDecoder()
  let text = ''
  for (const c of w.chunks) text += decoder.decode(c, { stream: true })
  for (const block of text.split('\n\n')) if (block.startsWith('data: ')) events.push(block.slice(6))
  const N = Math.min(3000, events.length - 1)
  const frames = events.slice(0, N)
  const rates = [20, 40, 80, 160]
  const intervals = [0, 16, 33, 50, 100]
  const realSetTimeout = globalThis.setTimeout
  const realClearTimeout = globalThis.clearTimeout
  const realNow = Date.now
  const rows = []
  try {
    for (const rate of rates) {
      for (const interval of intervals) {
        const clock = virtualClock()
        globalThis.setTimeout = clock.setTimeout
        globalThis.clearTimeout = clock.clearTimeout
        Date.now = clock.now
        const r = rng(rate)
        const { connect, source } = fakeConnect()
        const s = chat.plain.startChatStream({ ...OPTIONS, updateInterval: interval }, connect)
        let updates = 0
        let shownLength = 0
        const arrivals = [] // [textLengthAfterToken, time]
        const waits = []
        s.onText((ev) => {
          updates++
          const t = clock.now()
          while (arrivals.length && arrivals[0][0] <= ev.text.length) waits.push(t - arrivals.shift()[1])
          shownLength = ev.text.length
        })
        // Network reads of 1-4 tokens; the gap before a read is its tokens' share of the rate, jittered +-50%.
        let t = 0
        let i = 0
        let length = 0
        while (i < frames.length) {
          const k = Math.min(frames.length - i, r.int(1, 4))
          t += (k * 1000 / rate) * (0.5 + r.next())
          clock.advance(t)
          for (let j = 0; j < k; j++, i++) {
            const chunk = JSON.parse(frames[i])
            length += (chunk.choices?.[0]?.delta?.content ?? '').length
            arrivals.push([length, clock.now()])
            source.handlers.message({ type: 'message', data: frames[i], lastEventId: '' })
          }
        }
        clock.advance(t + 1000)
        const seconds = t / 1000
        waits.sort((a, b) => a - b)
        rows.push({
          rate, interval, tokens: frames.length, seconds, updates, updatesPerSec: updates / seconds,
          saved: 1 - updates / frames.length,
          meanWaitMs: waits.reduce((a, b) => a + b, 0) / Math.max(1, waits.length),
          p99WaitMs: waits[Math.floor(waits.length * 0.99)] ?? 0,
          maxWaitMs: waits.at(-1) ?? 0,
          shown: shownLength == length
        })
      }
    }
  } finally {
    globalThis.setTimeout = realSetTimeout
    globalThis.clearTimeout = realClearTimeout
    Date.now = realNow
  }
  return rows
}

export async function run({ engine, quick, clock, log }) {
  const chat = { plain: await bundle('chat-plain', false), uts: await bundle('chat-utsjson', true), mp: await mpWeixinChat() }
  const [w] = parseWorkloads(quick ? 0.25 : 1, ['ai-chat'])
  const cost = costSection(engine, chat, w, quick, clock)
  for (const r of cost.rows) log(`  ${r.name}: ${r.usPerToken.toFixed(3)} µs/token (+${r.extraUsPerToken.toFixed(3)} over the engine)`)
  const coalescing = coalescingSection(chat, w)
  return { cost, coalescing }
}

const f = (x, d = 2) => x.toFixed(d)

export function chatTable(result) {
  const { cost, coalescing } = result
  const lines = []
  lines.push(`cost per token, ${cost.workload}: ${cost.tokens} tokens, ${(cost.bytes / 1e6).toFixed(1)} MB, 40-400 B chunks (median of interleaved runs)`)
  const table = (header, rows) => {
    const all = [header, ...rows].map((r) => r.map(String))
    const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)))
    return all.map((r, k) => r.map((c, i) => (i == 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ') + (k == 0 ? '\n' + widths.map((x) => '-'.repeat(x)).join('  ') : '')).join('\n')
  }
  lines.push(table(['pipeline', 'ms', 'µs/token', '+µs/token over engine'], cost.rows.map((r) => [r.name, f(r.medianMs, 1), f(r.usPerToken, 3), f(r.extraUsPerToken, 3)])))
  lines.push('')
  lines.push('UI updates (onText calls) for 3000 ai-chat tokens, network reads of 1-4 tokens, virtual clock')
  lines.push(table(['tokens/s', 'updateInterval', 'updates', 'updates/s', 'saved', 'mean wait ms', 'p99 wait ms', 'max wait ms'],
    coalescing.map((r) => [r.rate, r.interval, r.updates, f(r.updatesPerSec, 1), f(r.saved * 100, 0) + '%', f(r.meanWaitMs, 1), f(r.p99WaitMs, 1), f(r.maxWaitMs, 1)])))
  return lines.join('\n')
}
