// The rules about single constructs DCloud lists as unsupported or different on the native targets
// (uts_diff_ts.md, data-type.md, operator.md, control.md, function.md, compiler-known-issues.md); rules.mjs has the lines.
import { ts } from './uts-program.mjs'
import { isBooleanOrUnknown, isErrorType, isFunctionType, isNumberOrUnknown, isValueType, skipParens, typeName } from './ts-util.mjs'

const K = ts.SyntaxKind
const isAssignment = (k) => k >= K.FirstAssignment && k <= K.LastAssignment

export function syntaxRules(ctx) {
	const { checker, report } = ctx
	const typeOf = (n) => checker.getTypeAtLocation(n)
	const conditionsSeen = new Set()

	// uts_diff_ts.md @uts110111120: conditions must be boolean. Walks through !, && and ||, reports leaves.
	function checkCondition(e) {
		const n = skipParens(e)
		conditionsSeen.add(n)
		if (ts.isPrefixUnaryExpression(n) && n.operator === K.ExclamationToken) return checkCondition(n.operand)
		if (ts.isBinaryExpression(n) && (n.operatorToken.kind === K.AmpersandAmpersandToken || n.operatorToken.kind === K.BarBarToken)) {
			checkCondition(n.left)
			checkCondition(n.right)
			return
		}
		// i < list.size as Int: in UTS the cast binds to list.size, TypeScript reads (i < list.size) as Int.
		if (ts.isAsExpression(n)) return
		const t = typeOf(n)
		if (!isBooleanOrUnknown(t)) report(n, 'non-boolean-condition', `condition of type ${checker.typeToString(t)}; write an explicit comparison`)
	}

	// An `any` that came from the code (a declared any, or an index into UTSJSONObject / any), not from an unresolved native type.
	function isDeclaredAny(e, depth = 0) {
		const n = skipParens(e)
		const t = typeOf(n)
		if (!(t.flags & ts.TypeFlags.Any) || isErrorType(t) || depth > 8) return false
		if (ts.isIdentifier(n)) {
			const decl = checker.getSymbolAtLocation(n)?.valueDeclaration
			if (!decl || (ts.isParameter(decl) && decl.dotDotDotToken)) return false // ...args: any is an array
			if (decl.type) return typeNodeIsAny(decl.type)
			return ts.isVariableDeclaration(decl) && !!decl.initializer && isDeclaredAny(decl.initializer, depth + 1)
		}
		if (ts.isElementAccessExpression(n)) {
			const obj = checker.getNonNullableType(typeOf(n.expression))
			return typeName(obj) === 'UTSJSONObject' || isDeclaredAny(n.expression, depth + 1) || (checker.isArrayType(obj) && isDeclaredAnyElement(obj))
		}
		if (ts.isPropertyAccessExpression(n)) {
			const decl = checker.getSymbolAtLocation(n.name)?.valueDeclaration
			return !!(decl && decl.type && typeNodeIsAny(decl.type))
		}
		return false
	}
	const isDeclaredAnyElement = (arr) => {
		const el = checker.getTypeArguments(arr)[0]
		return !!el && (el.flags & ts.TypeFlags.Any) !== 0 && !isErrorType(el)
	}

	// A local or parameter declared nullable and used where the checker has narrowed it (after if (x != null), typeof, ...):
	// the uni-app (Vue) Swift keeps no narrowing, so there x is still an Optional. Fine where null is accepted anyway
	// (a nullable target, ==, ??, typeof) or where the code says x!.
	const nullish = ts.TypeFlags.Null | ts.TypeFlags.Undefined
	const hasNull = (t) => !!(t.flags & nullish) || (t.isUnion() && t.types.some((u) => u.flags & nullish))
	function checkNarrowedOptional(node) {
		const p = node.parent
		if (!p || !ts.isExpression(node) || ts.isNonNullExpression(p) || ts.isTypeOfExpression(p)) return
		if ((ts.isPropertyAccessExpression(p) && p.name === node) || (ts.isShorthandPropertyAssignment(p))) return
		if (ts.isBinaryExpression(p) && (isAssignment(p.operatorToken.kind) && p.left === node || [K.EqualsEqualsToken, K.ExclamationEqualsToken, K.EqualsEqualsEqualsToken, K.ExclamationEqualsEqualsToken, K.QuestionQuestionToken, K.AmpersandAmpersandToken, K.BarBarToken].includes(p.operatorToken.kind))) return
		if (ts.isPrefixUnaryExpression(p) && p.operator === K.ExclamationToken) return
		const symbol = checker.getSymbolAtLocation(node)
		const decl = symbol?.valueDeclaration
		if (!decl || !(ts.isVariableDeclaration(decl) || ts.isParameter(decl))) return
		const declared = decl.type ? checker.getTypeFromTypeNode(decl.type) : checker.getTypeOfSymbol(symbol)
		if (!hasNull(declared)) return
		const here = typeOf(node)
		if (hasNull(here) || here.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return
		const contextual = checker.getContextualType(node)
		if (contextual && (hasNull(contextual) || contextual.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown))) return
		if (ts.isAsExpression(p) || ts.isParenthesizedExpression(p) && ts.isAsExpression(p.parent)) return // an explicit cast converts
		report(node, 'narrowed-optional-without-unwrap', `${node.text} is declared ${checker.typeToString(declared)} and used as ${checker.typeToString(here)} after a check; the uni-app (Vue) Swift keeps it optional: write ${node.text}!`)
	}

	return (node) => {
		switch (node.kind) {
			case K.Identifier:
				if (isValueName(node)) checkNarrowedOptional(node)
				if (isValueName(node) && node.text === 'undefined') report(node, 'no-undefined', 'undefined does not exist on Kotlin/Swift; use null')
				if (isValueName(node) && node.text === 'globalThis') report(node, 'global-this', 'globalThis does not exist on the native targets')
				break
			case K.UndefinedKeyword:
				report(node, 'no-undefined', 'the undefined type does not exist on Kotlin/Swift; use | null')
				break
			case K.VoidExpression:
				report(node, 'void-operator', 'the void operator yields undefined (JavaScript only)')
				break
			case K.ForInStatement:
				report(node, 'for-in', 'for..in yields indices on the web but values on Android/iOS')
				break
			case K.DeleteExpression:
				report(node, 'delete-operator', 'delete is not supported; set null or use a Map')
				break
			case K.SpreadElement:
				if (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent)) report(node, 'spread-argument', 'spread into call arguments is not translated for Swift')
				break
			case K.ObjectBindingPattern: {
				const holder = node.parent
				const source = ts.isVariableDeclaration(holder) ? holder.initializer : ts.isParameter(holder) ? holder.name : null
				if (!source) break
				const t = checker.getNonNullableType(typeOf(source))
				const json = typeName(t) === 'UTSJSONObject' || ((t.flags & ts.TypeFlags.Any) !== 0 && !isErrorType(t)) || (t.getSymbol() && (t.getSymbol().flags & ts.SymbolFlags.ObjectLiteral) !== 0)
				if (json) report(node, 'destructuring-json', `destructures a ${checker.typeToString(t)}; read the fields instead`)
				break
			}
			case K.ThrowStatement:
				if (node.expression && isValueType(typeOf(node.expression))) report(node, 'throw-non-error', 'only error objects can be thrown on Kotlin/Swift')
				break
			case K.IfStatement:
			case K.WhileStatement:
			case K.DoStatement:
				checkCondition(node.expression)
				break
			case K.ForStatement:
				if (node.condition) checkCondition(node.condition)
				break
			case K.ConditionalExpression:
				checkCondition(node.condition)
				break
			case K.PrefixUnaryExpression:
				if (node.operator === K.ExclamationToken && !conditionsSeen.has(node)) checkCondition(node)
				if ((node.operator === K.PlusToken || node.operator === K.MinusToken || node.operator === K.TildeToken) && !isNumberOrUnknown(typeOf(node.operand))) {
					report(node, 'unary-on-non-number', `unary ${ts.tokenToString(node.operator)} on ${checker.typeToString(typeOf(node.operand))}`)
				}
				break
			case K.ElementAccessExpression: {
				let t = checker.getNonNullableType(typeOf(node.expression))
				if (t.isTypeParameter()) t = checker.getBaseConstraintOfType(t) ?? t
				const s = t.getSymbol()
				if (s && s.flags & ts.SymbolFlags.Class && s.getName() !== 'UTSJSONObject') report(node, 'class-index-access', `index access on an instance of class ${s.getName()}`)
				if (isDeclaredAny(node.expression)) report(node, 'any-member-access', `index into an any value (${node.expression.getText()}); cast it first`)
				break
			}
			case K.PropertyAccessExpression:
				if (!ts.isCallExpression(node.parent) && isDeclaredAny(node.expression)) report(node, 'any-member-access', `property of an any value (${node.expression.getText()}); cast it first`)
				break
			case K.CallExpression: {
				const callee = skipParens(node.expression)
				const target = ts.isPropertyAccessExpression(callee) ? callee.expression : callee
				if (isDeclaredAny(target)) report(node, 'any-member-access', `call on an any value (${target.getText()}); cast it first`)
				break
			}
			case K.BinaryExpression:
				binary(node)
				break
		}
	}

	function binary(node) {
		const op = node.operatorToken.kind
		if (op === K.AmpersandAmpersandToken || op === K.BarBarToken) {
			if (!conditionsSeen.has(node)) checkCondition(node)
		} else if (op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken) {
			const [l, r] = [typeOf(node.left), typeOf(node.right)]
			// Function operands are function-equality's; here only value types.
			if (!isFunctionType(l) && !isFunctionType(r) && (isValueType(l) || isValueType(r))) {
				report(node, 'strict-equality-on-value', `${node.operatorToken.getText()} on ${checker.typeToString(isValueType(l) ? l : r)}; use ${op === K.EqualsEqualsEqualsToken ? '==' : '!='}`)
			}
		}
		if (op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken || op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken) {
			const [a, b] = [skipParens(node.left), skipParens(node.right)]
			const isTypeofUndefined = (x, y) => ts.isTypeOfExpression(x) && ts.isStringLiteralLike(y) && y.text === 'undefined'
			if (isTypeofUndefined(a, b) || isTypeofUndefined(b, a)) report(node, 'no-undefined', 'typeof is never "undefined" on Kotlin/Swift; compare with null')
		}
		if (op === K.AmpersandAmpersandEqualsToken || op === K.BarBarEqualsToken) report(node, 'logical-assignment', `${node.operatorToken.getText()} does not exist in Kotlin/Swift`)
		if (isAssignment(op) || op === K.CommaToken) {
			const at = statementPosition(node)
			// An assignment inside a comma list is the comma's report, not a second one.
			if (op === K.CommaToken && !at.ok && !(ts.isBinaryExpression(node.parent) && node.parent.operatorToken.kind === K.CommaToken)) {
				report(node, 'comma-operator', 'comma operator outside a for (...) header')
			} else if (op !== K.CommaToken && !at.ok && !at.inComma) {
				report(node, 'assignment-as-value', 'the value of an assignment is used; assign in its own statement')
			}
		}
	}
}

/** An identifier read as a value: not a property name, declaration name or type. */
function isValueName(id) {
	const p = id.parent
	if ((ts.isPropertyAccessExpression(p) || ts.isQualifiedName(p)) && (p.name === id || p.right === id)) return false
	if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p)) && p.name === id) return false
	if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isClassDeclaration(p) || ts.isBindingElement(p)) && p.name === id) return false
	if (ts.isTypeReferenceNode(p)) return false
	return true
}

/**
 * Where an assignment or comma expression is not used as a value: an expression statement, a for (...)
 * header or an arrow's expression body. inComma: it sits in a comma list (legal only in a for header).
 */
function statementPosition(node) {
	const isComma = (x) => ts.isBinaryExpression(x) && x.operatorToken.kind === K.CommaToken
	let inComma = isComma(node)
	let n = node
	let p = n.parent
	while (ts.isParenthesizedExpression(p) || isComma(p)) {
		if (isComma(p)) inComma = true
		n = p
		p = p.parent
	}
	if (ts.isForStatement(p)) return { ok: p.initializer === n || p.incrementor === n, inComma }
	// f(label = value): UTS writes Swift/Kotlin argument labels this way (uts-for-ios.md 5.1.4); case a, b: Swift/Kotlin patterns.
	if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.includes(n)) return { ok: true, inComma }
	if (ts.isCaseClause(p)) return { ok: true, inComma }
	if (inComma) return { ok: false, inComma }
	return { ok: ts.isExpressionStatement(p) || (ts.isArrowFunction(p) && p.body === n), inComma }
}

function typeNodeIsAny(n) {
	if (ts.isParenthesizedTypeNode(n)) return typeNodeIsAny(n.type)
	if (n.kind === K.AnyKeyword) return true
	if (ts.isUnionTypeNode(n)) {
		const rest = n.types.filter((m) => !(ts.isLiteralTypeNode(m) && m.literal.kind === K.NullKeyword))
		return rest.length > 0 && rest.every(typeNodeIsAny)
	}
	return false
}
