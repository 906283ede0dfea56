// The error body each provider sends for a refused API key: the /ai paths (server/ai.mjs) and the plain OpenAI mock
// (server/chat.mjs) answer the key "wrong" with it, so a client sees the provider's own shape.
import { sendJson } from './http.mjs'

export function wrongKeyError(res, format) {
  if (format === 'anthropic') return sendJson(res, 401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } })
  if (format === 'gemini') return sendJson(res, 400, { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT' } })
  if (format === 'ollama') return sendJson(res, 401, { error: 'unauthorized' })
  return sendJson(res, 401, { error: { message: 'Incorrect API key provided: wrong. You can find your API key at https://platform.openai.com/account/api-keys.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } })
}
