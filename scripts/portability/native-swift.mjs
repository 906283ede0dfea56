// Checks Swift that no compiler on this machine can check: the Swift DCloud's compiler generates (check-uts --out DIR:
// app-ios-*/out/**/index.swift) and the plugin's hand-written .swift files. There is no swiftc here; the file is
// parsed into a syntax tree by tree-sitter-swift (@ast-grep/napi with @ast-grep/lang-swift) and
//   - any ERROR or MISSING node fails (swift-syntax-error): what tree-sitter cannot parse, swiftc cannot either;
//   - rules on the tree find what parses but does not compile (or leaks), each citing the Swift or DCloud rule.
// What the tree cannot see (types of expressions, overloads, DCloud's runtime API) is listed in docs/uts-portability.md.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
let swift = null
function parseTree(text) {
	if (!swift) {
		swift = require('@ast-grep/napi')
		swift.registerDynamicLanguage({ swift: require('@ast-grep/lang-swift') })
	}
	return swift.parse('swift', text).root()
}

const MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin'])

const kids = (n) => n.children()
const named = (n) => n.children().filter((c) => c.isNamed())
const firstOf = (n, kind) => n.children().find((c) => c.kind() === kind) ?? null
/** Every descendant of n (not n) of one of the kinds, not looking inside nodes for which stop() is true. */
function descendants(n, kinds, stop = () => false) {
	const out = []
	const walk = (x) => {
		for (const c of kids(x)) {
			if (kinds.includes(c.kind())) out.push(c)
			if (!stop(c)) walk(c)
		}
	}
	walk(n)
	return out
}
const isFunctionLike = (n) => ['lambda_literal', 'function_declaration', 'init_declaration', 'class_declaration', 'computed_property'].includes(n.kind())

/**
 * Parse units: the whole file, or, when tree-sitter cannot parse it, one unit per top-level declaration (a column-0
 * line opening a declaration, attributes kept with what they annotate), so an error is reported where it is and the
 * rest of the file is still checked. Each unit: { root, line } (line: its first line, 0-based, in the file).
 */
export function swiftUnits(text) {
	const root = parseTree(text)
	if (!hasError(root)) return [{ root, line: 0 }]
	const lines = text.split('\n')
	const starts = []
	const decl = /^(?:@|public\b|private\b|fileprivate\b|internal\b|open\b|final\b|class\b|struct\b|enum\b|protocol\b|extension\b|func\b|var\b|let\b|import\b|typealias\b)/
	for (let i = 0; i < lines.length; i++) {
		if (!decl.test(lines[i])) continue
		if (i > 0 && /^@/.test(lines[i - 1])) continue // an attribute line opened this declaration already
		starts.push(i)
	}
	if (!starts.length || starts[0] !== 0) starts.unshift(0)
	return starts.map((s, k) => ({ root: parseTree(lines.slice(s, starts[k + 1] ?? lines.length).join('\n')), line: s }))
}

const hasError = (root) => !!root.find({ rule: { kind: 'ERROR' } }) || missingTokens(root).length > 0
// tree-sitter inserts a MISSING token (zero width) where it expected one; @ast-grep/napi has no isMissing(), so the
// zero-width leaves are collected in one walk.
function missingTokens(root) {
	const out = []
	const walk = (n) => {
		const cs = n.children()
		if (!cs.length) {
			const r = n.range()
			if (r.start.index === r.end.index && n.kind() !== 'source_file') out.push(n)
		}
		for (const c of cs) walk(c)
	}
	walk(root)
	return out
}

/** Syntax errors of one file: { line, col, message } (1-based), one per innermost ERROR node or MISSING token. */
export function swiftSyntaxErrors(text, units = swiftUnits(text)) {
	const out = []
	for (const unit of units) {
		const add = (n, message) => {
			const { line, column } = n.range().start
			out.push({ line: unit.line + line + 1, col: column + 1, message })
		}
		for (const n of all(unit.root, { kind: 'ERROR', not: { has: { kind: 'ERROR', stopBy: 'end' } } })) add(n, `tree-sitter-swift cannot parse: ${snippet(n.text())}`)
		for (const n of missingTokens(unit.root)) add(n, `tree-sitter-swift expected ${JSON.stringify(n.kind())} here`)
	}
	return out.sort((a, b) => a.line - b.line || a.col - b.col)
}
const esc = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const snippet = (t) => JSON.stringify(t.length > 60 ? t.slice(0, 57) + '...' : t)

/**
 * Type names Swift, Foundation and DCloud's iOS runtime declare, which the generated code uses without declaring.
 * DCloud does not ship its iOS runtime's typings with the compiler (uni-uts-v1/lib/uts/types/uni-x/app-ios/README.md:
 * "ios平台的语法库...单独放在uts-development-ios插件下"), so the runtime's names come from its UTS typings (the
 * classes UTS exposes on every platform, lib/uts/types/uts/common/*.d.ts, read at run time) plus this list: the
 * Swift standard library and Foundation types, and the DCloudUTSFoundation / DCloudUniappRuntime classes the compiler
 * emits (UTSiOS, UTSObject, UTSCallback, UTSJSONObject ...).
 */
const KNOWN_TYPES = new Set([
	// Swift standard library (https://developer.apple.com/documentation/swift/swift-standard-library)
	'Any', 'AnyObject', 'Array', 'Bool', 'Character', 'Dictionary', 'Double', 'Error', 'Float', 'Int', 'Never', 'Optional', 'String', 'Unicode', 'Void',
	// Foundation (https://developer.apple.com/documentation/foundation)
	'Data', 'DispatchQueue', 'HTTPURLResponse', 'NSError', 'NSNumber', 'NSObject', 'Thread', 'TimeInterval', 'URL', 'URLRequest', 'URLResponse', 'URLSession',
	// DCloud's iOS runtime as the generated Swift names it (DCloudUTSFoundation: UTS's any-object, error and JSON types)
	'UTSCallback', 'UTSError', 'UTSJSONObject', 'UTSObject', 'UTSiOS', 'UniError',
])
let runtimeTypes = null
function dcloudRuntimeTypes() {
	if (runtimeTypes) return runtimeTypes
	runtimeTypes = new Set(KNOWN_TYPES)
	try {
		const dir = path.join(path.dirname(require.resolve('@dcloudio/uni-uts-v1/package.json')), 'lib/uts/types/uts/common')
		for (const f of fs.readdirSync(dir)) {
			if (!f.endsWith('.d.ts')) continue
			for (const m of fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/\b(?:class|interface|type)\s+([A-Z]\w*)/g)) runtimeTypes.add(m[1])
		}
	} catch {
		// no DCloud typings installed: the list above only
	}
	return runtimeTypes
}

/** Names of every type the file declares (classes, structs, enums, protocols, typealiases, nested ones too). */
export function declaredTypes(units) {
	const out = new Set()
	for (const { root } of units) {
		for (const d of all(root, { any: [{ kind: 'class_declaration' }, { kind: 'protocol_declaration' }, { kind: 'typealias_declaration' }] })) {
			const id = firstOf(d, 'type_identifier') ?? firstOf(d, 'user_type') // an extension names a user_type
			if (id) out.add(id.text())
		}
	}
	return out
}

/** Stored properties declared T! (implicitly unwrapped): class name -> property names. */
function iuoProperties(units) {
	const out = new Map()
	for (const { root } of units) {
		for (const p of all(root, { kind: 'property_declaration', has: { kind: 'type_annotation', has: { regex: '^!$' } } })) {
			const cls = p.ancestors().find((a) => a.kind() === 'class_declaration')
			const clsName = cls && firstOf(cls, 'type_identifier')?.text()
			const name = firstOf(p, 'pattern')?.text()
			if (!clsName || !name) continue
			if (!out.has(clsName)) out.set(clsName, new Set())
			out.get(clsName).add(name)
		}
	}
	return out
}

/** "Class.member" of the innermost class and the outermost function around n (ts-util ownerKey's format). */
function ownerKey(n) {
	let cls = ''
	let fn = ''
	for (const a of n.ancestors()) {
		const k = a.kind()
		if (!cls && k === 'class_declaration') cls = firstOf(a, 'type_identifier')?.text() ?? ''
		if (!cls && (k === 'function_declaration' || k === 'init_declaration')) fn = k === 'init_declaration' ? 'init' : firstOf(a, 'simple_identifier')?.text() ?? ''
		if (!cls && k === 'property_declaration' && firstOf(a, 'lambda_literal')) fn = firstOf(a, 'pattern')?.text() ?? fn
	}
	if (fn === 'init') fn = 'constructor'
	return `${cls}.${fn}`
}

/** The throw statements of a closure body that escape it: not inside a nested function or closure, nor a do with catch. */
function escapingThrows(lambda) {
	const stop = (c) => isFunctionLike(c) || (c.kind() === 'do_statement' && kids(c).some((x) => x.kind() === 'catch_block'))
	const throws = descendants(lambda, ['control_transfer_statement'], stop).filter((s) => kids(s).some((c) => c.kind() === 'throw_keyword'))
	// a do statement with catch: only throws in its catch blocks escape
	for (const d of descendants(lambda, ['do_statement'], isFunctionLike)) {
		if (!kids(d).some((x) => x.kind() === 'catch_block')) continue
		for (const cb of kids(d).filter((x) => x.kind() === 'catch_block')) {
			throws.push(...descendants(cb, ['control_transfer_statement'], stop).filter((s) => kids(s).some((c) => c.kind() === 'throw_keyword')))
		}
	}
	return throws
}

/** Whether the closure's own signature says throws (`{ () throws -> T in ... }`). */
const declaresThrows = (lambda) => {
	const type = firstOf(lambda, 'lambda_function_type')
	return !!type && kids(type).some((c) => c.kind() === 'throws')
}

const all = (root, rule) => root.findAll({ rule })
const memberOf = (nav) => firstOf(firstOf(nav, 'navigation_suffix') ?? nav, 'simple_identifier')?.text()
/** Whether a value_arguments list is a subscript ([...]): tree-sitter-swift parses a[k] as a call with brackets. */
const isSubscript = (call) => call.kind() === 'call_expression' && firstOf(firstOf(call, 'call_suffix') ?? call, 'value_arguments')?.children()[0]?.kind() === '['
const THROWS = { kind: 'control_transfer_statement', has: { kind: 'throw_keyword' } }

/**
 * Scans one Swift file. report({ line, col, rule, message, key }) per finding (1-based line and col); key is
 * "Class.member" for matching findings of the UTS source. options.knownTypes: types declared elsewhere in the same
 * module (the plugin's hand-written Swift).
 */
export function scanSwift(text, report, options = {}) {
	const units = swiftUnits(text)
	for (const e of swiftSyntaxErrors(text, units)) report({ ...e, rule: 'swift-syntax-error', key: 'syntax' })
	const types = declaredTypes(units)
	for (const t of options.knownTypes ?? []) types.add(t)
	const known = dcloudRuntimeTypes()
	const iuo = iuoProperties(units)
	// A snippet without imports is a fragment (tests, docs): its types come from elsewhere, so names are not checked.
	const wholeFile = units.some((u) => all(u.root, { kind: 'import_declaration' }).length > 0)
	for (const unit of units) {
		const at = (node, rule, message) => {
			const { line, column } = node.range().start
			report({ line: unit.line + line + 1, col: column + 1, rule, message, key: ownerKey(node) })
		}
		const root = unit.root

		// throw in a closure: a closure that throws has a throwing function type, which is not a subtype of the
		// non-throwing function types UTS function types become (UTS has no `throws` on function types).
		for (const lambda of all(root, { kind: 'lambda_literal', has: { ...THROWS, stopBy: 'end' } })) {
			if (declaresThrows(lambda)) continue
			for (const t of escapingThrows(lambda)) at(t, 'throw-in-non-throwing-closure', 'throw inside a closure: the closure becomes a throwing function, and UTS function types are non-throwing (swiftc: invalid conversion from throwing function)')
		}

		// self before init completes: before super.init/self.init (or, without one, before the initializer ends,
		// where Swift calls super.init() implicitly), self may not be captured, passed or sent a method call.
		for (const init of all(root, { kind: 'init_declaration', has: { kind: 'self_expression', stopBy: 'end' } })) {
			const cls = init.ancestors().find((a) => a.kind() === 'class_declaration')
			if (!cls) continue
			const stored = new Set(all(cls, { kind: 'property_declaration', inside: { kind: 'class_body', inside: { kind: 'class_declaration' } }, not: { has: { kind: 'computed_property' } } })
				.map((p) => firstOf(p, 'pattern')?.text()).filter(Boolean))
			const statements = firstOf(firstOf(init, 'function_body') ?? init, 'statements')
			if (!statements) continue
			for (const st of named(statements)) {
				if (st.matches('super.init($$$)') || st.matches('self.init($$$)')) break
				const bad = all(st, { kind: 'self_expression' }).find((s) => {
					if (s.ancestors().some((a) => a.kind() === 'lambda_literal' && st.range().start.index <= a.range().start.index)) return true
					const parent = s.parent()
					if (!parent || parent.kind() !== 'navigation_expression') return true // self as a value
					return !stored.has(memberOf(parent)) // a method or computed property
				})
				if (bad) {
					at(bad, 'self-before-init', `self is used in init before it is initialized (${snippet(bad.parent()?.text() ?? 'self')}): move this into a method called after construction`)
					break
				}
			}
		}

		// Types named in casts, checks, annotations and constructor calls must exist.
		if (wholeFile) {
			const typeUse = (id, how) => {
				const name = id.text()
				if (types.has(name) || known.has(name)) return
				at(id, 'unknown-swift-type', `${how} names type ${name}, which neither this file, Swift, Foundation nor DCloud's runtime declares`)
			}
			for (const id of all(root, { kind: 'type_identifier', inside: { kind: 'user_type', nthChild: { position: 1, reverse: true }, inside: { any: [{ kind: 'as_expression' }, { kind: 'check_expression' }] } } })) typeUse(id, 'a cast or is check')
			for (const id of all(root, { kind: 'type_identifier', nthChild: 1, inside: { kind: 'user_type', inside: { kind: 'type_annotation' } } })) typeUse(id, 'a type annotation')
			for (const id of all(root, { kind: 'simple_identifier', regex: '^[A-Z].*[a-z]', nthChild: 1, inside: { kind: 'call_expression' } })) typeUse(id, 'a constructor call')
		}

		// var x = a.b where a's class declares b implicitly unwrapped (T!): x is an ordinary Optional.
		for (const p of all(root, { kind: 'property_declaration', not: { has: { kind: 'type_annotation' } }, has: { kind: 'navigation_expression', has: { kind: 'simple_identifier' } }, inside: { kind: 'statements' } })) {
			const value = named(p).at(-1)
			if (value?.kind() !== 'navigation_expression') continue
			const base = named(value)[0]
			if (base?.kind() !== 'simple_identifier') continue
			const fn = p.ancestors().find((a) => ['function_declaration', 'init_declaration', 'lambda_literal'].includes(a.kind()))
			const param = fn && all(fn, { kind: 'parameter', has: { kind: 'simple_identifier', regex: `^${base.text()}$` } })[0]
			const baseType = param && firstOf(param, 'user_type')?.text()
			if (baseType && iuo.get(baseType)?.has(memberOf(value))) {
				at(p, 'iuo-copy-without-type', `'${firstOf(p, 'pattern')?.text()}' copies ${value.text()}, declared ${memberOf(value)}: T! in ${baseType}: the copy is an Optional, not the type`)
			}
		}

		// A closure stored in a variable that uses that variable: captured before it is declared.
		for (const p of all(root, { kind: 'property_declaration', has: { kind: 'lambda_literal' } })) {
			const name = firstOf(p, 'pattern')?.text()
			const value = firstOf(p, 'lambda_literal')
			const use = all(value, { kind: 'simple_identifier', regex: `^${name}$`, not: { inside: { kind: 'navigation_suffix' } } })[0]
			if (use) at(use, 'fn-expr-self-reference', `the closure stored in '${name}' refers to '${name}' (swiftc: closure captures it before it is declared)`)
		}

		// self.f = { ... self ... } or self.f = Type({ ... self ... }) without [weak self]/[unowned self]: a reference cycle.
		for (const asg of all(root, { kind: 'assignment', has: { kind: 'lambda_literal', stopBy: 'end', has: { kind: 'self_expression', stopBy: 'end' } } })) {
			const lhs = named(firstOf(asg, 'directly_assignable_expression') ?? asg)[0]
			if (lhs?.kind() !== 'navigation_expression' || named(lhs)[0]?.kind() !== 'self_expression') continue
			const rhs = named(asg).at(-1)
			const ctor = rhs.kind() === 'call_expression' && /^[A-Z]/.test(named(rhs)[0]?.text() ?? '')
			if (rhs.kind() !== 'lambda_literal' && !ctor) continue
			const lambdas = rhs.kind() === 'lambda_literal' ? [rhs] : all(rhs, { kind: 'lambda_literal' })
			const weak = { kind: 'capture_list', has: { kind: 'capture_list_item', all: [{ has: { kind: 'ownership_modifier' } }, { has: { kind: 'simple_identifier', regex: '^self$' } }] } }
			const strong = lambdas.some((l) => !l.matches({ rule: { kind: 'lambda_literal', has: weak } }) && all(l, { kind: 'self_expression' }).length > 0)
			if (strong) at(lhs, 'stored-closure-captures-this', `${lhs.text()} is given a closure that captures self strongly: a reference cycle`)
		}

		// Closures compared: parameters typed @escaping compared with ==/!=/===/!== or searched with indexOf/includes.
		const escapingParam = { any: [{ kind: 'parameter' }, { kind: 'lambda_parameter' }], regex: '@escaping' }
		for (const fn of all(root, { any: [{ kind: 'function_declaration' }, { kind: 'init_declaration' }], has: { ...escapingParam, stopBy: 'end' }, not: { inside: { kind: 'function_declaration', stopBy: 'end' } } })) {
			const escaping = new Set(all(fn, escapingParam).map((p) => named(p).filter((c) => c.kind() === 'simple_identifier').at(-1)?.text()))
			// tree-sitter-swift parses a == b as an equality_expression, or (after return) as an infix_expression.
			for (const eq of all(fn, { any: [{ kind: 'equality_expression' }, { kind: 'infix_expression', has: { kind: 'custom_operator', regex: '^(?:==|!=|===|!==)$' } }] })) {
				const sides = named(eq).filter((c) => c.kind() !== 'custom_operator')
				if (eq.find({ rule: { regex: '^nil$' } })) continue // x == nil (tree-sitter may nest it as a == (nil || ...))
				if (sides.some((s) => escaping.has(s.text()))) at(eq, 'function-equality', `${eq.text()} compares closures; Swift closures are not Equatable`)
			}
			for (const call of all(fn, { kind: 'call_expression', has: { kind: 'navigation_expression', nthChild: 1, has: { kind: 'navigation_suffix', has: { kind: 'simple_identifier', regex: '^(?:indexOf|lastIndexOf|includes)$' } } } })) {
				const args = all(call, { kind: 'value_argument', inside: { kind: 'value_arguments', inside: { kind: 'call_suffix', inside: { kind: 'call_expression' } } } }).filter((a) => a.parent()?.parent()?.parent()?.range().start.index === call.range().start.index)
				if (args.some((a) => escaping.has(a.text()))) at(call, 'function-equality', `${memberOf(named(call)[0])}(${args.map((a) => a.text()).join(', ')}) searches for a closure; Swift closures are not Equatable`)
			}
		}

		// f(...list): UTS's spread is copied as is; Swift reads the prefix ... as a range (PartialRangeThrough), not a spread.
		for (const r of all(root, { kind: 'open_start_range_expression', inside: { kind: 'value_argument' } })) at(r, 'spread-argument', 'a spread argument in Swift (not translated): a range, not the elements; does not compile')

		// Arrays are values: mutating (x as! [T]) or a local copy of an array property changes a copy.
		for (const call of all(root, { kind: 'call_expression', has: { kind: 'navigation_expression', nthChild: 1, has: { kind: 'tuple_expression', has: { kind: 'as_expression', has: { kind: 'array_type' } } } } })) {
			const callee = named(call)[0]
			if (!MUTATORS.has(memberOf(callee))) continue
			at(call, 'array-mutation-through-copy', `mutates ${named(callee)[0].text()}, a copy of the array`)
		}
		const arrayProps = new Set(all(root, { kind: 'property_declaration', has: { kind: 'type_annotation', has: { kind: 'array_type' } } }).map((p) => firstOf(p, 'pattern')?.text()))
		for (const p of all(root, { kind: 'property_declaration', not: { has: { kind: 'type_annotation' } }, has: { kind: 'navigation_expression', has: { kind: 'self_expression' } } })) {
			const value = named(p).at(-1)
			if (value?.kind() !== 'navigation_expression' || named(value)[0]?.kind() !== 'self_expression') continue
			const prop = memberOf(value)
			const local = firstOf(p, 'pattern')?.text()
			if (!arrayProps.has(prop)) continue
			const after = named(p.parent()).filter((s) => s.range().start.index > p.range().end.index)
			const write = after.some((s) => s.matches({ rule: { kind: 'call_expression', has: { kind: 'navigation_expression', nthChild: 1, all: [{ has: { kind: 'simple_identifier', nthChild: 1, regex: `^${local}$` } }, { has: { kind: 'navigation_suffix', has: { kind: 'simple_identifier', regex: `^(?:${[...MUTATORS].join('|')})$` } } }] } } }) ||
				all(s, { kind: 'assignment', has: { kind: 'directly_assignable_expression', has: { kind: 'call_expression', has: { kind: 'simple_identifier', nthChild: 1, regex: `^${local}$` } } } }).some((a) => isSubscript(named(firstOf(a, 'directly_assignable_expression'))[0])))
			if (write) at(p, 'array-mutation-through-copy', `'${local}' is a copy of self.${prop} (Swift arrays are values) and is then changed`)
		}

		// as! on a value read from JSON (a subscript, JSON.parse, or a local holding one) without a check of that type.
		// DCloud's own init(_ obj: UTSJSONObject) of every option type is left out: the compiler's shape, not this code's.
		const fromJsonInit = { kind: 'init_declaration', has: { kind: 'parameter', regex: '^_\\s+obj\\s*:\\s*UTSJSONObject$' } }
		for (const e of all(root, { kind: 'as_expression', has: { kind: 'as_operator', regex: '^as!$' }, not: { inside: { ...fromJsonInit, stopBy: 'end' } } })) {
			const operand = named(e)[0]
			const target = named(e).at(-1)
			if (!operand || !target) continue
			const fn = e.ancestors().find((a) => ['function_declaration', 'init_declaration', 'lambda_literal'].includes(a.kind()))
			let source = operand
			if (operand.kind() === 'simple_identifier' && fn) {
				const decl = all(fn, { kind: 'property_declaration', has: { kind: 'pattern', regex: `^${operand.text()}$` } })[0]
				if (decl) source = named(decl).at(-1)
			}
			// ... or a parameter typed Any (UTS any: what JSON access hands around, e.g. asObject(v: any))
			const anyParam = operand.kind() === 'simple_identifier' && !!fn && fn.kind() !== 'lambda_literal' && !!fn.find({ rule: { kind: 'parameter', has: { kind: 'simple_identifier', regex: `^${esc(operand.text())}$` }, regex: ':\\s*Any\\??$' } })
			const fromJson = anyParam || isSubscript(source) || source.matches('JSON.parse($$$)')
			if (!fromJson) continue
			// The check must guard the cast: in the condition of an if around it, earlier in the same statement (a && b),
			// or in an if before it in an enclosing block (the early return: if (!Array.isArray(v)) { return }). It is looked
			// up as nodes: the typeof/instanceof/isArray call on the same name, and for typeof the type's name.
			const name = esc(operand.text())
			const expected = { String: 'string', NSNumber: 'number', Bool: 'boolean' }[target.text()]
			// negated: the early-return form (!Array.isArray(v), typeof(v) != "string"), whose if must come before the cast.
			const checks = (n, negated = false) => expected
				? !!n.find({ rule: { kind: 'call_expression', regex: `^!?UTSiOS\\.typeof\\(\\s*${name}\\s*\\)$` } }) && !!n.find({ rule: { kind: 'line_string_literal', regex: `^"${expected}"$` } }) &&
					(!negated || !!n.find({ rule: { kind: 'equality_expression', has: { regex: '^!=$' } } }))
				: target.kind() === 'array_type' ? !!n.find({ rule: { kind: 'call_expression', regex: `^${negated ? '!' : '!?'}Array\\.isArray\\(\\s*${name}\\s*\\)$` } })
				: !!n.find({ rule: { kind: 'call_expression', regex: `^${negated ? '!' : '!?'}UTSiOS\\.instanceof\\(\\s*${name}\\s*,\\s*${esc(target.text())}\\.self\\s*\\)$` } })
			const scope = fn ? e.ancestors().filter((a) => a.range().start.index >= fn.range().start.index) : []
			const statement = [e, ...scope].find((a) => a.parent()?.kind() === 'statements') ?? e
			const guarded = checks(statement) && statement.kind() !== 'if_statement' ||
				scope.some((a) => a.kind() === 'if_statement' && named(a)[0] && checks(named(a)[0])) ||
				scope.some((a) => a.kind() === 'statements' && named(a).some((st) => st.kind() === 'if_statement' && st.range().end.index < e.range().start.index && named(st)[0] && checks(named(st)[0], true)))
			if (!guarded) at(e, 'json-force-cast', `${e.text()} force-casts a value read from JSON without checking it is a ${target.text()} first: a crash on unexpected input`)
		}
	}
}

/** The hand-written Swift of a plugin: utssdk/app-ios/**.swift. */
export function handWrittenSwift(pluginDir) {
	const dir = path.join(pluginDir, 'utssdk', 'app-ios')
	if (!fs.existsSync(dir)) return []
	return fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.swift')).map((f) => path.join(dir, f)).sort()
}
