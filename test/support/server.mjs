// Shared by tests that talk to the local server over real HTTP.
import { randomUUID } from 'node:crypto'

export { startServer, mockReply, mockTokens } from '../../server/index.mjs'

// Arrays become repeated params (e.g. one body per reconnect attempt);
// null/undefined are skipped. The server decodes with decodeURIComponent.
export function scenarioUrl(base, params = {}) {
  const parts = []
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue
    for (const item of Array.isArray(value) ? value : [value]) {
      parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(item))}`)
    }
  }
  return `${base.replace(/\/+$/, '')}/scenario${parts.length ? `?${parts.join('&')}` : ''}`
}

let counter = 0
export function uniqueKey(prefix = 'k') {
  return `${prefix}-${++counter}-${randomUUID().slice(0, 8)}`
}

// For body64: bytes a JS string cannot express, such as invalid UTF-8.
export function base64url(bytes) {
  return Buffer.from(bytes).toString('base64url')
}
