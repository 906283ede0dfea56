// Small request/response helpers shared by every endpoint.

export function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

// Values are decoded with decodeURIComponent rather than form rules, so a
// literal "+" in a body stays a "+" (tests build URLs with encodeURIComponent).
// Throws URIError on malformed percent-encoding; the caller answers 400.
export function parseTarget(target) {
  const hashless = target.split('#')[0]
  const q = hashless.indexOf('?')
  const pathname = q === -1 ? hashless : hashless.slice(0, q)
  const params = new URLSearchParams()
  const search = q === -1 ? '' : hashless.slice(q + 1)
  for (const pair of search.split('&')) {
    if (pair === '') continue
    const eq = pair.indexOf('=')
    const name = eq === -1 ? pair : pair.slice(0, eq)
    const value = eq === -1 ? '' : pair.slice(eq + 1)
    params.append(decodeURIComponent(name), decodeURIComponent(value))
  }
  return { pathname, params }
}

export function intParam(value, fallback) {
  if (value === null || value === undefined || value === '') return fallback
  const n = Number(value)
  return Number.isInteger(n) && n >= 0 ? n : fallback
}

export function sendText(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers })
  res.end(text)
}

export function sendJson(res, status, value, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(JSON.stringify(value))
}
