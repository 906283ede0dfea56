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
