// Suppressions: `// portability-ignore <rule-id>[, <rule-id>]: <reason>` on the offending line, or on
// its own line right above it (stacked comment lines are skipped over). A reason is mandatory, so every
// exception in the sources says why the pitfall does not apply.
import { RULES } from './rules.mjs'

const MARK = /\/\/\s*portability-ignore\b(.*)$/

/** Parses the suppressions of a source text. Returns { byLine: Map<line, Set<rule>>, problems, all }. */
export function parseSuppressions(text) {
	const lines = text.split(/\r\n|\r|\n/)
	const byLine = new Map()
	const problems = []
	const all = []
	const add = (line, rule, s) => {
		if (!byLine.has(line)) byLine.set(line, new Map())
		byLine.get(line).set(rule, s)
	}
	lines.forEach((content, i) => {
		const m = MARK.exec(content)
		if (!m) return
		const line = i + 1
		const col = m.index + 1
		const body = /^\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(?::\s*(.*?))?\s*$/.exec(m[1])
		const rules = body ? body[1].split(/\s*,\s*/) : []
		const reason = body && body[2] ? body[2].trim() : ''
		const unknown = rules.filter((r) => !RULES[r])
		if (!rules.length || unknown.length || reason.length < 3) {
			const why = !rules.length ? 'names no rule' : unknown.length ? `names unknown rule ${unknown.join(', ')}` : 'gives no reason'
			problems.push({ line, col, message: `portability-ignore ${why}: write // portability-ignore <rule-id>: <why this is safe>` })
			return
		}
		// Applies to its own line and to the next line holding code.
		let target = i + 1
		while (target < lines.length && (/^\s*$/.test(lines[target]) || /^\s*\/\//.test(lines[target]))) target++
		for (const rule of rules) {
			const s = { line, rule, reason, used: false }
			all.push(s)
			add(line, rule, s)
			if (target < lines.length) add(target + 1, rule, s)
		}
	})
	return { byLine, problems, all }
}

/** The suppression covering a finding at `line`, marked used, or null. */
export function suppressionFor(parsed, line, rule) {
	const s = parsed.byLine.get(line)?.get(rule) ?? null
	if (s) s.used = true
	return s
}
