// The listener registry (common/dispatcher.uts) on its own: the iOS rules, where Swift closures cannot be compared
// (no SameCallback), comment registrations, and removals that really shrink the lists. The engine tests reach the
// dispatcher only with the JS SameCallback and through connections, so they cannot tell these apart.
import { describe, expect, test, vi } from 'vitest'
import { EventDispatcher } from '../uni_modules/connect-event-source/utssdk/common/dispatcher.uts'

const same = (a, b) => a === b
/** Runs fn with console.error captured (not printed); returns the calls. */
function consoleErrors(fn) {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
  try {
    fn()
    return spy.mock.calls.map((c) => [...c])
  } finally {
    spy.mockRestore()
  }
}
const sizes = (d) => ['openListeners', 'messageListeners', 'namedListeners', 'closeListeners', 'commentListeners', 'errorListeners'].map((k) => d[k].length)

describe('EventDispatcher', () => {
  test('without SameCallback (iOS): the same callback added twice is two listeners, and removeEventListener removes every listener of that type', () => {
    const d = new EventDispatcher(null)
    const seen = []
    const f = (ev) => seen.push(ev.type + ':' + ev.data)
    const a = d.addEventListener('tick', f)
    const b = d.addEventListener('tick', f)
    d.addEventListener('tock', f)
    expect(b).not.toBe(a)
    d.emitMessage('tick', '1', '')
    expect(seen).toEqual(['tick:1', 'tick:1'])
    d.removeEventListener('tick', () => {})
    d.emitMessage('tick', '2', '')
    d.emitMessage('tock', '3', '')
    expect(seen).toEqual(['tick:1', 'tick:1', 'tock:3'])
  })

  test('with SameCallback: the same callback for one type is one listener (its first id), and only it is removed', () => {
    const d = new EventDispatcher(same)
    const seen = []
    const f = () => seen.push('f')
    const g = () => seen.push('g')
    expect(d.addEventListener('tick', f)).toBe(d.addEventListener('tick', f))
    d.addEventListener('tick', g)
    d.removeEventListener('tick', f)
    d.emitMessage('tick', '', '')
    expect(seen).toEqual(['g'])
  })

  test('onComment returns an id that off() removes; hasCommentListeners follows', () => {
    const d = new EventDispatcher(same)
    const seen = []
    const id = d.onComment((ev) => seen.push(ev.type + ':' + ev.data))
    expect(typeof id).toBe('number')
    expect(d.hasCommentListeners()).toBe(true)
    d.emitComment('ping', '')
    d.off(id)
    expect(d.hasCommentListeners()).toBe(false)
    d.emitComment('pong', '')
    expect(seen).toEqual(['comment:ping'])
  })

  test('an open event is streaming unless the host says otherwise', () => {
    const d = new EventDispatcher(same)
    const seen = []
    d.onOpen((ev) => seen.push(ev.streaming))
    d.emitOpen('')
    d.emitOpen('', false)
    expect(seen).toEqual([true, false])
  })

  test('errors follow the DOM rules too: a listener removed by an earlier one is not called, close() inside one stops the rest, nothing after close', () => {
    const d = new EventDispatcher(same)
    const error = { errCode: 1830005, errMsg: 'x' }
    const seen = []
    let second = 0
    d.onError(() => { seen.push('first'); d.off(second) })
    second = d.onError(() => seen.push('second'))
    d.onError(() => { seen.push('third'); d.emitClose('') })
    d.onError(() => seen.push('fourth'))
    d.emitError(error)
    expect(seen).toEqual(['first', 'third'])
    // Closed: no listener and no console line for a later error (the lists are empty by then, and an error with no
    // listener would otherwise go to the console).
    expect(consoleErrors(() => d.emitError(error))).toEqual([])
    expect(seen).toEqual(['first', 'third'])
  })

  test('a throwing listener goes to the console and the next one still runs', () => {
    const d = new EventDispatcher(same)
    const seen = []
    d.onError(() => { throw new Error('boom') })
    d.onError(() => seen.push('next'))
    expect(consoleErrors(() => d.emitError({ errCode: 1830005, errMsg: 'x' }))).toEqual([['[connect-event-source] onError callback threw', expect.objectContaining({ message: 'boom' })]])
    expect(seen).toEqual(['next'])
  })

  test('onClose listeners: one removed by an earlier one is not called, a throwing one goes to the console, the next still runs', () => {
    const d = new EventDispatcher(same)
    const seen = []
    let second = 0
    d.onClose(() => { seen.push('first'); d.off(second) })
    second = d.onClose(() => seen.push('second'))
    d.onClose(() => { throw new Error('bang') })
    d.onClose((ev) => seen.push(ev.type))
    expect(consoleErrors(() => d.emitClose(''))).toEqual([['[connect-event-source] onClose callback threw', expect.objectContaining({ message: 'bang' })]])
    expect(seen).toEqual(['first', 'close'])
  })

  test('close happens once: a listener registered afterwards is never called, not even by a second close', () => {
    const d = new EventDispatcher(same)
    const seen = []
    d.onClose(() => seen.push('first'))
    d.emitClose('')
    d.onClose(() => seen.push('late'))
    d.onMessage(() => seen.push('message'))
    d.emitClose('')
    d.emitMessage('message', 'x', '')
    expect(seen).toEqual(['first'])
  })

  test('close drops every callback (and whatever it captured)', () => {
    const d = new EventDispatcher(same)
    for (const on of ['onOpen', 'onMessage', 'onClose', 'onComment', 'onError']) d[on](() => {})
    d.addEventListener('x', () => {})
    expect(sizes(d)).toEqual([1, 1, 1, 1, 1, 1])
    d.emitClose('')
    expect(sizes(d)).toEqual([0, 0, 0, 0, 0, 0])
  })

  test('ids are distinct across every kind of registration', () => {
    const d = new EventDispatcher(same)
    const ids = []
    for (let i = 0; i < 3; i++) {
      ids.push(d.addEventListener('x' + i, () => {}))
      for (const on of ['onOpen', 'onMessage', 'onClose', 'onComment', 'onError']) ids.push(d[on](() => {}))
    }
    expect(new Set(ids).size).toBe(ids.length)
  })

  test('removeEventListener alone shrinks the list (no off() in between to sweep it)', () => {
    const d = new EventDispatcher(same)
    for (let i = 0; i < 1000; i++) {
      const f = () => {}
      d.addEventListener('x', f)
      d.removeEventListener('x', f)
    }
    expect(sizes(d)).toEqual([0, 0, 0, 0, 0, 0])
  })

  test('removals shrink the lists: 10,000 add/remove cycles of every kind leave nothing behind', () => {
    const d = new EventDispatcher(same)
    for (let i = 0; i < 10000; i++) {
      const f = () => {}
      d.addEventListener('x', f)
      d.removeEventListener('x', f)
      d.off(d.addEventListener('y', f))
      for (const on of ['onOpen', 'onMessage', 'onClose', 'onComment', 'onError']) d.off(d[on](f))
    }
    expect(sizes(d)).toEqual([0, 0, 0, 0, 0, 0])
  })
})
