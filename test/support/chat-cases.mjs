// Runs the AI fixtures (server/ai-fixtures.mjs) through a connectChatStream of any harness (Node, Chromium, the
// mp-weixin build, the generated Kotlin on the JVM) and checks what it reported against each case's expected result,
// plus the delivery guarantees: every text shown is a prefix of the final text, the deltas add up to it, exactly one
// of onDone / onError, nothing after it.
import { AI_CASES, aiCase } from '../../server/ai-fixtures.mjs'

export { AI_CASES, aiCase }

/** The splits every case runs with: as written, one byte per write, random pieces (seeded). */
export const SPLITS = [{ name: 'whole', params: '' }, { name: '1-byte', params: '&chunk=1' }, { name: 'random', params: '&chunk=random&seed=7' }]

export function caseUrl(base, c, split, extra = '', path = c.path) {
  return `${base.replace(/\/+$/, '')}/ai${path}?case=${encodeURIComponent(c.name)}${split.params}${extra}`
}

/** Options for one run; auto: let the helper detect the provider from URL and frames. */
export function caseOptions(base, c, split, { auto = true, updateInterval = 0, extra = '', path = c.path } = {}) {
  return {
    url: caseUrl(base, c, split, extra, path),
    provider: auto ? 'auto' : c.provider,
    apiKey: 'test-key',
    model: 'fixture-model',
    messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi' }],
    updateInterval,
    ...c.options
  }
}

/** Starts one stream, records every callback, resolves when onDone/onError fired and a grace period passed quietly. */
export function recordChat(connectChatStream, options, { grace = 60, timeout = 15000 } = {}) {
  return new Promise((resolve, reject) => {
    const log = { text: [], reasoning: [], tools: [], done: [], error: [], after: 0, order: [] }
    let finished = false
    const stream = connectChatStream(options)
    const mark = (kind) => {
      if (finished) log.after++
      log.order.push(kind)
    }
    stream.onText((ev) => { mark('text'); log.text.push({ delta: ev.delta, text: ev.text }) })
    stream.onReasoning((ev) => { mark('reasoning'); log.reasoning.push({ delta: ev.delta, text: ev.text }) })
    // A missing event is recorded as such (reading its fields would throw into the stream's catch, unseen).
    stream.onToolCall((ev) => { mark('tool'); log.tools.push(ev == null ? { missing: String(ev) } : { index: ev.index, id: ev.id, name: ev.name, delta: ev.delta, arguments: ev.arguments, done: ev.done, argumentsError: ev.argumentsError }) })
    const end = () => {
      if (finished) return
      finished = true
      clearTimeout(timer)
      setTimeout(() => resolve(log), grace)
    }
    stream.onDone((r) => { mark('done'); log.done.push(JSON.parse(JSON.stringify(r))); end() })
    stream.onError((e) => { mark('error'); log.error.push({ errCode: e.errCode, errMsg: e.errMsg, data: e.data == null ? null : JSON.parse(JSON.stringify(e.data)) }); end() })
    const timer = setTimeout(() => reject(new Error(`no onDone/onError within ${timeout} ms; so far ${JSON.stringify(log.order)}`)), timeout)
  })
}

function checkUpdates(expect, updates, final, what) {
  let joined = ''
  for (const u of updates) {
    expect(final.startsWith(u.text), `${what} update ${JSON.stringify(u.text)} is a prefix of the final ${what}`).toBe(true)
    joined += u.delta
    expect(u.text).toBe(joined)
    expect(u.delta.length).toBeGreaterThan(0)
  }
  expect(joined, `${what} deltas add up to the final ${what}`).toBe(final)
}

/** The checks of one case's recorded run. */
export function checkChatCase(expect, c, log) {
  const want = c.expect
  expect(log.after, 'nothing after onDone/onError').toBe(0)
  if (want.error) {
    expect(log.done).toEqual([])
    expect(log.error.length).toBe(1)
    const e = log.error[0]
    expect(e.errCode).toBe(want.error.errCode)
    if (want.error.message === null) {
      // Not the provider's answer (a proxy's page): the body as received, and no provider message or code.
      expect(e.data.body).toContain(want.error.body)
      expect([e.data.providerMessage, e.data.providerCode]).toEqual([undefined, undefined])
    } else {
      expect(e.errMsg).toContain(want.error.message)
      expect(e.data.providerMessage).toBe(want.error.message)
      expect(e.data.providerCode).toBe(want.error.providerCode)
    }
    if (want.error.status) expect(e.data.status).toBe(want.error.status)
    if (want.text !== undefined) checkUpdates(expect, log.text, want.text, 'text')
    return
  }
  expect(log.error).toEqual([])
  expect(log.done.length).toBe(1)
  const r = log.done[0]
  expect(r.provider).toBe(want.provider)
  expect(r.text).toBe(want.text)
  expect(r.reasoning).toBe(want.reasoning)
  expect(r.toolCalls).toEqual(want.toolCalls.map((call) => ({ argumentsError: '', ...call })))
  expect(r.finishReason).toBe(want.finishReason)
  expect(r.rawFinishReason).toBe(want.rawFinishReason ?? want.finishReason)
  expect(r.finishMessage).toBe(want.finishMessage ?? '')
  expect(r.usage).toEqual(want.usage)
  expect(r.complete).toBe(want.complete)
  checkUpdates(expect, log.text, want.text, 'text')
  checkUpdates(expect, log.reasoning, want.reasoning, 'reasoning')
  expect(log.tools.filter((t) => !want.toolCalls.some((call) => call.index === t.index)), 'every tool-call piece belongs to a call of the reply').toEqual([])
  // Tool-call pieces: per call, the arguments so far grow by each delta; then one done piece (delta '') with the
  // final arguments ("{}" when none came) and the JSON check, before onDone.
  for (const call of want.toolCalls) {
    const pieces = log.tools.filter((t) => t.index === call.index)
    expect(pieces.length).toBeGreaterThan(1)
    const done = pieces.at(-1)
    let args = ''
    for (const p of pieces.slice(0, -1)) {
      expect(p.done).toBe(false)
      expect(p.argumentsError).toBe('')
      args += p.delta
      expect(p.arguments).toBe(args)
    }
    expect(args === '' ? '{}' : args).toBe(call.arguments)
    expect(done).toEqual({ index: call.index, id: call.id, name: call.name, delta: '', arguments: call.arguments, done: true, argumentsError: call.argumentsError ?? '' })
  }
  expect(log.tools.filter((t) => t.done).length, 'one done piece per call').toBe(want.toolCalls.length)
  // The final text update comes before onDone.
  expect(log.order.at(-1)).toBe('done')
  // want.order: the kinds of callbacks in order, repeats collapsed (a case that pins when a call's done piece comes:
  // in the frame that ends the call, before the text after it; not held until the reply ends).
  // want.toolOrder: the tool-call pieces in order as "<index>" or "<index> done", repeats collapsed (whole calls end at once).
  if (want.toolOrder) expect(log.tools.map((t) => t.index + (t.done ? ' done' : '')).filter((k, i, all) => k !== all[i - 1]), 'tool-call pieces in order').toEqual(want.toolOrder)
  if (want.order) expect(log.order.filter((k, i) => k !== log.order[i - 1]), 'callback order (repeats collapsed)').toEqual(want.order)
}
