// The shared scenarios, run by the engine in Node over the web platform's fetch transport.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { connectEventSource } from './support/engine.mjs'
import { runScenario } from './support/scenario-runner.mjs'
import { sharedScenarios } from './support/scenarios.mjs'
import { startServer, uniqueKey } from './support/server.mjs'
import { refusedUrl, startSilentServer } from './support/tcp.mjs'

let srv, silent, refused
beforeAll(async () => {
  srv = await startServer()
  silent = await startSilentServer()
  refused = await refusedUrl()
})
afterAll(async () => {
  await srv?.close()
  await silent?.close()
})

describe('shared scenarios (Node, fetch transport)', () => {
  for (const s of sharedScenarios()) {
    test.concurrent(s.name, async () => {
      const key = uniqueKey()
      const ctx = { base: srv.url, key, expect, requests: async () => srv.requests(key), silentUrl: silent.url, refusedUrl: refused }
      const result = await runScenario(connectEventSource, s.spec(ctx))
      await s.check(result, ctx)
    })
  }
})
