// A straightforward reference of the WHATWG event-stream format, written from the spec text and nothing else
// (https://html.spec.whatwg.org/multipage/server-sent-events.html, "Parsing an event stream" and "Interpreting
// an event stream"), for the fuzz test of the engine. Deliberately naive: the whole body at once, one line at a
// time, the buffers exactly as the spec names them. No code is shared with the engine.

/**
 * bytes: the whole response body. Returns { events: [{ type, data, lastEventId }], lastEventId,
 * reconnectionTime, failure } where failure is null, 'line' or 'event' (the plugin's limits, see below).
 *
 * options.lastEventId / reconnectionTime: the event source's state before this response.
 * options.maxLineLength / maxEventSize: the plugin's memory bounds (not in the spec): processing stops at the
 * first line longer than maxLineLength (counting an unterminated last line too: it is held in memory), or at the
 * first field whose buffers would make the event larger than maxEventSize (data as dispatched, i.e. without the
 * final LF, plus the event type buffer plus the last event ID buffer).
 */
export function interpretEventStream(bytes, options = {}) {
  const maxLineLength = options.maxLineLength ?? Infinity
  const maxEventSize = options.maxEventSize ?? Infinity
  // "Streams must be decoded using the UTF-8 decode algorithm." UTF-8 decode (Encoding standard) removes one
  // leading BOM; "one leading U+FEFF BYTE ORDER MARK character must be ignored if any are present" is the same
  // single BOM (wpt eventsource/format-bom-2: of two BOMs, the second is part of the first line).
  const stream = new TextDecoder('utf-8').decode(bytes)

  // "The event stream's reconnection time" and "last event ID string" of the EventSource object.
  let reconnectionTime = options.reconnectionTime ?? 3000
  let lastEventIdString = options.lastEventId ?? ''
  // "the data buffer, the event type buffer, and the last event ID buffer ... must be initialized to the empty
  // string" — the last event ID buffer keeps its value across connections (it is what Last-Event-ID resumes).
  let dataBuffer = ''
  let eventTypeBuffer = ''
  let lastEventIdBuffer = lastEventIdString
  const events = []

  // "Lines must be separated by either a U+000D CARRIAGE RETURN U+000A LINE FEED (CRLF) character pair, a single
  // U+000A LINE FEED (LF) character, or a single U+000D CARRIAGE RETURN (CR) character."
  const lines = []
  let current = ''
  let terminated = true
  for (let i = 0; i < stream.length; i++) {
    const c = stream[i]
    if (c === '\r') {
      lines.push(current)
      current = ''
      if (stream[i + 1] === '\n') i++
    } else if (c === '\n') {
      lines.push(current)
      current = ''
    } else {
      current += c
    }
  }
  if (current.length > 0) terminated = false

  const eventSize = (data, type, id) => (data.length === 0 ? 0 : data.length - 1) + type.length + id.length

  function dispatch() {
    // 1. "Set the last event ID string of the event source to the value of the last event ID buffer."
    lastEventIdString = lastEventIdBuffer
    // 2. "If the data buffer is an empty string, set the data buffer and the event type buffer to the empty
    //    string and return."
    if (dataBuffer === '') {
      eventTypeBuffer = ''
      return
    }
    // 3. "If the data buffer's last character is a U+000A LINE FEED (LF) character, then remove the last
    //    character from the data buffer."
    let data = dataBuffer
    if (data.endsWith('\n')) data = data.slice(0, -1)
    // 4-6. A MessageEvent: type "message" unless "the event type buffer has a value other than the empty
    //    string", data, and "the last event ID string of the event source".
    events.push({ type: eventTypeBuffer === '' ? 'message' : eventTypeBuffer, data, lastEventId: lastEventIdString })
    // 7. "Set the data buffer and the event type buffer to the empty string."
    dataBuffer = ''
    eventTypeBuffer = ''
  }

  /** "process the field": returns false when the plugin's event size limit stops the stream. */
  function processField(field, value) {
    let data = dataBuffer
    let type = eventTypeBuffer
    let id = lastEventIdBuffer
    if (field === 'event') {
      // "Set the event type buffer to the field value."
      type = value
    } else if (field === 'data') {
      // "Append the field value to the data buffer, then append a single U+000A LINE FEED (LF) character."
      data = data + value + '\n'
    } else if (field === 'id') {
      // "If the field value does not contain U+0000 NULL, then set the last event ID buffer to the field value.
      // Otherwise, ignore the field."
      if (value.includes('\u0000')) return true
      id = value
    } else if (field === 'retry') {
      // "If the field value consists of only ASCII digits, then interpret the field value as an integer in base
      // ten, and set the event stream's reconnection time to that integer. Otherwise, ignore the field."
      // (An empty value is read as not a number, as browsers do.)
      if (/^[0-9]+$/.test(value)) reconnectionTime = Number(value)
      return true
    } else {
      // "Otherwise: The field is ignored."
      return true
    }
    if (eventSize(data, type, id) > maxEventSize) return false
    dataBuffer = data
    eventTypeBuffer = type
    lastEventIdBuffer = id
    return true
  }

  const result = (failure) => ({ events, lastEventId: lastEventIdString, reconnectionTime, failure })

  for (const line of lines) {
    if (line.length > maxLineLength) return result('line')
    // "If the line is empty (a blank line): Dispatch the event."
    if (line === '') {
      dispatch()
      continue
    }
    // "If the line starts with a U+003A COLON character (:): Ignore the line."
    if (line[0] === ':') continue
    const colon = line.indexOf(':')
    let ok
    if (colon !== -1) {
      // "Collect the characters on the line before the first U+003A COLON character (:), and let field be that
      // string. Collect the characters on the line after the first U+003A COLON character (:), and let value be
      // that string. If value starts with a U+0020 SPACE character, remove it from value."
      let value = line.slice(colon + 1)
      if (value.startsWith(' ')) value = value.slice(1)
      ok = processField(line.slice(0, colon), value)
    } else {
      // "Otherwise, the string is not empty but does not contain a U+003A COLON character (:): Process the field
      // using the whole line as the field name, and the empty string as the field value."
      ok = processField(line, '')
    }
    if (!ok) return result('event')
  }
  // "Once the end of the file is reached, any pending data must be discarded. (If the file ends in the middle of
  // an event, before the final empty line, the incomplete event is not dispatched.)" An unterminated last line is
  // not processed at all; the plugin still refuses to hold one longer than maxLineLength.
  if (!terminated && current.length > maxLineLength) return result('line')
  return result(null)
}
