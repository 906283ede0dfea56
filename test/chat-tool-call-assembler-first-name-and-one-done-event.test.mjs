// Tool call assembly (utssdk/common/chat/tool-calls.uts) driven directly, for pieces the fixtures
// (server/ai-fixtures.mjs) do not show: a later piece naming the call differently, and completing a call that does not
// exist or was already completed.
import { expect, test } from 'vitest'
import { ToolCallAssembler } from '../uni_modules/connect-event-source/utssdk/common/chat/tool-calls.uts'

test('the name of the first piece that carries one stays: a later piece with another name does not replace it', () => {
  const a = new ToolCallAssembler()
  a.add('0', 'call_1', 'get_weather', '')
  const ev = a.add('0', '', 'other_name', '{}')
  expect([ev.name, a.calls[0].name, a.calls[0].arguments]).toEqual(['get_weather', 'get_weather', '{}'])
})

test('complete(): null for a key with no call; a call gives one done event, null when completed again', () => {
  const a = new ToolCallAssembler()
  expect(a.complete('nope')).toBeNull()
  expect(a.complete('')).toBeNull()
  a.add('0', 'call_1', 'f', '{"a":1}')
  expect(a.complete('nope')).toBeNull()
  const done = a.complete('0')
  expect([done?.done, done?.arguments, done?.argumentsError]).toEqual([true, '{"a":1}', ''])
  expect(a.complete('0')).toBeNull()
  expect(a.complete('')).toBeNull()
  expect(a.completeAll()).toEqual([])
})
