// Hand-written mutants for what only the JVM tests can catch (npm run test:mutation -- --extra; --key picks some): the
// Android transport's Kotlin (the generator reads TypeScript syntax trees only) and .uts rules that break only in the
// generated Kotlin. The tool's generated runs leave the JVM tests out (too slow per mutant), so these bugs are planted
// by hand. Each: id, file (under utssdk/), from (exact source text,
// found exactly once), to, bug, tests.
export const KOTLIN_MUTANTS = [
  { id: 'android-queued-after-abort', file: 'app-android/SseHttpCall.kt', bug: 'callbacks already queued on the delivery thread run after an abort made inside an earlier callback',
    from: '\t\t\tif (!aborted.get()) task()', to: '\t\t\ttask()', tests: ['test/android-okhttp-transport.test.mjs'] },
  { id: 'android-end-after-abort-in-text', file: 'app-android/SseText.kt', bug: 'onEnd after an abort made inside the final onText (decoder flush)',
    from: '\t\t\tif (aborted()) return\n', to: '', tests: ['test/android-okhttp-transport.test.mjs'] },
  // The redirect policy (nextHop) and the response head, each a bug of the kind issue 21 found in the web transport.
  { id: 'android-redirect-limit-off-by-one', file: 'app-android/SseHttpCall.kt', bug: 'a 21st redirect hop is followed (fetch stops at 20)',
    from: 'if (hops >= MAX_REDIRECTS) return null', to: 'if (hops > MAX_REDIRECTS) return null', tests: ['test/redirect-policy-keeps-secrets.test.mjs'] },
  { id: 'android-redirect-https-to-http', file: 'app-android/SseHttpCall.kt', bug: 'a redirect from https to http is followed',
    from: '\t\t\tif (from.scheme() == "https" && target.scheme() != "https") return null\n', to: '', tests: ['test/redirect-policy-keeps-secrets.test.mjs'] },
  { id: 'android-301-keeps-post', file: 'app-android/SseHttpCall.kt', bug: 'a 301 keeps the POST and its body (only 302 turns it into GET)',
    from: '((code == 301 || code == 302) && method == "POST")', to: '(code == 302 && method == "POST")', tests: ['test/redirect-policy-keeps-secrets.test.mjs'] },
  { id: 'android-303-keeps-put', file: 'app-android/SseHttpCall.kt', bug: 'a 303 keeps a PUT',
    from: '(code == 303 && method != "GET" && method != "HEAD")', to: 'false', tests: ['test/redirect-policy-keeps-secrets.test.mjs'] },
  { id: 'android-cross-origin-ignores-port', file: 'app-android/SseHttpCall.kt', bug: 'a hop to another port of the same host counts as the same origin (secrets go along)',
    from: ' || from.port() != target.port()', to: '', tests: ['test/redirect-policy-keeps-secrets.test.mjs'] },
  { id: 'android-cross-origin-keeps-secrets', file: 'app-android/SseHttpCall.kt', bug: 'every header goes along to another origin',
    from: '\t\t\t\tif (crossOrigin && lower !in CROSS_ORIGIN_KEPT) continue\n', to: '', tests: ['test/redirect-policy-keeps-secrets.test.mjs'] },
  { id: 'android-get-keeps-body-headers', file: 'app-android/SseHttpCall.kt', bug: 'a redirect that turns the request into GET keeps Content-Type',
    from: '\t\t\t\tif (toGet && lower in BODY_HEADERS) continue\n', to: '', tests: ['test/redirect-policy-keeps-secrets.test.mjs'] },
  { id: 'android-redirect-error-mode-follows', file: 'app-android/SseHttpCall.kt', bug: "redirect: 'error' still follows",
    from: 'if (mode != "follow" || code !in REDIRECT_CODES || location == null) return null', to: 'if (code !in REDIRECT_CODES || location == null) return null', tests: ['test/redirect-policy-keeps-secrets.test.mjs'] },
  { id: 'android-header-last-wins', file: 'app-android/SseHttpCall.kt', bug: 'a repeated response header keeps only its last value',
    from: 'if (previous == null) headers.value(i) else previous + ", " + headers.value(i)', to: 'headers.value(i)', tests: ['test/android-okhttp-transport.test.mjs'] },
  { id: 'android-header-names-as-sent', file: 'app-android/SseHttpCall.kt', bug: 'response header names keep their case (the engine looks them up lower-cased)',
    from: 'val name = headers.name(i).toLowerCase()', to: 'val name = headers.name(i)', tests: ['test/android-okhttp-transport.test.mjs'] },
  { id: 'android-content-type-charset', file: 'app-android/SseHttpCall.kt', bug: "the body is sent with OkHttp's String overload, which appends a charset to the caller's Content-Type",
    from: 'body.toByteArray(Charsets.UTF_8))', to: 'body)', tests: ['test/android-okhttp-transport.test.mjs'] },
  // A .uts rule that only the generated Kotlin can break: in JavaScript providerErrorOf(null) reads nothing and returns
  // null, so the generated mutant survives there; in Kotlin (and Swift) frame!! on a body that is not JSON throws.
  { id: 'chat-error-body-force-unwrap', file: 'common/chat/provider-error.uts', bug: 'an HTTP error body that is not JSON (a proxy\'s HTML page) is force-unwrapped: a NullPointerException on Android',
    from: 'return frame != null ? providerErrorOf(frame!) : null', to: 'return providerErrorOf(frame!)', tests: ['test/chat-stream-on-android-jvm.test.mjs'] }
]
