// common/url.uts decides, on platforms without a URL class (Kotlin, Swift, ArkTS, mini-programs), whether a url can be
// requested at all. Its verdict must be the WHATWG URL parser's (Node's URL is that parser): same valid/invalid call
// for every input below, and for valid ones a rewritten url that parses to the same href.
import { describe, expect, test } from 'vitest'
import { checkUrl, stripUrl } from '../uni_modules/connect-event-source/utssdk/common/url.uts'

const whatwg = (input) => {
  try {
    const u = new URL(input)
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0 ? u.href : null
  } catch {
    return null
  }
}

const VALID = [
  'http://example.com/', 'HTTP://EXAMPLE.com/a', 'https://a.b.c:443/x?y#z', 'http://127.0.0.1:8080', 'http://[::1]:3000/', 'http://[2001:db8::8a2e:370:7334]/',
  'http://user:pw@host/', 'http://a@b@host/', '  http://host/ ', '\u0000http://host/\u001f', 'ht\ttp://host/', 'http://ho\nst/p\ra', 'http:\\\\host\\path',
  'http:/host/x', 'http:host', 'https:////host', 'http://0x7f.1/', 'http://1.2.3.4/', 'http://4294967295/', 'http://example.com:65535/', 'http://host:/',
  'http://%41.com/', 'http://host:0080/', 'http://host.com./', 'http://1.0x/', 'http://0177.0.0.1/', 'http://0377.0.0.1/'
]
const INVALID = [
  'http://example.com:65536/', 'http://h:99999999999999999999/', 'http://256.1.1.1/', 'http://1.2.3.256/', 'http://1.2.3.4.5/', 'http://4294967296/', 'http://a<b/', 'http://a>b/',
  'http://a b/', 'http://a^b/', 'http://a|b/', 'http:///', 'http://:80/', 'http://user@/', 'http://host:port/', 'http://host:8o/', 'ftp://host/', 'data:text/plain,x',
  'javascript:alert(1)', 'http://[::1/', 'http://[::1]x/', 'http://[zz::1]/', 'http://%zz/', 'http://%4/', 'http://foo.09/', ' data:text/plain,x', '', '   ',
  'http://09.1.1.1/', 'http://0xg.1.1.1/', 'http://1.2.3.256./', 'http://a:b:80/', 'http://a[b/', 'http://%z1/', 'http://0x1g.1.1.1/', 'http://12-.1.1.1/'
]

describe('checkUrl agrees with the WHATWG URL parser', () => {
  for (const input of VALID) {
    test(`valid: ${JSON.stringify(input)}`, () => {
      expect(whatwg(input)).not.toBe(null)
      const r = checkUrl(input, false)
      expect(r.error).toBe(null)
      expect(r.relative).toBe(false)
      // Written out so that a less lenient transport requests the same URL.
      expect(new URL(r.url).href).toBe(whatwg(input))
      expect(r.url).toMatch(/^https?:\/\/[^/\\]/i)
    })
  }
  for (const input of INVALID) {
    test(`invalid: ${JSON.stringify(input)}`, () => {
      expect(whatwg(input)).toBe(null)
      const r = checkUrl(input, false)
      expect(r.error).toMatch(/is not a valid http\(s\) URL/)
    })
  }
  test('each refusal says what is wrong', () => {
    const why = (input) => checkUrl(input, false).error.replace(/^.*URL: /, '')
    expect(why('http://[::1]x/')).toBe('unexpected text after the IPv6 host.')
    expect(why('http://[::1/')).toBe('an IPv6 host lacks its closing "]".')
    expect(why('http://[zz::1]/')).toBe('the IPv6 host is not an IPv6 address.')
    expect(why('http://%zz/')).toBe('the host contains a "%" that is not a %XX escape.')
    expect(why('http://a^b/')).toBe('the host contains the forbidden character "^".')
    expect(why('ftp://host/')).toBe('the scheme must be http or https, not "ftp".')
  })
  test('relative references: only where the platform resolves them (web)', () => {
    expect(checkUrl('/sse?x=1', true)).toMatchObject({ error: null, relative: true, url: '/sse?x=1' })
    expect(checkUrl('/sse', false).error).toMatch(/relative URLs work on the web only/)
    // Nothing left after stripping is no URL at all, not a reference to the page itself.
    for (const input of ['', ' \t\n ']) expect(checkUrl(input, true).error).toMatch(/it is empty/)
  })
  test('a scheme is a letter then letters, digits, "+", "-" or ".": such a URL is absolute (refused unless http(s)), even on web', () => {
    for (const input of ['a.b:x', 'web+app:x', 'x-y:x', 'h2:x', 'A.1+-:x']) {
      expect(new URL(input).protocol).toBe(input.slice(0, input.indexOf(':') + 1).toLowerCase())
      expect(checkUrl(input, true)).toMatchObject({ relative: false, error: expect.stringMatching(/is not a valid http\(s\) URL/) })
    }
    // Not starting with a letter: no scheme, so a relative reference (resolved against the page, as new URL(input, base) does).
    for (const input of ['1a:x', '+a:x', '.a:x', 'a_b:x', 'a!b:x']) {
      expect(new URL(input, 'http://page.example/dir/').href).toBe('http://page.example/dir/' + input)
      expect(checkUrl(input, true)).toMatchObject({ error: null, relative: true })
    }
  })
  test('stripUrl removes leading/trailing C0 controls and spaces, and every tab, LF and CR', () => {
    expect(stripUrl(' \u0001 http://a/\tb\nc\rd \u001f ')).toBe('http://a/bcd')
    // Ending in a tab, LF or CR (what a URL read from a text file or a form usually ends with).
    for (const end of ['\t', '\n', '\r', '\r\n']) expect(stripUrl('http://a/b' + end)).toBe('http://a/b')
  })
})
