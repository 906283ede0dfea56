#!/usr/bin/env node
// HarmonyOS gate: Huawei's ArkTS linter (ohos-typescript 4.9.5-r10, the linter DevEco's ArkTS 1.1 build runs:
// ts.ArkTSLinter_1_1.runArkTSLinter over ts.createIncrementalProgramForArkTs) on the ArkTS that DCloud's compiler
// generates from the plugin (node scripts/check-uts.mjs --out DIR: app-harmony-x and app-harmony-vue3). Imports
// resolve to DCloud's own HarmonyOS typings (@ohos.*, @kit.*, @hms.* in @dcloudio/uni-uts-v1, paths.json there) and,
// for DCloud's runtime module (an ohpm package, not on npm), to the declarations in test/support/arkts-runtime/,
// written from DCloud's docs (its README.md cites each one).
//
// Fails on any error, and on any warning not in ACCEPTED below, that the linter or the type checker reports in the
// generated code. Library declarations are not checked (skipLibCheck), as in a DevEco build.
//
// Usage: node scripts/check-arkts.mjs --generated DIR [--json]
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(path.join(ROOT, 'package.json'))
const HARMONY_TYPES = path.join(ROOT, 'node_modules/@dcloudio/uni-uts-v1/lib/uts/types/uni-x/app-harmony')
// In a HarmonyOS project ohpm installs DCloud's runtime under oh_modules/, which the linter treats as a library.
const RUNTIME = path.join(ROOT, 'test/support/arkts-runtime/oh_modules/@dcloudio')

// The ArkTS linter cannot relate a class that extends the standard Error to Error itself (its inheritance walk skips
// a class's `extends` clause whose base is an interface, and lib.es5.d.ts declares Error as one), so a subclass of
// UniError assigned to IUniError.cause (Error | null, IUniError.d.ts) reads as structural typing. CONTROL proves it
// on plain ArkTS every run: if a linter no longer flags CONTROL, the acceptance lapses and the gate fails.
const CONTROL = 'class ControlError extends Error {}\nexport function control(e: ControlError): Error | null {\n\tlet cause: Error | null = null;\n\tcause = e;\n\treturn cause;\n}\n'

/** What the gate lets through, each with its reason (listed in the plugin readme, "HarmonyOS: the ArkTS linter"). */
export const ACCEPTED = [
	{
		rule: 'arkts-no-definite-assignment',
		category: 'Warning',
		line: /^\w+!: /,
		reason: 'DCloud\'s compiler declares the required fields of a UTS type (url of ConnectEventSourceOptions...) as `name!: T` in both project kinds; ArkTS 1.1 reports it as a warning, not an error',
	},
	{
		rule: 'arkts-no-structural-typing',
		category: 'Error',
		line: /^if \(cause != null\) \w+\.cause = cause;$/,
		control: true,
		reason: 'a UniError subclass stored in IUniError.cause (Error | null): the linter cannot relate a class that extends Error to Error (proved on plain ArkTS by the gate\'s control file every run)',
	},
]

function compilerOptions(ts) {
	const paths = JSON.parse(fs.readFileSync(path.join(HARMONY_TYPES, 'paths.json'), 'utf8'))
	paths['@dcloudio/uni-app-x-runtime'] = [path.join(RUNTIME, 'uni-app-x-runtime.d.ts')]
	paths['@dcloudio/uni-app-runtime'] = [path.join(RUNTIME, 'uni-app-runtime.d.ts')]
	return {
		target: ts.ScriptTarget.ES2021,
		module: ts.ModuleKind.ES2020,
		moduleResolution: ts.ModuleResolutionKind.NodeJs,
		lib: ['lib.es2021.d.ts'],
		strict: true,
		noEmit: true,
		skipLibCheck: true,
		baseUrl: HARMONY_TYPES,
		paths,
		// HarmonyOS 5.0 (API 12), the lowest DCloud supports for app-harmony (utsharmony.md compatibility tables: 5.0.0).
		compatibleSdkVersion: 12,
		compatibleSdkVersionStage: 'beta1',
		// ArkUI's syntax settings, required by the ArkTS program; the generated code declares no UI.
		ets: {
			render: { method: ['build'], decorator: ['Builder'] },
			components: [],
			libs: [],
			extend: { decorator: [], components: [] },
			styles: { decorator: 'Styles', component: { name: 'Common', type: 'T', instance: 'CommonInstance' }, property: 'stateStyles' },
			concurrent: { decorator: 'Concurrent' },
			customComponent: 'CustomComponent',
			propertyDecorators: [],
			emitDecorators: [],
			syntaxComponents: { paramsUICallback: [], attrUICallback: [] },
		},
	}
}

/** The generated .ets files under a check-uts output dir. */
export function generatedArkTS(dir) {
	const out = []
	for (const kind of ['app-harmony-x', 'app-harmony-vue3']) {
		const walk = (d) => {
			if (!fs.existsSync(d)) return
			for (const e of fs.readdirSync(d, { withFileTypes: true })) {
				const p = path.join(d, e.name)
				if (e.isDirectory()) walk(p)
				else if (e.name.endsWith('.ets')) out.push(p)
			}
		}
		walk(path.join(dir, kind, 'out'))
	}
	return out.sort()
}

/**
 * Lints the files; returns { findings, accepted, control } where findings and accepted are
 * { file, line, col, category, code, rule, message, text } (accepted ones also carry reason).
 */
export function lintArkTS(files, tmpDir) {
	const ts = require('ohos-typescript')
	const options = compilerOptions(ts)
	const control = path.join(tmpDir, 'arkts-control.ets')
	fs.writeFileSync(control, CONTROL)
	const host = ts.createIncrementalCompilerHost(options)
	const builder = ts.createIncrementalProgramForArkTs({ rootNames: [...files, control], options, host })
	const diagnostics = ts.ArkTSLinter_1_1.runArkTSLinter(builder, undefined, undefined, '1.1')
	const own = new Set([...files, control].map((f) => path.resolve(f)))
	const all = []
	for (const d of diagnostics) {
		if (!d.file || !own.has(path.resolve(d.file.fileName))) continue
		const { line, character } = d.file.getLineAndCharacterOfPosition(d.start ?? 0)
		const message = ts.flattenDiagnosticMessageText(d.messageText, '\n')
		const rule = /\((arkts-[a-z-]+)\)/.exec(message)?.[1] ?? `TS${d.code}`
		const text = (d.file.text.split(/\r?\n/)[line] ?? '').trim()
		all.push({ file: path.resolve(d.file.fileName), line: line + 1, col: character + 1, category: ts.DiagnosticCategory[d.category], code: d.code, rule, message, text })
	}
	const controlFlagged = all.some((f) => f.file === path.resolve(control) && f.rule === 'arkts-no-structural-typing')
	const result = { findings: [], accepted: [], controlFlagged }
	for (const f of all) {
		if (f.file === path.resolve(control)) continue
		const a = ACCEPTED.find((x) => x.rule === f.rule && x.category === f.category && x.line.test(f.text) && (!x.control || controlFlagged))
		if (a) result.accepted.push({ ...f, reason: a.reason })
		else result.findings.push(f)
	}
	return result
}

function main() {
	const argv = process.argv.slice(2)
	const i = argv.indexOf('--generated')
	if (i < 0 || !argv[i + 1]) {
		console.error('usage: node scripts/check-arkts.mjs --generated DIR [--json]')
		process.exit(2)
	}
	const dir = path.resolve(argv[i + 1])
	const files = generatedArkTS(dir)
	if (!files.length) {
		console.error(`check-arkts: no app-harmony-*/out/**/*.ets under ${dir} (run node scripts/check-uts.mjs --out DIR first)`)
		process.exit(2)
	}
	const started = Date.now()
	const r = lintArkTS(files, dir)
	if (argv.includes('--json')) console.log(JSON.stringify(r, null, 2))
	else {
		const rel = (f) => path.relative(dir, f)
		for (const f of r.findings) console.log(`${rel(f.file)}:${f.line}:${f.col} ${f.category} ${f.rule}: ${f.message}\n    ${f.text}`)
		const byRule = new Map()
		for (const a of r.accepted) {
			const key = `${a.category} ${a.rule} in ${rel(a.file).split(path.sep)[0]}`
			byRule.set(key, (byRule.get(key) ?? 0) + 1)
		}
		for (const [key, n] of byRule) console.log(`accepted: ${n} x ${key}`)
		const errors = r.findings.filter((f) => f.category === 'Error').length
		console.log(`check-arkts: ${files.length} file(s), ${errors} error(s), ${r.findings.length - errors} unaccepted warning(s), ${r.accepted.length} accepted, in ${Date.now() - started} ms`)
	}
	process.exit(r.findings.length ? 1 : 0)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
