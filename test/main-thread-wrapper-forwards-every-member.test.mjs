// common/main-thread.uts: in uni-app (Vue) app projects DCloud calls plugin methods off the main thread, so the source
// and the chat stream are created on the main thread and handed out behind wrappers that run every member there.
// The threads themselves are tested on the JVM (android-calls-from-another-thread-run-on-main); this file checks the
// wrappers' forwarding, which is the same code: off the main thread, each member of a real source and a real chat
// stream is read or called through run() exactly once and returns what the wrapped object returns; on the main
// thread no wrapper is made at all.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { MainThread, chatStreamOnMain, eventSourceOnMain } from '../uni_modules/connect-event-source/utssdk/common/main-thread.uts'
import { startChatStream } from '../uni_modules/connect-event-source/utssdk/common/chat/chat-stream.uts'
import { connectEventSource, sleep } from './support/engine.mjs'
import { aiCase, caseOptions, SPLITS } from './support/chat-cases.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'

let srv
beforeAll(async () => { srv = await startServer() })
afterAll(async () => { await srv?.close() })

/** A main thread seen from another one: isMain() false, run() counts the tasks it runs. */
function offMain() {
  const main = { runs: 0 }
  main.thread = new MainThread(() => false, (task) => {
    main.runs++
    task()
  })
  return main
}

/** Calls f and checks it ran exactly one task on the main thread. */
function once(main, what, f) {
  const before = main.runs
  const v = f()
  expect(main.runs - before, `${what} runs one task on the main thread`).toBe(1)
  return v
}

const until = async (cond, ms = 5000) => {
  for (const end = Date.now() + ms; !cond(); ) {
    if (Date.now() > end) throw new Error('timed out')
    await sleep(10)
  }
}

describe('on the main thread', () => {
  test('the source and the chat stream are returned as created, without a wrapper or a task', () => {
    const ran = []
    const main = new MainThread(() => true, (task) => { ran.push(task); task() })
    const source = { kind: 'source' }
    const stream = { kind: 'stream' }
    expect(eventSourceOnMain(main, () => source)).toBe(source)
    expect(chatStreamOnMain(main, () => stream)).toBe(stream)
    expect(ran).toEqual([])
  })
})

describe('off the main thread', () => {
  test('the source: created in a main-thread task, then every getter, registration, removal, reconnect() and close() forwarded once', async () => {
    const key = uniqueKey('main-thread')
    const body = ': hi\n\nevent: ping\ndata: p\n\nevent: pong\ndata: q\n\nid: 7\ndata: one\n\n'
    const url = scenarioUrl(srv.url, { key, body, end: 'hold' })
    const main = offMain()
    let inner = null
    const es = eventSourceOnMain(main.thread, () => (inner = connectEventSource({ url })))
    expect(main.runs).toBe(1)
    expect(es).not.toBe(inner)
    const seen = []
    expect(once(main, 'url', () => es.url)).toBe(inner.url)
    expect(once(main, 'readyState', () => es.readyState)).toBe(0)
    const ids = [
      once(main, 'onOpen', () => es.onOpen(() => seen.push('open'))),
      once(main, 'onMessage', () => es.onMessage((ev) => seen.push('message ' + ev.data))),
      once(main, 'onError', () => es.onError((e) => seen.push('error ' + e.errCode))),
      once(main, 'onClose', () => es.onClose(() => seen.push('close'))),
      once(main, 'onComment', () => es.onComment((ev) => seen.push('comment ' + ev.data))),
      once(main, 'addEventListener', () => es.addEventListener('ping', (ev) => seen.push('ping ' + ev.data)))
    ]
    const removedById = once(main, 'onMessage', () => es.onMessage(() => seen.push('removed by id')))
    const pong = () => seen.push('removed by callback')
    ids.push(removedById, once(main, 'addEventListener', () => es.addEventListener('pong', pong)))
    expect(ids.every((id) => typeof id === 'number' && id > 0), `ids ${ids}`).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    expect(once(main, 'off', () => es.off(removedById))).toBe(undefined)
    once(main, 'removeEventListener', () => es.removeEventListener('pong', pong))
    await until(() => seen.includes('message one'))
    // onMessage sees every event, named ones included (before their named listeners).
    expect(seen).toEqual(['open', 'comment  hi', 'message p', 'ping p', 'message q', 'message one'])
    expect(once(main, 'readyState', () => es.readyState)).toBe(1)
    expect(once(main, 'lastEventId', () => es.lastEventId)).toBe('7')
    once(main, 'reconnect', () => es.reconnect())
    await until(() => seen.filter((s) => s === 'message one').length === 2)
    expect(srv.requests(key)).toHaveLength(2)
    once(main, 'close', () => es.close())
    expect(inner.readyState).toBe(2)
    expect(once(main, 'readyState', () => es.readyState)).toBe(2)
    expect(seen.at(-1)).toBe('close')
  })

  test('the chat stream: created in a main-thread task, then every getter, registration, off() and close() forwarded once', async () => {
    const main = offMain()
    let inner = null
    const options = caseOptions(srv.url, aiCase('openai/reasoning-field'), SPLITS[0], { updateInterval: 0 })
    const stream = chatStreamOnMain(main.thread, () => (inner = startChatStream(options, connectEventSource)))
    expect(main.runs).toBe(1)
    expect(stream).not.toBe(inner)
    const seen = []
    const ids = [
      once(main, 'onText', () => stream.onText((ev) => seen.push('text ' + ev.text))),
      once(main, 'onReasoning', () => stream.onReasoning((ev) => seen.push('reasoning ' + ev.text))),
      once(main, 'onToolCall', () => stream.onToolCall(() => seen.push('tool'))),
      once(main, 'onDone', () => stream.onDone(() => seen.push('done'))),
      once(main, 'onError', () => stream.onError((e) => seen.push('error ' + e.errCode)))
    ]
    const removed = once(main, 'onText', () => stream.onText(() => seen.push('removed')))
    ids.push(removed)
    expect(ids.every((id) => typeof id === 'number' && id > 0), `ids ${ids}`).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    once(main, 'off', () => stream.off(removed))
    await until(() => seen.includes('done'))
    expect(seen).not.toContain('removed')
    expect(once(main, 'provider', () => stream.provider)).toBe('openai')
    expect(once(main, 'text', () => stream.text)).toBe(inner.text)
    expect(once(main, 'reasoning', () => stream.reasoning)).toBe(inner.reasoning)
    expect(inner.text.length).toBeGreaterThan(0)
    expect(inner.reasoning.length).toBeGreaterThan(0)

    // close() forwarded: a second stream closed at once says nothing at all.
    const quiet = []
    const second = chatStreamOnMain(main.thread, () => startChatStream(options, connectEventSource))
    second.onText(() => quiet.push('text'))
    second.onDone(() => quiet.push('done'))
    once(main, 'close', () => second.close())
    await sleep(300)
    expect(quiet).toEqual([])
  })
})
