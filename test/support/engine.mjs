// Direct imports of the shared engine sources (UTS compiled as TypeScript by vitest).
export { SseParser, DEFAULT_MAX_LINE_LENGTH } from '../../uni_modules/connect-event-source/utssdk/common/parser.uts'
export { Utf8Decoder } from '../../uni_modules/connect-event-source/utssdk/common/utf8.uts'

import { SseParser } from '../../uni_modules/connect-event-source/utssdk/common/parser.uts'
import { waitableLog } from './waitable-log.mjs'

/** Parses whole text fed in the given pieces; returns everything the parser reported. */
export function parseChunks(chunks, maxLineLength = 0) {
  const events = []
  const retries = []
  const comments = []
  const errors = []
  const parser = new SseParser(
    (type, data, id) => events.push({ type, data, id }),
    (ms) => retries.push(ms),
    (text) => comments.push(text),
    (message) => errors.push(message),
    maxLineLength
  )
  for (const c of chunks) parser.feed(c)
  return { events, retries, comments, errors, lastEventId: parser.lastEventId, parser }
}

/** Every way to cut text into 2 or 3 pieces (exhaustive split coverage for short inputs). */
export function* splits(text) {
  yield [text]
  for (let i = 0; i <= text.length; i++) {
    yield [text.slice(0, i), text.slice(i)]
    for (let j = i; j <= text.length; j++) yield [text.slice(0, i), text.slice(i, j), text.slice(j)]
  }
}

export { connectEventSource, createParser, createUtf8Decoder } from '../../src/index.ts'

/**
 * Records everything a source reports, in order, and lets a test wait for a condition.
 * Entries: ['open'] ['message', type, data, id] ['error', errCode, errMsg, data, readyState] ['close'].
 */
export function record(es) {
  const { log, push, until } = waitableLog((l) => JSON.stringify(l.map((e) => e.slice(0, 4))))
  es.onOpen(() => push(['open']))
  es.onMessage((ev) => push(['message', ev.type, ev.data, ev.lastEventId]))
  es.onError((err) => push(['error', err.errCode, err.errMsg, err.data, es.readyState, err]))
  es.onClose(() => push(['close']))
  return {
    log,
    until,
    closed: () => until((l) => l.some((e) => e[0] === 'close')),
    messages: () => log.filter((e) => e[0] === 'message').map((e) => e[2]),
    errors: () => log.filter((e) => e[0] === 'error'),
    kinds: () => log.map((e) => e[0])
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
