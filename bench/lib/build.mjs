// Bundles the engine for the bench from the current sources (so a tuned parser.uts is measured
// without `npm run build`): a Node ESM module, and IIFE scripts for the Chromium page.
import { build } from 'esbuild'
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
export const buildDir = root + 'bench/results/.build/'

const common = {
  bundle: true,
  target: 'es2020',
  loader: { '.uts': 'ts' },
  inject: [root + 'src/uni-globals.ts'],
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root
}

export async function buildAll() {
  mkdirSync(buildDir, { recursive: true })
  await Promise.all([
    build({ ...common, entryPoints: [root + 'bench/lib/engine-entry.ts'], outfile: buildDir + 'engine.mjs', format: 'esm', platform: 'neutral', mainFields: ['module', 'main'] }),
    build({ ...common, entryPoints: [root + 'src/index.ts'], outfile: buildDir + 'web.js', format: 'iife', globalName: 'ConnectEventSource', platform: 'browser' }),
    build({ ...common, inject: [], entryPoints: [root + 'bench/lib/peers-web-entry.mjs'], outfile: buildDir + 'peers.js', format: 'iife', globalName: 'Peers', platform: 'browser' })
  ])
  return { engine: buildDir + 'engine.mjs', web: buildDir + 'web.js', peers: buildDir + 'peers.js' }
}

/** The bundled engine module. */
export async function loadEngine() {
  const { engine } = await buildAll()
  return import(engine)
}

/**
 * The parser and decoder of an earlier commit, bundled next to the current ones so the parse section can time
 * both in the same process and rounds (`--against=REV`): how `git bisect` of a slowdown is done here, without
 * the drift between separate runs on a shared machine. Returns the module path.
 */
export async function buildRevision(rev) {
  const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: root, encoding: 'utf8' }).trim()
  const dir = buildDir + 'rev-' + sha + '/'
  const out = buildDir + 'rev-' + sha + '.mjs'
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const tar = execFileSync('git', ['archive', sha, COMMON], { cwd: root, maxBuffer: 64 << 20 })
  execFileSync('tar', ['-x', '-C', dir], { input: tar })
  const entry = dir + 'entry.ts'
  writeFileSync(entry, `export { SseParser } from './${COMMON}/parser.uts'\nexport { createJsDecoder } from './${COMMON}/text-decoder.uts'\n` +
    `export { createOursPipe } from '${root}bench/lib/ours-pipe.ts'\n`)
  await build({ ...common, entryPoints: [entry], outfile: out, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'] })
  return { name: 'ours@' + sha, module: out }
}
const COMMON = 'uni_modules/connect-event-source/utssdk/common'
