// The native gate (npm run check:native) must be able to fail: plant the defects DCloud documents as compile errors
// on the app platforms into a copy of the plugin and watch the gate reject them with the compiler's own message.
// (The real plugin passing the same gate is the check:native step of npm test.)
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { copyProject } from './support/project-copy.mjs'

const GATE = path.resolve('scripts/check-native.mjs')
let project
afterEach(() => project?.remove())

function gate(...args) {
	// Output inside the copy, so it goes when the copy is removed.
	const r = spawnSync(process.execPath, [GATE, '--input', project.dir, '--out', path.join(project.dir, 'native-out'), ...args], { encoding: 'utf8', timeout: 470000 })
	return { code: r.status, log: r.stdout + r.stderr }
}

test('a function expression that refers to itself in common/ fails the Kotlin compile (docs/uts/function.md)', () => {
	project = copyProject()
	// The heartbeat as it was: a timer callback that re-arms itself by its own name. (Planted where it is used:
	// DCloud's bundler drops unused exports, so an appended function would never reach kotlinc.)
	project.replace('common/connection.uts',
		'this.heartbeatTimer = setTimeout(() => { this.checkHeartbeat() }, this.heartbeatTimeout)',
		'const again = () : void => { this.heartbeatTimer = setTimeout(again, 1000) }\n\t\tthis.heartbeatTimer = setTimeout(again, this.heartbeatTimeout)')
	const { code, log } = gate('--modes', 'x', '--steps', 'transpile,compile')
	expect(log).toMatch(/transpile \(Kotlin\/Swift\/ArkTS\)\s+ok/)
	expect(log).toMatch(/kotlinc 2\.2\.0 \(uni-app x\)\s+FAILED/)
	expect(log).toMatch(/unresolved reference 'again'/)
	expect(code).toBe(1)
}, 240000)

test('a public field and a method named like its setter clash on the JVM and fail the compile', () => {
	project = copyProject()
	// The parser's resume point as it was: field lastEventId plus method setLastEventId (JVM: setLastEventId twice).
	// Renamed in every declaration and call (parsers, their interface, the connection), so only kotlinc objects.
	expect(project.replaceEverywhere('common', 'resumeFrom(', 'setLastEventId(')).toBeGreaterThanOrEqual(2)
	const { code, log } = gate('--modes', 'x', '--steps', 'transpile,compile')
	expect(log).toMatch(/platform declaration clash: The following declarations have the same JVM signature \(setLastEventId/)
	expect(code).toBe(1)
}, 240000)

test('comparing two function values in common/ fails the portability step (Swift closures are not Equatable)', () => {
	project = copyProject()
	// The dispatcher as it was: removeEventListener filtering by callback identity.
	project.replace('common/dispatcher.uts',
		"if (hit) this.namedListeners = list.filter((l : Listener) : boolean => !l.removed)",
		"if (hit) this.namedListeners = list.filter((l : Listener) : boolean => l.callback != callback)")
	const { code, log } = gate('--steps', 'portability')
	expect(log).toMatch(/portability \(DCloud rules\)\s+FAILED/)
	expect(log).toMatch(/common\/dispatcher\.uts:\d+/)
	expect(code).toBe(1)
}, 120000)

describe('one copy, one transpile, two gates (the defects are independent: the Swift ones are in common/, the ArkTS one in app-harmony/)', () => {
	let planted
	let copy
	beforeAll(() => {
		// Its own variable: the file's afterEach removes `project` after every test.
		project = copy = copyProject()
		// Five independent defects, each as it was before Issue 17, planted in one copy so one transpile covers them all.
		// 1. A loop body without braces in common/: DCloud copies it as is, and Swift requires a code block.
		project.replace('common/url.uts', 'while (pos < url.length && (url.charCodeAt(pos) == 47 || url.charCodeAt(pos) == 92)) { pos++ }',
			'while (pos < url.length && (url.charCodeAt(pos) == 47 || url.charCodeAt(pos) == 92)) pos++')
		// 2. A throw inside a closure stored as a (non-throwing) UTS function type.
		project.replace('common/connection.uts', "\tsetTimeout(() => { listener.onFail('no transport') }, 0)\n\treturn new NoTransport()",
			"\tthrow new Error('no transport')")
		// 3. A constructor that hands this out before init completes (registerSource(this) was in the constructor).
		project.replace('common/connection.uts', '\t\tthis.lastEventId = resolved.lastEventId\n\t}',
			'\t\tthis.lastEventId = resolved.lastEventId\n\t\tthis.registryKey = registerSource(this)\n\t}')
		// 4. A class named without importing it: the compiler's cast says ProviderError, uni-app x calls the class ProviderError__1.
		project.replace('common/chat/ollama.uts', "import { ProviderError, providerErrorOf } from './provider-error.uts'", "import { providerErrorOf } from './provider-error.uts'")
		project.replace('common/chat/ollama.uts', 'const e : ProviderError | null = providerErrorOf(frame)', 'const e = providerErrorOf(frame)')
		project.replace('common/chat/ollama.uts', 'sink.providerError(e!.message, e!.code)', 'sink.providerError(e.message, e.code)')
		// 5. An untyped copy of an implicitly unwrapped field (url: String! in Swift): the copy is String?.
		project.replace('common/options.uts', "\tconst url : string = options.url\n\treturn typeof url == 'string' ? url : ''", "\tconst url = options.url\n\treturn typeof url == 'string' ? url : ''")
		// TypeScript and DCloud's compilers accept it (same shape); ArkTS types are nominal.
		project.append('app-harmony/index.uts', [
			'class PlantedA { x : number = 1 }',
			'class PlantedB { x : number = 2 }',
			'export function plantedCopy() : number {',
			'\tconst a : PlantedA = new PlantedB()',
			'\treturn a.x',
			'}',
			''
		].join('\n'))
		planted = gate('--steps', 'transpile,arkts,portability')
		project = null
	}, 480000)
	afterAll(() => copy?.remove())

	test('Swift defects DCloud\'s compiler lets through fail the portability step, each by its tree rule (tree-sitter-swift)', () => {
		const { code, log } = planted
		expect(log).toMatch(/transpile \(Kotlin\/Swift\/ArkTS\)\s+ok/)
		expect(log).toMatch(/portability \(DCloud rules\)\s+FAILED/)
		const finding = (rule, codeLine) => new RegExp(`app-ios-(?:x|vue3)/\\S+index\\.swift:\\d+:\\d+ ${rule} \\(app-ios\\)\\n\\s+${codeLine}`)
		expect(log).toMatch(finding('swift-syntax-error', 'while\\(pos < url\\.length'))
		expect(log).toMatch(finding('throw-in-non-throwing-closure', 'throw '))
		expect(log).toMatch(finding('self-before-init', 'self\\.registryKey = registerSource\\(self\\)'))
		expect(log).toMatch(finding('unknown-swift-type', '.*as! ProviderError\\)'))
		expect(log).toMatch(finding('iuo-copy-without-type', 'var url = options\\.url'))
		expect(code).toBe(1)
	})

	test("a class used where another one is expected fails Huawei's ArkTS linter (arkts-no-structural-typing), in both project kinds", () => {
		const { code, log } = planted
		expect(log).toMatch(/transpile \(Kotlin\/Swift\/ArkTS\)\s+ok/)
		expect(log).toMatch(/ArkTS linter \(HarmonyOS\)\s+FAILED/)
		expect(log).toMatch(/app-harmony-x\/\S+index\.ets:\d+:\d+ Error arkts-no-structural-typing/)
		expect(log).toMatch(/app-harmony-vue3\/\S+index\.ets:\d+:\d+ Error arkts-no-structural-typing/)
		expect(log).toMatch(/const a: PlantedA = new PlantedB\(\)/)
		expect(code).toBe(1)
	})
})
