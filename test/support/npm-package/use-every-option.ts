// Type-checked against the installed tarball under nodenext, bundler and node10 (test/npm-package-*.test.mjs):
// every option and member of the npm entry, and a few mistakes that must not compile.
import {
  CLOSED, CONNECTING, OPEN, UniErrors, UniMessageEvent, closeAllEventSources, connectEventSource, createParser, createUtf8Decoder,
  type ConnectEventSourceErrorCode, type ConnectEventSourceFail, type ConnectEventSourceFailData,
  type ConnectEventSourceOptions, type Parser, type ParserCallbacks, type UniEventSource,
  ChatStreamResult, ChatTextEvent, ChatToolCall, ChatToolCallEvent, ChatUsage, connectChatStream,
  type ChatDoneCallback, type ChatMessage, type ChatStreamFail, type ChatStreamFailData, type ChatStreamOptions,
  type ChatTextCallback, type ChatToolCallCallback, type UniChatStream
} from 'connect-event-source'

const controller = new AbortController()
const options: ConnectEventSourceOptions = {
  url: 'https://api.example.com/v1/chat/completions',
  header: { Authorization: 'Bearer sk', 'X-Retry': 1, 'X-Debug': true },
  method: 'POST',
  data: { model: 'm', stream: true, messages: [{ role: 'user', content: 'hi' }] },
  withCredentials: false,
  requireStreaming: false,
  timeout: 30000,
  heartbeatTimeout: 0,
  maxRetries: 0,
  retryOnStatus: [429, 503],
  getHeader: async () => ({ 'X-Trace': 'a' }),
  maxRetryAfter: 60000,
  retryInterval: 3000,
  maxRetryInterval: 30000,
  minRetryInterval: 250,
  lastEventId: '',
  maxLineLength: 1 << 24,
  maxEventSize: 1 << 24,
  redirect: 'error',
  format: 'event-stream',
  signal: controller.signal
}
const es: UniEventSource = connectEventSource(options)
const url: string = es.url
const state: number = es.readyState
const lastId: string = es.lastEventId
const states: number[] = [CONNECTING, OPEN, CLOSED, state]
const ids: number[] = [
  es.onOpen((ev: UniMessageEvent) => console.log(ev.type, ev.data, ev.lastEventId)),
  es.onMessage((ev) => { const t: string = ev.type; const d: string = ev.data; console.log(t, d) }),
  es.onError((err: ConnectEventSourceFail) => {
    const code: ConnectEventSourceErrorCode = err.errCode
    const data: ConnectEventSourceFailData = err.data
    const status: number = data.status
    const headers: Record<string, string> = data.headers
    const body: string = data.body
    const retry: boolean = data.willRetry
    const delay: number = data.retryDelay
    const attempt: number = data.attempt
    const id: string = data.lastEventId
    const retryAfter: number = data.retryAfter
    console.log(retryAfter)
    const message: string = err.errMsg + err.message + err.errSubject
    const cause: ConnectEventSourceFail | null | undefined = err.cause
    const isError: Error = err
    console.log(code, status, headers, body, retry, delay, attempt, id, message, cause, isError, UniErrors.get(code))
  }),
  es.onClose((ev) => console.log(ev.lastEventId)),
  es.addEventListener('tick', (ev) => console.log(ev.data)),
  es.onComment((ev) => { const text: string = ev.data; console.log(text) })
]
const listener = (ev: UniMessageEvent) => console.log(ev)
es.addEventListener('message', listener)
es.removeEventListener('message', listener)
for (const id of ids) es.off(id)
es.reconnect()
es.close()
closeAllEventSources()
// header as a function, sync or async (called before every request)
connectEventSource({ url: '/events', header: () => ({ Authorization: 'Bearer fresh' }) })
connectEventSource({ url: '/events', header: async () => ({ Authorization: 'Bearer fresh', 'X-N': 1 }) })
console.log(url, lastId, states, new UniMessageEvent('message', 'data', 'id').data)

async function iterate(source: UniEventSource): Promise<string> {
  let all = ''
  for await (const ev of source) all += ev.data
  const it: AsyncIterator<UniMessageEvent, undefined> = source[Symbol.asyncIterator]()
  await it.return?.()
  return all
}
void iterate(connectEventSource({ url: '/events', signal: AbortSignal.timeout(1000) }))

const callbacks: ParserCallbacks = { onEvent: (e) => console.log(e.type, e.data, e.id), onRetry: (ms: number) => console.log(ms), onComment: (t: string) => console.log(t), onError: (m: string) => console.log(m), maxLineLength: 10, maxEventSize: 10 }
const parser: Parser = createParser(callbacks)
parser.feed('data: x\n\n')
parser.reset()
const parserId: string = parser.lastEventId
const decoded: string = createUtf8Decoder({ ignoreBOM: true }).decode(new Uint8Array([0xe4, 0xbd]), { stream: true })
console.log(parserId, decoded)

// Mistakes the declarations must reject (each line fails to compile; @ts-expect-error fails if it does not).
// @ts-expect-error url is required
connectEventSource({ method: 'POST' })
// @ts-expect-error misspelled option
connectEventSource({ url: 'u', retryIntervall: 5 })
// @ts-expect-error timeout is a number
connectEventSource({ url: 'u', timeout: '30s' })
// @ts-expect-error header values are strings, numbers or booleans
connectEventSource({ url: 'u', header: { A: { nested: 1 } } })
// @ts-expect-error signal is an AbortSignal
connectEventSource({ url: 'u', signal: 'stop' })
// @ts-expect-error a header function returns header values, not objects
connectEventSource({ url: 'u', header: () => ({ A: { nested: 1 } }) })
// @ts-expect-error retryOnStatus lists numbers
connectEventSource({ url: 'u', retryOnStatus: ['429'] })
// @ts-expect-error close takes no callback
es.close(() => {})

// connectChatStream: every option and member.
const messages: ChatMessage[] = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi' }]
const chatOptions: ChatStreamOptions = {
  url: 'https://api.example.com/v1/chat/completions',
  provider: 'auto',
  apiKey: 'sk',
  header: { 'X-Trace': 'on', 'X-Retry': 1, 'X-Debug': true },
  body: null,
  model: 'gpt-4o-mini',
  messages: messages,
  maxTokens: 256,
  method: 'POST',
  updateInterval: 50,
  timeout: 30000,
  heartbeatTimeout: 0,
  reasoningTags: true,
  signal: controller.signal
}
const chat: UniChatStream = connectChatStream(chatOptions)
const onText: ChatTextCallback = (ev: ChatTextEvent) => { const d: string = ev.delta; const t: string = ev.text; console.log(d, t) }
const onTool: ChatToolCallCallback = (ev: ChatToolCallEvent) => {
  const done: boolean = ev.done
  console.log(ev.index, ev.id, ev.name, ev.delta, ev.arguments, ev.argumentsError, done)
}
const onDone: ChatDoneCallback = (r: ChatStreamResult) => {
  const calls: ChatToolCall[] = r.toolCalls
  const usage: ChatUsage | null = r.usage
  const complete: boolean = r.complete
  for (const c of calls) console.log(c.index, c.id, c.name, c.arguments, c.argumentsError)
  console.log(r.provider, r.text, r.reasoning, r.finishReason, r.rawFinishReason, r.finishMessage, complete, usage?.inputTokens, usage?.outputTokens, usage?.totalTokens, usage?.reasoningTokens)
}
const chatIds: number[] = [
  chat.onText(onText),
  chat.onReasoning(onText),
  chat.onToolCall(onTool),
  chat.onDone(onDone),
  chat.onError((err: ChatStreamFail) => {
    const data: ChatStreamFailData | null = err.data
    const code: ConnectEventSourceErrorCode = err.errCode
    console.log(code, err.errMsg, data?.status, data?.providerMessage, data?.providerCode, data?.provider)
  })
]
for (const id of chatIds) chat.off(id)
const chatState: string[] = [chat.provider, chat.text, chat.reasoning]
console.log(chatState, new ChatUsage().totalTokens, new ChatTextEvent().text, new ChatToolCall().arguments, new ChatToolCallEvent().done, new ChatStreamResult().finishReason)
chat.close()
// @ts-expect-error url is required
connectChatStream({ model: 'm', messages })
// @ts-expect-error reasoningTags is a boolean
connectChatStream({ url: 'u', messages, reasoningTags: 'yes' })
// @ts-expect-error a message has role and content
connectChatStream({ url: 'u', messages: [{ role: 'user' }] })
