// The tables of a markdown file, parsed by marked's lexer (GFM): [{ line, header: [text], rows: [[cell]] }], each
// cell { text, code: [the text of each inline code span] }. Docs tests read options and error codes from here.
import { Lexer } from 'marked'

function codeSpans(tokens, out = []) {
  for (const t of tokens ?? []) {
    if (t.type === 'codespan') out.push(t.text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
    codeSpans(t.tokens, out)
  }
  return out
}

/** Every table of a markdown text. */
export function markdownTables(text) {
  const tables = []
  let line = 1
  for (const token of new Lexer({ gfm: true }).lex(text)) {
    if (token.type === 'table') {
      const cell = (c) => ({ text: c.text, code: codeSpans(c.tokens) })
      tables.push({ line, header: token.header.map((h) => h.text.trim()), rows: token.rows.map((r) => r.map(cell)) })
    }
    line += (token.raw.match(/\n/g) ?? []).length
  }
  return tables
}

