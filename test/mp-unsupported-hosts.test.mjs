// Mini-programs whose request API cannot stream (docs/mini-programs.md): their utssdk/mp-*/index.uts, compiled
// from source (their uni-mp-* compilers are not installed here), must fail every source with 1830007
// asynchronously and send nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { runScenario } from './support/scenario-runner.mjs'
import { scenarioUrl, startServer, uniqueKey } from './support/server.mjs'

const HOSTS = {
  'mp-alipay': [() => import('../uni_modules/connect-event-source/utssdk/mp-alipay/index.uts'), /Alipay/],
  'mp-toutiao': [() => import('../uni_modules/connect-event-source/utssdk/mp-toutiao/index.uts'), /Douyin.*tt\.createEventSource/],
  'mp-baidu': [() => import('../uni_modules/connect-event-source/utssdk/mp-baidu/index.uts'), /Baidu/],
  'mp-qq': [() => import('../uni_modules/connect-event-source/utssdk/mp-qq/index.uts'), /QQ/],
  'mp-kuaishou': [() => import('../uni_modules/connect-event-source/utssdk/mp-kuaishou/index.uts'), /Kuaishou/],
  'mp-jd': [() => import('../uni_modules/connect-event-source/utssdk/mp-jd/index.uts'), /JD/],
  'mp-lark': [() => import('../uni_modules/connect-event-source/utssdk/mp-lark/index.uts'), /Lark/],
  'mp-xhs': [() => import('../uni_modules/connect-event-source/utssdk/mp-xhs/index.uts'), /Xiaohongshu/]
}

let srv
beforeAll(async () => { srv = await startServer() })
afterAll(async () => { await srv?.close() })

describe('mini-programs without a streaming request API', () => {
  for (const [folder, [load, named]] of Object.entries(HOSTS)) {
    test.concurrent(`${folder}: 1830007 naming the host, nothing sent`, async () => {
      const { connectEventSource } = await load()
      const key = uniqueKey(folder)
      const r = await runScenario(connectEventSource, { options: { url: scenarioUrl(srv.url, { key, body: 'data: x\n\n' }), method: 'POST', data: '{}' } })
      expect(r.log.map((e) => e.kind)).toEqual(['created', 'error', 'close'])
      const err = r.log[1]
      expect(err).toMatchObject({ code: 1830007, subject: 'uni-connectEventSource', readyState: 2 })
      expect(err.message).toMatch(named)
      expect(await srv.requests(key)).toHaveLength(0)
    })
  }
})
