// What npm run test:mutation mutates, and which test files run for a mutant of each file.
// The map is computed, not written by hand: a test file runs for a source file when the source is reachable from it
// through static and dynamic imports (test -> test/support -> .uts -> .uts). Tests that reach the source only through
// a build (the real mp-weixin build, Chromium, the npm package) are added by BUILT_TESTS below; the heaviest kinds (the JVM,
// whole demo builds, soak runs) are left out (SLOW) so a run can finish on a small machine.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

export const PLUGIN = 'uni_modules/connect-event-source/utssdk'

/** The files whose mutants are generated (paths from the repository root). */
export function targetFiles(root) {
  const out = []
  const walk = (dir) => {
    for (const e of readdirSync(path.join(root, dir)).sort()) {
      const rel = `${dir}/${e}`
      if (statSync(path.join(root, rel)).isDirectory()) walk(rel)
      else if (e.endsWith('.uts')) out.push(rel)
    }
  }
  for (const dir of ['common', 'web', 'mp-weixin', 'mp-toutiao']) walk(`${PLUGIN}/${dir}`)
  out.push('src/index.ts')
  // Declarations only (no behaviour): the transport contract and the format registry's types.
  return out.filter((f) => !/\/(js-globals|transport)\.uts$/.test(f) && !f.endsWith('/chat/decoder.uts'))
}

/** Test files too slow to run once per mutant here (each needs a JVM, a whole uni build, or runs for minutes). */
const SLOW = /(jvm|android|kotlin|demo-|uni-cli|uni-vue2|bench|npm-package|bootstrap|native-gate|portability|soak|readme-snippets|chromium|mp-hosts|web-native|web-shared|web-hardening)/

/** Source files reached only through a build: the tests that build and run them. */
export const BUILT_TESTS = {
  // mp-weixin/ holds what every mini-program host shares (mini-program.uts, request-transport.uts, app-state.uts).
  'mp-weixin/': ['test/mp-weixin-build.test.mjs', 'test/chat-stream-mp-weixin-build.test.mjs', 'test/mp-hosts-build.test.mjs'],
  'mp-toutiao/': ['test/mp-hosts-build.test.mjs'],
  'web/native-event-source.uts': ['test/web-native-eventsource-and-fetch-paths.test.mjs'],
  'src/index.ts': ['test/dist-entry-node.test.mjs', 'test/npm-entry-signal-and-async-iteration.test.mjs']
}

function importsOf(file) {
  const text = readFileSync(file, 'utf8')
  return ts.preProcessFile(text, true, true).importedFiles.map((i) => i.fileName).filter((s) => s.startsWith('.'))
}

function resolve(from, spec) {
  const base = path.resolve(path.dirname(from), spec)
  for (const c of [base, base + '.uts', base + '.ts', base + '.mjs', base + '.js', path.join(base, 'index.uts')]) {
    if (existsSync(c) && statSync(c).isFile()) return c
  }
  return null
}

/** For each target file: the test files that reach it, the most direct importers first, then those through a build. */
export function testMap(rootDir, targets) {
  const root = path.resolve(rootDir)
  const tests = readdirSync(path.join(root, 'test')).filter((f) => f.endsWith('.test.mjs')).map((f) => `test/${f}`)
  const reach = new Map(targets.map((t) => [t, []]))
  for (const t of tests) {
    if (SLOW.test(t)) continue
    // Breadth first: the import distance from the test to each source (1: the test imports it itself).
    const depth = new Map([[path.join(root, t), 0]])
    const queue = [path.join(root, t)]
    while (queue.length) {
      const f = queue.shift()
      if (f.includes(`${path.sep}node_modules${path.sep}`)) continue
      for (const spec of importsOf(f)) {
        const r = resolve(f, spec)
        if (r && !depth.has(r)) { depth.set(r, depth.get(f) + 1); queue.push(r) }
      }
    }
    for (const target of targets) if (depth.has(path.join(root, target))) reach.get(target).push([t, depth.get(path.join(root, target))])
  }
  for (const [target, list] of reach) {
    const sorted = list.sort((a, b) => a[1] - b[1])
    const tests = sorted.map(([t]) => t)
    tests.depth = Object.fromEntries(sorted)
    reach.set(target, tests)
  }
  for (const target of targets) {
    for (const [suffix, files] of Object.entries(BUILT_TESTS)) {
      if (target.includes(suffix) || target.endsWith(suffix)) {
        for (const f of files) if (!reach.get(target).includes(f)) { reach.get(target).push(f); reach.get(target).depth[f] = 99 }
      }
    }
  }
  return reach
}

/** Short name of a target for output and --file: the path under utssdk/ (or from the root outside the plugin). */
export const shortName = (target) => (target.startsWith(PLUGIN + '/') ? target.slice(PLUGIN.length + 1) : target)
