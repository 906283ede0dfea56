/**
 * The npm / Node entry (dist/index.mjs, dist/index.cjs): the same engine as every uni-app platform,
 * over the web platform's fetch transport, plus the engine's parser and UTF-8 decoder.
 * JavaScript-only additions (not in the uni-app plugin's interface): the `signal` option and async iteration.
 * connectChatStream: the plugin's AI chat helper (the same .uts) over this entry's connectEventSource.
 */
import { startEventSource, Platform } from '../uni_modules/connect-event-source/utssdk/common/connection.uts'
import { SseParser } from '../uni_modules/connect-event-source/utssdk/common/parser.uts'
import { createJsDecoder } from '../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
import { Utf8Decoder } from '../uni_modules/connect-event-source/utssdk/common/utf8.uts'
import { openFetchTransport, openHandFollowingFetchTransport } from '../uni_modules/connect-event-source/utssdk/web/fetch-transport.uts'
import { whatwgUrlCheck } from '../uni_modules/connect-event-source/utssdk/web/url-check.uts'
import { sameCallback } from '../uni_modules/connect-event-source/utssdk/common/same-callback.uts'
import { awaitJsHeader } from '../uni_modules/connect-event-source/utssdk/common/await-header.uts'
import { closeAllSources } from '../uni_modules/connect-event-source/utssdk/common/registry.uts'
import { startChatStream } from '../uni_modules/connect-event-source/utssdk/common/chat/chat-stream.uts'
import { CLOSED } from '../uni_modules/connect-event-source/utssdk/interface.uts'
import type {
  ChatStreamOptions as UniChatStreamOptions,
  ConnectEventSource as UniConnectEventSource,
  UniChatStream as UniChatStreamBase,
  ConnectEventSourceFail as UniConnectEventSourceFail,
  ConnectEventSourceOptions as UniConnectEventSourceOptions,
  UniEventSource as UniEventSourceBase,
  UniMessageEvent
} from '../uni_modules/connect-event-source/utssdk/interface.uts'

export type {
  ChatDoneCallback,
  ChatMessage,
  ChatTextCallback,
  ChatToolCallCallback,
  ConnectEventSourceErrorCode,
  ConnectEventSourceCallback,
  ConnectEventSourceErrorCallback
} from '../uni_modules/connect-event-source/utssdk/interface.uts'
// Classes in the declarations are values there too, so the package exports them (a declared class that is not
// exported would type-check `new ChatUsage()` and fail at run time).
export { CONNECTING, OPEN, CLOSED, UniMessageEvent, ChatStreamResult, ChatTextEvent, ChatToolCall, ChatToolCallEvent, ChatUsage } from '../uni_modules/connect-event-source/utssdk/interface.uts'
export { UniErrors } from '../uni_modules/connect-event-source/utssdk/unierror.uts'

/** Header values: strings, numbers or booleans, under HTTP token names. */
export type HeaderRecord = Record<string, string | number | boolean>

/** Options of connectEventSource: the plugin's options plus `signal`; `header` may be a function. */
export interface ConnectEventSourceOptions extends Omit<UniConnectEventSourceOptions, 'header' | 'getHeader'> {
  /**
   * Request headers (names are HTTP tokens; values strings, numbers or booleans), or a function returning them (or a
   * Promise of them), called before every request, reconnects included, so a refreshed token is sent. Bad output
   * fails the source with 1830001. Same as the plugin's getHeader.
   */
  header?: HeaderRecord | (() => HeaderRecord | Promise<HeaderRecord>) | null
  /** The plugin's name for a header function; header accepts one too. */
  getHeader?: (() => HeaderRecord | Promise<HeaderRecord>) | null
  /**
   * Aborting it closes the source, as close() does: onClose fires once, nothing else fires, no reconnect.
   * An already aborted signal closes the source before any request is sent.
   */
  signal?: AbortSignal | null
}

/** What `err.data` holds (see the readme, "Errors"). */
export interface ConnectEventSourceFailData {
  /** HTTP status of the response (0 before any response or for network errors). */
  status: number
  /** Response headers, lower-case names. */
  headers: Record<string, string>
  /** The first 4 KiB of a non-SSE response body (an AI API's explanation of a 401 or 429). */
  body: string
  /** A reconnect is scheduled. */
  willRetry: boolean
  /** Milliseconds until that reconnect. */
  retryDelay: number
  /** Reconnect attempt number. */
  attempt: number
  /** The last event ID at the time of the error. */
  lastEventId: string
  /** Milliseconds the response's retry-after-ms or Retry-After asked to wait (before maxRetryAfter); -1 when none. */
  retryAfter: number
}

/** The error passed to onError and thrown by async iteration (a UniError: also an Error, `message` = `errMsg`). */
export interface ConnectEventSourceFail extends Error, Omit<UniConnectEventSourceFail, 'data' | 'cause'> {
  errSubject: 'uni-connectEventSource' | string
  data: ConnectEventSourceFailData
  /** 1830008: the last failure before giving up. */
  cause?: ConnectEventSourceFail | null
}

/**
 * The event source. Besides the callbacks it is async iterable: `for await (const ev of source)` yields every
 * event (whatever its name), ends when the source closes (also after close() or an aborted signal), and throws
 * the final error (e.g. 1830005 for a 401) after the events received before it. Leaving the loop early (break,
 * return, throw) closes the source.
 */
export interface UniEventSource extends Omit<UniEventSourceBase, 'onError'>, AsyncIterable<UniMessageEvent> {
  onError(callback: (error: ConnectEventSourceFail) => void): number
  [Symbol.asyncIterator](): AsyncIterator<UniMessageEvent, undefined>
}

// Outside a page (Node, Bun, Deno without --location) fetch's redirect 'manual' exposes the 3xx response, so the
// transport follows each hop itself under the plugin's redirect policy; in a page the browser follows.
const inPage = typeof location !== 'undefined'
const fetchPlatform = new Platform(inPage ? openFetchTransport : openHandFollowingFetchTransport, createJsDecoder, sameCallback)
fetchPlatform.allowRelativeUrl = inPage
fetchPlatform.checkUrl = whatwgUrlCheck
fetchPlatform.awaitHeader = awaitJsHeader

const later: (fn: () => void) => void = typeof queueMicrotask === 'function' ? queueMicrotask : (fn) => { Promise.resolve().then(fn) }

/** Opens a Server-Sent Events stream (any method, headers, body) with reconnects; see the package readme. */
export function connectEventSource(options: ConnectEventSourceOptions): UniEventSource {
  // Anything but an options object (none, a string...) goes to the engine as it is: it reports 1830001 for it.
  const isObject = options != null && typeof options === 'object'
  const { signal, ...engineOptions } = isObject ? options : ({} as ConnectEventSourceOptions)
  // A header function is the engine's getHeader (the typed platforms keep the two apart).
  if (isObject && typeof engineOptions.header === 'function') {
    if (engineOptions.getHeader == null) engineOptions.getHeader = engineOptions.header
    engineOptions.header = null
  }
  const given = isObject ? engineOptions : options
  const source = startEventSource(given as unknown as UniConnectEventSourceOptions, fetchPlatform) as unknown as UniEventSource
  if (signal != null) followSignal(source, signal)
  Object.defineProperty(source, Symbol.asyncIterator, { value: () => iterate(source), configurable: true, writable: true })
  return source
}

/** close() on every source not closed yet (page unload, logout); closed sources are not held anywhere. */
export function closeAllEventSources(): void {
  closeAllSources()
}

function followSignal(source: UniEventSource, signal: AbortSignal): void {
  if (signal.aborted) {
    // A microtask: after the caller registered its callbacks (so onClose is seen), before the engine's first
    // request (a timer), so none is sent.
    later(() => source.close())
    return
  }
  const abort = () => source.close()
  signal.addEventListener('abort', abort, { once: true })
  source.onClose(() => signal.removeEventListener('abort', abort))
}

function iterate(source: UniEventSource): AsyncIterator<UniMessageEvent, undefined> {
  const queue: UniMessageEvent[] = []
  let closed = source.readyState === CLOSED
  let failure: ConnectEventSourceFail | null = null
  let wake: (() => void) | null = null
  const notify = () => {
    const w = wake
    wake = null
    if (w) w()
  }
  const ids = closed ? [] : [
    source.onMessage((ev) => { queue.push(ev); notify() }),
    // Only the final error ends the loop; one followed by a reconnect (readyState CONNECTING) does not.
    source.onError((err) => { if (source.readyState === CLOSED) failure = err }),
    source.onClose(() => { closed = true; notify() })
  ]
  const detach = () => { for (const id of ids.splice(0)) source.off(id) }
  const finished = (): IteratorResult<UniMessageEvent, undefined> => ({ done: true, value: undefined })
  return {
    async next() {
      for (;;) {
        if (queue.length > 0) return { done: false, value: queue.shift() as UniMessageEvent }
        if (closed) {
          detach()
          const err = failure
          failure = null
          if (err) throw err
          return finished()
        }
        await new Promise<void>((resolve) => { wake = resolve })
      }
    },
    async return() {
      detach()
      queue.length = 0
      closed = true
      source.close()
      return finished()
    }
  }
}

export interface ParserCallbacks {
  onEvent: (event: { type: string; data: string; id: string }) => void
  onRetry?: (ms: number) => void
  onComment?: (text: string) => void
  onError?: (message: string) => void
  /** Longest accepted line in characters (default 16 MiB). */
  maxLineLength?: number
  /** Largest accepted event (data + event type + id) in characters (default 16 MiB). */
  maxEventSize?: number
}

export interface Parser {
  /** Feed decoded text; events are reported synchronously. */
  feed(chunk: string): void
  /** Start a new stream: discards partial input, keeps the last event ID. */
  reset(): void
  /** The last event ID string (updated when an event is dispatched). */
  readonly lastEventId: string
}

/** The WHATWG event-stream parser of the engine, string chunks in, events out. */
export function createParser(callbacks: ParserCallbacks): Parser {
  const onEvent = callbacks.onEvent
  const parser = new SseParser(
    (type: string, data: string, id: string) => onEvent({ type, data, id }),
    callbacks.onRetry ?? null,
    callbacks.onComment ?? null,
    callbacks.onError ?? null,
    callbacks.maxLineLength ?? 0
  )
  if (callbacks.maxEventSize != null && callbacks.maxEventSize > 0) parser.maxEventSize = callbacks.maxEventSize
  return {
    feed: (chunk: string) => parser.feed(chunk),
    reset: () => parser.reset(),
    get lastEventId() {
      return parser.lastEventId
    }
  }
}

/** Streaming UTF-8 decoder equal to TextDecoder ('utf-8'), for runtimes without one. */
export function createUtf8Decoder(options: { ignoreBOM?: boolean } = {}): { decode(bytes: Uint8Array, options?: { stream?: boolean }): string } {
  const decoder = new Utf8Decoder(options.ignoreBOM === true)
  return { decode: (bytes: Uint8Array, opts?: { stream?: boolean }) => decoder.decode(bytes ?? new Uint8Array(0), opts?.stream === true) }
}

/** Options of connectChatStream: the plugin's options (JSON objects as plain objects) plus `signal`. */
export interface ChatStreamOptions extends Omit<UniChatStreamOptions, 'header' | 'body'> {
  /** Extra request headers (Content-Type: application/json is added unless given). */
  header?: Record<string, string | number | boolean> | null
  /** The request body, sent as JSON as it is (model, messages, maxTokens are then ignored). */
  body?: Record<string, unknown> | null
  /** Aborting it stops the reply, as close() does: no callback fires afterwards. */
  signal?: AbortSignal | null
}

/** What `err.data` of a chat error holds: the source's error data, plus the provider's explanation when it sent one. */
export interface ChatStreamFailData extends Partial<ConnectEventSourceFailData> {
  /** The provider whose format the reply had (1830020). */
  provider?: string
  /** The provider's error message (1830020; 1830005 with an error body). */
  providerMessage?: string
  /** The provider's error code or type ('' when none). */
  providerCode?: string
}

/** The error passed to a chat stream's onError (1830001 bad options: data null). */
export interface ChatStreamFail extends Omit<ConnectEventSourceFail, 'data'> {
  data: ChatStreamFailData | null
}

/** A streaming chat reply (see the plugin's UniChatStream). */
export interface UniChatStream extends Omit<UniChatStreamBase, 'onError'> {
  onError(callback: (error: ChatStreamFail) => void): number
}

/**
 * Streams one chat reply from an AI API (OpenAI-compatible, OpenAI Responses, Anthropic, Gemini, Ollama) over
 * connectEventSource and decodes it: text and reasoning updates, tool calls, finish reason, usage, provider errors.
 */
export function connectChatStream(options: ChatStreamOptions): UniChatStream {
  const isObject = options != null && typeof options === 'object'
  const { signal, ...chatOptions } = isObject ? options : ({} as ChatStreamOptions)
  const given = isObject ? chatOptions : options
  const stream = startChatStream(given as unknown as UniChatStreamOptions, connectEventSource as unknown as UniConnectEventSource) as unknown as UniChatStream
  if (signal != null) {
    if (signal.aborted) {
      later(() => stream.close())
    } else {
      const abort = () => stream.close()
      signal.addEventListener('abort', abort, { once: true })
      const detach = () => signal.removeEventListener('abort', abort)
      stream.onDone(detach)
      stream.onError(detach)
    }
  }
  return stream
}
