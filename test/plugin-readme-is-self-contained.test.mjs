// The plugin's own markdown files (readme.md, changelog.md, docs/*.md) work once the plugin is installed from the
// plugin market, i.e. as the folder uni_modules/connect-event-source/ alone: every relative link (parsed by marked's
// lexer) points at a file inside that folder, and readme.md and changelog.md name no file of the source repository
// (bench/, server/, test/, scripts/, the repository's docs/) in a code span.
import fs from 'node:fs'
import path from 'node:path'
import { Lexer } from 'marked'
import { expect, test } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..')
const PLUGIN = path.join(ROOT, 'uni_modules/connect-event-source')
/** Folders of the source repository that an installed plugin and a user's project do not have. */
const REPOSITORY_ONLY = ['bench', 'server', 'test', 'scripts', '.ci']

function tokensOf(text) {
  const out = []
  const walk = (tokens) => {
    for (const t of tokens ?? []) {
      out.push(t)
      walk(t.tokens)
      for (const item of t.items ?? []) walk(item.tokens)
      for (const cell of [...(t.header ?? []), ...(t.rows ?? []).flat()]) walk(cell.tokens)
    }
  }
  walk(new Lexer({ gfm: true }).lex(text))
  return out
}

/** What in a markdown text of the plugin (at path `file` inside it) needs the source repository. */
export function repositoryOnlyReferences(text, file, { codeSpans = true } = {}) {
  const problems = []
  for (const t of tokensOf(text)) {
    if (t.type === 'link' && !/^([a-z]+:|#)/i.test(t.href)) {
      const target = path.resolve(path.dirname(path.join(PLUGIN, file)), decodeURI(t.href.split('#')[0]))
      if (!target.startsWith(PLUGIN + path.sep) || !fs.existsSync(target)) problems.push(`link ${t.href}`)
    }
    if (codeSpans && t.type === 'codespan' && /^[\w.-]+(\/[\w.*-]+)*\/?$/.test(t.text) && t.text.includes('/')) {
      const first = t.text.split('/')[0]
      const inPluginDocs = first === 'docs' && fs.existsSync(path.join(PLUGIN, t.text))
      if (REPOSITORY_ONLY.includes(first) || (first === 'docs' && !inPluginDocs)) problems.push(`code span ${t.text}`)
    }
  }
  return problems
}

const files = ['readme.md', 'changelog.md', ...fs.readdirSync(path.join(PLUGIN, 'docs')).map((f) => 'docs/' + f)]
for (const file of files) {
  test(`${file} needs nothing outside the plugin folder`, () => {
    const text = fs.readFileSync(path.join(PLUGIN, file), 'utf8')
    expect(repositoryOnlyReferences(text, file, { codeSpans: !file.startsWith('docs/') })).toEqual([])
  })
}

test('the check catches what the issue reports: a link up to the repository, and repository files named', () => {
  const old = 'see [docs/cli-projects.md](../../docs/cli-projects.md); `bench/README.md`, `server/ai-fixtures.mjs`, `test/support/kotlin-runtime/`; fine: [x](docs/mini-programs.md), `src/uni_modules/connect-event-source`, `utssdk/interface.uts`'
  expect(repositoryOnlyReferences(old, 'readme.md')).toEqual([
    'link ../../docs/cli-projects.md', 'code span bench/README.md', 'code span server/ai-fixtures.mjs', 'code span test/support/kotlin-runtime/'
  ])
})
