// Bundles the engine for the bench from the current sources (so a tuned parser.uts is measured
// without `npm run build`): a Node ESM module, and IIFE scripts for the Chromium page.
import { build } from 'esbuild'
import { mkdirSync } from 'node:fs'
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
