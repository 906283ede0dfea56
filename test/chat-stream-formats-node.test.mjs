// connectChatStream (utssdk/common/chat, the same .uts every platform compiles) over the engine's Node fetch
// transport, against the mock of every AI wire format (server/ai.mjs replaying server/ai-fixtures.mjs): OpenAI Chat
// Completions and compatible (DeepSeek reasoning_content), OpenAI Responses, Anthropic Messages, Gemini
// streamGenerateContent?alt=sse and Ollama NDJSON, each written whole, one byte per write and in random pieces.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startChatStream } from '../uni_modules/connect-event-source/utssdk/common/chat/chat-stream.uts'
import { connectEventSource } from './support/engine.mjs'
import { AI_CASES, SPLITS, caseOptions, checkChatCase, recordChat } from './support/chat-cases.mjs'
import { startServer } from './support/server.mjs'

const connectChatStream = (options) => startChatStream(options, connectEventSource)

let srv
beforeAll(async () => { srv = await startServer() })
afterAll(async () => { await srv?.close() })

describe('every fixture, every split (Node fetch transport)', () => {
  for (const c of AI_CASES) {
    for (const split of SPLITS) {
      test.concurrent(`${c.name} (${split.name}, ${split.name === 'random' ? 'provider named' : 'auto-detected'})`, async () => {
        const log = await recordChat(connectChatStream, caseOptions(srv.url, c, split, { auto: split.name !== 'random' }))
        checkChatCase(expect, c, log)
      })
    }
  }
})

describe('auto-detection from the frames alone (a proxy URL that names no provider)', () => {
  // The engine needs to know NDJSON before the request, so Ollama is detected by its /api/chat path or named.
  for (const c of AI_CASES.filter((x) => x.provider !== 'ollama')) {
    test.concurrent(`${c.name} at /ai/my-proxy/chat`, async () => {
      const log = await recordChat(connectChatStream, caseOptions(srv.url, c, SPLITS[2], { path: '/my-proxy/chat' }))
      checkChatCase(expect, c, log)
    })
  }
})
