// Every mini-program host uni-app builds, as the tests run it: which build (uni-app x where the host's compiler
// ships one, else uni-app Vue 3), which global the built code calls, and which documented request behaviour the
// Node host object gives it (docs/mini-programs.md has the sources). The host object is test/support/mp-wx-harness.mjs
// with options: it performs real HTTP to server/ and delivers the body as that host does.
import { loadMpBuild } from './mp-wx-harness.mjs'

export const MP_HOSTS = {
  // WeChat is test/mp-weixin-build.test.mjs (both project kinds).
  'mp-harmony': { name: 'HarmonyOS atomic service', global: 'has', kind: 'vue3', delivery: 'chunks', host: { sdkVersion: '2.0.2' } },
  'mp-toutiao': { name: 'Douyin', global: 'tt', kind: 'x', delivery: 'events', host: { sdkVersion: '3.60.0', noChunkApi: true, eventSource: true } },
  'mp-alipay': { name: 'Alipay', global: 'my', kind: 'x', delivery: 'whole', host: { noChunkApi: true, alipay: true } },
  'mp-baidu': { name: 'Baidu', global: 'swan', kind: 'vue3', delivery: 'whole', host: { noChunkApi: true } },
  'mp-qq': { name: 'QQ', global: 'qq', kind: 'vue3', delivery: 'whole', host: { noChunkApi: true } },
  'mp-kuaishou': { name: 'Kuaishou', global: 'ks', kind: 'vue3', delivery: 'whole', host: { noChunkApi: true } },
  'mp-jd': { name: 'JD', global: 'jd', kind: 'vue3', delivery: 'whole', host: { noChunkApi: true } },
  'mp-lark': { name: 'Lark', global: 'tt', kind: 'vue3', delivery: 'whole', host: { noChunkApi: true } },
  'mp-xhs': { name: 'Xiaohongshu', global: 'xhs', kind: 'vue3', delivery: 'whole', host: { noChunkApi: true } }
}

/** Loads a fresh instance of a host's build on its host object (options override the host's defaults). */
export function loadHostBuild(platform, buildDir, options = {}) {
  const def = MP_HOSTS[platform]
  return loadMpBuild(buildDir, platform, def.global, { ...def.host, ...options })
}
