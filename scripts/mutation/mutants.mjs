// The mutants of npm run test:mutation (scripts/mutation.mjs): realistic bugs, one at a time, in the shared engine
// (utssdk/common/) and the JavaScript transports. Each: id, file (under utssdk/), from (exact source text, found
// exactly once unless `at` picks the n-th occurrence), to, bug (what a developer could plausibly have written).
// TESTS: the vitest files run for a mutant of that file (plus the mutant's own `tests`), fastest and most direct first.
export const PLUGIN = 'uni_modules/connect-event-source/utssdk'
/** A mutant whose tests run longer than this counts as killed (a hang is a failure). */
export const TIMEOUT_MS = 180000

const HTTP_SPLITS = 'test/http-chunk-splits-are-real-reads.test.mjs'
const STREAM_RULES = 'test/engine-stream-rules-fake-transport.test.mjs'
const OPTIONS = 'test/options-defaults-and-limits.test.mjs'
const URLS = 'test/url-check-agrees-with-whatwg-url.test.mjs'
const PARSER_EXACT = 'test/parser-spec-rules.test.mjs'

export const TESTS = {
  'common/parser.uts': [PARSER_EXACT, STREAM_RULES, 'test/engine-fuzz-matches-whatwg-reference.test.mjs', 'test/hostile-server-unbounded-event.test.mjs', HTTP_SPLITS, 'test/spec-rules-over-http.test.mjs', 'test/engine-guarantees.test.mjs'],
  'common/utf8.uts': ['test/utf8-decoder-matches-textdecoder.test.mjs', 'test/utf8-decoder-bom-and-reuse.test.mjs', 'test/text-decoder-carry-matches-streaming.test.mjs', 'test/engine-fuzz-matches-whatwg-reference.test.mjs'],
  'common/text-decoder.uts': ['test/text-decoder-carry-matches-streaming.test.mjs', STREAM_RULES, HTTP_SPLITS, 'test/spec-rules-over-http.test.mjs', 'test/engine-scenarios-node-fetch.test.mjs'],
  'common/connection.uts': [STREAM_RULES, 'test/messages-and-per-method-defaults.test.mjs', 'test/engine-late-status-fails-without-reconnect.test.mjs', 'test/engine-guarantees.test.mjs',
    'test/hostile-server-unbounded-event.test.mjs', 'test/last-event-id-sent-as-utf8-and-engine-wins.test.mjs', 'test/bad-input-fails-once-with-1830001.test.mjs', HTTP_SPLITS,
    'test/engine-scenarios-node-fetch.test.mjs', 'test/hostile-server-reconnect-storms.test.mjs', 'test/fault-injection-soak.test.mjs'],
  'common/dispatcher.uts': [STREAM_RULES, 'test/engine-guarantees.test.mjs', 'test/engine-scenarios-node-fetch.test.mjs'],
  'common/options.uts': [OPTIONS, 'test/bad-input-fails-once-with-1830001.test.mjs', 'test/messages-and-per-method-defaults.test.mjs', 'test/last-event-id-sent-as-utf8-and-engine-wins.test.mjs',
    'test/engine-guarantees.test.mjs', 'test/hostile-server-reconnect-storms.test.mjs', 'test/engine-scenarios-node-fetch.test.mjs'],
  'common/url.uts': [URLS, 'test/bad-input-fails-once-with-1830001.test.mjs', 'test/engine-scenarios-node-fetch.test.mjs'],
  'web/fetch-transport.uts': [HTTP_SPLITS, 'test/redirect-policy-keeps-secrets.test.mjs', 'test/last-event-id-sent-as-utf8-and-engine-wins.test.mjs', 'test/engine-scenarios-node-fetch.test.mjs',
    'test/engine-guarantees.test.mjs'],
  'mp-weixin/request-transport.uts': ['test/mp-weixin-build.test.mjs']
}

const P = 'common/parser.uts'
const U = 'common/utf8.uts'
const T = 'common/text-decoder.uts'
const C = 'common/connection.uts'
const D = 'common/dispatcher.uts'
const O = 'common/options.uts'
const L = 'common/url.uts'
const F = 'web/fetch-transport.uts'
const R = 'mp-weixin/request-transport.uts'

export const MUTANTS = [
  // --- parser.uts -------------------------------------------------------------------------------------------------
  { id: 'parser-bom-every-chunk', file: P, bug: 'a BOM at the start of any chunk is stripped, not only the stream\'s first character',
    from: '\t\t\tthis.atStreamStart = false\n\t\t\tif (chunk.charCodeAt(0) == BOM) pos = 1\n\t\t}', to: '\t\t\tthis.atStreamStart = false\n\t\t}\n\t\tif (chunk.charCodeAt(0) == BOM) pos = 1' },
  { id: 'parser-bom-kept', file: P, bug: 'the leading BOM is not stripped', from: 'if (chunk.charCodeAt(0) == BOM) pos = 1', to: 'if (chunk.charCodeAt(0) == BOM) pos = 0' },
  { id: 'parser-split-crlf-two-endings', file: P, bug: 'a CR at the end of one chunk and LF at the start of the next count as two line endings',
    from: '\t\t\tthis.skipLF = false\n\t\t\tif (pos < len && chunk.charCodeAt(pos) == LF) pos++', to: '\t\t\tthis.skipLF = false' },
  { id: 'parser-skiplf-not-set-loop', file: P, bug: 'a line ending in CR at the very end of a chunk does not remember to skip the next LF', from: 'this.skipLF = true', to: 'this.skipLF = false', at: 2 },
  { id: 'parser-skiplf-not-set-carried', file: P, bug: 'same, for a line completed from carried pieces', from: 'this.skipLF = true', to: 'this.skipLF = false', at: 1 },
  { id: 'parser-skiplf-kept-across-empty-chunk', file: P, bug: 'an empty chunk clears the pending CR (skipLF) before the LF arrives',
    from: '\t\tif (len == 0 || this.halted) return', to: '\t\tif (len == 0) this.skipLF = false\n\t\tif (len == 0 || this.halted) return' },
  { id: 'parser-reset-keeps-bom-flag', file: P, bug: 'reset() (a reconnect) does not re-arm the BOM check for the new stream',
    from: '\t\tthis.atStreamStart = true\n\t\tthis.halted = false', to: '\t\tthis.halted = false' },
  { id: 'parser-end-dispatches', file: P, bug: 'at end of stream, complete data: lines without the closing blank line are dispatched',
    from: '\tend() : void {}', to: '\tend() : void { this.dispatch() }' },
  { id: 'parser-default-line-limit-x1024', file: P, bug: 'the default line-length limit made 1024 times larger',
    from: 'DEFAULT_MAX_LINE_LENGTH : number = 16 * 1024 * 1024', to: 'DEFAULT_MAX_LINE_LENGTH : number = 16 * 1024 * 1024 * 1024' },
  { id: 'parser-line-limit-off-by-one', file: P, bug: 'a line of exactly maxLineLength characters is refused', from: 'if (end - pos > this.maxLineLength) {', to: 'if (end - pos >= this.maxLineLength) {' },
  { id: 'parser-carried-limit-off-by-one', file: P, bug: 'an incomplete line of exactly maxLineLength characters is refused', from: 'if (this.pendingLength > this.maxLineLength) {', to: 'if (this.pendingLength >= this.maxLineLength) {' },
  { id: 'parser-joined-line-unchecked', file: P, bug: 'a line completed from carried pieces is not checked against maxLineLength', from: 'if (line.length > this.maxLineLength) {', to: 'if (false) {' },
  { id: 'parser-max-line-option-ignored', file: P, bug: 'the maxLineLength given to the parser is ignored',
    from: 'this.maxLineLength = maxLineLength > 0 ? maxLineLength : DEFAULT_MAX_LINE_LENGTH', to: 'this.maxLineLength = DEFAULT_MAX_LINE_LENGTH' },
  { id: 'parser-data-space-kept', file: P, bug: 'the one leading space of a data value is kept',
    from: '\t\t\tif (valueStart < end && s.charCodeAt(valueStart) == SPACE) valueStart++\n\t\t\tconst size', to: '\t\t\tconst size' },
  { id: 'parser-data-joined-without-lf', file: P, bug: 'data lines are joined without LF', from: "if (this.hasData) this.data = this.data + '\\n' + value", to: "if (this.hasData) this.data = this.data + value", at: 1 },
  { id: 'parser-carried-data-space-kept', file: P, bug: 'the leading space of a carried data line is kept',
    from: '\t\t\tlet valueStart = 5\n\t\t\tif (valueStart < end && line.charCodeAt(valueStart) == SPACE) valueStart++', to: '\t\t\tlet valueStart = 5' },
  { id: 'parser-type-not-reset-after-dispatch', file: P, bug: 'the event type is not reset after an event is dispatched',
    from: '\t\tthis.dataLength = 0\n\t\tthis.eventType = \'\'\n\t\tthis.typeLength = 0\n\t\tconst onEvent', to: '\t\tthis.dataLength = 0\n\t\tconst onEvent' },
  { id: 'parser-type-kept-by-empty-event', file: P, bug: 'a blank line ending an event without data keeps the event type for the next event',
    from: '\t\tif (!this.hasData) {\n\t\t\tthis.eventType = \'\'\n\t\t\tthis.typeLength = 0\n\t\t\treturn', to: '\t\tif (!this.hasData) {\n\t\t\treturn' },
  { id: 'parser-id-only-with-data', file: P, bug: 'the last event ID is only updated by events that have data',
    from: '\t\tthis.lastEventId = this.idBuffer\n\t\t// "If the data buffer is an empty string', to: '\t\t// "If the data buffer is an empty string' },
  { id: 'parser-null-id-accepted', file: P, bug: 'an id containing NULL is accepted', from: "if (value.indexOf('\\u0000') != -1) return", to: '' },
  { id: 'parser-retry-non-digits', file: P, bug: 'retry: accepts characters above \'9\'', from: 'if (d < 0 || d > 9) return', to: 'if (d < 0) return' },
  { id: 'parser-retry-empty', file: P, bug: 'an empty retry: sets the reconnection time to 0', from: '\t\t\t\tif (value.length == 0) return\n\t\t\t\tlet ms = 0', to: '\t\t\t\tlet ms = 0' },
  { id: 'parser-comment-as-field', file: P, bug: 'comment lines are not recognized (not reported to onComment)', from: 'if (c0 == COLON) {', to: 'if (c0 == SPACE) {' },
  { id: 'parser-bare-field-off-by-one', file: P, bug: 'a 5-character field name without colon ("event", "retry") is ignored', from: 'if (len <= 5) {', to: 'if (len < 5) {' },
  { id: 'parser-id-name-half-checked', file: P, bug: 'any 2-letter field starting with i sets the id', from: 'if (nameLength == 2 && c0 == 105 && s.charCodeAt(start + 1) == 100) {', to: 'if (nameLength == 2 && c0 == 105) {' },
  { id: 'parser-data-colon-unchecked', file: P, bug: 'the fast path takes any line starting with "data" plus one character as data',
    from: 'if (s.charCodeAt(start) == 100 && end - start >= 5 && s.charCodeAt(start + 4) == COLON && ', to: 'if (s.charCodeAt(start) == 100 && end - start >= 5 && ' },
  { id: 'parser-event-size-off-by-one', file: P, bug: 'an event of exactly maxEventSize characters is refused', from: 'if (size + this.typeLength + this.idLength > this.maxEventSize) {', to: 'if (size + this.typeLength + this.idLength >= this.maxEventSize) {', at: 1 },
  { id: 'parser-halt-ignored', file: P, bug: 'halt() does not stop the rest of the chunk', from: '\thalt() : void {\n\t\tthis.halted = true\n\t}', to: '\thalt() : void {}' },
  { id: 'parser-carried-tail-dropped', file: P, bug: 'a long line carried in parts loses the piece that completes it', from: '\t\t\tthis.parts.push(tail)\n\t\t\tline = this.parts.join(\'\')', to: '\t\t\tline = this.parts.join(\'\')' },
  { id: 'parser-carried-head-dropped', file: P, bug: 'a long carried line loses its first piece when it switches to parts', from: '\t\t\tif (this.parts.length == 0) this.parts.push(this.pending)\n', to: '' },
  { id: 'parser-blank-after-lf-not-dispatched', file: P, bug: 'the blank line right after an LF-terminated line is skipped without dispatching',
    from: '\t\t\t\tif (end == nextLF && pos < len && chunk.charCodeAt(pos) == LF && !this.halted) {\n\t\t\t\t\tpos++\n\t\t\t\t\tthis.dispatch()', to: '\t\t\t\tif (end == nextLF && pos < len && chunk.charCodeAt(pos) == LF && !this.halted) {\n\t\t\t\t\tpos++', at: 2 },

  // --- utf8.uts ---------------------------------------------------------------------------------------------------
  { id: 'utf8-overlong-c0', file: U, bug: 'C0 and C1 accepted as 2-byte lead bytes (overlong encodings)', from: '} else if (b >= 0xC2 && b <= 0xDF) {', to: '} else if (b >= 0xC0 && b <= 0xDF) {' },
  { id: 'utf8-e0-overlong', file: U, bug: 'no narrower second-byte range after E0 (3-byte overlongs)', from: 'const lo = b == 0xE0 ? 0xA0 : 0x80', to: 'const lo = 0x80' },
  { id: 'utf8-surrogates', file: U, bug: 'encoded surrogates (ED A0..BF) accepted', from: 'const hi = b == 0xED ? 0x9F : 0xBF', to: 'const hi = 0xBF' },
  { id: 'utf8-above-10ffff', file: U, bug: 'code points above U+10FFFF (F4 90..) accepted', from: 'const hi = b == 0xF4 ? 0x8F : 0xBF', to: 'const hi = 0xBF' },
  { id: 'utf8-f5-lead', file: U, bug: 'F5..F7 accepted as 4-byte lead bytes', from: '} else if (b >= 0xF0 && b <= 0xF4) {', to: '} else if (b >= 0xF0 && b <= 0xF7) {' },
  { id: 'utf8-bad-continuation-consumed', file: U, bug: 'the byte that interrupts a sequence is swallowed instead of reprocessed',
    from: '\t\t\t\tupper = 0xBF\n\t\t\t\tunits[k++] = 0xFFFD\n\t\t\t} else {', to: '\t\t\t\tupper = 0xBF\n\t\t\t\tunits[k++] = 0xFFFD\n\t\t\t\ti++\n\t\t\t} else {' },
  { id: 'utf8-truncated-end-silent', file: U, bug: 'an incomplete sequence at the end of the stream produces nothing instead of U+FFFD',
    from: '\t\t\tunits[k++] = 0xFFFD\n\t\t}\n\t\tthis.codePoint = codePoint', to: '\t\t}\n\t\tthis.codePoint = codePoint' },
  { id: 'utf8-low-surrogate-mask', file: U, bug: 'wrong mask for the low surrogate of a 4-byte character', from: 'units[k++] = 0xDC00 + ((cp - 0x10000) & 0x3FF)', to: 'units[k++] = 0xDC00 + ((cp - 0x10000) & 0x1FF)' },
  { id: 'utf8-state-not-saved', file: U, bug: 'bytes needed are not kept between calls (a character split across chunks is lost)', from: '\t\tthis.needed = needed\n', to: '' },
  { id: 'utf8-bom-always-stripped', file: U, bug: 'ignoreBOM is ignored: the BOM is always stripped', from: 'if (!this.ignoreBOM && s.charCodeAt(0) == 0xFEFF)', to: 'if (s.charCodeAt(0) == 0xFEFF)' },
  { id: 'utf8-bom-flag-not-reset', file: U, bug: 'after a final decode() the next stream\'s BOM is no longer stripped', from: '\t\tif (!stream) this.bomSeen = false\n', to: '' },
  { id: 'utf8-0x80-in-ascii-run', file: U, bug: 'the ASCII run copies 0x80 as a character', from: '\t\t\t\t\t\tif (c >= 0x80) break', to: '\t\t\t\t\t\tif (c > 0x80) break' },

  // --- text-decoder.uts -------------------------------------------------------------------------------------------
  { id: 'textdec-carry-window-2', file: T, bug: 'only 2 trailing bytes are searched for an unfinished sequence (a 4-byte character cut after 3 bytes breaks)',
    from: 'for (let i = len - 1; i >= 0 && i >= len - 3; i--) {', to: 'for (let i = len - 1; i >= 0 && i >= len - 2; i--) {' },
  { id: 'textdec-bf-as-lead', file: T, bug: '0xBF is not treated as a continuation byte', from: 'if (b < 0x80 || b > 0xBF) {', to: 'if (b < 0x80 || b >= 0xBF) {' },
  { id: 'textdec-ef-length', file: T, bug: 'EF is not a 3-byte lead byte (U+F000..U+FFFF split at a chunk end breaks)', from: 'if (b >= 0xE0 && b <= 0xEF) return 3', to: 'if (b >= 0xE0 && b <= 0xEE) return 3' },
  { id: 'textdec-small-chunk-partial', file: T, bug: 'a small chunk that is only partly ASCII returns just its ASCII prefix', from: '\t\t\tif (i == n) return text', to: '\t\t\tif (i > 0) return text' },
  { id: 'textdec-carry-kept', file: T, bug: 'the carried bytes are not cleared once used (repeated in the next chunk)', from: '\t\t\tinput.set(bytes, carry.length)\n\t\t\tthis.carry = null', to: '\t\t\tinput.set(bytes, carry.length)' },
  { id: 'textdec-strips-bom-per-chunk', file: T, bug: 'TextDecoder strips a BOM (ignoreBOM false): every chunk starting with U+FEFF loses it', from: "new TextDecoder('utf-8', { ignoreBOM: true })", to: "new TextDecoder('utf-8', { ignoreBOM: false })" },

  // --- connection.uts ---------------------------------------------------------------------------------------------
  { id: 'conn-any-text-type', file: C, bug: 'Content-Type: text/plain with status 200 accepted as an event stream', from: "return essence == 'text/event-stream'", to: "return essence.startsWith('text/')" },
  { id: 'conn-type-case-sensitive', file: C, bug: 'the Content-Type check is case-sensitive', from: '(semi == -1 ? contentType : contentType.substring(0, semi)).trim().toLowerCase()', to: '(semi == -1 ? contentType : contentType.substring(0, semi)).trim()' },
  { id: 'conn-type-params-break', file: C, bug: 'Content-Type parameters (charset) are not ignored', from: '(semi == -1 ? contentType : contentType.substring(0, semi)).trim().toLowerCase()', to: 'contentType.trim().toLowerCase()' },
  { id: 'conn-error-body-unbounded', file: C, bug: 'the 4 KiB error-body limit removed', from: 'const ERROR_BODY_LIMIT = 4096', to: 'const ERROR_BODY_LIMIT = 4096 * 1024 * 1024' },
  { id: 'conn-error-body-not-finished-at-limit', file: C, bug: 'reaching 4 KiB of error body does not report the error (waits for the end or 5 s)',
    from: '\t\t\tif (this.failBodyBytes >= ERROR_BODY_LIMIT) this.finishErrorBody()', to: '' },
  { id: 'conn-400-as-redirect', file: C, bug: 'status 400 counted as a redirect (1830011)', from: '(status >= 300 && status < 400)', to: '(status >= 300 && status <= 400)' },
  { id: 'conn-retries-not-reset-by-event', file: C, bug: 'an event does not reset the retry count', from: '\t\tthis.retries = 0\n\t\tthis.lastEventId = id', to: '\t\tthis.lastEventId = id' },
  { id: 'conn-max-retries-off-by-one', file: C, bug: 'one reconnect more than maxRetries', from: 'if (max >= 0 && this.retries >= max) {', to: 'if (max >= 0 && this.retries > max) {' },
  { id: 'conn-backoff-uncapped', file: C, bug: 'the doubled delay is not capped by maxRetryInterval', from: '\t\tif (d > cap) d = cap\n', to: '' },
  { id: 'conn-base-uncapped', file: C, bug: 'the server\'s retry: is not capped by maxRetryInterval', from: '\t\tif (base > cap) base = cap\n', to: '' },
  { id: 'conn-no-floor', file: C, bug: 'retry: below minRetryInterval is not raised (reconnect storms)', from: '\t\tif (base < floor) base = floor\n', to: '' },
  { id: 'conn-backoff-exponent', file: C, bug: 'the backoff doubles one step early', from: 'Math.pow(2, this.backoff > 31 ? 30 : this.backoff - 1)', to: 'Math.pow(2, this.backoff > 31 ? 30 : this.backoff)' },
  { id: 'conn-stable-never-resets', file: C, bug: 'a stream open 5 s does not reset the backoff', from: 'this.backoff = stable ? 1 : this.backoff + 1', to: 'this.backoff = this.backoff + 1' },
  { id: 'conn-heartbeat-not-cleared', file: C, bug: 'the heartbeat timer is not cleared when the attempt stops (close)', from: '\t\tif (this.heartbeatTimer != 0) {\n\t\t\tclearTimeout(this.heartbeatTimer)\n\t\t\tthis.heartbeatTimer = 0\n\t\t}', to: '' },
  { id: 'conn-bytes-not-activity', file: C, bug: 'received bytes do not count as activity for the heartbeat', from: '\t\tif (this.phase == STREAMING) {\n\t\t\tthis.lastActivity = Date.now()\n\t\t\tlet decoder', to: '\t\tif (this.phase == STREAMING) {\n\t\t\tlet decoder' },
  { id: 'conn-heartbeat-default-post', file: C, bug: 'POST gets the GET heartbeat default (45 s)', from: "const defaultHeartbeat = resolved.method == 'GET' ? DEFAULT_HEARTBEAT_TIMEOUT : 0", to: 'const defaultHeartbeat = DEFAULT_HEARTBEAT_TIMEOUT' },
  { id: 'conn-post-end-replayed', file: C, bug: 'a POST whose response ended is replayed when maxRetries allows', from: "if (ended && (this.options.method != 'GET' || this.options.format == FORMAT_NDJSON)) {", to: 'if (ended && this.options.format == FORMAT_NDJSON) {' },
  { id: 'conn-end-flushes-blank-line', file: C, bug: 'at end of stream the parser is flushed with a blank line (complete data: lines without the closing blank line are dispatched)',
    from: '\t\t\tthis.parser.end()\n', to: "\t\t\tthis.parser.feed('\\n')\n" },
  { id: 'conn-no-last-event-id', file: C, bug: 'Last-Event-ID is not sent on reconnect', from: "\t\tif (id.length > 0) headers.set('Last-Event-ID', id)\n", to: '' },
  { id: 'conn-stale-attempt-accepted', file: C, bug: 'callbacks of a superseded attempt are accepted', from: 'return attempt == this.attemptId && this.readyState != CLOSED', to: 'return this.readyState != CLOSED' },
  { id: 'conn-connect-timer-kept', file: C, bug: 'the connect timeout is not cleared when the response arrives', from: '\t\tif (this.phase != AWAITING_RESPONSE) return\n\t\tthis.clearConnectTimer()', to: '\t\tif (this.phase != AWAITING_RESPONSE) return' },
  { id: 'conn-error-body-wait-fixed', file: C, bug: 'an error body is awaited 5 s even when timeout is shorter',
    from: 'this.options.timeout > 0 && this.options.timeout < ERROR_BODY_WAIT ? this.options.timeout : ERROR_BODY_WAIT', to: 'ERROR_BODY_WAIT' },
  { id: 'conn-decoder-flush-dropped', file: C, bug: 'the decoder\'s end-of-stream U+FFFD is not fed to the parser (maxLineLength counted differently from native decoders)',
    from: '\t\t\t\tif (rest.length > 0) this.feed(rest)\n', to: '' },
  { id: 'conn-immediate-reconnect-ignored', file: C, bug: 'a host time-limit cut (1830013) waits the reconnect delay', from: 'const delay = immediate ? 0 : this.nextDelay()', to: 'const delay = this.nextDelay()' },
  { id: 'conn-wrong-type-no-status', file: C, bug: 'the wrong-Content-Type error (1830006) carries no status', from: 'code == 1830005 || code == 1830006 || code == 1830011 ? this.failStatus : 0', to: 'code == 1830005 || code == 1830011 ? this.failStatus : 0' },
  { id: 'conn-max0-failure-silent', file: C, bug: 'with maxRetries 0 a failure closes without an error', from: '\t\t\t\tif (ended) this.close()\n\t\t\t\telse this.failFinal(code, message, null)', to: '\t\t\t\tthis.close()' },
  { id: 'conn-parser-not-reset', file: C, bug: 'the parser is not reset on reconnect (a half event continues into the next stream)', from: '\t\tthis.parser.reset()\n\t\tthis.decoder = null', to: '\t\tthis.decoder = null' },
  { id: 'conn-decoder-not-reset', file: C, bug: 'the UTF-8 decoder is kept across reconnects (bytes of a cut sequence prefix the next stream)', from: '\t\tthis.decoder = null\n\t\tthis.phase = AWAITING_RESPONSE', to: '\t\tthis.phase = AWAITING_RESPONSE' },
  { id: 'conn-transport-not-aborted', file: C, bug: 'stopping an attempt does not abort its transport', from: '\t\tif (transport != null) transport.abort()', to: '' },

  // --- dispatcher.uts ---------------------------------------------------------------------------------------------
  { id: 'disp-remove-noop', file: D, bug: 'removeEventListener does not mark the listener removed', from: '\t\t\t\tl.removed = true\n\t\t\t\thit = true', to: '\t\t\t\thit = true' },
  { id: 'disp-remove-any-type', file: D, bug: 'removeEventListener removes the callback from every type', from: 'if (!l.removed && l.type == type && (same == null || same(l.callback, callback))) {', to: 'if (!l.removed && (same == null || same(l.callback, callback))) {' },
  { id: 'disp-duplicates-added', file: D, bug: 'the same callback added twice for one type runs twice', from: '\t\t\t\tif (!l.removed && l.type == type && same(l.callback, callback)) return l.id\n', to: '' },
  { id: 'disp-named-gets-all', file: D, bug: 'addEventListener listeners get events of every name', from: 'if (l.removed || (named && l.type != ev.type)) continue', to: 'if (l.removed) continue' },
  { id: 'disp-close-does-not-stop-listeners', file: D, bug: 'close() inside a callback does not stop the remaining listeners of that event',
    from: '\t\tfor (let i = 0; i < count; i++) {\n\t\t\tif (this.closed) return\n\t\t\tconst l = list[i]\n\t\t\tif (l.removed || (named', to: '\t\tfor (let i = 0; i < count; i++) {\n\t\t\tconst l = list[i]\n\t\t\tif (l.removed || (named' },
  { id: 'disp-added-during-dispatch', file: D, bug: 'a listener added during a dispatch sees that event', from: '\t\tconst count = list.length\n\t\tfor (let i = 0; i < count; i++) {\n\t\t\tif (this.closed) return\n\t\t\tconst l = list[i]\n\t\t\tif (l.removed || (named',
    to: '\t\tfor (let i = 0; i < list.length; i++) {\n\t\t\tif (this.closed) return\n\t\t\tconst l = list[i]\n\t\t\tif (l.removed || (named' },
  { id: 'disp-throw-propagates', file: D, bug: 'a throwing callback is not caught', from: "\t\t\ttry {\n\t\t\t\tl.callback(ev)\n\t\t\t} catch (e) {\n\t\t\t\tconsole.error('[connect-event-source] ' + ev.type + ' callback threw', e)\n\t\t\t}", to: '\t\t\tl.callback(ev)' },
  { id: 'disp-off-message-ignored', file: D, bug: 'off(id) does not remove onMessage registrations', from: '\t\tthis.messageListeners = this.without(this.messageListeners, id)\n', to: '' },
  { id: 'disp-named-before-message', file: D, bug: 'named listeners run before onMessage', from: '\t\tthis.emitTo(this.messageListeners, ev, false)\n\t\tthis.emitTo(this.namedListeners, ev, true)', to: '\t\tthis.emitTo(this.namedListeners, ev, true)\n\t\tthis.emitTo(this.messageListeners, ev, false)' },

  // --- options.uts ------------------------------------------------------------------------------------------------
  { id: 'opt-header-cr-allowed', file: O, bug: 'a CR in a header value is accepted', from: 'if (c == 0 || c == 10 || c == 13) return', to: 'if (c == 0 || c == 10) return' },
  { id: 'opt-latin1-off-by-one', file: O, bug: 'U+0100 accepted in a header value', from: 'if (c > 255) return', to: 'if (c > 256) return' },
  { id: 'opt-body-on-get', file: O, bug: 'a body is accepted with GET', from: "if (r.method == 'GET' || r.method == 'HEAD') return bad(", to: "if (r.method == 'HEAD') return bad(" },
  { id: 'opt-method-not-upper', file: O, bug: 'the method is not upper-cased', from: 'r.method = method.toUpperCase()', to: 'r.method = method' },
  { id: 'opt-timeout-default', file: O, bug: 'wrong default timeout (3 s instead of 30 s)', from: 'r.timeout = duration(options.timeout ?? null, 30000)', to: 'r.timeout = duration(options.timeout ?? null, 3000)' },
  { id: 'opt-retry-interval-default', file: O, bug: 'wrong default retryInterval (300 ms)', from: 'r.retryInterval = duration(options.retryInterval ?? null, 3000)', to: 'r.retryInterval = duration(options.retryInterval ?? null, 300)' },
  { id: 'opt-max-retry-interval-default', file: O, bug: 'wrong default maxRetryInterval (3 s)', from: 'r.maxRetryInterval = duration(options.maxRetryInterval ?? null, 30000)', to: 'r.maxRetryInterval = duration(options.maxRetryInterval ?? null, 3000)' },
  { id: 'opt-min-retry-default', file: O, bug: 'wrong default minRetryInterval (25 ms)', from: 'DEFAULT_MIN_RETRY_INTERVAL : number = 250', to: 'DEFAULT_MIN_RETRY_INTERVAL : number = 25' },
  { id: 'opt-heartbeat-default', file: O, bug: 'wrong default heartbeatTimeout (4.5 s)', from: 'DEFAULT_HEARTBEAT_TIMEOUT : number = 45000', to: 'DEFAULT_HEARTBEAT_TIMEOUT : number = 4500' },
  { id: 'opt-floor-not-lowered', file: O, bug: 'the default floor is not lowered to a smaller retryInterval', from: 'const defaultFloor = r.retryInterval < DEFAULT_MIN_RETRY_INTERVAL ? r.retryInterval : DEFAULT_MIN_RETRY_INTERVAL', to: 'const defaultFloor = DEFAULT_MIN_RETRY_INTERVAL' },
  { id: 'opt-post-retries-unlimited', file: O, bug: 'POST reconnects without limit by default', from: "if (maxRetries == null) r.maxRetries = r.method == 'GET' ? -1 : 0", to: 'if (maxRetries == null) r.maxRetries = -1' },
  { id: 'opt-min-equals-max-refused', file: O, bug: 'minRetryInterval equal to maxRetryInterval refused', from: 'if (r.minRetryInterval > r.maxRetryInterval)', to: 'if (r.minRetryInterval >= r.maxRetryInterval)' },
  { id: 'opt-zero-duration-refused', file: O, bug: 'a duration of 0 (off) refused', from: 'if (!(value! >= 0 && value! <= MAX_DELAY)) return NaN', to: 'if (!(value! > 0 && value! <= MAX_DELAY)) return NaN' },
  { id: 'opt-accept-overridden', file: O, bug: 'the user\'s Accept header is overridden', from: "if (!hasHeader(r.headers, 'accept')) r.headers.set('Accept'", to: "r.headers.set('Accept'" },
  { id: 'opt-text-content-type-forced', file: O, bug: 'a string body always gets text/plain, whatever Content-Type the user set', from: "\t\t\tif (!hasHeader(r.headers, 'content-type')) r.headers.set('Content-Type', 'text/plain;charset=UTF-8')", to: "\t\t\tr.headers.set('Content-Type', 'text/plain;charset=UTF-8')" },
  { id: 'opt-header-lookup-case', file: O, bug: 'header lookup is case-sensitive', from: '\t\tif (key.toLowerCase() == lowerName) found = true', to: '\t\tif (key == lowerName) found = true' },
  { id: 'opt-max-line-length-ignored', file: O, bug: 'the maxLineLength option is not applied', from: '\t\tr.maxLineLength = maxLineLength!\n', to: '' },

  // --- url.uts ----------------------------------------------------------------------------------------------------
  { id: 'url-port-off-by-one', file: L, bug: 'port 65536 accepted', from: 'if (portNumber > 65535) return invalid', to: 'if (portNumber > 65536) return invalid' },
  { id: 'url-scheme-case', file: L, bug: 'an upper-case scheme (HTTP://) refused', from: 'const scheme = url.substring(0, schemeEnd).toLowerCase()', to: 'const scheme = url.substring(0, schemeEnd)' },
  { id: 'url-space-not-stripped', file: L, bug: 'leading spaces are not stripped', from: 'while (start < end && input.charCodeAt(start) <= 32) start++', to: 'while (start < end && input.charCodeAt(start) < 32) start++' },
  { id: 'url-tab-kept', file: L, bug: 'tabs inside the URL are not removed', from: 'if (c == 9 || c == 10 || c == 13) {', to: 'if (c == 10 || c == 13) {' },
  { id: 'url-ipv4-256', file: L, bug: 'an IPv4 part of 256 accepted', from: 'if (i < parts.length - 1 && n > 255) return false', to: 'if (i < parts.length - 1 && n > 256) return false' },
  { id: 'url-lt-allowed', file: L, bug: '"<" allowed in a host', from: 'c == 58 || c == 60 || c == 62', to: 'c == 58 || c == 62' },
  { id: 'url-empty-host', file: L, bug: 'an empty host accepted', from: "\t\tif (host.length == 0) return invalid(input, 'the host is missing.')\n", to: '' },
  { id: 'url-userinfo-first-at', file: L, bug: 'userinfo ends at the first @, not the last', from: "const at = authority.lastIndexOf('@')", to: "const at = authority.indexOf('@')" },
  { id: 'url-backslash-not-slash', file: L, bug: 'a backslash does not end the host of an http(s) URL', from: 'if (c == 47 || c == 92 || c == 63 || c == 35) break', to: 'if (c == 47 || c == 63 || c == 35) break' },

  // --- web/fetch-transport.uts ------------------------------------------------------------------------------------
  { id: 'fetch-abort-not-aborting', file: F, bug: 'abort() does not abort the request', from: '\t\tthis.aborted = true\n\t\tthis.controller.abort()', to: '\t\tthis.aborted = true' },
  { id: 'fetch-abort-reports-on', file: F, bug: 'abort() does not silence the transport (a failure after abort is reported)', from: '\t\tif (this.aborted) return\n\t\tthis.aborted = true\n\t\tthis.controller.abort()', to: '\t\tthis.controller.abort()' },
  { id: 'fetch-303-keeps-method', file: F, bug: 'a 303 keeps the POST method and body', from: " || (status == 303 && method != 'GET' && method != 'HEAD')", to: '' },
  { id: 'fetch-cross-origin-headers-kept', file: F, bug: 'every header is kept on a redirect to another origin', from: "\t\t\tif (crossOrigin && CROSS_ORIGIN_KEPT.indexOf(lower) == -1) continue\n", to: '' },
  { id: 'fetch-https-downgrade', file: F, bug: 'an https to http redirect is followed', from: "\t\tif (from.protocol == 'https:' && to.protocol == 'http:') return false\n", to: '' },
  { id: 'fetch-redirect-limit-off-by-one', file: F, bug: '21 redirects followed', from: 'if (hops >= MAX_REDIRECTS) return false', to: 'if (hops > MAX_REDIRECTS) return false' },
  { id: 'fetch-latin1-id-not-utf8', file: F, bug: 'a Last-Event-ID of Latin-1 characters is sent as Latin-1, not UTF-8', from: 'if (text.charCodeAt(i) > 127) {', to: 'if (text.charCodeAt(i) > 255) {' },
  { id: 'fetch-id-not-encoded', file: F, bug: 'Last-Event-ID is passed to fetch unencoded', from: "headers[key] = key.toLowerCase() == 'last-event-id' ? utf8ByteString(value) : value", to: 'headers[key] = value' },
  { id: 'fetch-body-headers-kept-on-get', file: F, bug: 'Content-Type is kept when a redirect turns the request into a GET', from: '\t\t\tif (toGet && BODY_HEADERS.indexOf(lower) != -1) continue\n', to: '' },
  { id: 'fetch-end-not-reported', file: F, bug: 'the end of the body is not reported', from: '\t\t\t\tif (result.done) {\n\t\t\t\t\tlistener.onEnd()', to: '\t\t\t\tif (result.done) {' },

  // --- mp-weixin/request-transport.uts ----------------------------------------------------------------------------
  { id: 'req-not-chunked', file: R, bug: 'enableChunked not set', from: ["\t\tif (chunked) options['enableChunked'] = true\n", "\t\t\toptions['enableChunked'] = true\n"], to: '' },
  { id: 'req-text-response', file: R, bug: 'responseType text in chunked mode', from: ["responseType: chunked ? 'arraybuffer' : 'text'", "\t\t\toptions['responseType'] = 'arraybuffer'\n"],
    to: ["responseType: 'text'", "\t\t\toptions['responseType'] = 'text'\n"] },
  { id: 'req-queued-body-dropped', file: R, bug: 'body that arrived before the status is dropped', from: '\t\tfor (let i = 0; i < queued.length && !this.done; i++) this.listener.onBytes(queued[i])\n', to: '' },
  { id: 'req-abort-not-aborting', file: R, bug: 'abort() does not abort the RequestTask', from: "\t\tif (!finished && task != null && typeof task.abort == 'function') task.abort()\n", to: '' },
  { id: 'req-devtools-stream-waits', file: R, bug: 'an event stream without statusCode waits for success', from: "} else if (isEventStream(headers.get('content-type') ?? null)) {", to: '} else if (false) {' },
  { id: 'req-header-names-kept', file: R, bug: 'response header names are not lower-cased', from: "headers.set(names[i].toLowerCase(), Array.isArray(value)", to: "headers.set(names[i], Array.isArray(value)" },
  { id: 'req-background-not-interrupted', file: R, bug: 'a failure while in the background is reported as a network error', from: 'if (wentToBackground(this.hideCountAtStart)) {', to: 'if (false) {' },
  { id: 'req-whole-twice', file: R, bug: 'a body delivered in chunks is delivered again whole in success', from: 'if (!this.done && this.bodyBytes == 0) this.deliverWhole(res != null ? res.data : null)', to: 'if (!this.done) this.deliverWhole(res != null ? res.data : null)' },
  { id: 'req-timeout-not-interrupted', file: R, bug: 'the host\'s time limit is reported as a plain network failure', from: '\t\t} else if (isHostTimeout(error)) {\n\t\t\tconst limit', to: '\t\t} else if (false) {\n\t\t\tconst limit' }
]

/** Outside the score (npm run test:mutation -- --extra): bugs in other platforms' transports that a test exists to catch. */
export const EXTRA = [
  { id: 'android-queued-after-abort', file: 'app-android/SseHttpCall.kt', bug: 'callbacks already queued on the delivery thread run after an abort made inside an earlier callback',
    from: '\t\t\tif (!aborted.get()) task()', to: '\t\t\ttask()', tests: ['test/android-okhttp-transport.test.mjs'] },
  { id: 'android-end-after-abort-in-text', file: 'app-android/SseText.kt', bug: 'onEnd after an abort made inside the final onText (decoder flush)',
    from: '\t\t\tif (aborted()) return\n', to: '', tests: ['test/android-okhttp-transport.test.mjs'] }
]

/** Mutants that cannot change behaviour: not run, not scored, listed with the reason. */
export const EQUIVALENT = [
  { id: 'parser-carried-data-exactly-5', file: P, bug: 'processJoinedLine: `end >= 5` -> `end > 5` (a carried line that is exactly "data:")',
    reason: 'the line then goes to processOtherLine, which finds the colon at index 4 and calls processField("data", "") -> appendData(""): the same event.' },
  { id: 'parser-concat-limit', file: P, bug: 'keepPartial: `this.pending.length <= CONCAT_LIMIT` -> `< CONCAT_LIMIT` or `true`',
    reason: 'only chooses between concatenating and keeping parts joined once; the joined line is the same text (a performance choice, measured by npm run bench).' },
  { id: 'parser-second-dispatch-after-blank', file: P, bug: 'fast path: `pos++` dropped after dispatching the blank line that follows an LF line',
    reason: 'the same LF is then read again as a blank line and dispatch() runs with no data: it sets lastEventId to the unchanged id buffer and resets an already empty type, so nothing is observable.' },
  { id: 'conn-close-guard', file: C, bug: 'close(): the `readyState == CLOSED` early return dropped',
    reason: 'shutdown() is idempotent (attempt counter, null transport, detached parser) and dispatcher.emitClose() returns when already closed.' },
  { id: 'conn-user-last-event-id-kept', file: C, bug: "connect(): `deleteHeader(headers, 'last-event-id')` dropped (a user Last-Event-ID header sent as well as the engine's)",
    reason: 'resolveOptions never puts a Last-Event-ID header (any case) into ResolvedOptions.headers: it becomes the resume point instead (options.uts `continue`), so there is nothing to delete; the delete is defence in depth. The options side is mutant opt-header-last-event-id-wins and options-defaults-and-limits.' },
  { id: 'opt-header-last-event-id-wins', file: O, bug: 'checkOptions: `if (options.lastEventId == null) r.lastEventId = text` -> `r.lastEventId = text` (the header assigned unconditionally)',
    reason: 'a given lastEventId option is assigned to r.lastEventId further down in any case, so the option still wins; the guard only avoids a dead store.' },
  { id: 'conn-dispatch-after-close-guard', file: C, bug: 'dispatchEvent: the `readyState == CLOSED` early return dropped',
    reason: 'a closed source has a detached parser (handlers null) and a closed dispatcher that delivers nothing; the retry count of a closed source is never read.' },
  { id: 'textdec-complete-tail-carried', file: T, bug: 'NativeDecoder: `sequenceLength(b) > len - i` -> `>=` (a complete final sequence is carried too)',
    reason: 'the carried character is the last of the chunk, so no line end follows it in that chunk; it is decoded with the next chunk or by the final flush, and the parser sees the same text before any line could complete.' },
  { id: 'req-string-body-content-type', file: R, bug: 'request transport: text/plain not added for a string body without Content-Type',
    reason: 'options.uts already sets Content-Type text/plain;charset=UTF-8 on every string body (resolveOptions), so the transport never sees one without it.' },
  { id: 'disp-error-closed-guard', file: D, bug: 'emitError: the `if (this.closed) return` at the top dropped',
    reason: 'the loop checks closed before every callback; the engine never emits an error once closed (streamLost and failFinal return on CLOSED first), so only a console line for a closed source without listeners could differ, and that path is never taken.' },
  { id: 'fetch-credentials-always-include', file: F, bug: "credentials: 'include' whatever withCredentials says",
    reason: 'equivalent in Node (undici ignores credentials); not equivalent in a browser, where web-shared-scenarios-in-chromium covers it - outside this planter, which runs Node only.' }
]
