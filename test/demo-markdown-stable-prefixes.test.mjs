// The demo's Markdown for streamed replies (common/markdown.uts), in Node with the same markdown-it the page bundles:
// at every point of the stream (each character of the mock's Markdown replies, English and Chinese) what is shown is
// a prefix of the final text, a table only ever shows whole rows of the final table, code never shows outside a code
// block, a fence being opened or closed never flashes as text; and raw HTML or a javascript: link from the model
// renders as text. Checked on markdown-it's token tree of what would be shown, not on HTML text.
import MarkdownIt from 'markdown-it'
import { describe, expect, test } from 'vitest'
import { renderMarkdown, renderReply, stableMarkdown } from '../common/markdown.uts'
import { mockReply } from '../server/chat.mjs'

const md = new MarkdownIt({ html: false })
const REPLIES = { en: mockReply('Show me Markdown'), zh: mockReply('用 Markdown 展示一个表格和一段代码') }

/** The blocks of a Markdown text: tables as rows of cell texts, code blocks, and the inline text of everything else. */
function blocks(text) {
  const tokens = md.parse(text, {})
  const tables = []
  const code = []
  const inline = []
  let table = null
  let row = null
  let inTable = false
  for (const t of tokens) {
    if (t.type === 'table_open') { inTable = true; table = []; tables.push(table) }
    else if (t.type === 'table_close') inTable = false
    else if (t.type === 'tr_open') { row = []; table.push(row) }
    else if (t.type === 'inline' && inTable) row.push(t.content)
    else if (t.type === 'inline') inline.push(t.content)
    else if (t.type === 'fence' || t.type === 'code_block') code.push(t.content)
  }
  return { tables, code, inline }
}

describe('stableMarkdown while a Markdown reply streams', () => {
  for (const [lang, reply] of Object.entries(REPLIES)) {
    test(`${lang}: every prefix shows whole table rows, code only as code, and a prefix of the final text`, () => {
      const final = blocks(reply)
      expect(final.tables.length).toBe(1)
      expect(final.code.length).toBe(1)
      let sawOpenFence = false
      let sawPartialTable = false
      for (let i = 1; i <= reply.length; i++) {
        const shown = stableMarkdown(reply.slice(0, i))
        expect(reply.startsWith(shown), `prefix ${i}`).toBe(true)
        const now = blocks(shown)
        for (const table of now.tables) {
          // Rows appear whole, with the final cells: never half a row, never a header without its table.
          expect(final.tables[0].slice(0, table.length), `prefix ${i}`).toEqual(table)
          if (table.length < final.tables[0].length) sawPartialTable = true
        }
        for (const text of now.inline) {
          expect(text, `prefix ${i}: table or fence text shown as a paragraph`).not.toMatch(/^\||```|~~~/m)
        }
        for (const c of now.code) {
          expect(final.code[0].startsWith(c), `prefix ${i}`).toBe(true)
          // The closing fence being written never shows as code.
          expect(c, `prefix ${i}`).not.toMatch(/`/)
          if (c.length > 0 && c.length < final.code[0].length) sawOpenFence = true
        }
      }
      // The stream did pass through an unclosed fence with code in it, and a table with some of its rows.
      expect(sawOpenFence).toBe(true)
      expect(sawPartialTable).toBe(true)
      expect(stableMarkdown(reply)).toBe(reply)
    })
  }

  test('a header row waits for its delimiter row; a partial row, fence or underline waits for its line end', () => {
    expect(stableMarkdown('Intro\n\n| a | b |\n')).toBe('Intro\n\n')
    expect(stableMarkdown('Intro\n\n| a | b |\n| --- | -')).toBe('Intro\n\n')
    expect(stableMarkdown('| a | b |\n| --- | --- |\n| 1 | 2')).toBe('| a | b |\n| --- | --- |\n')
    expect(stableMarkdown('Text\n``')).toBe('Text\n')
    expect(stableMarkdown('Title\n--')).toBe('Title\n')
    expect(stableMarkdown('```js\nconst a = 1\n``')).toBe('```js\nconst a = 1\n')
    expect(stableMarkdown('```js\nconst a = 1\nconst b')).toBe('```js\nconst a = 1\nconst b')
    expect(stableMarkdown('Plain text still bein')).toBe('Plain text still bein')
    expect(stableMarkdown('- a list ite')).toBe('- a list ite')
    // Pipes inside an open fence are code, shown as they come.
    expect(stableMarkdown('```\n| not a table')).toBe('```\n| not a table')
  })
})

describe('renderMarkdown', () => {
  test('a heading, a list, a table and a code block become styled HTML for rich-text', () => {
    const html = renderReply(REPLIES.en, false)
    for (const tag of ['<h2 style=', '<ol style=', '<li style=', '<table style=', '<th style=', '<td style=', '<pre style=', '<code style=', '<strong>', '<blockquote style=']) expect(html).toContain(tag)
    // The :---: column keeps its alignment next to the cell style.
    expect(html).toMatch(/<td style="[^"]*;text-align:center">yes<\/td>/)
    expect(html).toContain('<a href="https://html.spec.whatwg.org/multipage/server-sent-events.html" style=')
  })

  test('raw HTML from the model is text, a javascript: link is not a link', () => {
    const html = renderMarkdown('<img src="x" onerror="alert(1)"><script>alert(2)</script> [x](javascript:alert(3)) [y](JAVASCRIPT:alert(4)) <a href="javascript:alert(5)">z</a>')
    expect(html).not.toMatch(/<img|<script|<a /i)
    expect(html).toContain('&lt;img src=&quot;x&quot; onerror=&quot;alert(1)&quot;&gt;')
    expect(html).toContain('[x](javascript:alert(3))')
    expect(renderMarkdown('```\n<script>alert(1)</script>\n```')).toBe('<pre style="' + renderMarkdown('```\nx\n```').match(/style="([^"]*)"/)[1] + '">&lt;script&gt;alert(1)&lt;/script&gt;\n</pre>')
    expect(renderMarkdown('')).toBe('')
  })
})
