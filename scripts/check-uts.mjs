#!/usr/bin/env node
// Compile check for the plugin's app platforms, which cannot run on this machine.
// For app-android, app-ios and app-harmony (each whose utssdk/<platform>/index.uts exists) it runs
// DCloud's own compilers from @dcloudio/uni-uts-v1, in two project kinds:
//   x      uni-app x: the UniX TypeScript checker with DCloud's bundled UTS/Kotlin/Swift/ArkTS
//          typings (the step HBuilderX runs first), then UTS -> Kotlin / Swift / ArkTS;
//   vue3   classic uni-app: UTS -> Kotlin / Swift / ArkTS straight from the sources.
// Any error prints the compiler's code frame and the script exits 1. Generated files stay in the
// output dir (default: a new temp dir; --out DIR to choose). See docs/BUILD.md for what this proves.
//
// Usage: node scripts/check-uts.mjs [--input PROJECT_DIR] [--plugin ID] [--out DIR]
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(path.join(ROOT, 'package.json'))
const PLATFORMS = ['app-android', 'app-ios', 'app-harmony']
const MODES = ['x', 'vue3']

function parseArgs(argv) {
	const args = { input: ROOT, plugin: 'connect-event-source', out: '', child: '' }
	for (let i = 0; i < argv.length; i++) {
		const key = argv[i].replace(/^--/, '')
		if (!(key in args) || i + 1 >= argv.length) throw new Error('unknown or incomplete argument ' + argv[i])
		args[key] = argv[++i]
	}
	args.input = path.resolve(args.input)
	return args
}

// npm 11 never installs @dcloudio/uts-linux-x64-gnu (its "libc" field says "gnu", npm expects "glibc"):
// scripts/bootstrap.mjs unpacks it at install time (the `prepare` script of npm ci / npm install, and npm test's
// bootstrap), so this check never reaches a registry. Here it must just be there.
function ensureNativeBinding() {
	if (process.platform !== 'linux' || process.arch !== 'x64') return
	if (!process.report?.getReport().header.glibcVersionRuntime) return // musl: npm handles it
	try {
		require.resolve('@dcloudio/uts-linux-x64-gnu')
	} catch {
		console.error('check-uts: @dcloudio/uts-linux-x64-gnu (the native binding of DCloud\'s UTS compiler) is not installed;\n' +
			'npm 11 skips it. Install it with: node scripts/bootstrap.mjs --native-only (npm ci runs it as the prepare script)')
		process.exit(1)
	}
}

async function main() {
	const args = parseArgs(process.argv.slice(2))
	if (args.child) return runChild(args)
	const pluginDir = path.join(args.input, 'uni_modules', args.plugin)
	const platforms = PLATFORMS.filter((p) => fs.existsSync(path.join(pluginDir, 'utssdk', p, 'index.uts')))
	if (!platforms.length) {
		console.error(`check-uts: no utssdk/{${PLATFORMS.join(',')}}/index.uts in ${pluginDir}`)
		process.exit(1)
	}
	ensureNativeBinding()
	const out = args.out ? path.resolve(args.out) : fs.mkdtempSync(path.join(os.tmpdir(), 'check-uts-'))
	fs.mkdirSync(out, { recursive: true })
	const jobs = platforms.flatMap((p) => MODES.map((m) => `${p}:${m}`))
	// One process per job: DCloud's compilers keep per-platform state in process.env and module caches.
	const results = await pool(jobs, 3, (job) => runJob(args, out, job))
	const failed = results.filter((r) => r.code !== 0)
	for (const r of results) process.stdout.write(r.code === 0 ? r.stdout : `${r.job} FAILED\n${r.stdout}${r.stderr}\n`)
	console.log(`check-uts: ${results.length - failed.length} passed, ${failed.length} failed (output in ${out})`)
	process.exit(failed.length ? 1 : 0)
}

function runJob(args, out, job) {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--input', args.input, '--plugin', args.plugin, '--out', out, '--child', job], { stdio: ['ignore', 'pipe', 'pipe'] })
		let stdout = ''
		let stderr = ''
		child.stdout.on('data', (d) => (stdout += d))
		child.stderr.on('data', (d) => (stderr += d))
		child.on('close', (code) => resolve({ job, code, stdout, stderr }))
	})
}

async function pool(items, size, fn) {
	const results = new Array(items.length)
	let next = 0
	const worker = async () => {
		while (next < items.length) {
			const i = next++
			results[i] = await fn(items[i])
		}
	}
	await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker))
	return results
}

// ---- child: one platform in one project kind ----

async function runChild(args) {
	const [platform, mode] = args.child.split(':')
	const isX = mode === 'x'
	const started = Date.now()
	const base = path.join(args.out, `${platform}-${mode}`)
	fs.rmSync(base, { recursive: true, force: true })
	const pluginDir = path.join(args.input, 'uni_modules', args.plugin)
	const outDir = path.join(base, 'out')
	// The environment the uni CLI / HBuilderX sets before compiling a uni_modules plugin.
	Object.assign(process.env, {
		NODE_ENV: 'production',
		UNI_INPUT_DIR: args.input,
		UNI_OUTPUT_DIR: outDir,
		UNI_PLATFORM: platform === 'app-harmony' ? 'app-harmony' : 'app',
		UNI_UTS_PLATFORM: platform,
		UNI_APP_X: String(isX),
		UNI_APP_X_TSC: String(isX),
		UNI_APP_X_TSC_DIR: path.join(base, '.tsc'),
		UNI_APP_X_UVUE_DIR: path.join(base, '.uvue'),
		UNI_APP_X_TSC_CACHE_DIR: path.join(base, '.cache'),
	})
	const uts = require('@dcloudio/uni-uts-v1')
	const errors = isX ? await typeCheck(platform, pluginDir) : []
	let files = []
	if (!errors.length) {
		try {
			files = await transpile(uts, platform, isX, args, pluginDir, outDir)
		} catch (e) {
			errors.push(formatCompilerError(e))
		}
	}
	if (errors.length) {
		console.log(errors.join('\n\n'))
		process.exit(1)
	}
	const label = `${platform} (${isX ? 'uni-app x' : 'uni-app'})`.padEnd(25)
	const untyped = untypedNative.size ? ` (not type-checked: ${[...untypedNative].join(', ')})` : ''
	console.log(`${label} ok in ${Date.now() - started} ms: ${files.join(' ')}${untyped}`)
}

// UniX compiler: copies the plugin to <base>/.tsc as *.uts.ts, type-checks it against DCloud's
// platform typings and emits transformed UTS to <base>/.uvue, which the x transpile step reads.
async function typeCheck(platform, pluginDir) {
	const um = require('@dcloudio/uni-uts-v1/dist/uni_modules.js')
	const { generateCodeFrame } = require('@dcloudio/uni-uts-v1/dist/stacktrace/utils.js')
	const compiler = { 'app-android': um.createUniXKotlinCompiler, 'app-ios': um.createUniXSwiftCompiler, 'app-harmony': um.createUniXArkTSCompiler }[platform]()
	await compiler.init()
	await um.syncUniModuleFilesByCompiler(platform, compiler, pluginDir, async (code) => code)
	const tscDir = path.join(process.env.UNI_APP_X_TSC_DIR, platform)
	try {
		// Throws on the few UTS rules HBuilderX treats as fatal; we collect everything below anyway.
		await compiler.addRootFile(um.resolveTscUniModuleIndexFileName(platform, pluginDir))
	} catch {}
	const ts = compiler.getTypeScript()
	const program = compiler.getProgram()
	const diagnostics = [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()]
	await compiler.close()
	return diagnostics
		.filter((d) => d.category === ts.DiagnosticCategory.Error && d.file && d.file.fileName.startsWith(tscDir))
		.filter((d) => !isUntypedNativeImport(platform, ts, d))
		.map((d) => {
			// .tsc holds byte-identical copies, so positions map 1:1 onto the sources.
			const file = path.relative(tscDir, d.file.fileName).replace(/\.ts$/, '')
			const { line, character } = ts.getLineAndCharacterOfPosition(d.file, d.start)
			const message = ts.flattenDiagnosticMessageText(d.messageText, '\n')
			return `${file}:${line + 1}:${character + 1} error UTS${d.code}: ${message}\n${generateCodeFrame(d.file.text, d.start, d.start + (d.length || 1))}`
		})
}

// DCloud ships no typings for Android SDK / Java / Kotlin packages or iOS frameworks here (HBuilderX
// installs them separately), so imports like 'android.os.Looper', 'okhttp3.OkHttpClient' or
// 'Foundation' cannot resolve: they are let through as `any`. HarmonyOS typings (@ohos, @kit) are bundled.
const untypedNative = new Set()
function isUntypedNativeImport(platform, ts, d) {
	if (d.code !== 2307 || platform === 'app-harmony') return false
	const m = /module '([^']+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
	if (!m || /^(\.|\/|@\/)/.test(m[1])) return false
	untypedNative.add(m[1])
	return true
}

async function transpile(uts, platform, isX, args, pluginDir, outDir) {
	const index = path.join(pluginDir, 'utssdk', platform, 'index.uts')
	if (platform === 'app-harmony') {
		const dest = path.join(outDir, 'uni_modules', args.plugin)
		// With UNI_APP_X_TSC=true the root is the type checker's output; otherwise the sources.
		const root = isX ? path.join(process.env.UNI_APP_X_UVUE_DIR, platform) : args.input
		await uts.compileArkTSExtApi(root, pluginDir, dest, { isX, sourceMap: false, uni_modules: [] })
		return [path.join(dest, 'utssdk/app-harmony/index.ets')]
	}
	const compile = platform === 'app-android' ? uts.toKotlin : uts.toSwift
	const result = await compile(index, { inputDir: args.input, outputDir: outDir, isPlugin: true, isX, sourceMap: false, extApis: {}, transform: {}, uniModules: [], components: {} })
	if (!result) throw new Error(`no output for ${index}`)
	if (result.error) throw result.error
	return [path.join(outDir, result.filename)]
}

// The UTS compiler reports errors as an Error whose message is JSON with a ready code frame.
function formatCompilerError(e) {
	try {
		const j = JSON.parse(e.message)
		const uvue = path.join(process.env.UNI_APP_X_UVUE_DIR, process.env.UNI_UTS_PLATFORM)
		let file = j.filename ? path.relative(process.env.UNI_INPUT_DIR, j.filename) : '?'
		let note = ''
		if (j.filename && j.filename.startsWith(uvue + path.sep)) {
			// x: the transpiler reads the type checker's rewrite, whose lines differ from the source.
			file = path.relative(uvue, j.filename)
			note = `\n(line and frame are of the UniX compiler's rewrite: ${j.filename})`
		}
		return `${file}:${j.line}:${j.column} error: ${j.message}${note}\n${j.frame || ''}`
	} catch {
		return String(e && e.stack ? e.stack : e)
	}
}

main().catch((e) => {
	console.error(e)
	process.exit(1)
})
