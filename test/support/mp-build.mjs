// Builds the demo project for mp-weixin with the repository's own npm scripts (docs/BUILD.md) and returns the
// output directory. Tests call it once per file (beforeAll): the point is to run what the CLI really emits.
// The output goes to test-output/ (UNI_OUTPUT_DIR, honoured by the uni CLI) so a test never reads a
// directory that a developer's or another test's build is rewriting at the same moment.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawn } from 'node:child_process'
import { runUniBuild } from './uni-build.mjs'
import { fingerprint, removeOldBuilds, withLock } from './web-app.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** kind: 'x' (the uni-app x project: npm run build:mp-weixin) or 'vue3' (same pages as uni-app Vue 3: build:mp-weixin:vue3). */
export async function buildMpWeixin(kind = 'x') {
  const script = kind === 'vue3' ? 'build:mp-weixin:vue3' : 'build:mp-weixin'
  const out = path.join(ROOT, 'test-output/mp-build', kind === 'vue3' ? 'mp-weixin-vue3' : 'mp-weixin')
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts ?? {}
  if (!scripts[script]) throw new Error(`package.json has no "${script}" script (see docs/BUILD.md)`)
  fs.rmSync(out, { recursive: true, force: true })
  const log = await runUniBuild(script, out)
  const entry = path.join(out, 'uni_modules/connect-event-source/utssdk/mp-weixin/index.js')
  if (!fs.existsSync(entry)) throw new Error(`npm run ${script} produced no ${path.relative(ROOT, entry)}\n${log.slice(-4000)}`)
  return out
}

/**
 * Builds the demo for another mini-program host with the uni CLI (`node scripts/uni.mjs [--vue3] build -p <platform>`,
 * docs/BUILD.md) into test-output/mp-hosts/<platform>-<kind>/<sources fingerprint>, unless that build exists: one
 * build per source state, shared by every test file and worker (a lock makes one of them build).
 * kind: 'x' (uni-app x; only hosts whose @dcloudio/uni-mp-* ships dist-x: Alipay, Douyin) or 'vue3'.
 */
export function buildMpHost(platform, kind = 'vue3') {
  const parent = path.join(ROOT, 'test-output', 'mp-hosts', `${platform}-${kind}`)
  return withLock(parent + '.lock', async () => {
    const out = path.join(parent, fingerprint(`${platform}:${kind}`).slice(0, 12))
    const done = path.join(out, '.built')
    if (fs.existsSync(done)) return out
    removeOldBuilds(parent)
    fs.rmSync(out, { recursive: true, force: true })
    const started = Date.now()
    const log = await runUni([...(kind === 'vue3' ? ['--vue3'] : []), 'build', '-p', platform], out)
    const entry = path.join(out, 'uni_modules/connect-event-source/utssdk', platform, 'index.js')
    if (!fs.existsSync(entry)) throw new Error(`the ${platform} (${kind}) build produced no ${path.relative(out, entry)}\n${log.slice(-4000)}`)
    fs.writeFileSync(done, '')
    console.log(`[mp-build] ${platform} (${kind}): ${Date.now() - started} ms`)
    return out
  })
}

function runUni(args, outDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/uni.mjs'), ...args], { cwd: ROOT, env: { ...process.env, UNI_OUTPUT_DIR: outDir } })
    let text = ''
    child.stdout.on('data', (d) => { text += d })
    child.stderr.on('data', (d) => { text += d })
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`uni ${args.join(' ')} exited ${code}\n${text.slice(-4000)}`))))
  })
}
