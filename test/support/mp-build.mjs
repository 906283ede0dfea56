// Builds the demo project for mp-weixin with the repository's own npm scripts (docs/BUILD.md) and returns the
// output directory. Tests call it once per file (beforeAll): the point is to run what the CLI really emits.
// The output goes to test-output/ (UNI_OUTPUT_DIR, honoured by the uni CLI) so a test never reads a
// directory that a developer's or another test's build is rewriting at the same moment.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runUniBuild } from './uni-build.mjs'

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
