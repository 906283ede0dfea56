// Small TypeScript AST and type helpers shared by the UTS and ArkTS scanners.
import { ts } from './uts-program.mjs'

const F = ts.TypeFlags

export const isFunctionNode = (n) => ts.isArrowFunction(n) || ts.isFunctionExpression(n)

/** Strips what does not change the value: (x), x!, x as T, x satisfies T. */
export function unwrap(e) {
	while (e && (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression?.(e) || ts.isTypeAssertionExpression(e))) e = e.expression
	return e
}

/** Strips (x) and x! only: a cast stays visible. */
export function skipParens(e) {
	while (e && (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e))) e = e.expression
	return e
}

export const typeParts = (t) => (t.isUnion() ? t.types : [t])
export const isErrorType = (t) => (t.flags & F.Any) !== 0 && t.intrinsicName === 'error'
export const isAnyLike = (t) => (t.flags & (F.Any | F.Unknown)) !== 0
const isNullish = (t) => (t.flags & (F.Null | F.Undefined | F.Void)) !== 0

/** Any member of the (nullable) type is callable and not a class: a closure on the native targets. */
export function isFunctionType(t) {
	return typeParts(t).some((p) => !isNullish(p) && !isAnyLike(p) && p.getCallSignatures().length > 0 && p.getConstructSignatures().length === 0)
}

const VALUE_FLAGS = F.NumberLike | F.StringLike | F.BooleanLike | F.BigIntLike | F.EnumLike | F.Null | F.Undefined | F.Void
// UTS code also writes the wrapper names (Boolean, Number, String), which are the same native value types.
const WRAPPERS = { Boolean: F.BooleanLike, Number: F.NumberLike, String: F.StringLike }
const wrapperFlag = (p) => WRAPPERS[p.getSymbol()?.getName() ?? ''] ?? 0
const hasFlag = (p, flags) => (p.flags & flags) !== 0 || (wrapperFlag(p) & flags) !== 0

/** Every member is a number, string, boolean, enum or null: a value type (not an object reference) natively. */
export function isValueType(t) {
	if (isAnyLike(t) || t.isTypeParameter()) return false
	return typeParts(t).every((p) => hasFlag(p, VALUE_FLAGS))
}

/** Definitely boolean (true when unknown, so unresolved native types are never reported). */
export function isBooleanOrUnknown(t) {
	if (isAnyLike(t) || t.isTypeParameter()) return true
	return typeParts(t).every((p) => hasFlag(p, F.BooleanLike))
}

export function isNumberOrUnknown(t) {
	if (isAnyLike(t) || t.isTypeParameter()) return true
	return typeParts(t).every((p) => hasFlag(p, F.NumberLike | F.BigIntLike))
}

export function isArrayType(checker, t) {
	const n = checker.getNonNullableType(t)
	return typeParts(n).some((p) => checker.isArrayType(p) || checker.isTupleType(p))
}

export function typeName(t) {
	const s = t.aliasSymbol ?? t.getSymbol()
	return s ? s.getName() : ''
}

/** Calls cb(id) for each identifier that is read or written as a value below node (not type positions). */
export function forEachValueIdentifier(node, cb) {
	const visit = (n) => {
		if (ts.isTypeNode(n) && !ts.isExpressionWithTypeArguments(n)) return
		if (ts.isIdentifier(n)) {
			const p = n.parent
			const isName =
				(ts.isPropertyAccessExpression(p) && p.name === n) ||
				(ts.isPropertyAssignment(p) && p.name === n) ||
				(ts.isMethodDeclaration(p) && p.name === n) ||
				(ts.isPropertyDeclaration(p) && p.name === n) ||
				(ts.isBindingElement(p) && p.propertyName === n) ||
				ts.isLabeledStatement(p) ||
				ts.isBreakOrContinueStatement(p)
			if (!isName) cb(n)
			return
		}
		ts.forEachChild(n, visit)
	}
	visit(node)
}

export function symbolOf(checker, id) {
	if (ts.isShorthandPropertyAssignment(id.parent)) return checker.getShorthandAssignmentValueSymbol(id.parent)
	return checker.getSymbolAtLocation(id)
}

/** The nearest enclosing function-like node of n (not n itself), or undefined at module level. */
export function enclosingFunction(n) {
	for (let p = n.parent; p; p = p.parent) if (ts.isFunctionLike(p)) return p
	return undefined
}

export function isInside(node, ancestor) {
	for (let p = node; p; p = p.parent) if (p === ancestor) return true
	return false
}

/**
 * "Class.member" owning a node: the class (or '' at top level) and its outermost member or top-level
 * declaration. The Swift scanner computes the same key, so a pitfall seen in both is reported once.
 */
export function ownerKey(node) {
	let member = null
	let cls = ''
	for (let n = node; n; n = n.parent) {
		if (ts.isClassLike(n)) {
			cls = n.name ? n.name.text : ''
			break
		}
		if (ts.isMethodDeclaration(n) || ts.isConstructorDeclaration(n) || ts.isAccessor(n) || ts.isPropertyDeclaration(n) || ts.isFunctionDeclaration(n)) member = n
		else if (ts.isVariableDeclaration(n) && ts.isVariableStatement(n.parent?.parent) && ts.isSourceFile(n.parent.parent.parent)) member = n
	}
	const name = !member ? '' : ts.isConstructorDeclaration(member) ? 'init' : member.name ? member.name.getText() : ''
	return `${cls}.${name}`
}
