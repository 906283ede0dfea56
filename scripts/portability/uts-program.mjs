// A TypeScript program over .uts sources, for the type-aware rules. `.uts` is TypeScript syntax; each
// file is given to the compiler as "<name>.uts.ts" (the trick DCloud's own UniX checker uses with its
// .uts.ts copies) and relative '.uts' imports are resolved onto those names. Imports of native modules
// (Foundation, okhttp3, @ohos.*) stay unresolved: their types are the error type, which every rule skips.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
export const ts = require('typescript')

const PRELUDE_NAME = path.join(path.sep, '__uts_prelude__.d.ts')
// Just enough of the UTS globals (DCloud's @dcloudio/uni-uts-v1/lib/uts/types) for the rules to tell
// UTSJSONObject, timers and console apart from unknown names.
const PRELUDE = `
declare class UTSJSONObject { [key: string]: any; constructor(o?: any); static keys(o: UTSJSONObject): string[] }
declare class UniError { constructor(...a: any[]); errSubject: string; errCode: number; errMsg: string; data: any | null; cause: UniError | null }
type UTSCallback = (...args: any[]) => void
type Int = number; type Long = number; type Float = number; type Double = number; type Int64 = number; type Int32 = number
declare function setTimeout(cb: () => void, ms?: number): number
declare function clearTimeout(id: number): void
declare function setInterval(cb: () => void, ms?: number): number
declare function clearInterval(id: number): void
declare const console: { log(...a: any[]): void; info(...a: any[]): void; warn(...a: any[]): void; error(...a: any[]): void; debug(...a: any[]): void }
declare class TextDecoder { constructor(label?: string, options?: any); decode(input?: Uint8Array, options?: any): string }
`

const OPTIONS = {
	target: ts.ScriptTarget.ES2020,
	module: ts.ModuleKind.ESNext,
	lib: ['lib.es2020.d.ts'],
	strict: true,
	noEmit: true,
	skipLibCheck: true,
	types: [],
	experimentalDecorators: true,
}

// Parsed and bound lib files are reused by every program of this process (tests build hundreds).
const libCache = new Map()

const tsName = (utsFile) => utsFile + '.ts'
export const utsName = (tsFile) => (tsFile.endsWith('.uts.ts') ? tsFile.slice(0, -3) : tsFile)

/**
 * files: [{ fileName: absolute path of a .uts file, text }]. Files they import that are not listed are
 * read from disk (for types only).
 */
export function createUtsProgram(files) {
	const texts = new Map(files.map((f) => [tsName(path.resolve(f.fileName)), f.text]))
	texts.set(PRELUDE_NAME, PRELUDE)
	const host = ts.createCompilerHost(OPTIONS, true)
	const readText = (name) => {
		if (texts.has(name)) return texts.get(name)
		const real = utsName(name)
		if (real !== name && fs.existsSync(real)) return fs.readFileSync(real, 'utf8')
		return undefined
	}
	const defaultGetSourceFile = host.getSourceFile.bind(host)
	host.getSourceFile = (name, languageVersion) => {
		const text = readText(name)
		if (text !== undefined) return ts.createSourceFile(name, text, languageVersion, true, ts.ScriptKind.TS)
		if (!libCache.has(name)) libCache.set(name, defaultGetSourceFile(name, languageVersion))
		return libCache.get(name)
	}
	const defaultFileExists = host.fileExists.bind(host)
	host.fileExists = (name) => readText(name) !== undefined || defaultFileExists(name)
	host.readFile = (name) => readText(name) ?? ts.sys.readFile(name)
	host.resolveModuleNames = (names, containing) =>
		names.map((name) => {
			if (!name.startsWith('.')) return undefined
			const target = tsName(path.resolve(path.dirname(utsName(containing)), name))
			if (!target.endsWith('.uts.ts') || readText(target) === undefined) return undefined
			return { resolvedFileName: target, extension: ts.Extension.Ts, isExternalLibraryImport: false }
		})
	const roots = [PRELUDE_NAME, ...[...texts.keys()].filter((n) => n !== PRELUDE_NAME)]
	const program = ts.createProgram(roots, OPTIONS, host)
	return {
		program,
		checker: program.getTypeChecker(),
		sourceFile: (utsFile) => program.getSourceFile(tsName(path.resolve(utsFile))),
	}
}

/** Relative .uts imports and re-exports of one file, as absolute paths. */
export function importsOf(fileName, text) {
	const info = ts.preProcessFile(text, true, true)
	return info.importedFiles
		.map((f) => f.fileName)
		.filter((n) => n.startsWith('.') && n.endsWith('.uts'))
		.map((n) => path.resolve(path.dirname(fileName), n))
}

/**
 * Which app targets compile each file: those whose utssdk/<platform>/index.uts reaches it by imports
 * (HBuilderX and the uni CLI compile a plugin for a target from that entry). Unreached files
 * (web and mp-* code only, e.g. common/js-globals.uts) map to [].
 */
export function appReach(utssdkDir, readFile) {
	const reach = new Map()
	for (const platform of ['app-android', 'app-ios', 'app-harmony']) {
		const entry = path.join(utssdkDir, platform, 'index.uts')
		if (!fs.existsSync(entry)) continue
		const stack = [entry]
		const seen = new Set()
		while (stack.length) {
			const file = stack.pop()
			if (seen.has(file) || !fs.existsSync(file)) continue
			seen.add(file)
			if (!reach.has(file)) reach.set(file, [])
			reach.get(file).push(platform)
			stack.push(...importsOf(file, readFile(file)))
		}
	}
	return reach
}

/** Targets of a file given without an import graph: by folder, app-* only that one, web and mp-* none. */
export function platformsByPath(fileName) {
	const parts = path.resolve(fileName).split(path.sep)
	for (const p of ['app-android', 'app-ios', 'app-harmony']) if (parts.includes(p)) return [p]
	if (parts.some((p) => p === 'web' || /^mp-[a-z0-9]+$/.test(p))) return []
	return ['app-android', 'app-ios', 'app-harmony']
}
