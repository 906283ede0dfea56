// Permissive CORS so browser tests and the demo can call the server from any
// origin, with or without credentials.

export const ALLOWED_METHODS = 'GET,POST,PUT,PATCH,DELETE,OPTIONS'

export function applyCors(req, res) {
  // Credentialed requests reject a "*" origin, hence the echo.
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin || '*')
  res.setHeader('Access-Control-Allow-Credentials', 'true')
  res.setHeader('Access-Control-Expose-Headers', '*')
  res.setHeader('Vary', 'Origin')
}

// For credentialed requests browsers read "*" literally, so endpoints that set
// custom headers name them too.
export function exposeHeaders(res, names) {
  if (names.length === 0) return
  res.setHeader('Access-Control-Expose-Headers', ['*', ...names].join(', '))
}

export function answerPreflight(req, res) {
  const headers = {
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Max-Age': '600',
  }
  const requested = req.headers['access-control-request-headers']
  if (requested) headers['Access-Control-Allow-Headers'] = requested
  res.writeHead(204, headers)
  res.end()
}
