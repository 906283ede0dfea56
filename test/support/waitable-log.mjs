// A log a test can wait on: until(predicate) resolves once the entries satisfy it, or rejects with the log.
export function waitableLog(describe = (log) => JSON.stringify(log)) {
  const log = []
  let waiters = []
  const push = (entry) => {
    log.push(entry)
    waiters = waiters.filter((w) => !w())
  }
  const until = (predicate, ms = 8000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out; log: ' + describe(log))), ms)
      const check = () => {
        if (!predicate(log)) return false
        clearTimeout(timer)
        resolve(log)
        return true
      }
      if (!check()) waiters.push(check)
    })
  return { log, push, until }
}

/** A UniEventSource's callbacks as a waitable log: { log, until(predicate, ms = 5000), kinds() }. */
export function watchSource(es) {
  const { log, push, until } = waitableLog()
  es.onOpen(() => push({ kind: 'open' }))
  es.onMessage((ev) => push({ kind: 'message', data: ev.data }))
  es.onError((err) => push({ kind: 'error', code: err.errCode, message: err.errMsg, data: err.data, readyState: es.readyState }))
  es.onClose(() => push({ kind: 'close' }))
  return { log, until: (predicate, ms = 5000) => until(predicate, ms), kinds: () => log.map((e) => e.kind) }
}
