// Generated mutants that cannot change behaviour, by key (scripts/mutation/generate.mjs: file|function|mutator|
// original => replacement[|#n], no line number), each with the reason. Not run, not scored; printed with the reason.
// A key that is no longer generated is reported by a full run so the list does not rot.
const C = 'common/chat/coalesce.uts'

// The error-frame guard every JSON-object decoder starts with (ollama, openai-chat, gemini): `if (frame['error'] != null)
// { const e = providerErrorOf(frame); if (e != null) { sink.providerError(...); return } }`.
const errorGuard = (file, cls) => [
  { key: `${file}|${cls}.decode|ConditionalExpression|frame['error'] != null => true`,
    reason: 'providerErrorOf returns null for a frame without an error member (these formats have no top-level type "error"), so the guard only skips a call.' },
  { key: `${file}|${cls}.decode|ConditionalExpression|e != null => true`,
    reason: 'for every documented frame: an error member that is not null is an object or a non-empty string, which providerErrorOf always turns into an error; only an undocumented {"error": ""} or {"error": false} would differ.' },
  { key: `${file}|${cls}.decode|StatementRemoval|return => ;`,
    reason: 'for every documented frame: an error frame carries nothing else to decode ({"error": ...} alone), and once the accumulator holds an error afterFrame() fails the stream whatever else was added.' }
]

// `if (x.length > 0) sink.addText(x)` / addReasoning: the accumulator's CoalescedText.append ignores an empty delta,
// so always calling it (true, >= 0) changes nothing.
const emptyAppend = (file, cls, name) => [
  { key: `${file}|${cls}.decode|ConditionalExpression|${name}.length > 0 => true`, reason: `addText/addReasoning('') is a no-op (CoalescedText.append returns on an empty delta): the guard on ${name} only skips the call.` },
  { key: `${file}|${cls}.decode|EqualityOperator|${name}.length > 0 => ${name}.length >= 0`, reason: `the same: the extra case is an empty ${name}.` }
]

// parser.uts processJoinedLine: the `data:` fast path is a shortcut of the general path below it (field named by a
// substring, then applyField(FIELD_DATA) -> appendData with the same value): a mutant that only skips the shortcut
// (never takes it, or takes it for fewer lines) changes speed, not output. (end >= 5 is implied by charCodeAt(4) == COLON.)
const joinedDataShortcut = [
  { key: "common/parser.uts|SseParser.processJoinedLine|StatementRemoval|if (line.charCodeAt(0) == 100 && end >= 5 && line.charCodeAt(4) == COLON && line.charCodeAt(1) == 97 && line.charCodeAt(2) == 116 && line.charCodeAt(3) == 97) { => {}", reason: 'the line then goes through the general path, which appends the same data value.' },
  { key: "common/parser.uts|SseParser.processJoinedLine|ConditionalExpression|line.charCodeAt(0) == 100 && end >= 5 && line.charCodeAt(4) == COLON && line.charCodeAt(1) == 97 && line.charCodeAt(2) == 116 && line.charCodeAt(3) == 97 => false", reason: 'the line then goes through the general path, which appends the same data value.' },
  { key: "common/parser.uts|SseParser.processJoinedLine|EqualityOperator|end >= 5 => end > 5", reason: 'the line then goes through the general path, which appends the same data value.' },
  { key: "common/parser.uts|SseParser.processJoinedLine|EqualityOperator|end >= 5 => end < 5", reason: 'the line then goes through the general path, which appends the same data value.' },
  { key: "common/parser.uts|SseParser.processJoinedLine|ConditionalExpression|end >= 5 => true", reason: 'the line then goes through the general path, which appends the same data value.' },
  { key: "common/parser.uts|SseParser.processJoinedLine|BlockStatement|{ let valueStart = 5 if (valueStart < end && line.charCodeAt(valueStart) == SPACE) valueStart++ this.appendData(valueStart == end ? '' : line.substring(valueSta => {}", reason: 'the line then goes through the general path, which appends the same data value.' },
]

// forbiddenInDomain keeps the whole list of the URL Standard's "forbidden domain code point", but checkUrl ends the
// authority at the first '/', '\\', '?' or '#', so those four never reach the host.
const unreachableInHost = 'checkUrl ends the authority at the first "/", "\\", "?" or "#", so this code point never reaches the host check.'

export const EQUIVALENT = [
  // --- dispatcher.uts ---------------------------------------------------------------------------------------------
  { key: `common/dispatcher.uts|Listener.type|StringLiteral|'' => 'Stryker was here!'`, reason: 'the constructor assigns type on every instance: the initial value (there for kotlinc) is never read.' },
  { key: `common/dispatcher.uts|EventDispatcher.listener|StringLiteral|'' => 'Stryker was here!'`,
    reason: 'the type of an unnamed registration (onOpen, onMessage, onClose, onComment, onError) is never read: only namedListeners are matched by type (emitTo with named, addEventListener, removeEventListener).' },
  { key: 'common/dispatcher.uts|EventDispatcher.removeEventListener|BooleanLiteral|false => true',
    reason: 'hit only decides whether to rebuild the list without the removed entries; rebuilding when nothing was removed gives a list of the same listeners (a dispatch in progress keeps iterating the old one either way).' },
  { key: 'common/dispatcher.uts|EventDispatcher.removeEventListener|ConditionalExpression|hit => true', reason: 'the same: an unconditional rebuild keeps exactly the listeners not removed.' },
  { key: 'common/dispatcher.uts|EventDispatcher.emitError|StatementRemoval|return => ;',
    reason: 'the return after the console line for an error nobody listens to: count is 0 there, so the loop after it runs no iteration.' },
  { key: 'common/dispatcher.uts|EventDispatcher.emitMessage|ConditionalExpression|this.namedListeners.length > 0 => true', reason: 'the guard only skips emitTo over an empty list, which calls nothing.' },
  { key: 'common/dispatcher.uts|EventDispatcher.emitMessage|EqualityOperator|this.namedListeners.length > 0 => this.namedListeners.length >= 0', reason: 'the same: the extra case is the empty list.' },
  // --- connection.uts ---------------------------------------------------------------------------------------------
  { key: 'common/connection.uts|EventSourceConnection.constructor|StatementRemoval|this.parser = new SseParser(ignoreEvent, null, null, null, resolved.maxLineLength) => ;',
    reason: 'a placeholder for the typed targets (the field must hold a parser when init ends): start(), which every factory calls right after the constructor, assigns the real parser before anything reads it.' },
  // --- options.uts ------------------------------------------------------------------------------------------------
  { key: `common/options.uts|ResolvedOptions.url|StringLiteral|'' => 'Stryker was here!'`,
    reason: 'resolveOptions assigns url on every result without an error, and a result with an error is never read further (bad() results only carry the error).' },
  { key: 'common/options.uts|checkOptions|EqualityOperator|r.retryInterval < r.minRetryInterval => r.retryInterval <= r.minRetryInterval', reason: 'when they are equal the assignment writes the value minRetryInterval already has.' },
  { key: 'common/options.uts|checkOptions|EqualityOperator|r.maxRetryInterval < r.minRetryInterval => r.maxRetryInterval <= r.minRetryInterval', reason: 'the same: equal values, nothing changes.' },
  { key: 'common/options.uts|checkOptions|EqualityOperator|r.maxLineLength > r.maxEventSize => r.maxLineLength >= r.maxEventSize', reason: 'the same: raising maxEventSize to an equal maxLineLength changes nothing.' },
  // --- url.uts ----------------------------------------------------------------------------------------------------
  { key: `common/url.uts|CheckedUrl.url|StringLiteral|'' => 'Stryker was here!'`,
    reason: 'the initial url is read only when error is null (options.uts checkOptions), and both results without an error (the relative and the absolute one) assign url; an invalid result never shows it.' },
  { key: 'common/url.uts|stripUrl|EqualityOperator|start < end => start <= end',
    reason: 'end is still input.length during the first loop, so start == end reads charCodeAt(input.length), NaN, and NaN <= 32 is false: the loop stops where it would have.' },
  { key: 'common/url.uts|forbiddenInDomain|ConditionalExpression|c == 35 => false', reason: unreachableInHost },
  { key: 'common/url.uts|forbiddenInDomain|ConditionalExpression|c == 47 => false', reason: unreachableInHost },
  { key: 'common/url.uts|forbiddenInDomain|ConditionalExpression|c == 63 => false', reason: unreachableInHost },
  { key: 'common/url.uts|forbiddenInDomain|ConditionalExpression|c == 92 => false', reason: unreachableInHost },
  { key: 'common/url.uts|checkUrl|EqualityOperator|pos < url.length => pos <= url.length', reason: 'the extra pass reads charCodeAt(url.length), NaN in JS: not "/" or "\\\\", so the loop stops where it would have.' },
  { key: 'common/url.uts|checkUrl|EqualityOperator|end < url.length => end <= url.length', reason: 'the extra pass reads NaN (no break character) and moves end to url.length + 1, which substring clamps to url.length: the same authority.' },
  { key: 'common/url.uts|checkUrl|ConditionalExpression|at != -1 => true', reason: 'without an @, at is -1 and authority.substring(0) is the authority itself.' },
  { key: 'common/url.uts|checkUrl|EqualityOperator|i + 2 >= host.length => i + 2 > host.length', reason: 'a "%" one character before the end then reads charCodeAt(host.length), NaN in JS, and hexValue(NaN) is -1: the same "not a %XX escape" failure.' },
  { key: 'common/url.uts|checkUrl|EqualityOperator|i < host.length => i <= host.length|#2',
    reason: 'in JS the extra pass reads host.charCodeAt(host.length), NaN: not 37 ("%"), and every comparison of forbiddenInDomain is false for NaN, so it neither fails nor changes the result (mutants run in JS; the typed targets compile the unmutated loop).' },
  ...joinedDataShortcut,
  { key: 'common/parser.uts|SseParser.applyField|StatementRemoval|return => ;|#2', reason: 'the return after eventTooLarge in the event branch: the parser is halted then (nothing is dispatched until reset()), and reset() clears the event type it would go on to set; nothing can read it in between.' },
  { key: `common/chat/ollama.uts|OllamaDecoder.decode|StringLiteral|'call:' => ''`, reason: 'the prefix only namespaces the accumulator key; "0" and "call:0" key the same calls (every Ollama key has the same form).' },
  { key: `common/chat/ollama.uts|OllamaDecoder.decode|UpdateOperator|this.calls++ => this.calls--`, reason: 'the keys stay distinct (0, -1, -2...), and calls are numbered by arrival in the accumulator, not by key.' },
  ...emptyAppend('common/chat/ollama.uts', 'OllamaDecoder', 'thinking'),
  ...emptyAppend('common/chat/ollama.uts', 'OllamaDecoder', 'content'),
  ...emptyAppend('common/chat/openai-chat.uts', 'OpenAIChatDecoder', 'reasoning'),
  ...emptyAppend('common/chat/openai-chat.uts', 'OpenAIChatDecoder', 'content'),
  ...errorGuard('common/chat/ollama.uts', 'OllamaDecoder'),
  ...errorGuard('common/chat/openai-chat.uts', 'OpenAIChatDecoder'),
  ...errorGuard('common/chat/gemini.uts', 'GeminiDecoder'),
  // --- chat/openai-chat.uts ----------------------------------------------------------------------------------------
  { key: `common/chat/openai-chat.uts|OpenAIChatDecoder.decode|EqualityOperator|i < choices.length => i <= choices.length`,
    reason: 'in JS the extra pass reads choices[length], undefined: num, child and str treat it as null (index -1, no delta, no finish reason), so nothing is reported (mutants run in JS; the typed targets compile the unmutated loop).' },
  { key: `common/chat/openai-chat.uts|OpenAIChatDecoder.decode|ConditionalExpression|delta != null => true`,
    reason: 'with no delta every read is on null: str gives \'\' (both appends are guarded, and empty appends are no-ops anyway) and objects gives [] (no tool call), so the guard only skips reads that report nothing.' },
  { key: `common/chat/openai-chat.uts|OpenAIChatDecoder.decode|StringLiteral|'index:' => ''`,
    reason: 'the prefix only keeps index keys apart from id keys ("id:..."): a bare index ("0") never equals "id:...", and keys are only compared with each other, never shown (calls are numbered by arrival).' },
  { key: `common/chat/openai-chat.uts|OpenAIChatDecoder.decode|StringLiteral|'id:' => ''`,
    reason: 'the same for id keys: an id key is only made for a non-empty id, and a bare id ("call_...") never equals "index:N"; keys are never shown.' },
  { key: `common/chat/openai-chat.uts|OpenAIChatDecoder.decode|ConditionalExpression|usage != null => true`,
    reason: 'with no usage object every num(null, ...) is -1, and setUsage ignores negative counts (accumulator.uts): the guard only skips a call that changes nothing.' },
  { key: `common/chat/openai-chat.uts|OpenAIChatDecoder.decode|StringLiteral|'total_tokens' => ''`,
    reason: 'for every documented frame: total_tokens is "Total number of tokens used in the request (prompt + completion)" (openai resources/completions.d.ts, CompletionUsage), which is what the accumulator computes when no total is sent.' },
  // --- chat/anthropic.uts -----------------------------------------------------------------------------------------
  { key: `common/chat/anthropic.uts|AnthropicDecoder.decode|StringLiteral|'' => 'Stryker was here!'`,
    reason: 'the id given with an input_json_delta: the assembler keeps a call\'s first non-empty id (tool-calls.uts add), and content_block_start, whose tool_use block has a required id ("Streaming messages": "each of which have a content_block_start, one or more content_block_delta events"; @anthropic-ai/sdk ToolUseBlock "id: string"), always comes before its deltas.' },
  { key: `common/chat/anthropic.uts|AnthropicDecoder.decode|StringLiteral|'' => 'Stryker was here!'|#2`,
    reason: 'the same for the name: ToolUseBlock "name: string" arrives with content_block_start, before the deltas; the assembler keeps the first non-empty name.' },
  { key: `common/chat/anthropic.uts|AnthropicDecoder.decode|ConditionalExpression|blockType == 'thinking' => true`,
    reason: 'the other block types that reach this branch (redacted_thinking with "data: string", web_search_tool_result, ...; @anthropic-ai/sdk resources/messages/messages.d.ts) have no thinking field: addReasoning(\'\') is a no-op (CoalescedText.append returns on an empty delta).' },
  { key: `common/chat/anthropic.uts|AnthropicDecoder.decode|ConditionalExpression|usage != null => true`,
    reason: 'with no usage object num(null, ...) is -1, and setUsage ignores negative counts (accumulator.uts): the guard only skips a call that changes nothing.' },
  { key: `common/chat/anthropic.uts|AnthropicDecoder.decode|ConditionalExpression|usage != null => true|#2`, reason: 'the same for message_delta.' },
  { key: `common/chat/anthropic.uts|AnthropicDecoder.decode|ConditionalExpression|kind == 'error' => true`,
    reason: 'the frames that reach this last branch (ping, and event types added later: Anthropic "Versions" page, "Add new variants to enum-like output values (for example, streaming event types)") have neither a top-level error member nor type "error", so providerErrorOf returns null and the e != null check skips the call.' },
  { key: `common/chat/anthropic.uts|AnthropicDecoder.decode|ConditionalExpression|e != null => true`,
    reason: 'for every documented frame: kind "error" comes from data typed "error" ({"type": "error", "error": {...}}), and providerErrorOf returns an error for every frame typed "error"; only an undocumented `event: error` with data lacking both type and error would differ.' },
  // --- chat/gemini.uts --------------------------------------------------------------------------------------------
  { key: `common/chat/gemini.uts|GeminiDecoder.decode|ConditionalExpression|candidates.length > 0 => true`,
    reason: 'in JS candidates[0] of an empty list is undefined, which child, objects and str treat as null (no parts, no finish reason, no message): the guard only skips reads that report nothing (mutants run in JS; the typed targets compile the unmutated guard).' },
  { key: `common/chat/gemini.uts|GeminiDecoder.decode|EqualityOperator|candidates.length > 0 => candidates.length >= 0`, reason: 'the same: the extra case is an empty candidates list.' },
  { key: `common/chat/gemini.uts|GeminiDecoder.decode|EqualityOperator|i < parts.length => i <= parts.length`,
    reason: 'in JS the extra pass reads parts[length], undefined: no functionCall, text \'\', so it continues without reporting anything (mutants run in JS; the typed targets compile the unmutated loop).' },
  { key: `common/chat/gemini.uts|GeminiDecoder.decode|UpdateOperator|this.calls++ => this.calls--`, reason: 'the keys stay distinct (0, -1, -2...), and calls are numbered by arrival in the accumulator, not by key.' },
  { key: `common/chat/gemini.uts|GeminiDecoder.decode|StatementRemoval|continue => ;`,
    reason: 'a functionCall part has no text ("Exactly one field within a Part should be set", @google/genai dist/genai.d.ts, Part), so the next statements read text \'\' and continue anyway.' },
  { key: `common/chat/gemini.uts|GeminiDecoder.decode|StatementRemoval|if (text.length == 0) continue => {}`,
    reason: 'addText(\'\') and addReasoning(\'\') are no-ops (CoalescedText.append returns on an empty delta): the guard only skips the call.' },
  { key: `common/chat/gemini.uts|GeminiDecoder.decode|ConditionalExpression|text.length == 0 => false`, reason: 'the same as removing the guard (above).' },
  { key: `common/chat/gemini.uts|GeminiDecoder.decode|ConditionalExpression|why.length > 0 => true`,
    reason: 'promptFeedback is "Sent only in the first stream chunk. Only happens when no candidates were generated" (@google/genai dist/genai.d.ts, GenerateContentResponse.promptFeedback): no finish message can have been set before it, so finishDetail(\'\') sets the initial \'\' again.' },
  { key: `common/chat/gemini.uts|GeminiDecoder.decode|EqualityOperator|why.length > 0 => why.length >= 0`, reason: 'the same: the extra case is an empty blockReasonMessage.' },
  { key: `common/chat/gemini.uts|GeminiDecoder.decode|ConditionalExpression|usage != null => true`,
    reason: 'with no usageMetadata every num(null, ...) is -1, and setUsage ignores negative counts (accumulator.uts): the guard only skips a call that changes nothing.' },
  // --- chat/openai-responses.uts -----------------------------------------------------------------------------------
  { key: `common/chat/openai-responses.uts|OpenAIResponsesDecoder.decode|StringLiteral|'' => 'Stryker was here!'`,
    reason: 'the id given with an argument delta: the assembler keeps a call\'s first non-empty id (tool-calls.uts add), and in every documented stream response.output_item.added, whose function_call item has a required call_id (openai resources/responses/responses.d.ts, ResponseFunctionToolCall "call_id: string"), comes before its deltas.' },
  { key: `common/chat/openai-responses.uts|OpenAIResponsesDecoder.decode|StringLiteral|'' => 'Stryker was here!'|#2`,
    reason: 'the same for the name: ResponseFunctionToolCall "name: string" is required and arrives with the item, before its deltas; the assembler keeps the first non-empty name.' },
  { key: `common/chat/openai-responses.uts|OpenAIResponsesDecoder.decode|ConditionalExpression|usage != null => true`,
    reason: 'with no usage object every num(null, ...) is -1, and setUsage ignores negative counts (accumulator.uts): the guard only skips a call that changes nothing.' },
  { key: `common/chat/openai-responses.uts|OpenAIResponsesDecoder.decode|ConditionalExpression|kind == 'response.failed' => true`,
    reason: 'response.completed and response.incomplete carry no error object (Response "error: ResponseError | null", set only "when the model fails"): message and code read \'\', so finishDetail(\'\') sets the finish message to the accumulator\'s initial \'\', and only one terminal event ends a reply.' },
  { key: `common/chat/openai-responses.uts|OpenAIResponsesDecoder.decode|ConditionalExpression|kind == 'error' => true`,
    reason: 'the frames that reach this last branch (response.created, .in_progress, .content_part.added, .output_text.done, .output_item.done...) have neither a top-level error member nor type "error", so providerErrorOf returns null and the e != null check skips the call.' },
  { key: `common/chat/openai-responses.uts|OpenAIResponsesDecoder.decode|ConditionalExpression|e != null => true`,
    reason: 'for every documented frame: kind "error" comes from data typed "error" (an error frame: the openai SDK\'s ResponseErrorEvent has type "error", code, message), and providerErrorOf returns an error for every frame typed "error"; only an undocumented `event: error` with data lacking both type and error would differ.' },
  { key: `common/chat/openai-responses.uts|OpenAIResponsesDecoder.itemKey|ConditionalExpression|id.length > 0 => false`,
    reason: 'for every documented frame: output_item.added and each function_call_arguments event carry the item\'s output_index (required "output_index: number" in ResponseOutputItemAddedEvent, ResponseFunctionCallArgumentsDeltaEvent and ...DoneEvent), and an item keeps its output_index, so keying every call by output_index matches the same frames.' },
  { key: `common/chat/openai-responses.uts|OpenAIResponsesDecoder.itemKey|StringLiteral|'item:' => ''`,
    reason: 'the prefix only keeps id keys apart from output_index keys ("output:N"); an item id ("fc_...") is never "output:N", and keys are only compared with each other, never shown (calls are numbered by arrival).' },
  { key: `common/chat/openai-responses.uts|OpenAIResponsesDecoder.itemKey|StringLiteral|'output:' => ''`,
    reason: 'the same: a bare output_index ("1") never equals an id key ("item:fc_..."), and keys are never shown.' },
  // --- chat/chat-stream.uts ---------------------------------------------------------------------------------------
  // handleSourceError's second branch (an HTTP error body with the provider's explanation): the engine only puts a body
  // in failData for an HTTP error status, which comes before any frame, so nothing is pending to flush there.
  { key: `common/chat/chat-stream.uts|ChatStream.handleSourceError|ConditionalExpression|this.state != STREAMING => false|#2`,
    reason: 'the check after flushUpdates(true) can only see a state changed by a listener called in that flush; with an HTTP error body no text or reasoning was received, so the flush calls no listener.' },
  { key: `common/chat/chat-stream.uts|ChatStream.handleSourceError|StatementRemoval|this.state = FINISHED => ;|#2`,
    reason: 'right after it stop() closes the source (its callbacks dropped) and emitError drops every listener: nothing can call into the stream again, so the state left behind is never read (a later close() finds no source and no listener).' },
  { key: `common/chat/ollama.uts|OllamaDecoder.decode|ConditionalExpression|reason.length > 0 => true`,
    reason: 'only the one done frame of a reply reads done_reason, and before it the finish reason is still the accumulator\'s initial \'\': finishedWith(\'\') changes nothing.' },
  { key: `common/chat/ollama.uts|OllamaDecoder.decode|EqualityOperator|reason.length > 0 => reason.length >= 0`, reason: 'the same: the extra case is an empty done_reason.' },
  // --- web/fetch-transport.uts ------------------------------------------------------------------------------------
  { key: `web/fetch-transport.uts|utf8ByteString|StatementRemoval|break => ;`,
    reason: 'the loop only looks for one character above 127; without the break it goes on looking, and ascii stays false once set.' },
  { key: `common/connection.uts|noTransport|BlockStatement|{ setTimeout(() => { listener.onFail('no transport') }, 0) return new NoTransport() } => {}`,
    reason: 'the initialiser of Platform.openTransport exists for kotlinc; the only constructor assigns the platform\'s own transport, so noTransport is never called.' },
  { key: `common/connection.uts|EventSourceConnection.close|StatementRemoval|if (this.readyState == CLOSED) return => {}`,
    reason: 'a second close() runs shutdown() again, which finds its timers, transport and registry entry already gone, and dispatcher.emitClose fires once per source by its own closed flag: nothing observable changes.' },
  { key: `common/connection.uts|EventSourceConnection.connect|StatementRemoval|this.attemptId++ => ;`,
    reason: 'every way into connect() comes after the previous attempt was ended by stopAttempt() (streamLost, reconnect(), reconnectNow() only while a reconnect waits), which already moved attemptId on; the first attempt has nothing before it to tell apart.' },
  { key: `common/connection.uts|EventSourceConnection.handleResponse|StatementRemoval|this.connectTimer = 0 => ;`,
    reason: 'connectTimer is only read to clear it (clearConnectTimer: != 0, clearTimeout); keeping the id of a timer that already fired makes that a clearTimeout of a spent id, which does nothing.' },
  { key: `common/connection.uts|EventSourceConnection.checkHeartbeat|StatementRemoval|this.heartbeatTimer = 0 => ;`,
    reason: 'the same for heartbeatTimer: read only by stopAttempt to clear it, and clearing a timer that already fired does nothing (checkHeartbeat sets it again whenever it re-arms).' },
  { key: `common/connection.uts|EventSourceConnection.stopAttempt|StatementRemoval|this.attemptId++ => ;`,
    reason: 'a callback of the stopped attempt finds phase IDLE, and every handler (response, bytes, text, end, fail, interrupted) returns unless its phase matches, until connect() starts the next attempt and moves attemptId on itself.' },
  { key: `common/connection.uts|EventSourceConnection.nextDelay|ConditionalExpression|this.backoff > 31 => false`,
    reason: 'the delay is clamped to maxRetryInterval (at most 2^31-1 ms) right after: base * 2^(backoff-1) is far above it from backoff 32 on, and Infinity (from about backoff 1024) is clamped the same way.' },
  // --- ndjson-parser.uts ------------------------------------------------------------------------------------------
  { key: `common/ndjson-parser.uts|NdjsonParser.record|EqualityOperator|end > 0 => end >= 0`,
    reason: 'the extra case is an empty line: charCodeAt(-1) is NaN, never 13, so end stays 0 and the line is skipped as blank either way.' },
  { key: `common/ndjson-parser.uts|NdjsonParser.record|ConditionalExpression|onEvent != null => true`,
    reason: 'onEvent is null only after detach(), which also halts: feed() checks halted before each record (a callback that closes the source stops the loop) and end() returns when halted, so record() never runs with it null.' },
  // --- main-thread.uts --------------------------------------------------------------------------------------------
  // The MainThread field initialisers exist for kotlinc (uni-app Kotlin has no lateinit); the only constructor assigns
  // both fields, so the defaults are never called.
  { key: `common/main-thread.uts|alwaysMain|BlockStatement|{ return true } => {}`, reason: 'the default isMain is replaced by the constructor argument on every MainThread: never called.' },
  { key: `common/main-thread.uts|alwaysMain|BooleanLiteral|true => false`, reason: 'the same: never called.' },
  { key: `common/main-thread.uts|runHere|BlockStatement|{ task() } => {}`, reason: 'the default run is replaced by the constructor argument on every MainThread: never called.' },
  // A getter's first value is what it returns if run() did not run the task, which RunOnMain forbids ("returns once it
  // has run"): the task always overwrites it before it is returned.
  { key: `common/main-thread.uts|MainThreadEventSource.url|StringLiteral|'' => 'Stryker was here!'`, reason: 'run() returns after the task assigned the value read on the main thread: the initial empty string is never returned.' },
  { key: `common/main-thread.uts|MainThreadEventSource.lastEventId|StringLiteral|'' => 'Stryker was here!'`, reason: 'run() returns after the task assigned the value read on the main thread: the initial empty string is never returned.' },
  { key: `common/main-thread.uts|MainThreadChatStream.provider|StringLiteral|'' => 'Stryker was here!'`, reason: 'run() returns after the task assigned the value read on the main thread: the initial empty string is never returned.' },
  { key: `common/main-thread.uts|MainThreadChatStream.text|StringLiteral|'' => 'Stryker was here!'`, reason: 'run() returns after the task assigned the value read on the main thread: the initial empty string is never returned.' },
  { key: `common/main-thread.uts|MainThreadChatStream.reasoning|StringLiteral|'' => 'Stryker was here!'`, reason: 'run() returns after the task assigned the value read on the main thread: the initial empty string is never returned.' },
  // --- chat/coalesce.uts ------------------------------------------------------------------------------------------
  { key: `${C}|CoalescedText.append|StatementRemoval|if (delta.length == 0) return => {}`,
    reason: 'an empty delta then adds an empty piece and 0 to pendingLength: all() and take() join the same text, pending() reads the same length (the guard only skips a no-op push).' },
  { key: `${C}|CoalescedText.append|ConditionalExpression|delta.length == 0 => false`, reason: 'the same as removing the guard (above).' },
  { key: `${C}|CoalescedText.all|ConditionalExpression|this.parts.length == 0 => false`,
    reason: 'with no pieces, shown + [].join(\'\') is shown: the branch only skips a join.' },
  { key: `${C}|CoalescedText.take|StatementRemoval|if (this.pendingLength == 0) return '' => {}`,
    reason: 'with nothing pending, the parts join to \'\' (empty pieces only), charCodeAt(-1) is NaN (no surrogate), nothing is added to shown and \'\' is returned: the early return only skips that work.' },
  { key: `${C}|CoalescedText.take|ConditionalExpression|this.pendingLength == 0 => false`, reason: 'the same as removing the early return (above).' },
  { key: `${C}|CoalescedText.take|ConditionalExpression|this.parts.length == 1 => false`,
    reason: 'one piece joined is that piece: the branch only avoids a join.' },
  { key: `${C}|CoalescedText.take|ConditionalExpression|delta.length > 0 => true`, reason: 'appending an empty delta to shown leaves it as it is.' },
  { key: `${C}|CoalescedText.take|EqualityOperator|delta.length > 0 => delta.length >= 0`, reason: 'the same: the extra case is an empty delta.' },
  { key: `${C}|updateDelay|EqualityOperator|wait > 0 => wait >= 0`, reason: 'at wait == 0 both branches return 0.' }
]
