// Per-test coverage for npm run test:mutation, as Stryker's `coverageAnalysis: "perTest"` does it: every statement
// inside a function of a target file, and every instance field initialiser, gets a counter call; one run of the reaching test files records, per test, which
// statements it executed (scripts/mutation/coverage-setup.mjs). A mutant then runs only the tests that executed the
// innermost statement around it: a test that never executes that statement cannot observe the mutant.
//
// The counter is `;globalThis.__mutHit?.(id);`: the leading `;` ends a previous statement written without one (UTS
// style), and `?.` keeps it a no-op anywhere the setup file is absent (a child process, a build).
import ts from 'typescript'

const FUNCTION_KINDS = new Set([ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.FunctionExpression, ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration, ts.SyntaxKind.Constructor, ts.SyntaxKind.GetAccessor, ts.SyntaxKind.SetAccessor])
// Declarations that run nothing where they stand.
const SKIPPED = new Set([ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.ClassDeclaration, ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration, ts.SyntaxKind.EnumDeclaration, ts.SyntaxKind.ImportDeclaration, ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.ModuleDeclaration, ts.SyntaxKind.EmptyStatement, ts.SyntaxKind.Block])

function insideFunction(node) {
  for (let n = node.parent; n; n = n.parent) if (FUNCTION_KINDS.has(n.kind)) return true
  return false
}

/**
 * The statements (and field initialisers) of `text` that get a counter: [{ start, end }] in source order (their index is their local id), and the
 * text with counters whose ids are base + index.
 */
export function instrument(text, base) {
  const sf = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const statements = []
  const edits = []
  const visit = (node) => {
    if (ts.isStatement(node) && !SKIPPED.has(node.kind) && insideFunction(node)) {
      const p = node.parent
      const id = base + statements.length
      const start = node.getStart(sf)
      statements.push({ start, end: node.getEnd() })
      const hit = `;globalThis.__mutHit?.(${id});`
      if (ts.isBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p) || ts.isSourceFile(p) || ts.isModuleBlock(p)) {
        edits.push({ at: start, text: hit })
      } else {
        // The body of an if, else or loop written without braces: wrapped in a block holding the counter.
        edits.push({ at: start, text: `{ ${hit} ` })
        edits.push({ at: node.getEnd(), text: '\n}' })
      }
    }
    // A field initialiser runs when an instance is made: counted there, as a comma expression around it.
    if (ts.isPropertyDeclaration(node) && node.initializer && !(ts.getModifiers?.(node) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) {
      const init = node.initializer
      const id = base + statements.length
      statements.push({ start: init.getStart(sf), end: init.getEnd() })
      edits.push({ at: init.getStart(sf), text: `(globalThis.__mutHit?.(${id}), (` })
      edits.push({ at: init.getEnd(), text: '))' })
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  // Applied from the end so earlier positions stay valid; at one position the later edit (an inner statement's) goes last.
  let out = text
  const order = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.at - a.at || b.i - a.i)
  for (const e of order) out = out.slice(0, e.at) + e.text + out.slice(e.at)
  return { text: out, statements }
}

/**
 * The statement whose execution a mutant needs: the innermost one around it, or (for a mutant spanning whole
 * statements, e.g. a removed function body) the first one inside it. -1 when none: module-level code, static
 * fields; such a mutant runs every test that reaches its file.
 */
export function statementOf(statements, m) {
  let best = -1
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]
    if (s.start <= m.start && m.end <= s.end && (best === -1 || s.end - s.start <= statements[best].end - statements[best].start)) best = i
  }
  if (best !== -1) return best
  for (let i = 0; i < statements.length; i++) if (statements[i].start >= m.start && statements[i].end <= m.end) return i
  return -1
}
