// Hand-written mutants of the Android transport's Kotlin (npm run test:mutation -- --extra): the generator reads
// TypeScript syntax trees only, and these files run on the JVM (test/android-okhttp-transport.test.mjs), so the
// bugs a test exists to catch there are planted by hand. Each: id, file (under utssdk/), from (exact source text,
// found exactly once), to, bug, tests.
export const KOTLIN_MUTANTS = [
  { id: 'android-queued-after-abort', file: 'app-android/SseHttpCall.kt', bug: 'callbacks already queued on the delivery thread run after an abort made inside an earlier callback',
    from: '\t\t\tif (!aborted.get()) task()', to: '\t\t\ttask()', tests: ['test/android-okhttp-transport.test.mjs'] },
  { id: 'android-end-after-abort-in-text', file: 'app-android/SseText.kt', bug: 'onEnd after an abort made inside the final onText (decoder flush)',
    from: '\t\t\tif (aborted()) return\n', to: '', tests: ['test/android-okhttp-transport.test.mjs'] }
]
