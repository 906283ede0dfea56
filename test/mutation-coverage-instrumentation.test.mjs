// The mutation tool's per-test coverage (scripts/mutation/coverage.mjs) must not change what the code does, must count
// exactly the statements that ran, and must map a mutant to the statement whose execution it needs: a wrong map would
// skip the tests that could kill a mutant and report it as survived (or, worse, leave a test out and still say killed).
import { readFileSync } from 'node:fs'
import { transformSync } from 'esbuild'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'
import { instrument, statementOf } from '../scripts/mutation/coverage.mjs'
import { generateMutants } from '../scripts/mutation/generate.mjs'
import { targetFiles } from '../scripts/mutation/targets.mjs'

// Statements without braces and without semicolons, as UTS is written: the counters must not join two statements.
const SOURCE = `
class Box {
  items : string[] = ['first']
  count : number = 1
}

export function classify(xs : number[]) : string[] {
  const out : string[] = []
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]
    if (x < 0) out.push('negative')
    else if (x == 0) out.push('zero')
    else {
      switch (x % 2) {
        case 0:
          out.push('even')
          break
        default:
          out.push('odd')
      }
    }
    while (false) out.push('never')
  }
  const f = (n : number) : number => n * 2
  ;(out as any).doubled = f(xs.length) + new Box().count
  return out
}
`

function load(text) {
  const js = transformSync(text, { loader: 'ts', format: 'cjs' }).code
  const module = { exports: {} }
  new Function('module', 'exports', js)(module, module.exports)
  return module.exports
}

function run(text, input) {
  const hits = new Set()
  globalThis.__mutHit = (id) => { hits.add(id) }
  try {
    const r = load(text).classify(input)
    return { result: [...r, r.doubled], hits }
  } finally {
    delete globalThis.__mutHit
  }
}

describe('coverage counters', () => {
  test('the instrumented code returns what the original returns', () => {
    const { text } = instrument(SOURCE, 1000)
    for (const input of [[], [-1, 0, 1, 2], [5, -3, 0, 0, 8]]) expect(run(text, input).result).toEqual(run(SOURCE, input).result)
  })

  test('exactly the statements that ran are counted', () => {
    const { text, statements } = instrument(SOURCE, 1000)
    const { hits } = run(text, [0])
    const ran = (snippet) => hits.has(1000 + statements.findIndex((s) => SOURCE.slice(s.start, s.end).startsWith(snippet)))
    expect(ran("out.push('zero')")).toBe(true)
    expect(ran("out.push('negative')")).toBe(false)
    expect(ran("out.push('even')")).toBe(false)
    expect(ran("out.push('never')")).toBe(false)
    expect(ran('return out')).toBe(true)
    // A field initialiser counts when an instance is made.
    expect(ran('1')).toBe(true)
    expect(ran("['first']")).toBe(true)
  })

  test('a mutant maps to the innermost statement around it, or the first statement inside a removed block', () => {
    const { statements } = instrument(SOURCE, 0)
    const text = (i) => SOURCE.slice(statements[i].start, statements[i].end)
    const at = (snippet) => ({ start: SOURCE.indexOf(snippet), end: SOURCE.indexOf(snippet) + snippet.length })
    expect(text(statementOf(statements, at("'odd'")))).toBe("out.push('odd')")
    expect(text(statementOf(statements, at('x < 0')))).toMatch(/^if \(x < 0\)/)
    // The whole function body: its first statement runs exactly when the function does.
    const body = { start: SOURCE.indexOf('{', SOURCE.indexOf('classify')), end: SOURCE.lastIndexOf('}') + 1 }
    expect(text(statementOf(statements, body))).toBe('const out : string[] = []')
    expect(text(statementOf(statements, at("'first'")))).toBe("['first']")
    // Module-level code: no statement, so every test of the file.
    expect(statementOf(statements, { start: 1, end: 7 })).toBe(-1)
  })

  test('every target file still parses after instrumentation, and every mutant of it maps to a statement or to "all tests"', () => {
    for (const file of targetFiles('.')) {
      const source = readFileSync(file, 'utf8')
      const { text, statements } = instrument(source, 0)
      const sf = ts.createSourceFile(file + '.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)
      expect(sf.parseDiagnostics.map((d) => `${file}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`)).toEqual([])
      for (const m of generateMutants(source, file)) {
        const i = statementOf(statements, m)
        expect(i >= -1 && i < statements.length).toBe(true)
      }
    }
  })
})
