import { intParam, sendText } from './http.mjs'

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

// 307 is the default because it is the one that keeps method and body,
// which is what redirect tests usually want to prove.
export function handleRedirect(req, res, { params }) {
  const to = params.get('to')
  if (!to) return sendText(res, 400, 'redirect: missing ?to=\n')
  const status = intParam(params.get('status'), 307)
  if (!REDIRECT_STATUSES.has(status)) return sendText(res, 400, `redirect: unsupported status ${status}\n`)
  sendText(res, status, `Redirecting to ${to}\n`, { Location: to })
}
