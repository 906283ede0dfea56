// npm test: set-up (scripts/bootstrap.mjs: npm ci when node_modules is missing or stale, DCloud's native UTS
// binding, the Debian packages as root), build the Node entry, the native gate (scripts/check-native.mjs), then
// every vitest suite (engine, server, Node fetch, browser e2e, mp-weixin build, Android transport on the JVM,
// packed npm tarball, uni-app CLI project, readme snippets). No step reaches a registry after the set-up.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { bootstrap } from './bootstrap.mjs'

const started = Date.now()
bootstrap({ test: true })
function run(label, cmd, args) {
  console.log(`\n== ${label}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit' })
  if (r.status !== 0) {
    console.log(`\n${label} failed (exit ${r.status})`)
    console.log('0 passed, 1 failed')
    process.exit(1)
  }
}

run('build', 'node', ['scripts/build-dist.mjs'])
// Generated Kotlin/Swift/ArkTS go to test-output/native (replaced each run) rather than a new temp dir each run.
mkdirSync('test-output', { recursive: true })
rmSync('test-output/native', { recursive: true, force: true })
run('native gate (UTS transpile, kotlinc, ArkTS linter, portability)', 'node', ['scripts/check-native.mjs', '--out', 'test-output/native'])

const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-output/vitest.json', ...process.argv.slice(2)], { stdio: 'inherit' })
let passed = 0
let failed = 0
try {
  const report = JSON.parse(readFileSync('test-output/vitest.json', 'utf8'))
  passed = report.numPassedTests
  failed = report.numFailedTests + (report.numFailedTestSuites ?? 0)
} catch {
  failed = 1
}
if (vitest.status !== 0 && failed === 0) failed = 1
console.log(`\nnpm test finished in ${Math.round((Date.now() - started) / 1000)} s`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
