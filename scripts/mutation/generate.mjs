// Generates mutants of one source file from its TypeScript syntax tree, applying Stryker's mutator set
// (https://stryker-mutator.io/docs/mutation-testing-elements/supported-mutators/). Stryker itself cannot read `.uts`:
// its instrumenter picks a parser by file extension and has none for it, so this applies the same rules here.
// A `.uts` file of this project is TypeScript-compatible UTS (DESIGN.md), so TypeScript's parser reads it.
//
// Each mutant: { file, start, end, replacement, mutator, original, line, fn, key }. `key` identifies the mutant
// without its line number (file, enclosing function, mutator, original text -> replacement, n-th such occurrence in
// that function), so a list of equivalent mutants survives edits elsewhere in the file.
import ts from 'typescript'

const STRYKER = 'Stryker was here!'

const ARITHMETIC = { '+': ['-'], '-': ['+'], '*': ['/'], '/': ['*'], '%': ['*'] }
const EQUALITY = {
  '<': ['<=', '>='], '<=': ['<', '>'], '>': ['>=', '<='], '>=': ['>', '<'],
  '==': ['!='], '!=': ['=='], '===': ['!=='], '!==': ['===']
}
const LOGICAL = { '&&': ['||'], '||': ['&&'], '??': ['&&'] }
const ASSIGNMENT = { '+=': ['-='], '-=': ['+='], '*=': ['/='], '/=': ['*='], '%=': ['*='], '&&=': ['||='], '||=': ['&&='], '??=': ['&&='],
  '<<=': ['>>='], '>>=': ['<<='], '&=': ['|='], '|=': ['&='] }
// Stryker's MethodExpression pairs that exist on the types this code uses.
const METHODS = { startsWith: 'endsWith', endsWith: 'startsWith', toUpperCase: 'toLowerCase', toLowerCase: 'toUpperCase',
  some: 'every', every: 'some', trimStart: 'trimEnd', trimEnd: 'trimStart', indexOf: 'lastIndexOf', lastIndexOf: 'indexOf' }
// Calls whose removal only drops the call: Stryker's MethodExpression replaces `x.trim()` by `x`.
const DROP_CALL = new Set(['trim', 'substring', 'slice', 'toLowerCase', 'toUpperCase'])

const BOOLEAN_OPS = new Set(['<', '<=', '>', '>=', '==', '!=', '===', '!==', '&&', '||'])

function isTypePosition(node) {
  for (let n = node; n; n = n.parent) {
    if (ts.isTypeNode(n) || ts.isTypeAliasDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isImportDeclaration(n) || ts.isExportDeclaration(n) ||
      ts.isImportEqualsDeclaration(n) || ts.isModuleDeclaration(n) || ts.isEnumDeclaration(n)) return true
    if (ts.isBlock(n) || ts.isSourceFile(n)) return false
  }
  return false
}

function isConditionTest(node) {
  let n = node
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent
  const p = n.parent
  return ((ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) && p.expression === n) || (ts.isForStatement(p) && p.condition === n) ||
    (ts.isConditionalExpression(p) && p.condition === n)
}

/** An empty array literal whose declared type (of the field, variable or parameter it initialises) allows a string. */
function holdsStrings(node) {
  const p = node.parent
  let type = (ts.isPropertyDeclaration(p) || ts.isVariableDeclaration(p) || ts.isParameter(p)) && p.initializer === node ? p.type : null
  // `this.field = []`: the field's declared type.
  if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === node && ts.isPropertyAccessExpression(p.left) &&
    p.left.expression.kind === ts.SyntaxKind.ThisKeyword) {
    let cls = p
    while (cls && !ts.isClassDeclaration(cls)) cls = cls.parent
    const field = cls?.members.find((m) => ts.isPropertyDeclaration(m) && m.name.getText() === p.left.name.text)
    type = field?.type ?? null
  }
  if (!type) return true
  const element = ts.isArrayTypeNode(type) ? type.elementType : null
  return element == null || element.kind === ts.SyntaxKind.StringKeyword || element.kind === ts.SyntaxKind.AnyKeyword
}

/** A call compared only with -1 (`!= -1`, `== -1`, `!== -1`, `=== -1`) or 0 (`>= 0`, `< 0`): a presence test. */
function onlyTestsPresence(call) {
  let n = call
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent
  const p = n.parent
  if (!ts.isBinaryExpression(p)) return false
  const other = (p.left === n ? p.right : p.left).getText().replace(/\s/g, '')
  const op = p.operatorToken.kind
  const K = ts.SyntaxKind
  if (other === '-1') return [K.ExclamationEqualsToken, K.EqualsEqualsToken, K.ExclamationEqualsEqualsToken, K.EqualsEqualsEqualsToken].includes(op)
  if (other === '0' && p.left === n) return op === K.GreaterThanEqualsToken || op === K.LessThanToken
  return false
}

function hasDeclareModifier(node) {
  return (ts.getModifiers?.(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)
}

/** console.* calls: logging only (Stryker's `ignoreStatic`-like exclusion of output; their text is not behaviour under test). */
function insideConsoleCall(node) {
  for (let n = node; n; n = n.parent) {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ts.isIdentifier(n.expression.expression) && n.expression.expression.text === 'console') return true
    if (ts.isBlock(n) || ts.isSourceFile(n)) return false
  }
  return false
}

function functionName(node) {
  const names = []
  for (let n = node.parent; n; n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isClassDeclaration(n) || ts.isGetAccessor(n) || ts.isSetAccessor(n)) && n.name) names.unshift(n.name.getText())
    else if (ts.isConstructorDeclaration(n)) names.unshift('constructor')
    else if (ts.isVariableDeclaration(n) && n.name && ts.isIdentifier(n.name) && n.initializer && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))) names.unshift(n.name.text)
    else if (ts.isPropertyAssignment(n) && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))) names.unshift(n.name.getText())
    else if (ts.isPropertyDeclaration(n) && n.name) names.unshift(n.name.getText())
  }
  return names.join('.') || '(top)'
}

const squash = (s) => s.replace(/\s+/g, ' ').trim()

/** The mutants of one source text. `file` is only copied into each mutant. */
export function generateMutants(text, file) {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const out = []
  const add = (node, replacement, mutator, start = node.getStart(sf), end = node.getEnd()) => {
    const original = text.slice(start, end)
    if (original === replacement) return
    out.push({ file, start, end, replacement, mutator, original, line: sf.getLineAndCharacterOfPosition(start).line + 1, fn: functionName(node) })
  }
  const opToken = (node) => ts.tokenToString(node.operatorToken.kind)

  const visit = (node) => {
    if (isTypePosition(node) || hasDeclareModifier(node)) return
    if (insideConsoleCall(node) && ts.isCallExpression(node)) return

    // BlockStatement: a non-empty body or block becomes empty.
    if (ts.isBlock(node) && node.statements.length > 0) add(node, '{}', 'BlockStatement')

    // Statement removal: each statement of a block with more than one (a single one is the block mutant already).
    if ((ts.isBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) && node.statements.length > 1) {
      for (const st of node.statements) {
        if (ts.isExpressionStatement(st) || ts.isReturnStatement(st) || ts.isBreakStatement(st) || ts.isContinueStatement(st) || ts.isIfStatement(st) ||
          ts.isForStatement(st) || ts.isWhileStatement(st) || ts.isThrowStatement(st)) {
          if (ts.isExpressionStatement(st) && insideConsoleCall(st.expression)) continue
          add(st, ts.isIfStatement(st) || ts.isForStatement(st) || ts.isWhileStatement(st) ? '{}' : ';', 'StatementRemoval')
        }
      }
    }

    // ConditionalExpression: conditions of if/while/for/?: forced true and false (loops: false only, as Stryker).
    if (ts.isIfStatement(node)) { add(node.expression, 'true', 'ConditionalExpression'); add(node.expression, 'false', 'ConditionalExpression') }
    if (ts.isWhileStatement(node) || ts.isDoStatement(node)) add(node.expression, 'false', 'ConditionalExpression')
    if (ts.isForStatement(node) && node.condition) add(node.condition, 'false', 'ConditionalExpression')
    if (ts.isConditionalExpression(node)) { add(node.condition, 'true', 'ConditionalExpression'); add(node.condition, 'false', 'ConditionalExpression') }

    if (ts.isBinaryExpression(node)) {
      const op = opToken(node)
      const opStart = node.operatorToken.getStart(sf)
      const opEnd = node.operatorToken.getEnd()
      const swap = (to, mutator) => {
        const original = text.slice(node.getStart(sf), node.getEnd())
        const replacement = text.slice(node.getStart(sf), opStart) + to + text.slice(opEnd, node.getEnd())
        if (original !== replacement) add(node, replacement, mutator)
      }
      if (ARITHMETIC[op]) {
        const stringy = (e) => ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isTemplateExpression(e)
        if (!(op === '+' && (stringy(node.left) || stringy(node.right)))) for (const to of ARITHMETIC[op]) swap(to, 'ArithmeticOperator')
      }
      if (EQUALITY[op]) for (const to of EQUALITY[op]) swap(to, 'EqualityOperator')
      if (LOGICAL[op]) for (const to of LOGICAL[op]) swap(to, 'LogicalOperator')
      if (ASSIGNMENT[op]) for (const to of ASSIGNMENT[op]) swap(to, 'AssignmentOperator')
      // ConditionalExpression on a boolean expression outside a condition test (Stryker: an operand of `||` only
      // false, of `&&` only true; the other value is the operator's own mutant).
      if (BOOLEAN_OPS.has(op) && !isConditionTest(node)) {
        const parent = ts.isParenthesizedExpression(node.parent) ? node.parent.parent : node.parent
        const pop = ts.isBinaryExpression(parent) ? opToken(parent) : null
        if (pop !== '||') add(node, 'true', 'ConditionalExpression')
        if (pop !== '&&') add(node, 'false', 'ConditionalExpression')
      }
    }

    // BooleanLiteral: true <-> false; `!x` -> `x`.
    if (node.kind === ts.SyntaxKind.TrueKeyword) add(node, 'false', 'BooleanLiteral')
    if (node.kind === ts.SyntaxKind.FalseKeyword) add(node, 'true', 'BooleanLiteral')
    if (ts.isPrefixUnaryExpression(node)) {
      const t = node.operator
      const operand = node.operand.getText(sf)
      if (t === ts.SyntaxKind.ExclamationToken) add(node, operand, 'BooleanLiteral')
      if (t === ts.SyntaxKind.MinusToken && !ts.isNumericLiteral(node.operand)) add(node, '+' + operand, 'UnaryOperator')
      if (t === ts.SyntaxKind.PlusToken) add(node, '-' + operand, 'UnaryOperator')
      if (t === ts.SyntaxKind.TildeToken) add(node, operand, 'UnaryOperator')
      if (t === ts.SyntaxKind.PlusPlusToken) add(node, '--' + operand, 'UpdateOperator')
      if (t === ts.SyntaxKind.MinusMinusToken) add(node, '++' + operand, 'UpdateOperator')
    }
    if (ts.isPostfixUnaryExpression(node)) {
      const operand = node.operand.getText(sf)
      add(node, operand + (node.operator === ts.SyntaxKind.PlusPlusToken ? '--' : '++'), 'UpdateOperator')
    }

    // StringLiteral: non-empty -> "", empty -> "Stryker was here!" (not object keys, imports, `case` labels of types).
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !insideConsoleCall(node)) {
      const p = node.parent
      const isKey = (ts.isPropertyAssignment(p) && p.name === node) || ts.isLiteralTypeNode(p) || (ts.isElementAccessExpression(p) && p.argumentExpression === node && false)
      if (!isKey) add(node, node.text.length > 0 ? "''" : `'${STRYKER}'`, 'StringLiteral')
    }
    if (ts.isTemplateExpression(node) && !insideConsoleCall(node)) add(node, '``', 'StringLiteral')

    // ArrayDeclaration: [] -> ["Stryker was here"], [a, b] -> [].
    // Not into an array declared with another element type (a Listener[] field, a number[] local): UTS is typed, so
    // Stryker's TypeScript checker would reject that mutant as a compile error; here it is not generated.
    if (ts.isArrayLiteralExpression(node) && (node.elements.length || holdsStrings(node))) add(node, node.elements.length ? '[]' : `['${STRYKER}']`, 'ArrayDeclaration')

    // ObjectLiteral: {a: 1} -> {} (Stryker's ObjectLiteral).
    if (ts.isObjectLiteralExpression(node) && node.properties.length > 0) add(node, '{}', 'ObjectLiteral')

    // OptionalChaining: a?.b -> a.b, a?.[i] -> a[i], f?.() -> f().
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) && node.questionDotToken) {
      const q = node.questionDotToken
      const after = text.slice(q.getEnd(), q.getEnd() + 1)
      add(node, text.slice(node.getStart(sf), q.getStart(sf)) + (after === '[' || after === '(' ? '' : '.') + text.slice(q.getEnd(), node.getEnd()), 'OptionalChaining')
    }

    // MethodExpression: startsWith <-> endsWith and the like; x.trim() -> x.
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const name = node.expression.name.text
      // indexOf <-> lastIndexOf only where the position matters: `x.indexOf(c) != -1` (or == -1, >= 0, < 0) asks whether
      // c occurs at all, which both answer alike, so that mutant could never be killed.
      if (METHODS[name] && !((name === 'indexOf' || name === 'lastIndexOf') && onlyTestsPresence(node))) add(node.expression.name, METHODS[name], 'MethodExpression')
      if (DROP_CALL.has(name)) add(node, node.expression.expression.getText(sf), 'MethodExpression')
    }

    ts.forEachChild(node, visit)
  }
  ts.forEachChild(sf, visit)

  // One mutant per distinct edit (the same text can come from two rules).
  const unique = new Map()
  for (const m of out) if (!unique.has(`${m.start}:${m.end}:${m.replacement}`)) unique.set(`${m.start}:${m.end}:${m.replacement}`, m)
  out.length = 0
  out.push(...[...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end))
  // Keys without line numbers: n-th occurrence of the same (fn, mutator, original, replacement).
  const seen = new Map()
  for (const m of out) {
    const base = `${file}|${m.fn}|${m.mutator}|${squash(m.original).slice(0, 160)} => ${squash(m.replacement).slice(0, 160)}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    m.key = n === 1 ? base : `${base}|#${n}`
  }
  return out
}

/** The source text with one mutant applied. */
export function applyMutant(text, m) {
  return text.slice(0, m.start) + m.replacement + text.slice(m.end)
}
