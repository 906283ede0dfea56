// The peers for the Chromium page.
export { createParser } from 'eventsource-parser'
export { fetchEventSource } from '@microsoft/fetch-event-source'
