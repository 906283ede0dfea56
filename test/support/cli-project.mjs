// A minimal uni-app Vue 3 CLI project made like DCloud's `npx degit dcloudio/uni-preset-vue#vite-ts`: sources and
// uni_modules under src/, index.html and vite.config.ts at the top, and the template's tsconfig.json (extends
// @vue/tsconfig 0.1.3: isolatedModules, preserveValueImports, importsNotUsedAsValues: error) with the one "paths"
// line docs/cli-projects.md adds for the plugin; type-checked with the template's vue-tsc 1.8 and TypeScript 4.9
// (test/fixtures/vite-ts, installed by scripts/bootstrap.mjs --test). Written from scratch into a fresh folder under
// test/fixtures/vite-ts/projects/ (gitignored), with this repository's plugin copied into src/uni_modules/, so
// Node's resolution reaches the fixture's type-checking toolchain first and the repository's node_modules (vue,
// @dcloudio/*) after it: the same package versions a user installs, with no install step and no registry.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { loadMpWeixinBuild } from './mp-wx-harness.mjs'
import { uniqueKey } from './server.mjs'

const ROOT = path.resolve(import.meta.dirname, '../..')
export const VITE_TS_FIXTURE = path.join(ROOT, 'test/fixtures/vite-ts')
const run = promisify(execFile)

/** The tsconfig.json lines a CLI project needs for the plugin (documented in docs/cli-projects.md). */
export const PLUGIN_PATHS = { '@/uni_modules/connect-event-source': ['./src/uni_modules/connect-event-source/types/index.d.ts'] }

export const PAGE = `<template>
  <view class="page">
    <text class="reply">{{ reply }}</text>
    <text class="status">{{ status }}</text>
  </view>
</template>

<script setup lang="ts">
import { ref } from 'vue'
import { onUnload } from '@dcloudio/uni-app'
import { connectEventSource, CLOSED, type ConnectEventSourceFail, type UniEventSource, type UniMessageEvent } from '@/uni_modules/connect-event-source'

const reply = ref('')
const status = ref('connecting')
const es: UniEventSource = connectEventSource({
  url: '/v1/chat/completions?delay=2',
  method: 'POST',
  header: { Authorization: 'Bearer sk-cli' },
  data: { model: 'mock', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'from a CLI project' }] },
  timeout: 30000
})
es.onMessage((ev: UniMessageEvent) => {
  if (ev.data == '[DONE]') return
  const chunk = JSON.parse(ev.data) as UTSJSONObject
  const choices = chunk['choices'] as any[] | null
  if (choices == null || choices.length == 0) return
  const delta = (choices[0] as UTSJSONObject)['delta'] as UTSJSONObject | null
  const content = delta == null ? null : delta['content']
  if (typeof content == 'string') reply.value += content
})
es.onError((err: ConnectEventSourceFail) => { status.value = 'error ' + err.errCode + ' ' + err.errMsg })
es.onClose(() => { if (es.readyState == CLOSED && !status.value.startsWith('error')) status.value = 'done' })
onUnload(() => es.close())

// The declarations are real types, not any:
// @ts-expect-error url is required
connectEventSource({ method: 'POST' })
// @ts-expect-error readyState is a number
const wrong: string = es.readyState
</script>
`

/** The tsconfig.json of the vite-ts template, plus the plugin's "paths" line (docs/cli-projects.md). */
export const TEMPLATE_TSCONFIG = {
  extends: '@vue/tsconfig/tsconfig.json',
  compilerOptions: {
    sourceMap: true,
    baseUrl: '.',
    paths: { ...PLUGIN_PATHS, '@/*': ['./src/*'] },
    lib: ['esnext', 'dom'],
    types: ['@dcloudio/types']
  },
  include: ['src/**/*.ts', 'src/**/*.d.ts', 'src/**/*.tsx', 'src/**/*.vue']
}

/**
 * Creates the project in a new folder under test/fixtures/vite-ts/projects/ and returns its path.
 * pages: extra files under src/ ({ 'pages/x/x.vue': source }); plugin: false leaves src/uni_modules/ empty.
 */
export function createCliProject({ files: extra = {}, plugin = true } = {}) {
  const parent = path.join(VITE_TS_FIXTURE, 'projects')
  fs.mkdirSync(parent, { recursive: true })
  const dir = fs.mkdtempSync(path.join(parent, 'vue3-'))
  const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies
  const fixture = JSON.parse(fs.readFileSync(path.join(VITE_TS_FIXTURE, 'package.json'), 'utf8')).devDependencies
  const pick = (names) => Object.fromEntries(names.map((n) => [n, fixture[n] ?? root[n]]))
  const files = {
    // uni's CLI loads a platform's compiler only when the project depends on it.
    'package.json': JSON.stringify({
      name: 'uni-cli-project', version: '1.0.0', private: true,
      scripts: { 'build:h5': 'uni build', 'build:mp-weixin': 'uni build -p mp-weixin', 'type-check': 'vue-tsc --noEmit' },
      dependencies: pick(['@dcloudio/uni-app', '@dcloudio/uni-components', '@dcloudio/uni-h5', '@dcloudio/uni-mp-weixin', 'vue']),
      devDependencies: pick(['@dcloudio/types', '@dcloudio/uni-cli-shared', '@dcloudio/vite-plugin-uni', '@vue/tsconfig', 'typescript', 'vite', 'vue-tsc'])
    }, null, 2),
    'index.html': '<!DOCTYPE html>\n<html lang="en">\n  <head>\n    <meta charset="UTF-8" />\n    <title>uni-cli-project</title>\n  </head>\n  <body>\n    <div id="app"><!--app-html--></div>\n    <script type="module" src="/src/main.ts"></script>\n  </body>\n</html>\n',
    'vite.config.ts': "import { defineConfig } from 'vite'\nimport uni from '@dcloudio/vite-plugin-uni'\n\nexport default defineConfig({ plugins: [uni()] })\n",
    'tsconfig.json': JSON.stringify(TEMPLATE_TSCONFIG, null, 2),
    'src/env.d.ts': "/// <reference types=\"vite/client\" />\ndeclare module '*.vue' {\n  import { DefineComponent } from 'vue'\n  const component: DefineComponent<{}, {}, any>\n  export default component\n}\n",
    'src/main.ts': "import { createSSRApp } from 'vue'\nimport App from './App.vue'\n\nexport function createApp() {\n  const app = createSSRApp(App)\n  return { app }\n}\n",
    'src/App.vue': "<script setup lang=\"ts\">\nimport { onLaunch } from '@dcloudio/uni-app'\nonLaunch(() => {})\n</script>\n",
    'src/pages.json': JSON.stringify({ pages: [{ path: 'pages/index/index', style: { navigationBarTitleText: 'SSE' } }] }, null, 2),
    'src/manifest.json': JSON.stringify({ name: 'uni-cli-project', appid: '', versionName: '1.0.0', versionCode: '100', vueVersion: '3', uniStatistics: { enable: false }, h5: { router: { mode: 'hash' } }, 'mp-weixin': { appid: '', setting: { urlCheck: false } } }, null, 2),
    // The template's augmentation of Vue's component options with uni-app's page and app hooks.
    'src/shime-uni.d.ts': 'export {}\n\ndeclare module "vue" {\n  type Hooks = App.AppInstance & Page.PageInstance;\n  interface ComponentCustomOptions extends Hooks {}\n}\n',
    'src/pages/index/index.vue': PAGE,
    ...Object.fromEntries(Object.entries(extra).map(([name, text]) => ['src/' + name, text]))
  }
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), content)
  }
  if (plugin) fs.cpSync(path.join(ROOT, 'uni_modules/connect-event-source'), path.join(dir, 'src/uni_modules/connect-event-source'), { recursive: true })
  return dir
}

/** Runs a tool of the project's (resolved from it, as `npx` would); rejects with the output on failure. */
export async function runInProject(dir, bin, args, env = {}) {
  // A clean environment for uni's CLI: nothing of another build's UNI_* settings.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('UNI_') && k !== 'VITEST' && !k.startsWith('VITEST_')))
  const r = await run(process.execPath, [bin, ...args], { cwd: dir, env: { ...clean, NODE_ENV: '', ...env }, encoding: 'utf8', maxBuffer: 32 << 20 })
    .catch((e) => { throw new Error(`${path.basename(bin)} ${args.join(' ')} failed in ${dir}:\n${e.stdout}\n${e.stderr}`) })
  return r.stdout + r.stderr
}

export const BINS = {
  uni: path.join(ROOT, 'node_modules/@dcloudio/vite-plugin-uni/bin/uni.js'),
  // The template's vue-tsc (1.8, over TypeScript 4.9), not the repository's.
  vueTsc: path.join(VITE_TS_FIXTURE, 'node_modules/vue-tsc/bin/vue-tsc.js')
}

/** The lines of a uni build's output that name a file of the plugin: its warnings (a clean build names none). */
export const pluginWarnings = (output) => output.split('\n').filter((line) => line.includes('uni_modules/connect-event-source'))

/** Streams one mock chat reply (server/chat.mjs) through the plugin of a built mp-weixin output in the Node `wx` host. */
export async function chatThroughMpBuild(buildDir, serverUrl, prompt) {
  const { plugin } = loadMpWeixinBuild(buildDir)
  const es = plugin.connectEventSource({
    url: `${serverUrl}/v1/chat/completions?delay=1&key=${uniqueKey()}`, method: 'POST', header: { Authorization: 'Bearer sk-mp' },
    data: { stream: true, messages: [{ role: 'user', content: prompt }] }
  })
  let text = ''
  es.onMessage((ev) => { if (ev.data !== '[DONE]') text += JSON.parse(ev.data).choices[0]?.delta?.content ?? '' })
  await new Promise((resolve) => es.onClose(resolve))
  return text
}
