// Runs the code blocks of a readme as a reader would paste them, against the local mock server (server/).
// Generic over any markdown file (the repository README, the npm package README, the plugin readme):
// - every ```js / ```ts / ```uts block that calls connectEventSource( is a snippet; others are skipped;
// - imports of 'connect-event-source' and '@/uni_modules/connect-event-source' load the built npm entry
//   (dist/index.mjs: the same engine as every plugin platform);
// - https://api.example.com/<path> becomes the mock server, with a key to find the snippet's requests;
// - TypeScript/UTS is stripped to JavaScript by esbuild (UTS type casts like `as UTSJSONObject` are TypeScript);
// - an HTML comment right before a block, <!-- snippet-output: TEXT --> (repeatable), names text its output
//   must contain; MOCK_REPLY(prompt) stands for the mock's reply to that prompt.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { transform } from 'esbuild'
import { mockReply } from '../../server/index.mjs'

const ROOT = path.resolve(import.meta.dirname, '../..')
const ENTRY = pathToFileURL(path.join(ROOT, 'dist/index.mjs')).href

/** The runnable code blocks of a markdown file: { file, line, lang, code, outputs }. */
export function extractSnippets(file) {
  const text = fs.readFileSync(file, 'utf8')
  const lines = text.split('\n')
  const snippets = []
  let pendingOutputs = []
  for (let i = 0; i < lines.length; i++) {
    const marker = /^<!--\s*snippet-output:\s*(.*?)\s*-->\s*$/.exec(lines[i])
    if (marker) {
      pendingOutputs.push(marker[1].replace(/MOCK_REPLY\((.*)\)/, (_, prompt) => mockReply(prompt)))
      continue
    }
    const fence = /^(\s*)(```+)\s*([\w-]*)/.exec(lines[i])
    if (!fence) {
      if (lines[i].trim() !== '') pendingOutputs = []
      continue
    }
    const [, indent, ticks, lang] = fence
    const start = i
    const body = []
    for (i++; i < lines.length && !lines[i].startsWith(indent + ticks); i++) body.push(lines[i].slice(indent.length))
    const code = body.join('\n')
    if (/^(js|javascript|mjs|ts|typescript|uts)$/.test(lang) && /connectEventSource\s*\(/.test(code)) {
      snippets.push({ file: path.relative(ROOT, file), line: start + 1, lang, code, outputs: pendingOutputs })
    }
    pendingOutputs = []
  }
  return snippets
}

/** The snippet as a runnable ES module against the server at baseUrl (requests tagged with key). */
export async function prepareSnippet(snippet, baseUrl, key) {
  let code = snippet.code
  if (snippet.lang !== 'js' && snippet.lang !== 'javascript' && snippet.lang !== 'mjs') {
    code = (await transform(code, { loader: 'ts', format: 'esm', target: 'es2022' })).code
  }
  code = code.replace(/(['"])(?:connect-event-source|@\/uni_modules\/connect-event-source)\1/g, JSON.stringify(ENTRY))
  code = code.replace(/https:\/\/api\.example\.com(\/[^'"`\s]*)?/g, (_, p = '/') => `${baseUrl}${p}${p.includes('?') ? '&' : '?'}key=${key}&delay=2`)
  return code
}

/** Runs a snippet in its own Node process: { code, stdout, stderr, timedOut }. */
export async function runSnippet(snippet, baseUrl, key, { timeout = 15000 } = {}) {
  const source = await prepareSnippet(snippet, baseUrl, key)
  const env = { ...process.env }
  delete env.OPENAI_API_KEY
  try {
    const r = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', source], { cwd: ROOT, env, encoding: 'utf8', timeout })
    return { code: 0, stdout: r.stdout, stderr: r.stderr, timedOut: false, source }
  } catch (e) {
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(e), timedOut: e.killed === true, source }
  }
}
