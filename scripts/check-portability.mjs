#!/usr/bin/env node
// UTS portability check: the documented UTS pitfalls that no compiler on this machine reports (there is
// no Swift or ArkTS toolchain here, and the Kotlin one only says "unresolved reference"). Reads the
// plugin's .uts sources (type-aware, with the TypeScript compiler: .uts is TypeScript syntax) and, with
// --generated DIR (the output of `node scripts/check-uts.mjs --out DIR`), the generated Swift, plus the plugin's hand-written
// Swift: parsed by tree-sitter-swift (a syntax error fails), then rule-checked on the tree. (The generated ArkTS
// goes through Huawei's own ArkTS linter instead: scripts/check-arkts.mjs.)
// Every rule cites the DCloud document line it comes from (scripts/portability/rules.mjs,
// docs/uts-portability.md). A finding can be waived in the source, with a reason:
//   // portability-ignore <rule-id>: <why this is safe>
// A rule applies only to files that the app targets it concerns compile: a .uts file's targets are the
// app-*/index.uts entries that import it (so web/ and mp-*/ code, and common/ files only they import,
// are not held to app rules).
//
// Usage: node scripts/check-portability.mjs [--plugin DIR] [--generated DIR] [--json]
// Exit status: 0 clean, 1 findings, 2 usage error.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { declaredTypes, handWrittenSwift, scanSwift, swiftUnits } from './portability/native-swift.mjs'
import { RULES, citationText } from './portability/rules.mjs'
import { parseSuppressions, suppressionFor } from './portability/suppress.mjs'
import { ownerKey } from './portability/ts-util.mjs'
import { closureRules } from './portability/uts-checks-closures.mjs'
import { syntaxRules } from './portability/uts-checks-syntax.mjs'
import { appReach, createUtsProgram, platformsByPath, ts } from './portability/uts-program.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const DEFAULT_PLUGIN = path.join(ROOT, 'uni_modules', 'connect-event-source')
export { RULES }

const lineText = (text, line) => (text.split(/\r\n|\r|\n/)[line - 1] ?? '').trim()
const intersect = (a, b) => a.filter((x) => b.includes(x))

/**
 * Checks files: paths, or { fileName, text } (fileName absolute or relative to the cwd). .uts files get the
 * UTS rules, .swift and .ets files the generated-code scans. options.generatedDir adds every .swift/.ets under
 * it; options.platformsOf(fileName) gives a .uts file's app targets (default: by folder, see platformsByPath).
 * Returns { findings, suppressed, unusedSuppressions }; findings are { rule, file, line, col, code, message, platforms }.
 */
export function checkFiles(files, options = {}) {
	const inputs = files.map((f) => (typeof f === 'string' ? { fileName: path.resolve(f), text: fs.readFileSync(f, 'utf8') } : { fileName: path.resolve(f.fileName), text: f.text }))
	if (options.generatedDir) for (const file of generatedFiles(options.generatedDir)) inputs.push({ fileName: file, text: fs.readFileSync(file, 'utf8') })
	const platformsOf = options.platformsOf ?? platformsByPath
	const result = { findings: [], suppressed: [], unusedSuppressions: [] }
	const seenKeys = new Set()

	const uts = inputs.filter((f) => f.fileName.endsWith('.uts'))
	const active = uts.map((f) => ({ ...f, platforms: platformsOf(f.fileName) })).filter((f) => f.platforms.length)
	if (active.length) {
		const { program, checker, sourceFile } = createUtsProgram(uts)
		for (const f of active) {
			const sup = parseSuppressions(f.text)
			for (const p of sup.problems) result.findings.push({ rule: 'suppression-without-reason', file: f.fileName, line: p.line, col: p.col, code: lineText(f.text, p.line), message: p.message, platforms: f.platforms })
			const sf = sourceFile(f.fileName)
			// Lines TypeScript cannot parse hold UTS-only syntax (e.g. Swift labels named like keywords: f(with = x)).
			const unparsed = new Set(program.getSyntacticDiagnostics(sf).map((d) => sf.getLineAndCharacterOfPosition(d.start).line))
			const inPlatformFolder = /[\\/]app-(android|ios|harmony)[\\/]/.test(f.fileName)
			const report = (node, rule, message, extra = {}) => {
				const platforms = intersect(f.platforms, extra.platforms ?? RULES[rule].platforms)
				if (!platforms.length || (RULES[rule].sharedOnly && inPlatformFolder)) return
				const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf))
				if (unparsed.has(line)) return
				const finding = { rule, file: f.fileName, line: line + 1, col: character + 1, code: lineText(f.text, line + 1), message, platforms }
				seenKeys.add(`${rule}|${ownerKey(node)}`)
				const s = suppressionFor(sup, finding.line, rule)
				if (s) result.suppressed.push({ ...finding, reason: s.reason })
				else result.findings.push(finding)
			}
			const ctx = { checker, report }
			const rules = [closureRules(ctx), syntaxRules(ctx)]
			const visit = (node) => {
				for (const rule of rules) rule(node)
				ts.forEachChild(node, visit)
			}
			visit(sf)
			for (const s of sup.all) if (!s.used) result.unusedSuppressions.push({ file: f.fileName, line: s.line, rule: s.rule, reason: s.reason })
		}
	}

	// Swift (generated, or hand-written beside the UTS): parsed by tree-sitter-swift, then rule-checked on the tree. A pitfall
	// already reported (or waived) in the UTS source of the same member is not repeated.
	const nativeSeen = new Set()
	const generated = (f) => /[\\/]app-ios-(?:x|vue3)[\\/]/.test(f.fileName)
	// Hand-written Swift is compiled into the same module as the generated code (native mixing): its types are known there.
	const knownTypes = new Set(inputs.filter((f) => f.fileName.endsWith('.swift') && !generated(f)).flatMap((f) => [...declaredTypes(swiftUnits(f.text))]))
	for (const f of inputs) {
		if (!f.fileName.endsWith('.swift')) continue
		const target = 'app-ios'
		scanSwift(f.text, ({ line, col, rule, message, key }) => {
			if (seenKeys.has(`${rule}|${key}`) || !RULES[rule].platforms.includes(target)) return
			const code = lineText(f.text, line)
			const dedupe = `${rule}|${key}|${code}`
			if (nativeSeen.has(dedupe)) return // the same code generated for uni-app x and uni-app
			nativeSeen.add(dedupe)
			const where = generated(f) ? `generated, in ${key}` : `in ${key}`
			result.findings.push({ rule, file: f.fileName, line, col, code, message: `${message} [${where}]`, platforms: [target] })
		}, { knownTypes })
	}
	const order = (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col
	result.findings.sort(order)
	result.suppressed.sort(order)
	return result
}

/** Checks a plugin folder: every .uts under utssdk/, each against the app targets whose index.uts imports it. */
export function checkPlugin(pluginDir = DEFAULT_PLUGIN, options = {}) {
	const utssdk = path.join(pluginDir, 'utssdk')
	const reach = appReach(utssdk, (f) => fs.readFileSync(f, 'utf8'))
	// The hand-written Swift compiled with the iOS UTS (native mixing) goes through the same tree checks.
	return checkFiles([...reach.keys(), ...handWrittenSwift(pluginDir)], { ...options, platformsOf: (f) => reach.get(f) ?? [] })
}

function generatedFiles(dir) {
	const out = []
	const walk = (d) => {
		for (const e of fs.readdirSync(d, { withFileTypes: true })) {
			if (e.name.startsWith('.')) continue // .tsc/.uvue/.cache: the type checker's copies, not output
			const p = path.join(d, e.name)
			if (e.isDirectory()) walk(p)
			else if (e.name.endsWith('.swift')) out.push(p)
		}
	}
	walk(dir)
	return out.sort()
}

export function formatFinding(f, cwd = process.cwd()) {
	const lines = [`${path.relative(cwd, f.file)}:${f.line}:${f.col} ${f.rule} (${f.platforms.join(', ')})`, `    ${f.code}`, `  ${f.message}`]
	if (RULES[f.rule].fix) lines.push(`  fix: ${RULES[f.rule].fix}`)
	for (const c of citationText(f.rule)) lines.push(`  doc: ${c}`)
	return lines.join('\n')
}

function parseArgs(argv) {
	const args = { plugin: DEFAULT_PLUGIN, generated: '', json: false }
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i]
		if (a === '--json') args.json = true
		else if ((a === '--plugin' || a === '--generated') && i + 1 < argv.length) args[a.slice(2)] = path.resolve(argv[++i])
		else throw new Error(`unknown or incomplete argument ${a}`)
	}
	if (!fs.existsSync(path.join(args.plugin, 'utssdk'))) throw new Error(`no utssdk/ in ${args.plugin}`)
	if (args.generated && !fs.existsSync(args.generated)) throw new Error(`--generated ${args.generated} does not exist (run node scripts/check-uts.mjs --out DIR first)`)
	return args
}

function main() {
	let args
	try {
		args = parseArgs(process.argv.slice(2))
	} catch (e) {
		console.error(`check-portability: ${e.message}\nusage: node scripts/check-portability.mjs [--plugin DIR] [--generated DIR] [--json]`)
		process.exit(2)
	}
	const started = Date.now()
	const result = checkPlugin(args.plugin, { generatedDir: args.generated || undefined })
	if (args.json) {
		console.log(JSON.stringify(result, null, 2))
	} else {
		for (const f of result.findings) console.log(formatFinding(f) + '\n')
		for (const s of result.unusedSuppressions) console.log(`note: ${path.relative(process.cwd(), s.file)}:${s.line} portability-ignore ${s.rule} matches nothing (here or on the next code line)`)
		const waived = result.suppressed.length ? `, ${result.suppressed.length} waived by portability-ignore` : ''
		console.log(`check-portability: ${result.findings.length} finding(s)${waived} in ${Date.now() - started} ms${args.generated ? '' : ' (UTS sources only; pass --generated DIR for the generated Swift/ArkTS)'}`)
	}
	process.exit(result.findings.length ? 1 : 0)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
