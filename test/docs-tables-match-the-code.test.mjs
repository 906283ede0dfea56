// The readmes' tables say what the code does: every option value they document (the literals in the type and
// default columns of every options table, both languages) is accepted by resolveOptions (common/options.uts, the
// one place every platform checks options), and every error table of the plugin readme (both languages) and the
// repository README lists every code of utssdk/unierror.uts. Tables are read by marked's lexer
// (test/support/markdown-tables.mjs).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { resolveOptions } from '../uni_modules/connect-event-source/utssdk/common/options.uts'
import { UniErrors } from '../uni_modules/connect-event-source/utssdk/unierror.uts'
import { markdownTables } from './support/markdown-tables.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')
const OPTION_TABLE_FILES = ['uni_modules/connect-event-source/readme.md', 'README.md', 'src/README.md']
const ERROR_TABLE_FILES = ['uni_modules/connect-event-source/readme.md', 'README.md']
const OPTION_HEADERS = ['option', '参数']
const ERROR_HEADERS = ['errCode', 'code']

/** A code span as a JavaScript value: 'text' / "text", a number, true / false; anything else is not a literal. */
function literal(code) {
  if (/^'[^']*'$|^"[^"]*"$/.test(code)) return { value: code.slice(1, -1) }
  if (/^-?\d+(\.\d+)?$/.test(code)) return { value: Number(code) }
  if (code === 'true' || code === 'false') return { value: code === 'true' }
  return null
}

/** [{ table line, option, value, column }] of every literal in the type and default columns of options tables. */
function documentedOptionValues(text) {
  const values = []
  for (const table of markdownTables(text).filter((t) => OPTION_HEADERS.includes(t.header[0]))) {
    for (const row of table.rows) {
      const option = row[0].code[0]
      if (!option) continue
      for (const column of [1, 2]) {
        for (const code of row[column]?.code ?? []) {
          const lit = literal(code)
          if (lit) values.push({ line: table.line, option, value: lit.value, column: table.header[column] })
        }
      }
    }
  }
  return values
}

/** What resolveOptions says about one option value: null when accepted, else its 1830001 message. */
function rejection(option, value) {
  const options = { url: 'https://example.com/sse', [option]: value }
  if (option === 'data') options.method = 'POST'
  return resolveOptions(options, false).error
}

/** The codes of the error tables of a markdown text (first column a number). */
function documentedErrorCodes(text) {
  return markdownTables(text).filter((t) => ERROR_HEADERS.includes(t.header[0])).map((t) => ({
    line: t.line, codes: t.rows.map((r) => Number(r[0].text.trim())).filter((n) => Number.isInteger(n))
  }))
}

const CODES = [...UniErrors.keys()].sort()

for (const file of OPTION_TABLE_FILES) {
  describe(file, () => {
    const text = (f) => fs.readFileSync(f, 'utf8')
    const values = documentedOptionValues(text(path.join(ROOT, file)))
    test('has options tables with literal values', () => expect(values.length).toBeGreaterThan(10))
    test('every documented option value is accepted by resolveOptions', () => {
      const rejected = values.map((v) => ({ ...v, error: rejection(v.option, v.value) })).filter((v) => v.error != null)
      expect(rejected).toEqual([])
    })
  })
}

for (const file of ERROR_TABLE_FILES) {
  test(`${file}: every error table lists every code of unierror.uts, and no other`, () => {
    const tables = documentedErrorCodes(fs.readFileSync(path.join(ROOT, file), 'utf8'))
    expect(tables.length).toBeGreaterThan(0)
    for (const t of tables) expect({ line: t.line, codes: [...t.codes].sort() }).toEqual({ line: t.line, codes: CODES })
  })
}

test('the checks catch the defects the issue reports: format \'sse\', and a table that stops at 1830013', () => {
  const options = "| 参数 | 类型 | 默认值 | 说明 |\n|---|---|---|---|\n| `format` | `'sse'` \\| `'ndjson'` | `'sse'` | x |\n"
  const bad = documentedOptionValues(options).filter((v) => rejection(v.option, v.value) != null)
  expect(bad.map((v) => `${v.column} ${v.value}`)).toEqual(['类型 sse', '默认值 sse'])
  const errors = '| code | meaning |\n|---|---|\n' + CODES.filter((c) => c !== 1830020).map((c) => `| ${c} | x |`).join('\n') + '\n'
  const [table] = documentedErrorCodes(errors)
  expect(CODES.filter((c) => !table.codes.includes(c))).toEqual([1830020])
})
