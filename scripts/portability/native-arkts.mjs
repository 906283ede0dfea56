// Scans the ArkTS that DCloud's compiler generates (check-uts --out DIR: app-harmony-*/out/**/index.ets).
// ArkTS is TypeScript syntax with stricter rules; the constructs below are parsed, not pattern-matched.
import { ts } from './uts-program.mjs'
import { ownerKey } from './ts-util.mjs'

const K = ts.SyntaxKind

export function scanArkTS(fileName, text, report) {
	const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
	const at = (node, rule, message) => report({ pos: node.getStart(sf), rule, message, key: ownerKey(node) })
	const visit = (node) => {
		if (node.kind === K.AnyKeyword || node.kind === K.UnknownKeyword) at(node, 'arkts-any-unknown', `${node.getText(sf)} in ArkTS (arkts-no-any-unknown)`)
		else if (node.kind === K.ForInStatement) at(node, 'for-in', 'for..in in ArkTS (arkts-no-for-in)')
		else if (node.kind === K.DeleteExpression) at(node, 'delete-operator', 'delete in ArkTS (arkts-no-delete)')
		else if (node.kind === K.VoidExpression) at(node, 'void-operator', 'the void operator in ArkTS')
		ts.forEachChild(node, visit)
	}
	visit(sf)
}
