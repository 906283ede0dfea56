// Every code block of the readmes that imports the plugin or the npm package (both languages, the plugin readme,
// the repository README, src/README.md) type-checks as a reader pastes it into a page of a project made like DCloud's
// official template (`npx degit dcloudio/uni-preset-vue#vite-ts`: its tsconfig, extending @vue/tsconfig 0.1.3 with
// isolatedModules + preserveValueImports + importsNotUsedAsValues: error, checked by vue-tsc 1.8 over TypeScript 4.9;
// test/support/cli-project.mjs). Plugin blocks become `<script setup lang="ts">` pages importing
// '@/uni_modules/connect-event-source' (the tsconfig "paths" line of docs/cli-projects.md); npm blocks become .ts
// modules importing 'connect-event-source' from the packed package folder (dist/) installed into node_modules.
// Running the same blocks against the mock: readme-snippets-run-against-the-mock.test.mjs.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { BINS, createCliProject, runInProject } from './support/cli-project.mjs'
import { extractSnippets } from './support/readme-snippets.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')
const README_FILES = ['uni_modules/connect-event-source/readme.md', 'README.md', 'src/README.md']

/** Where a snippet goes in the project: plugin snippets as pages, npm snippets as modules. */
function snippetFile(snippet, index) {
  const npm = !/@\/uni_modules\/connect-event-source/.test(snippet.code)
  return npm ? `snippets/npm-${index}.ts` : `pages/snippet-${index}/index.vue`
}
function snippetSource(snippet, file) {
  return file.endsWith('.vue') ? `<template>\n  <view />\n</template>\n\n<script setup lang="ts">\n${snippet.code}\n</script>\n` : snippet.code + '\n'
}

/** Type-checks files (under src/) in a fresh template project; returns vue-tsc's error lines by file. */
async function typeCheck(files) {
  const dir = createCliProject({ files })
  try {
    const pkg = path.join(dir, 'node_modules/connect-event-source')
    fs.cpSync(path.join(ROOT, 'dist'), pkg, { recursive: true })
    const out = await runInProject(dir, BINS.vueTsc, ['--noEmit']).catch((e) => String(e.message))
    const errors = {}
    for (const line of out.split('\n')) {
      const m = /^src\/(\S+?)\(\d+,\d+\): error (TS\d+.*)$/.exec(line.trim())
      if (m) (errors[m[1]] ??= []).push(line.trim())
      else if (/error TS\d+/.test(line)) (errors['(elsewhere)'] ??= []).push(line.trim())
    }
    return { out, errors }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const snippets = README_FILES.flatMap((f) => extractSnippets(path.join(ROOT, f), { typeCheck: true }))
let result
beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist/index.d.ts'))) execFileSync(process.execPath, ['scripts/build-dist.mjs'], { cwd: ROOT, stdio: 'inherit' })
  result = await typeCheck(Object.fromEntries(snippets.map((s, i) => [snippetFile(s, i), snippetSource(s, snippetFile(s, i))])))
}, 240000)

for (const file of README_FILES) {
  describe(file, () => {
    test('has code blocks that import the plugin or the package', () => {
      expect(snippets.filter((s) => s.file === file).length).toBeGreaterThan(0)
    })
    snippets.forEach((snippet, i) => {
      if (snippet.file !== file) return
      test(`code block at line ${snippet.line} type-checks (vue-tsc 1.8, the vite-ts template's tsconfig)`, () => {
        const name = snippetFile(snippet, i)
        expect(result.errors[name] ?? [], `${file}:${snippet.line} pasted as src/${name}`).toEqual([])
      })
    })
  })
}

test('vue-tsc reports nothing outside the snippets (the plugin declarations, the project, the configuration)', () => {
  const names = new Set(snippets.map((s, i) => snippetFile(s, i)))
  expect(Object.fromEntries(Object.entries(result.errors).filter(([f]) => !names.has(f)))).toEqual({})
})

test('the check is as strict as the template: a type imported as a value fails with TS1444, as the issue reports', async () => {
  const old = (names) => `<script setup lang="ts">\nimport { ${names} } from '@/uni_modules/connect-event-source'\n` +
    "const es : UniEventSource = connectEventSource({ url: 'https://api.example.com/events' })\nes.close()\n</script>\n"
  const { errors } = await typeCheck({
    'pages/old/index.vue': old('connectEventSource, UniEventSource'),
    'pages/new/index.vue': old('connectEventSource, type UniEventSource')
  })
  expect(errors['pages/old/index.vue']?.join('\n')).toMatch(/TS1444: 'UniEventSource' is a type and must be imported using a type-only import/)
  expect(errors['pages/new/index.vue']).toBeUndefined()
}, 240000)
