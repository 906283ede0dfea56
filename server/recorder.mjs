// Remembers requests per ?key= so tests can check what a client really sent
// (method, headers, body, Last-Event-ID on reconnects).

export function createRecorder() {
  const byKey = new Map()
  return {
    record(key, req, body) {
      const entry = {
        method: req.method,
        url: req.url,
        headers: { ...req.headers },
        body: body.toString('utf8'),
        lastEventId: req.headers['last-event-id'] ?? null,
        time: Date.now(),
      }
      if (!byKey.has(key)) byKey.set(key, [])
      byKey.get(key).push(entry)
    },
    list(key) {
      return [...(byKey.get(key) ?? [])]
    },
  }
}
