// scripts/check-portability.mjs: every rule fails on a violating snippet and passes its compliant twin
// (UTS sources, generated Swift, generated ArkTS); suppressions need a reason; rules apply only to the app
// targets that compile a file; the CLI prints file:line:col, rule, code and the DCloud doc line; and the
// real plugin passes.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { DEFAULT_PLUGIN, RULES, checkFiles, checkPlugin, formatFinding } from '../scripts/check-portability.mjs'
import { SWIFT_CASES } from './support/portability/generated-cases.mjs'
import { UTS_CASES } from './support/portability/uts-cases.mjs'

const ROOT = path.resolve(import.meta.dirname, '..')
// Virtual sources: checkFiles takes { fileName, text }; nothing is written here.
const SDK = path.join(os.tmpdir(), 'portability-virtual', 'utssdk')
const uts = (text, rel = 'common/snippet.uts') => checkFiles([{ fileName: path.join(SDK, rel), text }])
const swift = (text) => checkFiles([{ fileName: path.join(SDK, '../gen/app-ios-x/out/index.swift'), text }])
const rules = (r) => r.findings.map((f) => f.rule)
const show = (r) => r.findings.map((f) => formatFinding(f)).join('\n\n')

describe('every rule: a violating UTS snippet fails with its id, the compliant one passes', () => {
	for (const [rule, c] of Object.entries(UTS_CASES)) {
		test(rule, () => {
			for (const bad of [c.bad, ...(c.also ?? [])]) {
				const r = uts(bad, c.file)
				expect(rules(r), `${bad}\n---\n${show(r)}`).toContain(rule)
			}
			const good = uts(c.good, c.file)
			expect(good.findings, show(good)).toEqual([])
		})
	}
	test('every rule of the table has a case (UTS or generated code) and a citation', () => {
		const covered = new Set([...Object.keys(UTS_CASES), ...Object.keys(SWIFT_CASES), 'suppression-without-reason'])
		for (const [id, rule] of Object.entries(RULES)) {
			expect(covered.has(id), id).toBe(true)
			expect(rule.platforms.length, id).toBeGreaterThan(0)
			if (id !== 'suppression-without-reason') expect(rule.cite.length, id).toBeGreaterThan(0)
		}
	})
	test('docs/uts-portability.md lists every rule', () => {
		const doc = fs.readFileSync(path.join(ROOT, 'docs/uts-portability.md'), 'utf8')
		for (const id of Object.keys(RULES)) expect(doc, id).toContain('`' + id + '`')
	})
	test('a local function used before its declaration concerns Android only (Swift and ArkTS hoist local functions)', () => {
		const r = uts(`export function run() : number {
	return twice(2)
	function twice(n : number) : number { return n * 2 }
}`)
		expect(r.findings.map((f) => [f.rule, f.platforms])).toEqual([['use-before-declaration', ['app-android']]])
	})
})

describe("idioms DCloud's own plugins use (dcloudio/uni-api) are not flagged where they compile", () => {
	test('argument labels, Swift/Kotlin case lists, casts that TypeScript binds differently, rest parameters, wrapper types', () => {
		const r = uts(`export function f(list : any[], ...res : any) : void {
	const data = new Data(base64Encoded = 'eA==')
	for (let i : Int = 0; i < list.length as Int; i++) {}
	const first = res[0] as UTSJSONObject
	const done = (result : Boolean) : void => {
		if (result) console.log(first)
	}
	switch (list.length) {
		case 0x4D, 0x49:
			break
	}
}`, 'app-ios/x.uts')
		expect(r.findings, show(r)).toEqual([])
	})
	test('target-only behaviour inside that target\'s folder: for..in on Android, === on Android, self-reference and truthiness on HarmonyOS', () => {
		expect(uts(UTS_CASES['for-in'].bad, 'app-android/x.uts').findings).toEqual([])
		expect(rules(uts(UTS_CASES['for-in'].bad, 'common/x.uts'))).toEqual(['for-in'])
		expect(uts(UTS_CASES['strict-equality-on-value'].also[0], 'app-android/x.uts').findings).toEqual([])
		expect(rules(uts(UTS_CASES['strict-equality-on-value'].also[0], 'app-ios/x.uts'))).toEqual(['strict-equality-on-value'])
		expect(uts(UTS_CASES['fn-expr-self-reference'].bad, 'app-harmony/x.uts').findings).toEqual([])
		expect(rules(uts(UTS_CASES['fn-expr-self-reference'].bad, 'app-android/x.uts'))).toEqual(['fn-expr-self-reference'])
		expect(uts(UTS_CASES['non-boolean-condition'].bad, 'app-harmony/x.uts').findings).toEqual([])
	})
})

describe('generated code (check-uts --out): a violating shape fails, the compliant one passes', () => {
	for (const [rule, c] of Object.entries(SWIFT_CASES)) {
		test(`Swift: ${rule}`, () => {
			for (const bad of [c.bad, ...(c.also ?? [])]) {
				const r = swift(bad)
				expect(rules(r), `${bad}\n---\n${show(r)}`).toContain(rule)
				expect(r.findings.every((f) => f.platforms.join() === 'app-ios')).toBe(true)
			}
			const good = swift(c.good)
			expect(good.findings, show(good)).toEqual([])
		})
	}
	test('--generated DIR: scans .swift below it (not .ets: check-arkts.mjs lints those), skips the type checker copies (.tsc, .uvue), reports the uni-app x and uni-app outputs once', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portability-gen-'))
		try {
			const put = (rel, text) => {
				fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
				fs.writeFileSync(path.join(dir, rel), text)
			}
			const bad = SWIFT_CASES['swift-syntax-error'].bad
			put('app-ios-x/out/uni_modules/p/utssdk/app-ios/index.swift', bad)
			put('app-ios-vue3/out/uni_modules/p/utssdk/app-ios/index.swift', bad)
			put('app-ios-x/.tsc/app-ios/x.swift', bad)
			put('app-harmony-x/out/uni_modules/p/utssdk/app-harmony/index.ets', 'const o: Record<string, number> = {};\nfor (const k in o) {}')
			const r = checkFiles([], { generatedDir: dir })
			expect(r.findings.map((f) => [f.rule, path.relative(dir, f.file), f.line])).toEqual([
				['swift-syntax-error', 'app-ios-vue3/out/uni_modules/p/utssdk/app-ios/index.swift', 3],
			])
		} finally {
			fs.rmSync(dir, { recursive: true, force: true })
		}
	})
	test('a pitfall reported (or waived) in the UTS member is not repeated for its generated Swift', () => {
		const source = `export class EventSourceConnection {
	private n : number = 0
	private parser : SseParser = new SseParser((type : string, data : string, id : string) : void => {}, null)
	start() : void {
		// portability-ignore stored-closure-captures-this: detach() drops the closures when the source closes
		this.parser = new SseParser((type : string, data : string, id : string) : void => { this.n++ }, null)
	}
}
class SseParser {
	constructor(a : (type : string, data : string, id : string) => void, b : null) {}
}`
		const generated = SWIFT_CASES['stored-closure-captures-this'].bad
		const r = checkFiles([
			{ fileName: path.join(SDK, 'common/connection.uts'), text: source },
			{ fileName: path.join(SDK, '../gen/app-ios-x/out/index.swift'), text: generated },
		])
		expect(r.findings, show(r)).toEqual([])
		expect(r.suppressed.map((s) => s.rule)).toEqual(['stored-closure-captures-this'])
		// Without the UTS source the generated twin is reported.
		expect(rules(swift(generated))).toEqual(['stored-closure-captures-this'])
	})
})

describe('suppression: // portability-ignore <rule-id>: <reason>', () => {
	const loop = 'for (const k in o) n++'
	const wrap = (body) => `export function keys(o : UTSJSONObject) : number {\n\tlet n = 0\n${body}\n\treturn n\n}`
	test('on the line itself or on its own line(s) right above, with a reason', () => {
		for (const body of [
			`\t${loop} // portability-ignore for-in: keys of a UTSJSONObject are names on every target`,
			`\t// portability-ignore for-in: keys of a UTSJSONObject are names on every target\n\t${loop}`,
			`\t// portability-ignore for-in: keys of a UTSJSONObject are names on every target\n\t// (a second comment line)\n\n\t${loop}`,
		]) {
			const r = uts(wrap(body))
			expect(r.findings, show(r)).toEqual([])
			expect(r.suppressed.map((s) => [s.rule, s.reason])).toEqual([['for-in', 'keys of a UTSJSONObject are names on every target']])
		}
	})
	test('a reason is required, the rule must exist, and it covers only that rule on that line', () => {
		expect(rules(uts(wrap(`\t// portability-ignore for-in\n\t${loop}`)))).toEqual(['suppression-without-reason', 'for-in'])
		expect(rules(uts(wrap(`\t// portability-ignore for-each: a typo\n\t${loop}`)))).toEqual(['suppression-without-reason', 'for-in'])
		expect(rules(uts(wrap(`\t// portability-ignore delete-operator: wrong rule\n\t${loop}`)))).toEqual(['for-in'])
		expect(rules(uts(wrap(`\t// portability-ignore for-in: too far away\n\tn = 1\n\t${loop}`)))).toEqual(['for-in'])
	})
	test('a suppression that matches nothing is listed (not a failure)', () => {
		const r = uts(`// portability-ignore for-in: nothing here\nexport const a = 1`)
		expect(r.findings).toEqual([])
		expect(r.unusedSuppressions.map((s) => s.rule)).toEqual(['for-in'])
	})
})

describe('scope: a rule concerns the app targets that compile the file', () => {
	const closureCompare = UTS_CASES['function-equality'].bad
	test('by folder: web/ and mp-*/ get no app rule; an iOS-only rule skips app-android/ and app-harmony/', () => {
		expect(uts(UTS_CASES['for-in'].bad, 'web/x.uts').findings).toEqual([])
		expect(uts(UTS_CASES['for-in'].bad, 'mp-weixin/x.uts').findings).toEqual([])
		expect(uts(closureCompare, 'app-android/x.uts').findings).toEqual([])
		expect(uts(closureCompare, 'app-harmony/x.uts').findings).toEqual([])
		expect(rules(uts(closureCompare, 'app-ios/x.uts'))).toContain('function-equality')
	})
	test('by imports (checkPlugin): a common/ file counts for the app targets whose index.uts reaches it', () => {
		const plugin = fs.mkdtempSync(path.join(os.tmpdir(), 'portability-plugin-'))
		try {
			const put = (rel, text) => {
				fs.mkdirSync(path.dirname(path.join(plugin, 'utssdk', rel)), { recursive: true })
				fs.writeFileSync(path.join(plugin, 'utssdk', rel), text)
			}
			put('app-ios/index.uts', `import { same } from '../common/compare.uts'\nexport { same }`)
			put('app-android/index.uts', `import { keys } from '../common/keys.uts'\nexport { keys }`)
			put('web/index.uts', `import { jsOnly } from '../common/js-only.uts'\nexport { jsOnly }`)
			put('common/compare.uts', UTS_CASES['function-equality'].also[1])
			put('common/keys.uts', UTS_CASES['for-in'].bad)
			put('common/js-only.uts', `export const jsOnly = typeof globalThis != 'undefined'`)
			const r = checkPlugin(plugin)
			expect(r.findings.map((f) => [f.rule, path.relative(plugin, f.file), f.platforms])).toEqual([
				['function-equality', 'utssdk/common/compare.uts', ['app-ios']],
				['for-in', 'utssdk/common/keys.uts', ['app-android']],
			])
			// The CLI: exit 1, and each finding as file:line:col, rule, the code, the DCloud line.
			const cli = spawnSync(process.execPath, ['scripts/check-portability.mjs', '--plugin', plugin], { cwd: ROOT, encoding: 'utf8' })
			expect(cli.status, cli.stdout + cli.stderr).toBe(1)
			const rel = path.relative(ROOT, path.join(plugin, 'utssdk/common/keys.uts'))
			expect(cli.stdout).toContain(`${rel}:3:2 for-in (app-android)`)
			expect(cli.stdout).toContain('    for (const k in o) n++')
			expect(cli.stdout).toContain('doc: dcloudio/unidocs-uni-app-x-zh docs/uts/control.md:243: "针对 Array/Set/Map 等集合类型以及 String 的遍历建议使用 for...of， 不建议使用 for...in。"')
			expect(cli.stdout).toContain('function-equality (app-ios)')
			put('common/keys.uts', UTS_CASES['for-in'].good)
			put('common/compare.uts', `export function same(a : number, b : number) : boolean { return a == b }`)
			const clean = spawnSync(process.execPath, ['scripts/check-portability.mjs', '--plugin', plugin], { cwd: ROOT, encoding: 'utf8' })
			expect(clean.status, clean.stdout + clean.stderr).toBe(0)
			expect(clean.stdout).toContain('check-portability: 0 finding(s)')
		} finally {
			fs.rmSync(plugin, { recursive: true, force: true })
		}
	})
})

describe('the real plugin', () => {
	// No time limit here: timing belongs in the benchmark, not in tests (the check prints its own duration).
	test('uni_modules/connect-event-source passes', () => {
		const r = checkPlugin(DEFAULT_PLUGIN)
		expect(r.findings, `\n${show(r)}\n`).toEqual([])
	})
})
