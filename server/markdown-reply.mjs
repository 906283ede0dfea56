// The mock's Markdown reply (server/chat.mjs mockReply): what a model's answer looks like, a heading, a list, a table,
// a fenced code block, inline code, links, and what a hostile or careless model may send (raw HTML with an event
// handler, a javascript: link), in English or, for a prompt in Chinese, in Chinese. The chat mock streams it fast
// (a token every 10 ms, faster than connectChatStream's default updateInterval of 50 ms) and pauses once inside the
// code block, so a client is seen holding an unclosed fence open (test/demo-chat-markdown.test.mjs).

const EN = `## Streaming a reply

Three steps, **every platform**:

1. POST the prompt with an \`Authorization\` header.
2. Read each \`data:\` line as it arrives.
3. Stop at \`[DONE]\`.

| Platform | Transport | Streams |
| --- | --- | :---: |
| Web | fetch | yes |
| Android | OkHttp | yes |
| WeChat | request + enableChunked | yes |

\`\`\`js
const chat = connectChatStream({ url, apiKey, messages })
chat.onText((ev) => { answer = ev.text })
chat.onDone((r) => console.log(r.usage))
\`\`\`

> Raw HTML stays text: <img src="x" onerror="window.__markdownInjected = true"><script>window.__markdownInjected = true</script>

A [script link](javascript:window.__markdownInjected=true) is not a link; [the SSE spec](https://html.spec.whatwg.org/multipage/server-sent-events.html) is. 你好 👋
`

const ZH = `## 流式接收一条回复

三步，**所有平台**通用：

1. 用带 \`Authorization\` 请求头的 POST 发送问题。
2. 逐行读取到达的 \`data:\`。
3. 读到 \`[DONE]\` 即结束。

| 平台 | 传输 | 流式 |
| --- | --- | :---: |
| Web | fetch | 是 |
| Android | OkHttp | 是 |
| 微信小程序 | request + enableChunked | 是 |

\`\`\`js
const chat = connectChatStream({ url, apiKey, messages })
chat.onText((ev) => { answer = ev.text })
chat.onDone((r) => console.log(r.usage))
\`\`\`

> 原始 HTML 只显示为文字：<img src="x" onerror="window.__markdownInjected = true"><script>window.__markdownInjected = true</script>

[脚本链接](javascript:window.__markdownInjected=true) 不会成为链接；[SSE 规范](https://html.spec.whatwg.org/multipage/server-sent-events.html) 会。你好 👋
`

/** Whether a prompt asks for the Markdown reply: it names Markdown. */
export function wantsMarkdown(prompt) {
  return /markdown/i.test(prompt)
}

export function markdownReply(prompt) {
  return /[\u4e00-\u9fff]/.test(prompt) ? ZH : EN
}

/** How the chat mock paces it: ms between tokens, and one pause after the token that ends a line inside the code block. */
export function markdownPacing(tokens) {
  const inCode = tokens.findIndex((t) => t.startsWith('chat.onText'))
  return { delay: 10, pauseAfter: inCode, pauseMs: 1500 }
}
