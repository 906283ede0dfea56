#!/usr/bin/env node
// npm run check:native: the gate for the app platforms, which cannot run on this machine.
//   1. transpile  scripts/check-uts.mjs: DCloud's compilers turn the plugin into Kotlin, Swift and ArkTS (uni-app x
//                 and uni-app), with the UniX type checker first for uni-app x;
//   2. compile    the generated Android Kotlin of both project kinds plus the plugin's hand-written .kt files, with
//                 kotlinc 2.2.0 and DCloud's compiler plugin, against the declaration layer in
//                 test/support/kotlin-runtime/ (scripts/kotlin.mjs). Transpiling is not compiling: this is the step
//                 that rejects what Kotlin rejects (a function expression naming itself, a JVM signature clash...);
//   3. arkts       scripts/check-arkts.mjs: Huawei's ArkTS linter (ohos-typescript) on the generated ArkTS of both
//                 project kinds, against DCloud's HarmonyOS typings and declarations of DCloud's runtime;
//   4. portability scripts/check-portability.mjs: DCloud's documented UTS pitfalls that no compiler here sees
//                 (Swift), over the sources and the generated Swift.
// Exits 1 if any step fails, printing the compiler's own messages.
//
// Usage: node scripts/check-native.mjs [--input PROJECT_DIR] [--out DIR] [--modes x,vue3] [--steps transpile,compile,arkts,portability]
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ANDROID_DIR, ROOT, compileAgainstRuntime, ktFiles, runtimeJar } from './kotlin.mjs'

const PLUGIN = 'connect-event-source'

function parseArgs(argv) {
	const args = { input: ROOT, out: '', modes: 'x,vue3', steps: 'transpile,compile,arkts,portability' }
	for (let i = 0; i < argv.length; i += 2) {
		const key = argv[i].replace(/^--/, '')
		if (!(key in args) || i + 1 >= argv.length) throw new Error('unknown or incomplete argument ' + argv[i])
		args[key] = argv[i + 1]
	}
	return { input: path.resolve(args.input), out: args.out ? path.resolve(args.out) : '', modes: args.modes.split(','), steps: args.steps.split(',') }
}

function run(cmd, args) {
	return new Promise((resolve) => {
		const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
		let log = ''
		child.stdout.on('data', (d) => (log += d))
		child.stderr.on('data', (d) => (log += d))
		child.on('close', (code) => resolve({ ok: code === 0, log }))
	})
}

async function main() {
	const args = parseArgs(process.argv.slice(2))
	const out = args.out || mkdtempSync(path.join(os.tmpdir(), 'check-native-'))
	mkdirSync(out, { recursive: true })
	const results = []
	const report = (step, ok, ms, log) => {
		results.push({ step, ok })
		console.log(`check-native: ${step.padEnd(28)} ${ok ? 'ok' : 'FAILED'} in ${ms} ms`)
		if (!ok || process.env.CHECK_NATIVE_VERBOSE) console.log(log.trimEnd())
	}

	if (args.steps.includes('transpile')) {
		const t = Date.now()
		const r = await run(process.execPath, [path.join(ROOT, 'scripts/check-uts.mjs'), '--input', args.input, '--out', out])
		report('transpile (Kotlin/Swift/ArkTS)', r.ok, Date.now() - t, r.log)
		if (!r.ok) return finish(results, out, !args.out)
	}

	if (args.steps.includes('compile')) {
		// The hand-written .kt files of the project under check (a copy in tests), compiled with the generated code.
		const androidDir = path.join(args.input, 'uni_modules', PLUGIN, 'utssdk/app-android')
		await runtimeJar()
		await Promise.all(args.modes.map(async (mode) => {
			const t = Date.now()
			const generated = path.join(out, `app-android-${mode}/out/uni_modules/${PLUGIN}/utssdk/app-android/index.kt`)
			if (!existsSync(generated)) return report(`kotlinc 2.2.0 (${mode})`, false, 0, `no generated Kotlin at ${generated}: run the transpile step`)
			const jar = path.join(out, `app-android-${mode}.jar`)
			const r = await compileAgainstRuntime([generated, ...ktFiles(existsSync(androidDir) ? androidDir : ANDROID_DIR)], jar)
			report(`kotlinc 2.2.0 (${mode === 'x' ? 'uni-app x' : 'uni-app'})`, r.ok, Date.now() - t, r.log)
		}))
	}

	if (args.steps.includes('arkts')) {
		const t = Date.now()
		const r = await run(process.execPath, [path.join(ROOT, 'scripts/check-arkts.mjs'), '--generated', out])
		report('ArkTS linter (HarmonyOS)', r.ok, Date.now() - t, r.log)
		// What the linter let through, every run (the reasons are in scripts/check-arkts.mjs and the plugin readme).
		if (r.ok && !process.env.CHECK_NATIVE_VERBOSE) for (const line of r.log.split('\n')) if (/^(accepted|check-arkts):/.test(line)) console.log('  ' + line)
	}

	if (args.steps.includes('portability')) {
		const t = Date.now()
		const script = path.join(ROOT, 'scripts/check-portability.mjs')
		const r = await run(process.execPath, [script, '--plugin', path.join(args.input, 'uni_modules', PLUGIN), '--generated', out])
		report('portability (DCloud rules)', r.ok, Date.now() - t, r.log)
	}
	finish(results, out, !args.out)
}

/** temporary: the output dir was made here; it is removed when everything passed (kept for a look otherwise). */
function finish(results, out, temporary) {
	const failed = results.filter((r) => !r.ok).length
	if (temporary && !failed) rmSync(out, { recursive: true, force: true })
	console.log(`check-native: ${results.length - failed} passed, ${failed} failed${temporary && !failed ? '' : ` (output in ${out})`}`)
	process.exit(failed ? 1 : 0)
}

main().catch((e) => {
	console.error(e)
	process.exit(1)
})
