// Vitest setup file of the mutation tool's coverage run (scripts/mutation/coverage.mjs): records which counters each
// test executed and writes them, per test file, to $MUTATION_COVERAGE_DIR. Counters hit outside a test (module load,
// beforeAll, a timer that outlives its test) are the file's: a mutant there runs every test of the file. Each test's
// duration (ms) lets the tool leave slow tests to mutants that no fast test executes.
import { afterAll, afterEach, beforeEach } from 'vitest'
import { writeFileSync } from 'node:fs'
import path from 'node:path'

const dir = process.env.MUTATION_COVERAGE_DIR
const fileHits = new Set()
const tests = {}
const durations = {}
let current = null
let started = 0
globalThis.__mutHit = (id) => { (current ?? fileHits).add(id) }

// The name vitest's testNamePattern is matched against (@vitest/runner getTaskFullName), so a run can pick these tests.
const fullName = (task) => `${task.suite ? `${fullName(task.suite)} ` : ''}${task.name}`

beforeEach((ctx) => {
  current = new Set()
  tests[fullName(ctx.task)] = current
  started = performance.now()
})
afterEach((ctx) => {
  durations[fullName(ctx.task)] = Math.round(performance.now() - started)
  current = null
})
afterAll((suite) => {
  if (!dir) return
  const file = suite.filepath ?? suite.file?.filepath
  const out = { file, fileHits: [...fileHits], durations, tests: Object.fromEntries(Object.entries(tests).map(([k, v]) => [k, [...v]])) }
  writeFileSync(path.join(dir, `${Buffer.from(path.relative(process.cwd(), file)).toString('base64url')}.json`), JSON.stringify(out))
})
