// Runs the code blocks of a readme as a reader would paste them, against the local mock server (server/).
// Generic over any markdown file (the repository README, the npm package README, the plugin readme):
// - every ```js / ```ts / ```uts block that calls connectEventSource( or connectChatStream( is a snippet; others
//   are skipped (extractSnippets(file, { typeCheck: true }) also keeps blocks that only import the plugin: every
//   block a reader may paste into a page is type-checked, see readme-snippets-type-check-in-the-vite-ts-template);
// - imports of 'connect-event-source' load the built npm entry (dist/index.mjs); imports of
//   '@/uni_modules/connect-event-source' load the plugin's engine as the npm entry builds it (src/index.ts, the same
//   engine as every plugin platform) plus connectChatStream over it (utssdk/common/chat, as every platform's index);
// - https://api.example.com/<path> becomes the mock server, with a key to find the snippet's requests;
// - TypeScript/UTS is stripped to JavaScript by esbuild (UTS type casts like `as UTSJSONObject` are TypeScript);
// - an HTML comment right before a block, <!-- snippet-output: TEXT --> (repeatable), names text its output
//   must contain; MOCK_REPLY(prompt) stands for the mock's reply to that prompt.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { build, transform } from 'esbuild'
import { mockReply } from '../../server/index.mjs'

const ROOT = path.resolve(import.meta.dirname, '../..')
const ENTRY = pathToFileURL(path.join(ROOT, 'dist/index.mjs')).href
const PLUGIN_ENTRY = path.join(ROOT, 'test-output/readme-snippets/plugin-entry.mjs')

/** What the plugin's index.uts exports on Web, bundled once for Node: the engine and connectChatStream over it. */
async function pluginEntry() {
  const source = [
    "export * from './src/index.ts'",
    "import { connectEventSource } from './src/index.ts'",
    "import { startChatStream } from './uni_modules/connect-event-source/utssdk/common/chat/chat-stream.uts'",
    'export const connectChatStream = (options) => startChatStream(options, connectEventSource)'
  ].join('\n')
  await build({
    stdin: { contents: source, resolveDir: ROOT, sourcefile: 'plugin-entry.ts', loader: 'ts' },
    absWorkingDir: ROOT, bundle: true, format: 'esm', platform: 'node', target: 'es2022', outfile: PLUGIN_ENTRY,
    loader: { '.uts': 'ts' }, inject: ['src/uni-globals.ts'], logLevel: 'error'
  })
  return pathToFileURL(PLUGIN_ENTRY).href
}
let pluginEntryUrl = null

/** The code blocks of a markdown file: { file, line, lang, code, outputs }; runnable ones unless typeCheck. */
export function extractSnippets(file, { typeCheck = false } = {}) {
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
    const wanted = typeCheck ? /(['"])(@\/uni_modules\/)?connect-event-source\1/ : /connect(EventSource|ChatStream)\s*\(/
    if (/^(js|javascript|mjs|ts|typescript|uts)$/.test(lang) && wanted.test(code)) {
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
  pluginEntryUrl ??= await pluginEntry()
  code = code.replace(/(['"])connect-event-source\1/g, JSON.stringify(ENTRY))
  code = code.replace(/(['"])@\/uni_modules\/connect-event-source\1/g, JSON.stringify(pluginEntryUrl))
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
