// The plugin readme says the same in Chinese (first) and English, and the changelog is bilingual, Chinese first.
// Read with marked's lexer (headings, tables, code blocks) and TypeScript's scanner (code tokens):
// - the Chinese part never sends readers to the English one;
// - every English section has its Chinese counterpart (a new English section fails until it gets one);
// - both options tables list the same options with the same literal values, both error tables the same codes;
// - every code block of one language has a twin in the other, equal token for token once comments and the text
//   inside string literals are set aside (a Chinese prompt may differ, the code may not);
// - both install sections tell CLI projects about src/uni_modules and Vue 2 projects what they need, and both
//   mini-program sections give the request allow-list advice;
// - every changelog version has a Chinese list, then an English one, with as many entries.
import fs from 'node:fs'
import path from 'node:path'
import { Lexer } from 'marked'
import ts from 'typescript'
import { describe, expect, test } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..')
const PLUGIN = path.join(ROOT, 'uni_modules/connect-event-source')
/** English section (## heading, start) → its Chinese counterpart (### heading, start). */
const COUNTERPARTS = {
  'Install': '安装',
  'Quick start': '快速上手',
  'Listening to a GET stream': '监听 GET 事件流',
  'Options': '参数',
  'UniEventSource': 'UniEventSource 成员',
  'Errors': '错误码',
  'Limits and defaults against hostile servers': '对抗恶意服务端的限制与默认值',
  'Redirects': '重定向',
  'Platforms': '平台与验证情况',
  'Migrating': '从 `uni.connectEventSource` 迁移',
  'Server tips': '服务端建议'
}
/** Sections written in both languages at once (they sit in the English part). */
const BILINGUAL = ['AI chat streams']
const CJK = /[\u4e00-\u9fff]/

/** The tokens of a markdown text grouped under its headings of one depth: [{ heading, tokens }]. */
function sectionsOf(text, depth) {
  const sections = []
  for (const t of new Lexer({ gfm: true }).lex(text)) {
    if (t.type === 'heading' && t.depth === depth) sections.push({ heading: t.text, tokens: [] })
    else sections.at(-1)?.tokens.push(t)
  }
  return sections
}

/** The readme as { zh, en }: each a list of sections { heading, tokens } (the Chinese part first). */
export function readmeParts(text) {
  const tokens = new Lexer({ gfm: true }).lex(text)
  const parts = { zh: [], en: [] }
  let part = null
  let section = null
  for (const t of tokens) {
    if (t.type === 'heading' && t.depth === 2 && /中文说明/.test(t.text)) { part = 'zh'; continue }
    if (t.type === 'heading' && t.depth === 2 && t.text === 'English') { part = 'en'; continue }
    if (!part) continue
    const level = part === 'zh' ? 3 : 2
    if (t.type === 'heading' && t.depth === level) {
      section = { heading: t.text, tokens: [] }
      parts[part].push(section)
    } else if (section) section.tokens.push(t)
  }
  return parts
}

/** A code block as its tokens, comments dropped and string literal contents blanked. */
export function codeShape(code) {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, code)
  const out = []
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
    if (k === ts.SyntaxKind.StringLiteral || k === ts.SyntaxKind.NoSubstitutionTemplateLiteral) out.push('""')
    else out.push(scanner.getTokenText())
  }
  return out.join(' ')
}

const codeBlocks = (sections) => sections.flatMap((s) => s.tokens).filter((t) => t.type === 'code' && /^(ts|js|uts|diff|json|sh)$/.test(t.lang))
const blockLanguage = (block) => (CJK.test(block.text) ? 'zh' : /\/\/ [A-Za-z]/.test(block.text) ? 'en' : 'both')

function tablesWith(sections, headerFirst) {
  return sections.flatMap((s) => s.tokens).filter((t) => t.type === 'table' && headerFirst.includes(t.header[0].text.trim()))
}
function optionRows(table) {
  return table.rows.map((r) => r[0].text.replace(/`/g, '')).sort()
}
function literals(table) {
  return table.rows.map((r) => [r[0].text, [r[1], r[2]].map((c) => (c.text.match(/`'[^'`]*'`|`\d+`|`(true|false)`/g) ?? []).join(' '))]).sort()
}

const readme = fs.readFileSync(path.join(PLUGIN, 'readme.md'), 'utf8')
const parts = readmeParts(readme)
const zhText = (sections) => sections.map((s) => s.heading + '\n' + s.tokens.map((t) => t.raw).join('')).join('\n')

describe('plugin readme', () => {
  test('the Chinese part does not send readers to the English part', () => {
    expect(zhText(parts.zh)).not.toMatch(/英文部分|见英文|English/)
  })

  test('every English section has its Chinese counterpart', () => {
    const zhHeadings = parts.zh.map((s) => s.heading)
    const missing = []
    for (const { heading } of parts.en) {
      if (BILINGUAL.some((b) => heading.startsWith(b))) continue
      const key = Object.keys(COUNTERPARTS).find((k) => heading.startsWith(k))
      if (!key) missing.push(`${heading}: no Chinese counterpart named in this test`)
      else if (!zhHeadings.some((h) => h.startsWith(COUNTERPARTS[key]))) missing.push(`${heading}: no Chinese section ${COUNTERPARTS[key]}`)
    }
    expect(missing).toEqual([])
  })

  test('both options tables list the same options with the same literal values', () => {
    const [zh] = tablesWith(parts.zh, ['参数'])
    const [en] = tablesWith(parts.en, ['option'])
    expect(optionRows(zh)).toEqual(optionRows(en))
    expect(literals(zh)).toEqual(literals(en))
  })

  test('both error tables list the same codes', () => {
    const codes = (t) => t.rows.map((r) => r[0].text.trim())
    expect(codes(tablesWith(parts.zh, ['errCode'])[0])).toEqual(codes(tablesWith(parts.en, ['errCode'])[0]))
  })

  test('every code block has a twin in the other language (same tokens; comments and string texts aside)', () => {
    const blocks = codeBlocks([...parts.zh, ...parts.en])
    const shapes = { zh: [], en: [] }
    for (const b of blocks) {
      const lang = blockLanguage(b)
      for (const l of lang === 'both' ? ['zh', 'en'] : [lang]) shapes[l].push(codeShape(b.text))
    }
    expect(blocks.length).toBeGreaterThan(6)
    expect([...new Set(shapes.zh)].sort()).toEqual([...new Set(shapes.en)].sort())
  })

  test('both install sections cover CLI projects (src/uni_modules) and Vue 2 projects', () => {
    for (const [lang, heading] of [['zh', '安装'], ['en', 'Install']]) {
      const text = parts[lang].find((s) => s.heading === heading).tokens.map((t) => t.raw).join('')
      expect(text, lang).toContain('src/uni_modules/connect-event-source')
      expect(text, lang).toMatch(/Vue 2/)
      expect(text, lang).toContain('@vue/cli-plugin-typescript')
      expect(text, lang).toContain('import type')
    }
  })

  test('both languages give the request allow-list advice for mini-programs', () => {
    expect(zhText(parts.zh)).toContain('合法域名')
    expect(zhText(parts.en)).toMatch(/allow-list/)
  })
})

test('the checks catch what the issue reports: a pointer to the English part, a missing section, a block in one language only', () => {
  const old = '## 中文说明\n\n### 安装\n\n见英文部分 “Platforms”\n\n```ts\nconst a = 1\n```\n\n## English\n\n## Install\n\n```ts\nconst a = 1\n```\n\n## Redirects\n\n```ts\nconst b = 2 // only here\n```\n'
  const p = readmeParts(old)
  expect(zhText(p.zh)).toMatch(/英文部分/)
  expect(p.en.map((s) => s.heading)).toContain('Redirects')
  expect(p.zh.map((s) => s.heading)).not.toContain('重定向')
  expect(codeBlocks(p.en).map((b) => blockLanguage(b))).toEqual(['both', 'en'])
  expect(codeShape("const s = '你好' // 中文")).toBe(codeShape("const s = 'Hello' // English"))
  expect(codeShape('chat.close()')).not.toBe(codeShape(''))
})

describe('changelog.md', () => {
  const versions = sectionsOf(fs.readFileSync(path.join(PLUGIN, 'changelog.md'), 'utf8'), 2)
  test('has versions', () => expect(versions.length).toBeGreaterThan(1))
  for (const v of versions) {
    test(`${v.heading}: a Chinese list first, then an English one with as many entries`, () => {
      const labels = v.tokens.filter((t) => t.type === 'paragraph').map((t) => t.text.trim())
      expect(labels).toEqual(['**中文**', '**English**'])
      const lists = v.tokens.filter((t) => t.type === 'list')
      expect(lists.length).toBe(2)
      expect(lists[0].items.every((i) => CJK.test(i.text))).toBe(true)
      expect(lists[1].items.some((i) => CJK.test(i.text.replace(/“[^”]*”|「[^」]*」|\([^)]*\)/g, '')))).toBe(false)
      expect(lists[0].items.length).toBe(lists[1].items.length)
    })
  }
})

test('docs/mini-programs.md is bilingual, Chinese first: the same sections, tables and table rows in each part', () => {
  const parts = sectionsOf(fs.readFileSync(path.join(PLUGIN, 'docs/mini-programs.md'), 'utf8'), 2)
  expect(parts.map((p) => p.heading)).toEqual(['中文', 'English'])
  const shape = (p) => ({
    headings: p.tokens.filter((t) => t.type === 'heading').map((t) => t.depth),
    tables: p.tokens.filter((t) => t.type === 'table').map((t) => t.rows.map((r) => r[0].text))
  })
  expect(shape(parts[0])).toEqual(shape(parts[1]))
  expect(parts[0].tokens.filter((t) => t.type === 'heading').every((t) => CJK.test(t.text))).toBe(true)
})
