// Scans the Swift that DCloud's compiler generates (check-uts --out DIR: app-ios-*/out/**/index.swift):
// no Swift compiler exists on this machine, so the shapes that cannot compile or that leak are found by
// pattern. Strings and comments are blanked first, so every pattern sees code only; each pattern is
// anchored on the exact shape the UTS compiler emits (closures are `{ (params) -> T in ... }`).
const MUTATORS = 'push|pop|shift|unshift|splice|sort|reverse|fill|copyWithin'
const ASSIGN = '(?:[-+*/%&|^]|<<|>>)?=(?!=)'

/** Same text with string contents and comments replaced by spaces (offsets and newlines kept). */
export function maskSwift(text) {
	const out = text.split('')
	const blank = (a, b) => {
		for (let k = a; k < b; k++) if (out[k] !== '\n') out[k] = ' '
	}
	let i = 0
	while (i < text.length) {
		if (text.startsWith('//', i)) {
			const e = text.indexOf('\n', i)
			const end = e < 0 ? text.length : e
			blank(i, end)
			i = end
		} else if (text.startsWith('/*', i)) {
			let depth = 1
			let j = i + 2
			while (j < text.length && depth) {
				if (text.startsWith('/*', j)) [depth, j] = [depth + 1, j + 2]
				else if (text.startsWith('*/', j)) [depth, j] = [depth - 1, j + 2]
				else j++
			}
			blank(i, j)
			i = j
		} else if (text.startsWith('"""', i)) {
			const e = text.indexOf('"""', i + 3)
			const end = e < 0 ? text.length : e + 3
			blank(i + 3, end - 3)
			i = end
		} else if (text[i] === '"') {
			let j = i + 1
			while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1
			blank(i + 1, j)
			i = j + 1
		} else i++
	}
	return out.join('')
}

export function matchBrace(code, open) {
	const close = { '{': '}', '(': ')', '[': ']' }[code[open]]
	let depth = 0
	for (let i = open; i < code.length; i++) {
		if (code[i] === code[open]) depth++
		else if (code[i] === close && --depth === 0) return i
	}
	return code.length
}

/** Classes, functions/initializers and top-level closure variables, with their body ranges. */
function scopes(code) {
	const list = []
	for (const m of code.matchAll(/\b(?:class|struct|extension)\s+(\w+)[^{\n]*\{/g)) {
		const open = m.index + m[0].length - 1
		list.push({ kind: 'class', name: m[1], start: m.index, open, end: matchBrace(code, open) })
	}
	for (const m of code.matchAll(/\b(?:func\s+(\w+)|(init)[?!]?)\s*(?:<[^>{\n]*>)?\s*\(/g)) {
		const paren = m.index + m[0].length - 1
		const closeParen = matchBrace(code, paren)
		const rest = /^[^{\n]*\{/.exec(code.slice(closeParen + 1))
		if (!rest) continue // a protocol requirement: no body
		const open = closeParen + rest[0].length
		list.push({ kind: 'func', name: m[1] ?? 'init', start: m.index, open, end: matchBrace(code, open) })
	}
	for (const m of code.matchAll(/^(?:(?:public|private|fileprivate|internal)\s+)?(?:var|let)\s+(\w+)[^=\n]*=\s*\{/gm)) {
		const open = m.index + m[0].length - 1
		list.push({ kind: 'func', name: m[1], start: m.index, open, end: matchBrace(code, open) })
	}
	return list
}

/** The same "Class.member" key as ts-util ownerKey, for one offset. */
function ownerAt(list, pos) {
	const inside = list.filter((s) => s.start <= pos && pos <= s.end)
	const cls = inside.filter((s) => s.kind === 'class').sort((a, b) => b.start - a.start)[0]
	const fns = inside.filter((s) => s.kind === 'func' && (!cls || (s.start > cls.start && s.end <= cls.end))).sort((a, b) => a.start - b.start)
	return `${cls ? cls.name : ''}.${fns[0] ? fns[0].name : ''}`
}

export function scanSwift(text, report) {
	const code = maskSwift(text)
	const list = scopes(code)
	const at = (pos, rule, message) => report({ pos, rule, message, key: ownerAt(list, pos) })
	const notMember = (pos) => code[pos - 1] !== '.'

	// A closure stored in a variable that uses that variable: swiftc rejects it (captured before declared).
	for (const m of code.matchAll(/\b(?:var|let)\s+(\w+)\s*(?::[^=\n]*)?=\s*\{/g)) {
		const open = m.index + m[0].length - 1
		const body = code.slice(open + 1, matchBrace(code, open))
		const use = [...body.matchAll(new RegExp(`\\b${m[1]}\\b`, 'g'))].find((u) => notMember(open + 1 + u.index))
		if (use) at(open + 1 + use.index, 'fn-expr-self-reference', `the closure stored in '${m[1]}' refers to '${m[1]}' (swiftc: closure captures it before it is declared)`)
	}

	// Closures compared: names typed @escaping (parameters of the function or of closures inside it).
	for (const fn of list.filter((s) => s.kind === 'func')) {
		const span = code.slice(fn.start, fn.end)
		const names = new Set([...span.matchAll(/(\w+)\s*:\s*@escaping\b/g)].map((m) => m[1]))
		if (!names.size) continue
		for (const m of span.matchAll(/([\w.]+)\s*(===|!==|==|!=)\s*([\w.]+)/g)) {
			const [a, b] = [m[1], m[3]]
			if (a === 'nil' || b === 'nil') continue
			if (names.has(a) || names.has(b)) at(fn.start + m.index, 'function-equality', `${m[0].trim()} compares closures; Swift closures are not Equatable`)
		}
		for (const m of span.matchAll(/\.(indexOf|lastIndexOf|includes)\(\s*(\w+)\s*\)/g)) {
			if (names.has(m[2])) at(fn.start + m.index, 'function-equality', `${m[1]}(${m[2]}) searches for a closure; Swift closures are not Equatable`)
		}
	}

	// Mutation of a cast array: (x as! [T]).push(...) changes a temporary copy.
	const cast = new RegExp(`\\(\\s*([^()\\n]+?)\\s+as!\\s*\\[[^\\]\\n]+\\]\\s*\\)\\s*(?:\\.(?:${MUTATORS})\\s*\\(|\\[[^\\]\\n]*\\]\\s*${ASSIGN})`, 'g')
	for (const m of code.matchAll(cast)) at(m.index, 'array-mutation-through-copy', `mutates (${m[1]} as! [...]), a copy of the array`)

	// Mutation of a local copy of an array property: var a = self.items; a.push(...) / a[i] = ...
	for (const m of code.matchAll(/^[ \t]*var\s+(\w+)\s*=\s*self\.(\w+)[ \t]*$/gm)) {
		const [local, prop] = [m[1], m[2]]
		if (!new RegExp(`\\b(?:var|let)\\s+${prop}\\s*:\\s*\\[`).test(code)) continue
		const fn = list.filter((s) => s.kind === 'func' && s.open < m.index && m.index < s.end).sort((a, b) => b.start - a.start)[0]
		const rest = code.slice(m.index + m[0].length, fn ? fn.end : code.length)
		const write = new RegExp(`(?<![.\\w])${local}\\s*(?:\\.(?:${MUTATORS})\\s*\\(|\\[[^\\]\\n]*\\]\\s*${ASSIGN})`).exec(rest)
		if (write) at(m.index + m[0].search(/\S/), 'array-mutation-through-copy', `'${local}' is a copy of self.${prop} (Swift arrays are values) and is then changed`)
	}

	// self.field = { ... self ... } or self.field = Type({ ... self ... }): a reference cycle (no [weak self]).
	for (const m of code.matchAll(/^[ \t]*self\.(\w+)\s*=(?!=)\s*/gm)) {
		const start = m.index + m[0].length
		const end = statementEnd(code, start)
		const rhs = code.slice(start, end)
		if (!rhs.startsWith('{') && !/^[A-Z]\w*(?:<[^>\n]*>)?\(/.test(rhs)) continue
		const captures = [...rhs.matchAll(/\{/g)].some((b) => {
			const open = start + b.index
			const body = code.slice(open + 1, matchBrace(code, open))
			return /^\s*\[[^\]]*\b(?:weak|unowned)\s+self\b/.test(body) ? false : /(?<![.\w])self\b/.test(body)
		})
		if (captures) at(m.index + m[0].search(/\S/), 'stored-closure-captures-this', `self.${m[1]} is given a closure that captures self strongly: a reference cycle`)
	}

	// f(...list): the UTS spread is copied as is, and Swift reads a prefix ... as a range.
	for (const m of code.matchAll(/[(,]\s*(\.\.\.)(?=[A-Za-z_(\[])/g)) at(m.index + m[0].indexOf('...'), 'spread-argument', 'a spread argument in Swift (not translated): does not compile')
}

/** End of the statement starting at start: the first newline outside brackets. */
function statementEnd(code, start) {
	let depth = 0
	for (let i = start; i < code.length; i++) {
		const c = code[i]
		if (c === '(' || c === '[' || c === '{') depth++
		else if (c === ')' || c === ']' || c === '}') {
			if (--depth < 0) return i
		} else if (c === '\n' && depth === 0) return i
	}
	return code.length
}
