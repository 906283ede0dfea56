/**
 * The npm / Node entry (dist/index.mjs): the same engine as every uni-app platform,
 * over the web platform's fetch transport, plus the engine's parser and UTF-8 decoder.
 */
import { EventSourceConnection, Platform } from '../uni_modules/connect-event-source/utssdk/common/connection.uts'
import { SseParser } from '../uni_modules/connect-event-source/utssdk/common/parser.uts'
import { createJsDecoder } from '../uni_modules/connect-event-source/utssdk/common/text-decoder.uts'
import { Utf8Decoder } from '../uni_modules/connect-event-source/utssdk/common/utf8.uts'
import { openFetchTransport, openHandFollowingFetchTransport } from '../uni_modules/connect-event-source/utssdk/web/fetch-transport.uts'
import { whatwgUrlCheck } from '../uni_modules/connect-event-source/utssdk/web/url-check.uts'
import { sameCallback } from '../uni_modules/connect-event-source/utssdk/common/same-callback.uts'
import type { ConnectEventSourceOptions, UniEventSource } from '../uni_modules/connect-event-source/utssdk/interface.uts'

export type {
  ConnectEventSourceOptions,
  ConnectEventSourceFail,
  ConnectEventSourceErrorCode,
  UniEventSource,
  UniMessageEvent
} from '../uni_modules/connect-event-source/utssdk/interface.uts'
export { CONNECTING, OPEN, CLOSED } from '../uni_modules/connect-event-source/utssdk/interface.uts'
export { UniErrors } from '../uni_modules/connect-event-source/utssdk/unierror.uts'

// Outside a page (Node, Bun, Deno without --location) fetch's redirect 'manual' exposes the 3xx response, so the
// transport follows each hop itself under the plugin's redirect policy; in a page the browser follows.
const inPage = typeof location !== 'undefined'
const fetchPlatform = new Platform(inPage ? openFetchTransport : openHandFollowingFetchTransport, createJsDecoder, sameCallback)
fetchPlatform.allowRelativeUrl = inPage
fetchPlatform.checkUrl = whatwgUrlCheck

/** Opens a Server-Sent Events stream (any method, headers, body) with reconnects; see the plugin readme. */
export function connectEventSource(options: ConnectEventSourceOptions): UniEventSource {
  return new EventSourceConnection(options, fetchPlatform)
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
