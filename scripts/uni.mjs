#!/usr/bin/env node
// Runs the uni CLI on this repository: `node scripts/uni.mjs [--vue3] <uni args>`, e.g.
//   node scripts/uni.mjs build -p mp-weixin        uni-app x build  -> dist/build/mp-weixin
//   node scripts/uni.mjs --vue3 build -p mp-weixin  uni-app (Vue 3)  -> dist/build/mp-weixin-vue3
// Why a wrapper:
// - the CLI takes the project from UNI_INPUT_DIR and defaults to ./src, which here is the Node library;
// - --vue3 builds the same pages and plugin as a classic uni-app Vue 3 project (the plugin must work
//   in both kinds). The CLI cannot take .uvue/main.uts in that mode, so a copy is staged in
//   unpackage/vue3-<platform> with .uvue -> .vue (a hand-written X.vue next to X.uvue wins),
//   main.uts -> main.ts and "uni-app-x" removed from manifest.json (unpackage/vue3-<platform>-<pid>, removed when
//   the CLI exits, so that concurrent builds do not delete each other's copy);
// - after a mini-program build it writes {"type":"commonjs"} to package.json in the output's parent
//   (dist/build/ by default): the output is CommonJS but the root package.json says "type": "module",
//   so Node (tests) would refuse to require it.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const UNI_BIN = path.join(ROOT, 'node_modules/@dcloudio/vite-plugin-uni/bin/uni.js')
// Top-level entries of the repository that are not part of the app (everything else is staged).
const NOT_APP = new Set(['.git', '.ci', 'node_modules', 'dist', 'unpackage', 'test-output', 'src', 'server', 'test', 'bench', 'docs', 'scripts', 'package-lock.json', 'vitest.config.mjs'])

let args = process.argv.slice(2)
const vue3 = args.includes('--vue3')
args = args.filter((a) => a !== '--vue3')
const isBuild = args[0] === 'build'
const pIndex = args.findIndex((a) => a === '-p' || a === '--platform')
const platform = pIndex >= 0 ? args[pIndex + 1] : 'h5'

const env = { ...process.env }
// Relative dirs are the caller's; the CLI may run in another cwd (--vue3).
for (const key of ['UNI_INPUT_DIR', 'UNI_OUTPUT_DIR']) if (env[key]) env[key] = path.resolve(env[key])
let cwd = ROOT
if (vue3) {
	// One staging folder per process: two builds at once (test files, developers) must not delete each other's.
	cwd = stageVue3Project(path.join(ROOT, 'unpackage', `vue3-${platform}-${process.pid}`))
	env.UNI_APP_X = 'false'
	env.UNI_INPUT_DIR = cwd
	env.UNI_OUTPUT_DIR ||= path.join(ROOT, 'dist', isBuild ? 'build' : 'dev', `${platform}-vue3`)
} else {
	env.UNI_INPUT_DIR ||= ROOT
}

const child = spawn(process.execPath, [UNI_BIN, ...args], { cwd, env, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('close', (code) => {
	if (vue3) fs.rmSync(cwd, { recursive: true, force: true })
	if (code === 0 && platform.startsWith('mp-')) markCommonJs()
	process.exit(code ?? 1)
})

// Writes {"type":"commonjs"} beside the output dir (dist/build/package.json by default), never over
// a package.json that is not this one.
function markCommonJs() {
	const outDir = env.UNI_OUTPUT_DIR || path.join(ROOT, 'dist', isBuild ? 'build' : 'dev', platform)
	const dir = path.dirname(outDir)
	const file = path.join(dir, 'package.json')
	const content = '{ "type": "commonjs" }\n'
	if (dir === ROOT || (fs.existsSync(file) && fs.readFileSync(file, 'utf8') !== content)) return
	fs.mkdirSync(dir, { recursive: true })
	fs.writeFileSync(file, content)
}

function stageVue3Project(dest) {
	fs.rmSync(dest, { recursive: true, force: true })
	for (const entry of fs.readdirSync(ROOT)) {
		if (!NOT_APP.has(entry)) fs.cpSync(path.join(ROOT, entry), path.join(dest, entry), { recursive: true })
	}
	const manifest = JSON.parse(fs.readFileSync(path.join(dest, 'manifest.json'), 'utf8'))
	delete manifest['uni-app-x']
	fs.writeFileSync(path.join(dest, 'manifest.json'), JSON.stringify(manifest, null, '\t'))
	const main = fs.readFileSync(path.join(dest, 'main.uts'), 'utf8')
	fs.writeFileSync(path.join(dest, 'main.ts'), renameUvueImports(main))
	fs.rmSync(path.join(dest, 'main.uts'))
	for (const file of walk(dest)) {
		if (!file.endsWith('.uvue')) continue
		const twin = file.slice(0, -'.uvue'.length) + '.vue'
		if (!fs.existsSync(twin)) fs.writeFileSync(twin, renameUvueImports(fs.readFileSync(file, 'utf8')))
		fs.rmSync(file)
	}
	return dest
}

function renameUvueImports(code) {
	return code.replace(/(from\s+['"][^'"]+)\.uvue(['"])/g, '$1.vue$2')
}

function* walk(dir) {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name)
		if (e.isDirectory()) yield* walk(p)
		else yield p
	}
}
