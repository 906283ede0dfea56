// The inline-reasoning splitter of connectChatStream (utssdk/common/chat/think-tags.uts, the same .uts every platform
// compiles): `<think>…</think>` and `###Thinking`/`###Response` at the start of a reply go to the reasoning wherever
// the deltas cut them (every cut into two and three pieces, and one character per delta), the text never shows a
// partial marker (every text so far is a prefix of the final text), and a reply that does not start with a marker is
// passed through as sent. The same splitter runs through every harness in the shared chat cases (server/ai-fixtures.mjs:
// ollama/think-tags, openai/think-tags, openai/glm-thinking-markers, openai/angle-text, openai/think-tags-off).
import { describe, expect, test } from 'vitest'
import { ThinkTagSplitter } from '../uni_modules/connect-event-source/utssdk/common/chat/think-tags.uts'

function run(pieces) {
  const s = new ThinkTagSplitter()
  let text = ''
  let reasoning = ''
  const texts = []
  const reasonings = []
  for (const p of pieces) {
    s.push(p)
    text += s.text
    reasoning += s.reasoning
    texts.push(text)
    reasonings.push(reasoning)
  }
  s.end()
  text += s.text
  reasoning += s.reasoning
  return { text, reasoning, texts, reasonings }
}

function* cuts(whole) {
  yield [whole]
  yield [...whole]
  for (let i = 0; i <= whole.length; i++) yield [whole.slice(0, i), whole.slice(i)]
  for (let i = 0; i <= whole.length; i += 2) {
    for (let j = i; j <= whole.length; j += 3) yield [whole.slice(0, i), whole.slice(i, j), whole.slice(j)]
  }
}

const REPLIES = [
  { whole: '<think>\nLet me see: 1+1.\n</think>\n\nIt is **2** 🙂', reasoning: 'Let me see: 1+1.', text: 'It is **2** 🙂' },
  { whole: '\n\n<think>x < y</think>y', reasoning: 'x < y', text: 'y' },
  { whole: '<think></think>Answer', reasoning: '', text: 'Answer' },
  { whole: '###Thinking\n先比较。\n###Response\n9.8 更大', reasoning: '先比较。', text: '9.8 更大' },
  { whole: '<think>still thinking when the reply ends </thi', reasoning: 'still thinking when the reply ends </thi', text: '' },
  { whole: 'Plain answer with <think>tags</think> later', reasoning: '', text: 'Plain answer with <think>tags</think> later' },
  { whole: '  <b>bold</b>', reasoning: '', text: '  <b>bold</b>' },
  { whole: '<thin', reasoning: '', text: '<thin' },
  { whole: '###Thinkin', reasoning: '', text: '###Thinkin' },
  { whole: '<think>a</think>b</think>c', reasoning: 'a', text: 'b</think>c' },
  { whole: '', reasoning: '', text: '' }
]

describe('every cut of every reply gives the same parts', () => {
  for (const r of REPLIES) {
    test(JSON.stringify(r.whole), () => {
      let n = 0
      for (const pieces of cuts(r.whole)) {
        const got = run(pieces)
        expect({ pieces, text: got.text, reasoning: got.reasoning }).toEqual({ pieces, text: r.text, reasoning: r.reasoning })
        // Never a partial marker on screen: what was shown so far is always the start of what is finally shown.
        for (const t of got.texts) expect(r.text.startsWith(t), `${JSON.stringify(pieces)}: text ${JSON.stringify(t)}`).toBe(true)
        for (const t of got.reasonings) expect(r.reasoning.startsWith(t), `${JSON.stringify(pieces)}: reasoning ${JSON.stringify(t)}`).toBe(true)
        n++
      }
      expect(n).toBeGreaterThan(r.whole.length)
    })
  }
})

test('text that cannot be a marker passes at once, not at the end', () => {
  const s = new ThinkTagSplitter()
  s.push('Hello')
  expect(s.text).toBe('Hello')
  s.push(' <think>')
  expect(s.text).toBe(' <think>')
})

test('reasoning is delivered while it streams, holding back only a possible closing marker and the space before it', () => {
  const s = new ThinkTagSplitter()
  s.push('<think>step one\n</')
  expect(s.reasoning).toBe('step one')
  s.push('b> two')
  expect(s.reasoning).toBe('\n</b> two')
  expect(s.text).toBe('')
})
