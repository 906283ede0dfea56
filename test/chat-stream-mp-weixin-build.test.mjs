// connectChatStream in the REAL mp-weixin builds of the demo (uni-app x and uni-app Vue 3) run in Node: the
// plugin's CommonJS output on a `wx` whose request streams real HTTP from server/ai.mjs (test/support/mp-wx-harness.mjs),
// through every AI fixture whole, in 1-byte and in random pieces from the server, with the host re-splitting chunks
// (1-byte and seeded random) and once without a global TextDecoder (the engine's utf8.uts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { AI_CASES, SPLITS, aiCase, caseOptions, checkChatCase, recordChat } from './support/chat-cases.mjs'
import { buildMpWeixin } from './support/mp-build.mjs'
import { loadMpWeixinBuild } from './support/mp-wx-harness.mjs'
import { startServer } from './support/server.mjs'

let builds, srv
beforeAll(async () => {
  const [x, vue3, server] = await Promise.all([buildMpWeixin('x'), buildMpWeixin('vue3').catch((e) => e), startServer()])
  builds = { x, vue3 }
  srv = server
}, 240000)
afterAll(async () => { await srv?.close() })

const MODES = [
  { name: 'uni-app x build, network chunks', kind: 'x', host: { chunking: 'network' } },
  { name: 'uni-app x build, host 1-byte chunks, no TextDecoder (utf8.uts)', kind: 'x', host: { chunking: 'bytes1' }, noTextDecoder: true },
  { name: 'uni-app Vue 3 build, host random chunks', kind: 'vue3', host: { chunking: 'random', seed: 13 } }
]

for (const mode of MODES) {
  describe(`every fixture, every split (mp-weixin: ${mode.name})`, () => {
    let app, savedDecoder
    beforeAll(() => {
      const dir = builds[mode.kind]
      if (dir instanceof Error) throw dir
      if (mode.noTextDecoder) {
        savedDecoder = globalThis.TextDecoder
        delete globalThis.TextDecoder
      }
      app = loadMpWeixinBuild(dir, mode.host)
      expect(typeof app.plugin.connectChatStream).toBe('function')
    })
    afterAll(() => {
      if (savedDecoder) globalThis.TextDecoder = savedDecoder
    })
    for (const c of AI_CASES) {
      for (const split of SPLITS) {
        test.concurrent(`${c.name} (${split.name})`, async () => {
          const log = await recordChat(app.plugin.connectChatStream, caseOptions(srv.url, c, split, { auto: split.name !== 'random' }))
          checkChatCase(expect, c, log)
          for (const t of app.host.tasksFor(encodeURIComponent(c.name))) expect(t).toMatchObject({ enableChunked: true, responseType: 'arraybuffer' })
        })
      }
    }
    test('coalescing with the default updateInterval on 1-byte writes: far fewer updates than deltas, the final one before onDone', async () => {
      const c = aiCase('anthropic/thinking-tools')
      const { updateInterval, ...options } = caseOptions(srv.url, c, SPLITS[1])
      const log = await recordChat(app.plugin.connectChatStream, options)
      checkChatCase(expect, c, log)
      expect(log.text.length + log.reasoning.length).toBeLessThanOrEqual(4)
    })
  })
}
