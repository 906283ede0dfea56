// Streaming replies of every AI wire format connectChatStream decodes, frame by frame, with what the helper must make
// of each. Frame shapes follow the providers' published streaming documentation (and, where a document shows no
// example of a field, a published capture); every case names its sources and quotes the frame shape it copies.
// Values (ids, texts, counts) are ours; the text mixes ASCII, Chinese and an emoji so byte splits cut UTF-8 sequences.
// Used by server/ai.mjs (the mock, GET/POST /ai/<case name>) and by the tests (expected results).

const sse = (data, event) => (event ? `event: ${event}\n` : '') + `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`
const line = (obj) => JSON.stringify(obj) + '\n'

// ---------------------------------------------------------------------------------------------------------------
// OpenAI Chat Completions (and compatible)
// Source: OpenAI API reference, "The chat completion chunk object" (https://platform.openai.com/docs/api-reference/chat-streaming),
//   as mirrored in the OpenAPI spec text quoted by docs.rs/openai-struct (ChatCompletionStreamOptions): "If set, an
//   additional chunk will be streamed before the `data: [DONE]` message. The `usage` field on this chunk shows the
//   token usage statistics for the entire request, and the `choices` field will always be an empty array. All other
//   chunks will also include a `usage` field, but with a null value."
// Chunk shape (docs.rs/openai-interface ChatCompletionChunk: id, choices, created, model, object "chat.completion.chunk").
// Tool-call delta shape: {"index": 0, "finish_reason": "string", "delta": {"role", "content", "tool_calls": [{"index": 0,
//   "id": "string", "type": "string", "function": {"name": "string", "arguments": "string"}}]}}
//   (developer.broadcom.com StreamChatCompletionsChoice, an OpenAI-compatible API's published schema).
const oaChunk = (delta, finish = null, extra = {}) => ({ id: 'chatcmpl-fx1', object: 'chat.completion.chunk', created: 1764576000, model: 'gpt-4o-mini', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], usage: null, ...extra })
const oaUsage = (prompt, completion, details) => ({ id: 'chatcmpl-fx1', object: 'chat.completion.chunk', created: 1764576000, model: 'gpt-4o-mini', choices: [], usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion, ...(details ? { completion_tokens_details: details } : {}) } })

// DeepSeek reasoning (deepseek-reasoner) as sent by the OpenAI-compatible API; Qwen/DashScope compatible mode uses the
// same delta.reasoning_content field.
// Source: the DeepSeek reasoning chat format page (https://www.newapi.ai/en/api/deepseek-reasoning-chat, "Official
//   Documentation" link to api-docs.deepseek.com/guides/reasoning_model), streaming example:
//   {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"deepseek-reasoner","choices":[{"index":0,"delta":{"role":"assistant","reasoning_content":"Let me"},"finish_reason":null}]}
//   and a relay capture with both fields present, content "" while thinking (crazyrouter.apifox.cn):
//   {"choices":[{"delta":{"content":"","reasoning_content":"thinking","role":"assistant"},"index":0}], ..., "model":"deepseek-reasoner","object":"chat.completion.chunk","usage":null}
const dsChunk = (delta, finish = null) => ({ id: 'chatcmpl-ds1', object: 'chat.completion.chunk', created: 1694268190, model: 'deepseek-reasoner', choices: [{ index: 0, delta, finish_reason: finish }] })

// ---------------------------------------------------------------------------------------------------------------
// OpenAI Responses API
// Source: OpenAI "Streaming API responses" guide (https://platform.openai.com/docs/guides/streaming-responses): events
//   typed response.created, response.output_text.delta, response.completed, error...; and a published SSE capture
//   (github.com/jeffhandley/extensions commit 64223101, a test fixture of the OpenAI Responses client):
//   event: response.output_text.delta
//   data: {"type":"response.output_text.delta","sequence_number":10,"item_id":"msg_reasoning123","output_index":1,"content_index":0,"delta":"The solution is 42."}
//   event: response.completed
//   data: {"type":"response.completed","sequence_number":14,"response":{"id":"resp_reasoning123","object":"response","created_at":1756752900,"status":"completed","model":"o4-mini-2025-04-16","output":[...],"usage":{"input_tokens":10,"output_tokens":25,"total_tokens":35}}}
//   Error event (prism-php fixture stream-unknown-error-responses-1.json, recorded from the API):
//   event: error
//   data: {"type":"error","sequence_number":2,"error":{"code":"unknown-error","message":"Foobar","param":null}}
//   Function calls: response.output_item.added with an item {"id":"fc_1","type":"function_call","call_id":"call_xyz",
//   "name":"get_weather","arguments":""} and response.function_call_arguments.delta {"item_id","output_index","delta"}
//   (BytePlus LAS Responses API streaming event list: "response.function_call_arguments.delta ... Triggered when there
//   are function call argument fragments"; reasoning: "response.reasoning_summary_text.delta").
let seq = 0
const rs = (type, fields) => sse({ type, sequence_number: seq++, ...fields }, type)
const rsBare = (type, fields) => sse({ type, sequence_number: seq++, ...fields })
const rsResponse = (status, extra = {}) => ({ id: 'resp_fx1', object: 'response', created_at: 1764576000, status, model: 'gpt-4.1-mini', output: [], ...extra })

// ---------------------------------------------------------------------------------------------------------------
// Anthropic Messages
// Source: "Streaming messages" (https://platform.claude.com/docs/en/build-with-claude/streaming, also
//   docs.anthropic.com/en/api/messages-streaming): "Each server-sent event includes a named event type and associated
//   JSON data... message_start: contains a Message object with empty content. A series of content blocks, each of
//   which have a content_block_start, one or more content_block_delta events, and a content_block_stop event...
//   One or more message_delta events... A final message_stop event." Ping events; error events: "we may occasionally
//   send errors in the event stream. For example, during periods of high usage, you may receive an overloaded_error".
//   Frame shapes (the basic streaming example of that page, as reproduced at codex.kylestratis.com):
//   event: message_start
//   data: {"type": "message_start", "message": {"id": "msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY", "type": "message", "role": "assistant", "content": [], "model": "claude-3-5-sonnet-20241022", "stop_reason": null, "stop_sequence": null, "usage": {"input_tokens": 25, "output_tokens": 1}}}
//   event: content_block_start
//   data: {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}}
//   event: content_block_delta
//   data: {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": "Hello"}}
//   event: message_delta
//   data: {"type": "message_delta", "delta": {"stop_reason": "end_turn", "stop_sequence":null}, "usage": {"output_tokens": 15}}
//   Tool use (the @ai-sdk/anthropic recorded fixture anthropic-json-tool.1.chunks.txt, npm registry):
//   {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_01KFbKqPYSuAKujiL6mTfzYA","name":"json","input":{}}}
//   {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":""}}
//   {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{...,"output_tokens":47}}
//   Extended thinking: content_block_delta with {"type": "thinking_delta", "thinking": "..."} then a signature_delta
//   (same page, "Streaming with extended thinking"; type shape { type: "thinking_delta"; thinking: string } as quoted
//   in braintrustdata/braintrust-sdk-javascript#1621).
//   Error event: event: error / data: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
const an = (type, fields) => sse({ type, ...fields }, type)
const anStart = (input) => an('message_start', { message: { id: 'msg_fx1', type: 'message', role: 'assistant', content: [], model: 'claude-sonnet-4-5', stop_reason: null, stop_sequence: null, usage: { input_tokens: input, output_tokens: 1 } } })

// ---------------------------------------------------------------------------------------------------------------
// Gemini streamGenerateContent?alt=sse
// Source: Gemini API reference "models.streamGenerateContent" (https://ai.google.dev/api/generate-content) and the
//   REST streaming quickstart (github.com/google-gemini/cookbook quickstarts/rest/Streaming_REST.ipynb): "Set alt=sse
//   in your URL parameters... With sse each stream chunk is a GenerateContentResponse". A published capture of such a
//   stream (alm.pragmatismo.com.br GeneralBots out.txt):
//   data: {"candidates": [{"content": {"role": "model","parts": [{"text": "Hello!"}]}}],"usageMetadata": {"trafficType": "ON_DEMAND"},"modelVersion": "gemini-3.1-flash-lite-preview","createTime": "2026-03-10T14:54:45.066123Z","responseId": "tTCwacuEBMvnitYP06qsgQY"}
//   data: {"candidates": [{"content": {"role": "model","parts": [{"text": "","thoughtSignature": "AY89..."}]},"finishReason": "STOP"}],"usageMetadata": {"promptTokenCount": 1,"candidatesTokenCount": 9,"totalTokenCount": 10, ...}, ...}
//   Thought parts ({"text": ..., "thought": true} with thinkingConfig.includeThoughts) and functionCall parts
//   ({"functionCall": {"name", "args": {...}}}): Gemini API "Thinking" and "Function calling" guides (ai.google.dev).
//   Error body: {"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.", "status": "INVALID_ARGUMENT"}}
//   (Gemini API troubleshooting guide, error codes table: 400 INVALID_ARGUMENT).
// Lines end in CRLF here, which the event stream allows, so one fixture exercises it end to end.
const gm = (obj) => `data: ${JSON.stringify(obj)}\r\n\r\n`
const gmChunk = (parts, finish, usage) => ({ candidates: [{ content: { role: 'model', parts }, ...(finish ? { finishReason: finish } : {}), index: 0 }], usageMetadata: usage ?? { trafficType: 'ON_DEMAND' }, modelVersion: 'gemini-2.5-flash', responseId: 'fx1' })

// ---------------------------------------------------------------------------------------------------------------
// Ollama /api/chat
// Source: Ollama API "Streaming" (https://docs.ollama.com/api/streaming, as translated at w3cschool.cn/ollamadocs):
//   "/api/generate、/api/chat 这类端点默认就是流式。它返回的不是一个 JSON,而是一串按行分隔的 JSON(NDJSON,Content-Type 为
//   application/x-ndjson)... 最后一行 done: true,同时带 done_reason". Chat chunk shape (ollama-python output quoted at
//   qiita.com/7shi/items/be2ca03a654f4d26ba5f): {'model': 'gemma2:2b', 'created_at': '2024-08-07T03:57:33.0365888Z',
//   'message': {'role': 'assistant', 'content': 'Hello'}, 'done': False} ... {'model': 'gemma2:2b', ..., 'message':
//   {'role': 'assistant', 'content': ''}, 'done_reason': 'stop', 'done': True, 'total_duration': 4353619900,
//   'load_duration': 63915300, 'prompt_eval_count': 10, 'prompt_eval_duration': 246847000, 'eval_count': 17,
//   'eval_duration': 4032296000}. Tool calls (Ollama api.md "Chat request (Streaming with tools)", as summarized in
//   Antrophic-Qwen3.6-Proxy doc/ollama-api.md): "message.tool_calls is set ... {"function": {"name": "get_weather",
//   "arguments": { "location": "Berlin", "unit": "celsius" }}} ... tool_calls[].function.arguments is an object".
//   Thinking: message.thinking (the think request field; OllamaMessage schema "thinking": "string").
//   Errors: {"error": "..."} (api.md "Errors").
const ol = (message, done = false, extra = {}) => line({ model: 'qwen3:8b', created_at: '2025-10-26T17:15:24.097767Z', message: { role: 'assistant', ...message }, done, ...extra })
const olDone = (reason, prompt, evalCount) => ol({ content: '' }, true, { done_reason: reason, total_duration: 4353619900, load_duration: 63915300, prompt_eval_count: prompt, prompt_eval_duration: 246847000, eval_count: evalCount, eval_duration: 4032296000 })

// Field variants, one fixture each (the decoders read each of these; a fixture per variant keeps every branch tested):
// - OpenAI-compatible delta.reasoning (vLLM, OpenRouter) instead of reasoning_content: OpenRouter's stream delta has
//   `reasoning` and `reasoning_details` (koog's OpenRouterStreamDelta "reasoning: String? ... The reasoning content for
//   models that support it"; braintrust-sdk-javascript#1883: "When OpenRouter sends delta.reasoning or
//   delta.reasoning_details in streaming chunks"). A tool call without `index` (keyed by its id) is the same family.
// - Ollama /api/generate: "接口 推理轨迹 最终答案 / /api/chat message.thinking message.content / /api/generate thinking
//   response" (docs.ollama.com/capabilities/thinking, as translated at w3cschool.cn/ollamadocs), streaming lines
//   {"model":"gemma4","created_at":"2025-10-26T17:15:24.097767Z","response":"That","done":false} ... "done":true,
//   "done_reason": "stop" (docs.ollama.com/api/streaming, same translation).
// - Responses response.failed: "An event that is emitted when a response fails" with "response: The response that
//   failed" (OpenAI OpenAPI ResponseFailedEvent, docs.rs/openai-struct); the Response object's `error` {code, message}.
//   response.incomplete with incomplete_details.reason (e.g. "max_output_tokens"; OpenRouter's Responses result shows
//   "incomplete_details": null on a complete one) and response.reasoning_text.delta (the raw reasoning text).
// - Anthropic server tools: a content_block_start whose block has type "server_tool_use" (fields id, name, input:
//   "A server tool invocation the API executed on Claude's behalf (web search, web fetch, code execution...)",
//   hex.pm anthropic_community lib/anthropic/messages/content/server_tool_use.ex; "server_tool_use,
//   web_search_tool_result, and cited text stream to callers", experientiallabs/experiential v0.7.13), arguments
//   streamed as input_json_delta like a tool_use block.
const gen = (fields, done = false, extra = {}) => line({ model: 'qwen3:8b', created_at: '2025-10-26T17:15:24.097767Z', ...fields, done, ...extra })

const SSE = 'text/event-stream; charset=utf-8'
const JSONCT = 'application/json'

/** Every case: wire frames and the result connectChatStream must report. */
export const AI_CASES = [
  {
    name: 'openai/text', provider: 'openai', path: '/v1/chat/completions', contentType: SSE,
    frames: [sse(oaChunk({ role: 'assistant', content: '' })), ': keep-alive\n\n', sse(oaChunk({ content: 'Hello' })), sse(oaChunk({ content: ', 世界' })), sse(oaChunk({ content: ' 👋!' })), sse(oaChunk({}, 'stop')), sse(oaUsage(9, 4)), sse('[DONE]')],
    expect: { provider: 'openai', text: 'Hello, 世界 👋!', reasoning: '', toolCalls: [], finishReason: 'stop', usage: { inputTokens: 9, outputTokens: 4, totalTokens: 13, reasoningTokens: 0 }, complete: true }
  },
  {
    name: 'openai/no-usage', provider: 'openai', path: '/v1/chat/completions', contentType: SSE,
    frames: [sse(oaChunk({ role: 'assistant', content: 'Hi' })), sse(oaChunk({ content: ' there' })), sse(oaChunk({}, 'length')), sse('[DONE]')],
    expect: { provider: 'openai', text: 'Hi there', reasoning: '', toolCalls: [], finishReason: 'length', usage: null, complete: true }
  },
  {
    name: 'openai/reasoning', provider: 'openai', path: '/v1/chat/completions', contentType: SSE, pauseAfter: 1,
    frames: [sse(dsChunk({ role: 'assistant', content: null, reasoning_content: '' })), sse(dsChunk({ content: null, reasoning_content: '9.11 < 9.8，' })), sse(dsChunk({ content: null, reasoning_content: 'because 0.11 < 0.8.' })), sse(dsChunk({ content: '9.8 is greater', reasoning_content: null })), sse(dsChunk({ content: ' 🙂', reasoning_content: null })), sse(dsChunk({ content: '', reasoning_content: null }, 'stop')), sse(oaUsage(12, 30, { reasoning_tokens: 21 })), sse('[DONE]')],
    expect: { provider: 'openai', text: '9.8 is greater 🙂', reasoning: '9.11 < 9.8，because 0.11 < 0.8.', toolCalls: [], finishReason: 'stop', usage: { inputTokens: 12, outputTokens: 30, totalTokens: 42, reasoningTokens: 21 }, complete: true }
  },
  {
    name: 'openai/tools', provider: 'openai', path: '/v1/chat/completions', contentType: SSE,
    frames: [
      sse(oaChunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_w1', type: 'function', function: { name: 'get_weather', arguments: '' } }] })),
      sse(oaChunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] })),
      sse(oaChunk({ tool_calls: [{ index: 1, id: 'call_t2', type: 'function', function: { name: 'get_time', arguments: '' } }] })),
      sse(oaChunk({ tool_calls: [{ index: 0, function: { arguments: '"北京"}' } }] })),
      sse(oaChunk({ tool_calls: [{ index: 1, function: { arguments: '{"tz":"Asia/Shanghai"}' } }] })),
      sse(oaChunk({}, 'tool_calls')), sse(oaUsage(40, 25)), sse('[DONE]')
    ],
    expect: { provider: 'openai', text: '', reasoning: '', toolCalls: [{ index: 0, id: 'call_w1', name: 'get_weather', arguments: '{"city":"北京"}' }, { index: 1, id: 'call_t2', name: 'get_time', arguments: '{"tz":"Asia/Shanghai"}' }], finishReason: 'tool_calls', usage: { inputTokens: 40, outputTokens: 25, totalTokens: 65, reasoningTokens: 0 }, complete: true }
  },
  {
    // An OpenAI-compatible server's in-band error after a 200 (OpenAI error object: {"error": {"message", "type", "param", "code"}}).
    name: 'openai/error-frame', provider: 'openai', path: '/v1/chat/completions', contentType: SSE,
    frames: [sse(oaChunk({ role: 'assistant', content: 'Partial' })), sse({ error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } })],
    expect: { provider: 'openai', text: 'Partial', error: { errCode: 1830020, message: 'The server had an error while processing your request. Sorry about that!', providerCode: 'server_error' } }
  },
  {
    // The same error object as the very first frame (OpenRouter: "If an error occurs before any tokens have been
    // streamed, OpenRouter returns a standard error response"; some compatible servers send it as an SSE frame on
    // 200 instead): with provider "auto" nothing has named the format yet, and the error still ends the reply.
    name: 'openai/error-first-frame', provider: 'openai', path: '/v1/chat/completions', contentType: SSE,
    frames: [sse({ error: { message: 'Rate limit reached for requests.', type: 'requests', param: null, code: 'rate_limit_exceeded' } })],
    expect: { provider: 'openai', text: '', error: { errCode: 1830020, message: 'Rate limit reached for requests.', providerCode: 'rate_limit_exceeded' } }
  },
  {
    // Source: OpenAI "Error codes" guide, 401 "Invalid Authentication / Incorrect API key provided"; error object shape above.
    name: 'openai/http-401', provider: 'openai', path: '/v1/chat/completions', status: 401, contentType: JSONCT,
    frames: [JSON.stringify({ error: { message: 'Incorrect API key provided: sk-fx***. You can find your API key at https://platform.openai.com/account/api-keys.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } })],
    expect: { error: { errCode: 1830005, status: 401, message: 'Incorrect API key provided: sk-fx***. You can find your API key at https://platform.openai.com/account/api-keys.', providerCode: 'invalid_api_key' } }
  },
  {
    // A proxy in front of the API answers for it: nginx's built-in 502 page (ngx_http_special_response.c,
    // "502 Bad Gateway" with an "nginx" footer), HTML, not the provider's JSON. The failure is the HTTP status with
    // that body and no provider message; reading the body must not assume it parses (a force-unwrap on Android/iOS).
    name: 'openai/http-502-proxy-html', provider: 'openai', path: '/v1/chat/completions', status: 502, contentType: 'text/html',
    frames: ['<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'],
    expect: { error: { errCode: 1830005, status: 502, message: null, body: '502 Bad Gateway' } }
  },
  {
    name: 'responses/text', provider: 'openai-responses', path: '/v1/responses', contentType: SSE,
    frames: [
      rs('response.created', { response: rsResponse('in_progress') }),
      rs('response.output_item.added', { output_index: 0, item: { id: 'msg_fx1', type: 'message', status: 'in_progress', role: 'assistant', content: [] } }),
      rs('response.content_part.added', { item_id: 'msg_fx1', output_index: 0, content_index: 0, part: { type: 'output_text', annotations: [], text: '' } }),
      rs('response.output_text.delta', { item_id: 'msg_fx1', output_index: 0, content_index: 0, delta: 'The answer' }),
      rs('response.output_text.delta', { item_id: 'msg_fx1', output_index: 0, content_index: 0, delta: ' is 42。' }),
      rs('response.output_text.done', { item_id: 'msg_fx1', output_index: 0, content_index: 0, text: 'The answer is 42。' }),
      rs('response.completed', { response: rsResponse('completed', { usage: { input_tokens: 10, output_tokens: 25, total_tokens: 35, output_tokens_details: { reasoning_tokens: 0 } } }) })
    ],
    expect: { provider: 'openai-responses', text: 'The answer is 42。', reasoning: '', toolCalls: [], finishReason: 'stop', rawFinishReason: 'completed', usage: { inputTokens: 10, outputTokens: 25, totalTokens: 35, reasoningTokens: 0 }, complete: true }
  },
  {
    name: 'responses/reasoning-tools', provider: 'openai-responses', path: '/v1/responses', contentType: SSE, pauseAfter: 1,
    frames: [
      rs('response.created', { response: rsResponse('in_progress') }),
      rs('response.output_item.added', { output_index: 0, item: { id: 'rs_1', type: 'reasoning', summary: [] } }),
      rs('response.reasoning_summary_text.delta', { item_id: 'rs_1', output_index: 0, summary_index: 0, delta: 'Checking the weather ' }),
      rs('response.reasoning_summary_text.delta', { item_id: 'rs_1', output_index: 0, summary_index: 0, delta: 'tool.' }),
      rs('response.output_item.added', { output_index: 1, item: { id: 'fc_1', type: 'function_call', status: 'in_progress', call_id: 'call_xyz', name: 'get_weather', arguments: '' } }),
      rs('response.function_call_arguments.delta', { item_id: 'fc_1', output_index: 1, delta: '{"location":' }),
      rs('response.function_call_arguments.delta', { item_id: 'fc_1', output_index: 1, delta: '"Paris"}' }),
      rs('response.function_call_arguments.done', { item_id: 'fc_1', output_index: 1, arguments: '{"location":"Paris"}' }),
      rs('response.completed', { response: rsResponse('completed', { usage: { input_tokens: 30, output_tokens: 50, total_tokens: 80, output_tokens_details: { reasoning_tokens: 32 } } }) })
    ],
    expect: { provider: 'openai-responses', text: '', reasoning: 'Checking the weather tool.', toolCalls: [{ index: 0, id: 'call_xyz', name: 'get_weather', arguments: '{"location":"Paris"}' }], finishReason: 'tool_calls', rawFinishReason: 'completed', usage: { inputTokens: 30, outputTokens: 50, totalTokens: 80, reasoningTokens: 32 }, complete: true }
  },
  {
    name: 'responses/error', provider: 'openai-responses', path: '/v1/responses', contentType: SSE,
    frames: [rs('response.created', { response: rsResponse('in_progress') }), rs('error', { error: { code: 'rate_limit_exceeded', message: 'Rate limit reached for gpt-4.1-mini.', param: null } })],
    expect: { provider: 'openai-responses', text: '', error: { errCode: 1830020, message: 'Rate limit reached for gpt-4.1-mini.', providerCode: 'rate_limit_exceeded' } }
  },
  {
    name: 'openai/reasoning-field', provider: 'openai', path: '/v1/chat/completions', contentType: SSE,
    frames: [sse(oaChunk({ role: 'assistant', content: '', reasoning: 'Think ' })), sse(oaChunk({ content: '', reasoning: 'twice.', reasoning_details: [] })), sse(oaChunk({ content: 'Done 🙂' })),
      sse(oaChunk({ tool_calls: [{ id: 'call_n1', type: 'function', function: { name: 'no_index', arguments: '{"a":' } }] })), sse(oaChunk({ tool_calls: [{ id: 'call_n1', function: { arguments: '1}' } }] })),
      sse(oaChunk({}, 'tool_calls')), sse('[DONE]')],
    expect: { provider: 'openai', text: 'Done 🙂', reasoning: 'Think twice.', toolCalls: [{ index: 0, id: 'call_n1', name: 'no_index', arguments: '{"a":1}' }], finishReason: 'tool_calls', usage: null, complete: true }
  },
  {
    name: 'responses/failed', provider: 'openai-responses', path: '/v1/responses', contentType: SSE,
    frames: [rs('response.created', { response: rsResponse('in_progress') }), rs('response.output_text.delta', { item_id: 'msg_fx1', output_index: 0, content_index: 0, delta: 'Part' }),
      rs('response.failed', { response: rsResponse('failed', { error: { code: 'server_error', message: 'The model failed to generate a response.' }, usage: { input_tokens: 5, output_tokens: 1, total_tokens: 6 } }) })],
    // A failed response is a reply that ended: onDone with finishReason 'error' (issue 19, item 3).
    expect: { provider: 'openai-responses', text: 'Part', reasoning: '', toolCalls: [], finishReason: 'error', rawFinishReason: 'failed', finishMessage: 'The model failed to generate a response. (server_error)', usage: { inputTokens: 5, outputTokens: 1, totalTokens: 6, reasoningTokens: 0 }, complete: true }
  },
  {
    name: 'responses/incomplete', provider: 'openai-responses', path: '/v1/responses', contentType: SSE,
    frames: [rs('response.created', { response: rsResponse('in_progress') }), rs('response.reasoning_text.delta', { item_id: 'rs_2', output_index: 0, content_index: 0, delta: 'raw thought' }),
      rs('response.output_text.delta', { item_id: 'msg_fx2', output_index: 1, content_index: 0, delta: 'Cut sh' }),
      rs('response.incomplete', { response: rsResponse('incomplete', { incomplete_details: { reason: 'max_output_tokens' }, usage: { input_tokens: 7, output_tokens: 16, total_tokens: 23, output_tokens_details: { reasoning_tokens: 9 } } }) })],
    expect: { provider: 'openai-responses', text: 'Cut sh', reasoning: 'raw thought', toolCalls: [], finishReason: 'length', rawFinishReason: 'max_output_tokens', usage: { inputTokens: 7, outputTokens: 16, totalTokens: 23, reasoningTokens: 9 }, complete: true }
  },
  {
    name: 'anthropic/text', provider: 'anthropic', path: '/v1/messages', contentType: SSE,
    frames: [anStart(25), an('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }), an('ping', {}), an('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'Hello' } }), an('content_block_delta', { index: 0, delta: { type: 'text_delta', text: '！你好 🌏' } }), an('content_block_stop', { index: 0 }), an('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 15 } }), an('message_stop', {})],
    expect: { provider: 'anthropic', text: 'Hello！你好 🌏', reasoning: '', toolCalls: [], finishReason: 'stop', rawFinishReason: 'end_turn', usage: { inputTokens: 25, outputTokens: 15, totalTokens: 40, reasoningTokens: 0 }, complete: true }
  },
  {
    name: 'anthropic/thinking-tools', provider: 'anthropic', path: '/v1/messages', contentType: SSE, pauseAfter: 2,
    frames: [
      anStart(472),
      an('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '' } }),
      an('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'The user wants the weather; ' } }),
      an('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'call get_weather.' } }),
      an('content_block_delta', { index: 0, delta: { type: 'signature_delta', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds' } }),
      an('content_block_stop', { index: 0 }),
      an('content_block_start', { index: 1, content_block: { type: 'text', text: '' } }),
      an('content_block_delta', { index: 1, delta: { type: 'text_delta', text: 'Let me check.' } }),
      an('content_block_stop', { index: 1 }),
      an('content_block_start', { index: 2, content_block: { type: 'tool_use', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', input: {} } }),
      an('content_block_delta', { index: 2, delta: { type: 'input_json_delta', partial_json: '' } }),
      an('content_block_delta', { index: 2, delta: { type: 'input_json_delta', partial_json: '{"location": "San Fra' } }),
      an('content_block_delta', { index: 2, delta: { type: 'input_json_delta', partial_json: 'ncisco, CA"}' } }),
      an('content_block_stop', { index: 2 }),
      an('message_delta', { delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 89 } }),
      an('message_stop', {})
    ],
    expect: { provider: 'anthropic', text: 'Let me check.', reasoning: 'The user wants the weather; call get_weather.', toolCalls: [{ index: 0, id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', arguments: '{"location": "San Francisco, CA"}' }], finishReason: 'tool_calls', rawFinishReason: 'tool_use', usage: { inputTokens: 472, outputTokens: 89, totalTokens: 561, reasoningTokens: 0 }, complete: true }
  },
  {
    name: 'anthropic/server-tool', provider: 'anthropic', path: '/v1/messages', contentType: SSE,
    frames: [
      anStart(30),
      an('content_block_start', { index: 0, content_block: { type: 'server_tool_use', id: 'srvtoolu_01WYG3ziw53XMcoyKL4XcZmE', name: 'web_search', input: {} } }),
      an('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: '{"query": "weather ' } }),
      an('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: 'Paris"}' } }),
      an('content_block_stop', { index: 0 }),
      an('content_block_start', { index: 1, content_block: { type: 'text', text: '' } }),
      an('content_block_delta', { index: 1, delta: { type: 'text_delta', text: 'Sunny ☀️' } }),
      an('content_block_stop', { index: 1 }),
      an('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { input_tokens: 2100, output_tokens: 40 } }),
      an('message_stop', {})
    ],
    expect: { provider: 'anthropic', text: 'Sunny ☀️', reasoning: '', toolCalls: [{ index: 0, id: 'srvtoolu_01WYG3ziw53XMcoyKL4XcZmE', name: 'web_search', arguments: '{"query": "weather Paris"}' }], finishReason: 'stop', rawFinishReason: 'end_turn', usage: { inputTokens: 2100, outputTokens: 40, totalTokens: 2140, reasoningTokens: 0 }, complete: true,
      // content_block_stop ends the call: its done piece comes before the text block after it.
      order: ['tool', 'text', 'done'] }
  },
  {
    name: 'anthropic/overloaded', provider: 'anthropic', path: '/v1/messages', contentType: SSE,
    frames: [anStart(10), an('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }), an('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'Par' } }), an('error', { error: { type: 'overloaded_error', message: 'Overloaded' } })],
    expect: { provider: 'anthropic', text: 'Par', error: { errCode: 1830020, message: 'Overloaded', providerCode: 'overloaded_error' } }
  },
  {
    // Source: Anthropic "Errors" (https://docs.anthropic.com/en/api/errors): {"type": "error", "error": {"type": "not_found_error", "message": "The requested resource could not be found."}}; 401 authentication_error.
    name: 'anthropic/http-401', provider: 'anthropic', path: '/v1/messages', status: 401, contentType: JSONCT,
    frames: [JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' }, request_id: 'req_fx1' })],
    expect: { error: { errCode: 1830005, status: 401, message: 'invalid x-api-key', providerCode: 'authentication_error' } }
  },
  {
    name: 'gemini/text', provider: 'gemini', path: '/v1beta/models/gemini-2.5-flash:streamGenerateContent', contentType: 'text/event-stream',
    frames: [gm(gmChunk([{ text: 'Hello!' }])), gm(gmChunk([{ text: ' 你好，' }])), gm(gmChunk([{ text: '有什么可以帮你？😀' }])), gm(gmChunk([{ text: '', thoughtSignature: 'AY89a18iOcFus5wr5bW5xN6zZ4aUiCyhgmg6HE2YjtYDV/dwZ5oZlZHeTmiUKv34qq0=' }], 'STOP', { promptTokenCount: 5, candidatesTokenCount: 12, totalTokenCount: 17, trafficType: 'ON_DEMAND' }))],
    expect: { provider: 'gemini', text: 'Hello! 你好，有什么可以帮你？😀', reasoning: '', toolCalls: [], finishReason: 'stop', rawFinishReason: 'STOP', usage: { inputTokens: 5, outputTokens: 12, totalTokens: 17, reasoningTokens: 0 }, complete: false }
  },
  {
    name: 'gemini/thinking-tools', provider: 'gemini', path: '/v1beta/models/gemini-2.5-flash:streamGenerateContent', contentType: 'text/event-stream', pauseAfter: 1,
    frames: [
      gm(gmChunk([{ text: '**Planning** I should look up the weather.', thought: true }])),
      gm(gmChunk([{ text: 'Checking… ' }])),
      gm(gmChunk([{ functionCall: { name: 'get_weather', args: { location: 'Boston, MA' } } }, { functionCall: { name: 'get_time', args: { tz: 'America/New_York' } } }], 'STOP', { promptTokenCount: 20, candidatesTokenCount: 18, totalTokenCount: 88, thoughtsTokenCount: 50 }))
    ],
    expect: { provider: 'gemini', text: 'Checking… ', reasoning: '**Planning** I should look up the weather.', toolCalls: [{ index: 0, id: '', name: 'get_weather', arguments: '{"location":"Boston, MA"}' }, { index: 1, id: '', name: 'get_time', arguments: '{"tz":"America/New_York"}' }], finishReason: 'tool_calls', rawFinishReason: 'STOP', usage: { inputTokens: 20, outputTokens: 18, totalTokens: 88, reasoningTokens: 50 }, complete: false,
      // Each functionCall part is a whole call: its done piece comes at once, before the next call's first piece.
      toolOrder: ['0', '0 done', '1', '1 done'] }
  },
  {
    name: 'gemini/http-400', provider: 'gemini', path: '/v1beta/models/gemini-2.5-flash:streamGenerateContent', status: 400, contentType: JSONCT,
    frames: [JSON.stringify({ error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT', details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }] } }, null, 2)],
    expect: { error: { errCode: 1830005, status: 400, message: 'API key not valid. Please pass a valid API key.', providerCode: 'INVALID_ARGUMENT' } }
  },
  {
    name: 'ollama/text', provider: 'ollama', path: '/api/chat', contentType: 'application/x-ndjson',
    frames: [ol({ content: 'That' }), ol({ content: "'s" }), ol({ content: ' 好问题' }), ol({ content: ' 🦙!' }), olDone('stop', 10, 17)],
    expect: { provider: 'ollama', text: "That's 好问题 🦙!", reasoning: '', toolCalls: [], finishReason: 'stop', usage: { inputTokens: 10, outputTokens: 17, totalTokens: 27, reasoningTokens: 0 }, complete: true }
  },
  {
    name: 'ollama/thinking-tools', provider: 'ollama', path: '/api/chat', contentType: 'application/x-ndjson', pauseAfter: 1,
    // Two whole calls on two lines: each is its own call (Ollama sends no index or id to key them by).
    frames: [ol({ content: '', thinking: 'Berlin weather: ' }), ol({ content: '', thinking: 'use the tool.' }), ol({ content: '', tool_calls: [{ function: { name: 'get_weather', arguments: { location: 'Berlin', unit: 'celsius' } } }] }),
      ol({ content: '', tool_calls: [{ function: { name: 'get_time', arguments: { tz: 'Europe/Berlin' } } }] }), olDone('stop', 120, 31)],
    expect: { provider: 'ollama', text: '', reasoning: 'Berlin weather: use the tool.', toolCalls: [{ index: 0, id: '', name: 'get_weather', arguments: '{"location":"Berlin","unit":"celsius"}' }, { index: 1, id: '', name: 'get_time', arguments: '{"tz":"Europe/Berlin"}' }], finishReason: 'tool_calls', rawFinishReason: 'stop', usage: { inputTokens: 120, outputTokens: 31, totalTokens: 151, reasoningTokens: 0 }, complete: true,
      // Each line's call is whole: its done piece comes with it, before the next line's call.
      toolOrder: ['0', '0 done', '1', '1 done'] }
  },
  {
    name: 'ollama/generate', provider: 'ollama', path: '/api/generate', contentType: 'application/x-ndjson',
    frames: [gen({ response: '', thinking: 'Sky: ' }), gen({ response: '', thinking: 'scattering.' }), gen({ response: 'That' }), gen({ response: "'s Rayleigh 🌈" }),
      gen({ response: '' }, true, { done_reason: 'stop', total_duration: 174560334, load_duration: 101397084, prompt_eval_count: 11, prompt_eval_duration: 13074791, eval_count: 18, eval_duration: 52479709 })],
    expect: { provider: 'ollama', text: "That's Rayleigh 🌈", reasoning: 'Sky: scattering.', toolCalls: [], finishReason: 'stop', usage: { inputTokens: 11, outputTokens: 18, totalTokens: 29, reasoningTokens: 0 }, complete: true }
  },
  {
    name: 'ollama/error-line', provider: 'ollama', path: '/api/chat', contentType: 'application/x-ndjson',
    frames: [ol({ content: 'Hel' }), line({ error: 'an error was encountered while running the model: unexpected EOF' })],
    expect: { provider: 'ollama', text: 'Hel', error: { errCode: 1830020, message: 'an error was encountered while running the model: unexpected EOF', providerCode: '' } }
  },
  {
    name: 'ollama/http-404', provider: 'ollama', path: '/api/chat', status: 404, contentType: JSONCT,
    frames: [JSON.stringify({ error: 'model "llama9" not found, try pulling it first' })],
    expect: { error: { errCode: 1830005, status: 404, message: 'model "llama9" not found, try pulling it first', providerCode: '' } }
  },

  // ---- Field variants each decoder reads (issue 21): one fixture per variant ----
  {
    // A content block whose start already carries text (and a thinking block its first thinking): part of the reply,
    // before the deltas. Source: the official TypeScript SDK (@anthropic-ai/sdk 1.10.0, resources/messages/messages.d.ts):
    // "export interface RawContentBlockStartEvent { content_block: TextBlock | ThinkingBlock | ...", "export interface
    // TextBlock { citations: ...; text: string; type: 'text'; }", and its stream accumulator (lib/MessageStream.js):
    // "case 'content_block_start': snapshot.content.push({ ...event.content_block })" then for text_delta
    // "text: (snapshotContent.text || '') + event.delta.text" (the start's text is the block's beginning). Compatible
    // gateways send it so: a published gateway test stream has
    // {"type":"content_block_start","index":0,"content_block":{"type":"text","text":"hello"}} and no text_delta.
    name: 'anthropic/block-start-text', provider: 'anthropic', path: '/v1/messages', contentType: SSE,
    frames: [
      anStart(14),
      an('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: 'Short ', signature: '' } }),
      an('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'question.' } }),
      an('content_block_stop', { index: 0 }),
      an('content_block_start', { index: 1, content_block: { type: 'text', text: 'Hello', citations: null } }),
      an('content_block_delta', { index: 1, delta: { type: 'text_delta', text: ' 世界 🌍' } }),
      an('content_block_stop', { index: 1 }),
      an('message_delta', { delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 9 } }),
      an('message_stop', {})
    ],
    expect: { provider: 'anthropic', text: 'Hello 世界 🌍', reasoning: 'Short question.', toolCalls: [], finishReason: 'stop', rawFinishReason: 'end_turn', usage: { inputTokens: 14, outputTokens: 9, totalTokens: 23, reasoningTokens: 0 }, complete: true }
  },

  {
    // A prompt blocked before any answer: no candidates, promptFeedback.blockReason (and on Vertex AI a readable
    // blockReasonMessage). Source: the official SDK's types (@google/genai 3.1.0, dist/genai.d.ts):
    // "class GenerateContentResponsePromptFeedback { /** Output only. The reason why the prompt was blocked. */
    // blockReason?: BlockedReason; /** Output only. A readable message that explains the reason why the prompt was
    // blocked. This field is not supported in Gemini API. */ blockReasonMessage?: string; safetyRatings?: ... }" and
    // "enum BlockedReason { ... PROHIBITED_CONTENT = "PROHIBITED_CONTENT" /** The prompt was blocked because it
    // contains prohibited content. */"; Gemini API reference, PromptFeedback.blockReason: "Optional. If set, the prompt
    // was blocked and no candidates are returned." Vertex AI's endpoint path (publishers/google/models/...).
    name: 'gemini/blocked-prompt', provider: 'gemini', path: '/v1/projects/fx-project/locations/us-central1/publishers/google/models/gemini-2.5-flash:streamGenerateContent', contentType: 'text/event-stream',
    frames: [gm({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT', blockReasonMessage: 'The prompt was blocked because it contains prohibited content.', safetyRatings: [] }, usageMetadata: { promptTokenCount: 8, totalTokenCount: 8, trafficType: 'ON_DEMAND' }, modelVersion: 'gemini-2.5-flash', createTime: '2026-03-10T14:54:45.066123Z', responseId: 'fx3' })],
    expect: { provider: 'gemini', text: '', reasoning: '', toolCalls: [], finishReason: 'content_filter', rawFinishReason: 'PROHIBITED_CONTENT', finishMessage: 'The prompt was blocked because it contains prohibited content.', usage: { inputTokens: 8, outputTokens: 0, totalTokens: 8, reasoningTokens: 0 }, complete: false }
  },
  {
    // A functionCall part with its id. Source: @google/genai 3.1.0 dist/genai.d.ts, "interface FunctionCall { args?:
    // Record<string, unknown>; /** Optional. The unique id of the function call. If populated, the client to execute
    // the `function_call` and return the response with the matching `id`. */ id?: string; name?: string; ... }".
    name: 'gemini/tool-call-id', provider: 'gemini', path: '/v1beta/models/gemini-2.5-flash:streamGenerateContent', contentType: 'text/event-stream',
    frames: [gm(gmChunk([{ functionCall: { id: 'fc-7b1e2d90', name: 'get_weather', args: { city: 'Paris' } } }], 'STOP', { promptTokenCount: 25, candidatesTokenCount: 7, totalTokenCount: 32 }))],
    expect: { provider: 'gemini', text: '', reasoning: '', toolCalls: [{ index: 0, id: 'fc-7b1e2d90', name: 'get_weather', arguments: '{"city":"Paris"}' }], finishReason: 'tool_calls', rawFinishReason: 'STOP', usage: { inputTokens: 25, outputTokens: 7, totalTokens: 32, reasoningTokens: 0 }, complete: false }
  },

  {
    // Tool-call pieces after the first without index and without id: they continue the call in progress. OpenAI's
    // own stream always sends index ("index: number", ChatCompletionChunk.Choice.Delta.ToolCall in the openai 7.55.0
    // types, resources/chat/completions/completions.d.ts, where id and function are optional); the fallback in
    // openai-chat.uts is for OpenAI-compatible servers that leave it out, and this fixture pins it.
    name: 'openai/tool-pieces-without-index', provider: 'openai', path: '/v1/chat/completions', contentType: SSE,
    frames: [sse(oaChunk({ role: 'assistant', content: null, tool_calls: [{ id: 'call_p1', type: 'function', function: { name: 'lookup', arguments: '' } }] })),
      sse(oaChunk({ tool_calls: [{ function: { arguments: '{"q":' } }] })), sse(oaChunk({ tool_calls: [{ function: { arguments: '"东京"}' } }] })),
      sse(oaChunk({ tool_calls: [{ id: 'call_p2', type: 'function', function: { name: 'clock', arguments: '{}' } }] })),
      sse(oaChunk({}, 'tool_calls')), sse('[DONE]')],
    expect: { provider: 'openai', text: '', reasoning: '', toolCalls: [{ index: 0, id: 'call_p1', name: 'lookup', arguments: '{"q":"东京"}' }, { index: 1, id: 'call_p2', name: 'clock', arguments: '{}' }], finishReason: 'tool_calls', usage: null, complete: true }
  },

  {
    // A function_call output item without id: its argument deltas are matched by output_index. The openai 7.55.0 types
    // (resources/responses/responses.d.ts) make the id optional: "ResponseFunctionToolCall ... id?: string; The
    // unique ID of the function tool call." and every function_call_arguments event carries "output_index: number".
    name: 'responses/item-without-id', provider: 'openai-responses', path: '/v1/responses', contentType: SSE,
    frames: [
      rs('response.created', { response: rsResponse('in_progress') }),
      rs('response.output_item.added', { output_index: 0, item: { type: 'function_call', status: 'in_progress', call_id: 'call_n0', name: 'lookup', arguments: '' } }),
      rs('response.output_item.added', { output_index: 1, item: { type: 'function_call', status: 'in_progress', call_id: 'call_n1', name: 'clock', arguments: '' } }),
      rs('response.function_call_arguments.delta', { output_index: 1, delta: '{"tz":"UTC"}' }),
      rs('response.function_call_arguments.delta', { output_index: 0, delta: '{"q":"x"}' }),
      rs('response.function_call_arguments.done', { output_index: 0, arguments: '{"q":"x"}' }),
      rs('response.function_call_arguments.done', { output_index: 1, arguments: '{"tz":"UTC"}' }),
      rs('response.completed', { response: rsResponse('completed', { usage: { input_tokens: 9, output_tokens: 8, total_tokens: 17 } }) })
    ],
    expect: { provider: 'openai-responses', text: '', reasoning: '', toolCalls: [{ index: 0, id: 'call_n0', name: 'lookup', arguments: '{"q":"x"}' }, { index: 1, id: 'call_n1', name: 'clock', arguments: '{"tz":"UTC"}' }], finishReason: 'tool_calls', rawFinishReason: 'completed', usage: { inputTokens: 9, outputTokens: 8, totalTokens: 17, reasoningTokens: 0 }, complete: true,
      toolOrder: ['0', '1', '0', '0 done', '1 done'] }
  },

  {
    // n: 2 (two answers in one stream, their chunks interleaved by choice index): only choice 0 is the reply (the
    // decoder's documented limit: n > 1 is not supported). Source: the official SDK's types (openai 7.55.0,
    // resources/chat/completions/completions.d.ts), ChatCompletionChunk: "A list of chat completion choices. Can
    // contain more than one elements if `n` is greater than 1." and Choice: "The index of the choice in the list of
    // choices. index: number".
    name: 'openai/n-2', provider: 'openai', path: '/v1/chat/completions', contentType: SSE,
    frames: [sse(oaChunk({ role: 'assistant', content: '' })), sse({ ...oaChunk({}), choices: [{ index: 1, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }] }),
      sse(oaChunk({ content: 'Yes 👍' })), sse({ ...oaChunk({}), choices: [{ index: 1, delta: { content: 'No, the second answer' }, logprobs: null, finish_reason: null }] }),
      sse(oaChunk({}, 'stop')), sse({ ...oaChunk({}), choices: [{ index: 1, delta: {}, logprobs: null, finish_reason: 'length' }] }), sse('[DONE]')],
    expect: { provider: 'openai', text: 'Yes 👍', reasoning: '', toolCalls: [], finishReason: 'stop', usage: null, complete: true }
  },

  {
    // Two function calls in one response (parallel tool calls), each ended by its response.function_call_arguments.done:
    // a call's done piece comes with that event, before the next call's first piece. Source: the official SDK's types
    // (openai 7.55.0, resources/responses/responses.d.ts): "ResponseFunctionCallArgumentsDoneEvent: Emitted when
    // function-call arguments are finalized" with item_id and output_index; event shapes as in responses/reasoning-tools.
    name: 'responses/parallel-calls', provider: 'openai-responses', path: '/v1/responses', contentType: SSE,
    frames: [
      rs('response.created', { response: rsResponse('in_progress') }),
      rs('response.output_item.added', { output_index: 0, item: { id: 'fc_a', type: 'function_call', status: 'in_progress', call_id: 'call_a1', name: 'get_weather', arguments: '' } }),
      rs('response.function_call_arguments.delta', { item_id: 'fc_a', output_index: 0, delta: '{"city":"Oslo"}' }),
      rs('response.function_call_arguments.done', { item_id: 'fc_a', output_index: 0, arguments: '{"city":"Oslo"}' }),
      rs('response.output_item.added', { output_index: 1, item: { id: 'fc_b', type: 'function_call', status: 'in_progress', call_id: 'call_b2', name: 'get_time', arguments: '' } }),
      rs('response.function_call_arguments.delta', { item_id: 'fc_b', output_index: 1, delta: '{"tz":"Europe/Oslo"}' }),
      rs('response.function_call_arguments.done', { item_id: 'fc_b', output_index: 1, arguments: '{"tz":"Europe/Oslo"}' }),
      rs('response.completed', { response: rsResponse('completed', { usage: { input_tokens: 41, output_tokens: 33, total_tokens: 74, output_tokens_details: { reasoning_tokens: 0 } } }) })
    ],
    expect: { provider: 'openai-responses', text: '', reasoning: '', toolCalls: [{ index: 0, id: 'call_a1', name: 'get_weather', arguments: '{"city":"Oslo"}' }, { index: 1, id: 'call_b2', name: 'get_time', arguments: '{"tz":"Europe/Oslo"}' }], finishReason: 'tool_calls', rawFinishReason: 'completed', usage: { inputTokens: 41, outputTokens: 33, totalTokens: 74, reasoningTokens: 0 }, complete: true,
      toolOrder: ['0', '0 done', '1', '1 done'] }
  },

  // ---- Tool calls without arguments, and cut off (issue 19, item 1) ----
  {
    // A tool without parameters: the tool_use block's input is {} and the only input_json_delta is empty. Source: the
    // Anthropic "Streaming messages" page, "Input JSON delta": "The deltas for tool_use content blocks correspond to
    // updates for the input field of the block... the final tool_use.input is always an object", and the
    // content_block_start {"type":"tool_use","id":...,"name":...,"input":{}} / input_json_delta {"partial_json":""}
    // frames of the @ai-sdk/anthropic fixture quoted above. The Anthropic and Vercel AI SDKs give "{}" for it.
    name: 'anthropic/tool-no-args', provider: 'anthropic', path: '/v1/messages', contentType: SSE,
    frames: [
      anStart(300),
      an('content_block_start', { index: 0, content_block: { type: 'tool_use', id: 'toolu_01NoArgs2Vp4kR', name: 'get_time', input: {} } }),
      an('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: '' } }),
      an('content_block_stop', { index: 0 }),
      an('message_delta', { delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 12 } }),
      an('message_stop', {})
    ],
    expect: { provider: 'anthropic', text: '', reasoning: '', toolCalls: [{ index: 0, id: 'toolu_01NoArgs2Vp4kR', name: 'get_time', arguments: '{}' }], finishReason: 'tool_calls', rawFinishReason: 'tool_use', usage: { inputTokens: 300, outputTokens: 12, totalTokens: 312, reasoningTokens: 0 }, complete: true }
  },
  {
    // A functionCall part without args. Source: Gemini API reference, FunctionCall: "name: Required. The name of the
    // function to call... args: Optional. The function parameters and values in JSON object format."
    name: 'gemini/tool-no-args', provider: 'gemini', path: '/v1beta/models/gemini-2.5-flash:streamGenerateContent', contentType: 'text/event-stream',
    frames: [gm(gmChunk([{ functionCall: { name: 'get_time' } }], 'STOP', { promptTokenCount: 30, candidatesTokenCount: 5, totalTokenCount: 35 }))],
    expect: { provider: 'gemini', text: '', reasoning: '', toolCalls: [{ index: 0, id: '', name: 'get_time', arguments: '{}' }], finishReason: 'tool_calls', rawFinishReason: 'STOP', usage: { inputTokens: 30, outputTokens: 5, totalTokens: 35, reasoningTokens: 0 }, complete: false }
  },
  {
    // max_tokens reached inside a tool call's arguments: the JSON text is cut off. Source: OpenAI API reference, the
    // chat completion chunk object: finish_reason "length if the maximum number of tokens specified in the request
    // was reached"; tool-call delta shape as in openai/tools.
    name: 'openai/tool-cut-off', provider: 'openai', path: '/v1/chat/completions', contentType: SSE,
    frames: [
      sse(oaChunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_cut1', type: 'function', function: { name: 'get_weather', arguments: '' } }] })),
      sse(oaChunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":"Par' } }] })),
      sse(oaChunk({}, 'length')), sse('[DONE]')
    ],
    expect: { provider: 'openai', text: '', reasoning: '', toolCalls: [{ index: 0, id: 'call_cut1', name: 'get_weather', arguments: '{"city":"Par', argumentsError: 'The tool call arguments are not a JSON object (cut off by a length limit, or the model wrote invalid JSON).' }], finishReason: 'length', usage: null, complete: true }
  },

  // ---- Endings (issue 19, item 3) ----
  {
    // Azure OpenAI: the prompt's filter results first (a chunk with "choices": []), content_filter_results on the
    // choices, and a filtered completion ends with finish_reason "content_filter". Source: Azure OpenAI "Content
    // filtering" (learn.microsoft.com/azure/ai-foundry/openai/concepts/content-filter: "finish_reason ... content_filter
    // ... in streaming the last chunk for that generation carries it"; annotations "prompt_filter_results" with
    // "content_filter_results": {"hate": {"filtered": false, "severity": "safe"}, ...}) and "Content streaming"
    // (learn.microsoft.com/azure/foundry/openai/concepts/content-streaming).
    name: 'azure/content-filter', provider: 'openai', path: '/openai/deployments/gpt-4o/chat/completions', contentType: SSE,
    frames: [
      sse({ choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: [{ prompt_index: 0, content_filter_results: { hate: { filtered: false, severity: 'safe' }, self_harm: { filtered: false, severity: 'safe' }, sexual: { filtered: false, severity: 'safe' }, violence: { filtered: false, severity: 'safe' } } }] }),
      sse(oaChunk({ role: 'assistant', content: 'Here is' }, null, { model: 'gpt-4o-2024-11-20' })),
      sse({ ...oaChunk({ content: ' the' }), choices: [{ index: 0, delta: { content: ' the' }, finish_reason: null, content_filter_results: { hate: { filtered: false, severity: 'safe' }, violence: { filtered: false, severity: 'safe' } } }] }),
      sse({ ...oaChunk({}), choices: [{ index: 0, delta: {}, finish_reason: 'content_filter', content_filter_results: { violence: { filtered: true, severity: 'high' } } }] }),
      sse('[DONE]')
    ],
    expect: { provider: 'openai', text: 'Here is the', reasoning: '', toolCalls: [], finishReason: 'content_filter', usage: null, complete: true }
  },
  {
    // Source: Gemini API reference, Candidate.finishReason: "SAFETY: The response candidate content was flagged for
    // safety reasons", with safetyRatings [{category, probability, blocked}]; finishMessage: "Details the reason why
    // the model stopped generating tokens. This is populated only when finishReason is set."
    name: 'gemini/safety', provider: 'gemini', path: '/v1beta/models/gemini-2.5-flash:streamGenerateContent', contentType: 'text/event-stream',
    frames: [
      gm(gmChunk([{ text: 'Sure, here' }])),
      gm({ candidates: [{ content: { role: 'model', parts: [{ text: '' }] }, finishReason: 'SAFETY', finishMessage: 'The response was blocked for safety reasons.', index: 0, safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }] }], usageMetadata: { promptTokenCount: 9, candidatesTokenCount: 3, totalTokenCount: 12 }, modelVersion: 'gemini-2.5-flash', responseId: 'fx2' })
    ],
    expect: { provider: 'gemini', text: 'Sure, here', reasoning: '', toolCalls: [], finishReason: 'content_filter', rawFinishReason: 'SAFETY', finishMessage: 'The response was blocked for safety reasons.', usage: { inputTokens: 9, outputTokens: 3, totalTokens: 12, reasoningTokens: 0 }, complete: false }
  },
  {
    // Source: Ollama API, "Generate a chat completion" response: "done_reason": "stop", or "length" when num_predict
    // (the token limit) was reached (api.md; the final line shape as in ollama/text).
    name: 'ollama/length', provider: 'ollama', path: '/api/chat', contentType: 'application/x-ndjson',
    frames: [ol({ content: 'Once upon' }), ol({ content: ' a time' }), olDone('length', 11, 4)],
    expect: { provider: 'ollama', text: 'Once upon a time', reasoning: '', toolCalls: [], finishReason: 'length', usage: { inputTokens: 11, outputTokens: 4, totalTokens: 15, reasoningTokens: 0 }, complete: true }
  },

  // ---- Inline reasoning (issue 19, item 2) ----
  {
    // DeepSeek-R1 distills on Ollama without the think option (or before Ollama 0.9.0, whose release notes introduce
    // the separate thinking field) stream the reasoning inside message.content between <think> and </think>
    // (RooCodeInc/Roo-Code#1087 "Think tags of ollama deepseek-r1:* output not separated"). Deltas split the tags.
    name: 'ollama/think-tags', provider: 'ollama', path: '/api/chat', contentType: 'application/x-ndjson',
    frames: [ol({ content: '<th' }), ol({ content: 'ink>\n' }), ol({ content: '1 + 1 = 2，' }), ol({ content: '简单。\n</' }), ol({ content: 'think' }), ol({ content: '>\n\n' }), ol({ content: '**2** 🙂' }), olDone('stop', 6, 20)],
    expect: { provider: 'ollama', text: '**2** 🙂', reasoning: '1 + 1 = 2，简单。', toolCalls: [], finishReason: 'stop', usage: { inputTokens: 6, outputTokens: 20, totalTokens: 26, reasoningTokens: 0 }, complete: true }
  },
  {
    // vLLM without --reasoning-parser, llama.cpp's server with reasoning_format "none": <think> stays in
    // delta.content (vLLM "Reasoning Outputs": the parser is what moves it to reasoning_content; llama.cpp server
    // README, reasoning_format "none: leaves thoughts unparsed in message.content"). One delta ends inside "</think>".
    name: 'openai/think-tags', provider: 'openai', path: '/v1/chat/completions', contentType: SSE,
    frames: [sse(oaChunk({ role: 'assistant', content: '' })), sse(oaChunk({ content: '\n<' })), sse(oaChunk({ content: 'think>Hmm' })), sse(oaChunk({ content: ', 9.8 > 9.11' })), sse(oaChunk({ content: '</thi' })), sse(oaChunk({ content: 'nk>9.8 is larger.' })), sse(oaChunk({}, 'stop')), sse('[DONE]')],
    expect: { provider: 'openai', text: '9.8 is larger.', reasoning: 'Hmm, 9.8 > 9.11', toolCalls: [], finishReason: 'stop', usage: null, complete: true }
  },
  {
    // The same stream with reasoningTags: false: the text as sent.
    name: 'openai/think-tags-off', provider: 'openai', path: '/v1/chat/completions', contentType: SSE, options: { reasoningTags: false },
    frames: [sse(oaChunk({ role: 'assistant', content: '' })), sse(oaChunk({ content: '\n<' })), sse(oaChunk({ content: 'think>Hmm' })), sse(oaChunk({ content: ', 9.8 > 9.11' })), sse(oaChunk({ content: '</thi' })), sse(oaChunk({ content: 'nk>9.8 is larger.' })), sse(oaChunk({}, 'stop')), sse('[DONE]')],
    expect: { provider: 'openai', text: '\n<think>Hmm, 9.8 > 9.11</think>9.8 is larger.', reasoning: '', toolCalls: [], finishReason: 'stop', usage: null, complete: true }
  },
  {
    // Zhipu GLM-Z1 writes its reasoning and answer into content as "###Thinking\n…\n###Response\n…" (the issue's
    // report; a provider comparison's note on glm-z1: "推理内容和答案都在 content 字段中，使用 ###Thinking 和
    // ###Response 标记分隔"). Chunk shape of Zhipu's OpenAI-compatible API as in openai/text.
    name: 'openai/glm-thinking-markers', provider: 'openai', path: '/v1/chat/completions', contentType: SSE,
    frames: [sse(oaChunk({ role: 'assistant', content: '###Thi' })), sse(oaChunk({ content: 'nking\n先比较小数部分' })), sse(oaChunk({ content: '。\n###Resp' })), sse(oaChunk({ content: 'onse\n9.8 更大' })), sse(oaChunk({}, 'stop')), sse('[DONE]')],
    expect: { provider: 'openai', text: '9.8 更大', reasoning: '先比较小数部分。', toolCalls: [], finishReason: 'stop', usage: null, complete: true }
  },
  {
    // A reply that starts like a tag but is not one: held only until the next delta tells, then shown as sent.
    name: 'openai/angle-text', provider: 'openai', path: '/v1/chat/completions', contentType: SSE,
    frames: [sse(oaChunk({ role: 'assistant', content: '<' })), sse(oaChunk({ content: 'b>Bold</b> and <think> later' })), sse(oaChunk({}, 'stop')), sse('[DONE]')],
    expect: { provider: 'openai', text: '<b>Bold</b> and <think> later', reasoning: '', toolCalls: [], finishReason: 'stop', usage: null, complete: true }
  },
  {
    // A reply cut by max_tokens while the model still thinks: "<think>" never closed, and the last delta ends in what
    // could be the start of "</think>" (held back while streaming). At the end the held part is reasoning too:
    // nothing the model sent is lost. finish_reason "length": "the maximum number of tokens specified in the request
    // was reached" (OpenAI API reference, chat.completion.chunk).
    name: 'openai/think-cut-off', provider: 'openai', path: '/v1/chat/completions', contentType: SSE,
    frames: [sse(oaChunk({ role: 'assistant', content: '<think>Let me see' })), sse(oaChunk({ content: ' more </thi' })), sse(oaChunk({}, 'length')), sse('[DONE]')],
    expect: { provider: 'openai', text: '', reasoning: 'Let me see more </thi', toolCalls: [], finishReason: 'length', usage: null, complete: true }
  },
  {
    // A whole reply that is only the start of a marker ("<th"): held while it could still become "<think>", shown as
    // sent when the reply ends.
    name: 'openai/marker-start-only', provider: 'openai', path: '/v1/chat/completions', contentType: SSE,
    frames: [sse(oaChunk({ role: 'assistant', content: '<th' })), sse(oaChunk({}, 'stop')), sse('[DONE]')],
    expect: { provider: 'openai', text: '<th', reasoning: '', toolCalls: [], finishReason: 'stop', usage: null, complete: true }
  },

  // ---- Chat Completions field variants (issue 21) ----
  {
    // Azure OpenAI with the Asynchronous Filter: after the finish chunk come annotation chunks whose choice 0 has no
    // delta and "finish_reason": null; they do not undo the finish reason. Frames as recorded in a test capture of the
    // Azure connector (microsoft/semantic-kernel, dotnet/src/Connectors/Connectors.AzureOpenAI.UnitTests/TestData/
    // chat_completion_streaming_async_filter_response.txt):
    //   data: {"choices":[],"created":0,"id":"","model":"","object":"","prompt_filter_results":[{"prompt_index":0,"content_filter_results":{...}}]}
    //   data: {"choices":[{"delta":{},"finish_reason":"stop","index":0,"logprobs":null}],...,"object":"chat.completion.chunk"}
    //   data: {"choices":[{"content_filter_offsets":{"check_offset":1576,"start_offset":1576,"end_offset":2318},"content_filter_results":{...},"finish_reason":null,"index":0}],"created":0,"id":"","model":"","object":""}
    // (learn.microsoft.com, Azure OpenAI "Content streaming", Asynchronous Filter: "content moderation messages and
    // policy violation signals are delayed").
    name: 'openai/azure-async-filter', provider: 'openai', path: '/v1/chat/completions', contentType: SSE,
    frames: [sse({ choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: [{ prompt_index: 0, content_filter_results: { hate: { filtered: false, severity: 'safe' }, self_harm: { filtered: false, severity: 'safe' }, sexual: { filtered: false, severity: 'safe' }, violence: { filtered: false, severity: 'safe' } } }] }),
      sse(oaChunk({ content: '', role: 'assistant' })), sse(oaChunk({ content: 'Kindness 善意 💛' })), sse(oaChunk({}, 'stop')),
      sse({ choices: [{ content_filter_offsets: { check_offset: 12, start_offset: 12, end_offset: 30 }, content_filter_results: { hate: { filtered: false, severity: 'safe' }, self_harm: { filtered: false, severity: 'safe' }, sexual: { filtered: false, severity: 'safe' }, violence: { filtered: false, severity: 'safe' } }, finish_reason: null, index: 0 }], created: 0, id: '', model: '', object: '' }),
      sse({ choices: [{ content_filter_offsets: { check_offset: 12, start_offset: 12, end_offset: 30 }, content_filter_results: { protected_material_code: { filtered: false, detected: false }, protected_material_text: { filtered: false, detected: false } }, finish_reason: null, index: 0 }], created: 0, id: '', model: '', object: '' }),
      sse('[DONE]')],
    expect: { provider: 'openai', text: 'Kindness 善意 💛', reasoning: '', toolCalls: [], finishReason: 'stop', usage: null, complete: true }
  },
  {
    // A reasoning model's usage chunk: the reasoning tokens inside completion_tokens_details. Source: the official SDK's
    // types (openai 7.55.0, resources/completions.d.ts), CompletionUsage "completion_tokens_details?:
    // CompletionUsage.CompletionTokensDetails; Breakdown of tokens used in a completion." with "reasoning_tokens?:
    // number; Tokens generated by the model for reasoning." and "total_tokens: number; Total number of tokens used in
    // the request (prompt + completion)."; the usage chunk as quoted at the top (choices: [] before [DONE]).
    name: 'openai/usage-reasoning-tokens', provider: 'openai', path: '/v1/chat/completions', contentType: SSE,
    frames: [sse(oaChunk({ role: 'assistant', content: '' })), sse(oaChunk({ content: '42 ✔' })), sse(oaChunk({}, 'stop')),
      sse(oaUsage(20, 140, { reasoning_tokens: 128, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0, audio_tokens: 0 })), sse('[DONE]')],
    expect: { provider: 'openai', text: '42 ✔', reasoning: '', toolCalls: [], finishReason: 'stop', usage: { inputTokens: 20, outputTokens: 140, totalTokens: 160, reasoningTokens: 128 }, complete: true }
  },

  // ---- Responses API field variants (issue 21) ----
  {
    // Events without `event:` lines: the type is read from the data. The official SDK (openai 7.55.0) does the same:
    // core/streaming.js yields `JSON.parse(sse.data)` whatever the SSE event name (only `thread.*` and `error` names are
    // looked at), and lib/responses/ResponseStream.js dispatches on `event.type`. A function_call item that arrives
    // with its arguments already (resources/responses/responses.d.ts, ResponseFunctionToolCall: "A JSON string of the
    // arguments to pass to the function. arguments: string;") keeps them. No usage: Response "usage?: ResponseUsage;"
    // is optional.
    name: 'responses/bare-events', provider: 'openai-responses', path: '/v1/responses', contentType: SSE,
    frames: [
      rsBare('response.created', { response: rsResponse('in_progress') }),
      rsBare('response.output_text.delta', { item_id: 'msg_fx3', output_index: 0, content_index: 0, delta: '查一下 🌦' }),
      rsBare('response.output_item.added', { output_index: 1, item: { id: 'fc_w', type: 'function_call', status: 'in_progress', call_id: 'call_w1', name: 'get_weather', arguments: '{"city":"Kyiv"}' } }),
      rsBare('response.function_call_arguments.done', { item_id: 'fc_w', output_index: 1, arguments: '{"city":"Kyiv"}' }),
      rsBare('response.completed', { response: rsResponse('completed') })
    ],
    expect: { provider: 'openai-responses', text: '查一下 🌦', reasoning: '', toolCalls: [{ index: 0, id: 'call_w1', name: 'get_weather', arguments: '{"city":"Kyiv"}' }], finishReason: 'tool_calls', rawFinishReason: 'completed', usage: null, complete: true,
      toolOrder: ['0', '0 done'] }
  }
]

export const aiCase = (name) => AI_CASES.find((c) => c.name === name)
