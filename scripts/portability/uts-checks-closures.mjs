// The rules about functions and references that no compiler here sees (Swift, ArkTS) and that the
// generated Kotlin only reports as a cryptic error: self-referencing function expressions, use before
// declaration, comparing closures, mutating copies of arrays, and reference cycles through closures.
import { ts } from './uts-program.mjs'
import { enclosingFunction, forEachValueIdentifier, isArrayType, isFunctionNode, isFunctionType, isInside, skipParens, symbolOf, unwrap } from './ts-util.mjs'

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken])
const SEARCH = new Set(['indexOf', 'lastIndexOf', 'includes'])
const MUTATORS = new Set(['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin'])
const isNullLiteral = (e) => e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined')

export function closureRules(ctx) {
	const { checker, report } = ctx
	// One report per array alias or parameter, at its declaration (one suppression covers all its writes).
	const reportedAliases = new Set()

	// function.md: "在函数表达式中不可以访问未声明的变量或函数（包括自身）".
	function selfReference(node) {
		let fn = null
		let nameNode = null
		if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isFunctionNode(unwrap(node.initializer))) {
			fn = unwrap(node.initializer)
			nameNode = node.name
		} else if (ts.isFunctionExpression(node) && node.name) {
			fn = node
			nameNode = node.name
		} else if (ts.isFunctionDeclaration(node) && node.name && node.body) {
			fn = node
			nameNode = node.name
		} else return
		const self = checker.getSymbolAtLocation(nameNode)
		if (!self) return
		forEachValueIdentifier(fn.body, (id) => {
			if (symbolOf(checker, id) !== self) return
			// A function declaration calling itself is plain recursion; only its use as a value is in the doc.
			if (ts.isFunctionDeclaration(fn) && ts.isCallExpression(id.parent) && id.parent.expression === id) return
			report(id, 'fn-expr-self-reference', `'${id.text}' is used inside the function that initializes it; the generated closure cannot refer to itself`)
		})
	}

	// README.md: in local scope Kotlin needs functions and variables first, Swift and ArkTS variables first.
	function useBeforeDeclaration(id) {
		const sym = symbolOf(checker, id)
		const decl = sym && (sym.valueDeclaration ?? sym.declarations?.[0])
		if (!decl || decl.getSourceFile() !== id.getSourceFile()) return
		const isVar = ts.isVariableDeclaration(decl) && !ts.isCatchClause(decl.parent)
		if (!isVar && !ts.isFunctionDeclaration(decl)) return
		if (!enclosingFunction(decl) || decl.getStart() <= id.getStart() || isInside(id, decl)) return
		const what = isVar ? 'local variable' : 'local function'
		report(id, 'use-before-declaration', `${what} '${id.text}' is used before its declaration (line ${lineOf(decl)})`, isVar ? {} : { platforms: ['app-android'] })
	}

	function functionEquality(node) {
		if (ts.isBinaryExpression(node) && EQUALITY.has(node.operatorToken.kind)) {
			if (isNullLiteral(node.left) || isNullLiteral(node.right)) return
			if (isFunctionType(checker.getTypeAtLocation(node.left)) || isFunctionType(checker.getTypeAtLocation(node.right))) {
				report(node, 'function-equality', `compares function values with ${node.operatorToken.getText()}; Swift closures are not Equatable`)
			}
		} else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && SEARCH.has(node.expression.name.text)) {
			const arg = node.arguments[0]
			if (arg && isFunctionType(checker.getTypeAtLocation(arg))) report(node, 'function-equality', `${node.expression.name.text}() looks for a function value; Swift closures are not Equatable`)
		} else if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && (node.typeName.text === 'Set' || node.typeName.text === 'Map')) {
			const key = node.typeArguments?.[0]
			if (key && isFunctionType(checker.getTypeFromTypeNode(key))) report(node, 'function-equality', `${node.typeName.text} keyed by a function type; Swift closures are not Hashable`)
		}
	}

	// data-type.md: "Swift 中的 Array 是值类型".
	function arrayMutation(node) {
		let receiver = null
		let how = ''
		if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && MUTATORS.has(node.expression.name.text)) {
			receiver = node.expression.expression
			how = `.${node.expression.name.text}()`
		} else if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) {
			const left = skipParens(node.left)
			if (ts.isElementAccessExpression(left)) [receiver, how] = [left.expression, 'an element assignment']
			else if (ts.isPropertyAccessExpression(left) && left.name.text === 'length') [receiver, how] = [left.expression, 'a length assignment']
		} else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && isIncrement(node.operator) && ts.isElementAccessExpression(skipParens(node.operand))) {
			receiver = skipParens(node.operand).expression
			how = 'an element increment'
		}
		if (!receiver) return
		const r = skipParens(receiver)
		if (!isArrayType(checker, checker.getTypeAtLocation(r))) return
		if (ts.isAsExpression(r) || ts.isTypeAssertionExpression(r)) {
			report(node, 'array-mutation-through-copy', `${how} on a cast array (${r.getText()}): in Swift the cast (as!) is a copy and the change is lost`)
			return
		}
		if (!ts.isIdentifier(r)) return
		const decl = symbolOf(checker, r)?.valueDeclaration
		if (!decl || reportedAliases.has(decl)) return
		if (ts.isParameter(decl)) {
			reportedAliases.add(decl)
			report(decl, 'array-mutation-through-copy', `parameter '${r.text}' is changed by ${how} (line ${lineOf(node)}); Swift parameters are constant copies`)
		} else if (ts.isVariableDeclaration(decl) && decl.initializer && isAliasOfHeldArray(decl.initializer)) {
			reportedAliases.add(decl)
			report(decl, 'array-mutation-through-copy', `'${r.text}' is a copy of ${skipParens(decl.initializer).getText()} in Swift, yet it is changed by ${how} (line ${lineOf(node)}); the original does not see it`)
		}
	}

	// The array lives elsewhere: a field, an element, a map entry, another variable.
	function isAliasOfHeldArray(init) {
		const e = skipParens(init)
		if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return true
		if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'get') return true
		if (ts.isIdentifier(e)) return true
		return false
	}

	// A field of this class holding a closure over this, or an object built with one: an ARC cycle in Swift.
	function storedClosure(node) {
		let value = null
		let field = ''
		if (ts.isPropertyDeclaration(node) && node.initializer && !isStatic(node) && ts.isClassLike(node.parent)) {
			value = node.initializer
			field = node.name.getText()
		} else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
			const left = skipParens(node.left)
			if (!ts.isPropertyAccessExpression(left) || left.expression.kind !== ts.SyntaxKind.ThisKeyword || !thisIsInstance(node)) return
			value = node.right
			field = left.name.text
		} else return
		const v = unwrap(value)
		if (isFunctionNode(v) && usesThis(v)) {
			report(node, 'stored-closure-captures-this', `this.${field} stores a closure that uses this: a strong reference cycle in Swift`)
		} else if (ts.isNewExpression(v)) {
			const culprit = (v.arguments ?? []).map(unwrap).find((a) => a.kind === ts.SyntaxKind.ThisKeyword || (isFunctionNode(a) && usesThis(a)))
			if (culprit) {
				const what = culprit.kind === ts.SyntaxKind.ThisKeyword ? 'this' : 'a closure that uses this'
				report(node, 'stored-closure-captures-this', `this.${field} stores a ${v.expression.getText()} built with ${what}: a strong reference cycle in Swift`)
			}
		}
	}

	return (node) => {
		selfReference(node)
		if (ts.isIdentifier(node)) {
			const p = node.parent
			const valuePosition = !(ts.isPropertyAccessExpression(p) && p.name === node) && !ts.isTypeReferenceNode(p) && !(ts.isPropertyAssignment(p) && p.name === node)
			if (valuePosition) useBeforeDeclaration(node)
		}
		functionEquality(node)
		arrayMutation(node)
		storedClosure(node)
	}
}

const isAssignment = (k) => k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment
const isIncrement = (op) => op === ts.SyntaxKind.PlusPlusToken || op === ts.SyntaxKind.MinusMinusToken
const isStatic = (n) => (ts.getCombinedModifierFlags(n) & ts.ModifierFlags.Static) !== 0
const lineOf = (n) => n.getSourceFile().getLineAndCharacterOfPosition(n.getStart()).line + 1

/** this refers to an instance of the enclosing class: inside a constructor, method or accessor, through arrows only. */
function thisIsInstance(node) {
	for (let p = node.parent; p; p = p.parent) {
		if (ts.isArrowFunction(p)) continue
		if (ts.isConstructorDeclaration(p) || ts.isAccessor(p)) return true
		if (ts.isMethodDeclaration(p)) return !isStatic(p)
		if (ts.isFunctionLike(p) || ts.isClassLike(p) || ts.isSourceFile(p)) return false
	}
	return false
}

function usesThis(fn) {
	let found = false
	const visit = (n) => {
		if (found || ts.isClassLike(n) || ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return
		if (n.kind === ts.SyntaxKind.ThisKeyword) found = true
		else ts.forEachChild(n, visit)
	}
	ts.forEachChild(fn, visit)
	return found
}
