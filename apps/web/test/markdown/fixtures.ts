// Markdown texts for the renderer's tests and the bench (bench/markdown/run.mjs bundles this file).

export const ATTACHMENT =
  'http://localhost:4000/api/v1/attachments/0b4a3c2d-1111-4222-8333-444455556666/diagram.png';

/** Every GitHub-flavoured Markdown construct, once. */
export const GFM_FIXTURE = `# Heading one
## Heading two
### Heading three

Some *emphasis*, _more emphasis_, **strong**, ~~struck~~ and \`inline code\`.
A hard break with two spaces  
and one with a backslash\\
done.

- bullet one
- bullet two
  - nested bullet
    - deeper bullet
- bullet three

1. first
2. second

- [ ] unticked task
- [x] ticked task

| Left | Centre | Right |
| :--- | :----: | ----: |
| a    |   b    |     c |

\`\`\`ts
const answer: number = 42;
\`\`\`

> A quote
> over two lines

A [link](https://example.com "Example") and an autolink https://teamflow.dev and <https://angle.example>.

A footnote reference[^note].

![Architecture diagram](${ATTACHMENT})
![Tracking pixel](https://tracker.example/pixel.gif)

---

[^note]: The footnote text.
`;

/**
 * Attempts from the OWASP XSS filter evasion cheat sheet (and Markdown's own ways in: links,
 * images, reference definitions, autolinks), in raw HTML and Markdown, in several encodings.
 */
export const XSS_ATTEMPTS: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '"><script>alert(1)</script>',
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
  `<IMG SRC="jav\tascript:alert('XSS');">`,
  `<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
  `<IMG SRC="jav&#x0A;ascript:alert('XSS');">`,
  `<IMG SRC=" &#14;  javascript:alert('XSS');">`,
  '<img src=x onerror=alert(1)>',
  '<img src="/api/v1/attachments/a.png" onerror="alert(1)" onload="alert(2)">',
  `<BODY ONLOAD=alert('XSS')>`,
  `<svg/onload=alert('XSS')>`,
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<IFRAME SRC="https://evil.example"></IFRAME>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  `<div style="background-image: url(javascript:alert('XSS'))">styled</div>`,
  `<div style="width: expression(alert('XSS'));">expression</div>`,
  `<STYLE>@import'http://xss.rocks/xss.css';</STYLE>`,
  `<LINK REL="stylesheet" HREF="javascript:alert('XSS');">`,
  `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">`,
  `<BASE HREF="javascript:alert('XSS');//">`,
  `<TABLE BACKGROUND="javascript:alert('XSS')"><tr><td>cell</td></tr></TABLE>`,
  '<a href="javascript:alert(1)">html link</a>',
  '<a href="JaVaScRiPt:alert(1)">mixed case</a>',
  '<a href="&#106;avascript:alert(1)">entity</a>',
  '<a href="java&#x09;script:alert(1)">tab entity</a>',
  '<a href="data:text/html,<script>alert(1)</script>">data link</a>',
  '<a href="https://ok.example" onclick="alert(1)" onmouseover="alert(2)">handlers</a>',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">go</button></form>',
  '<input onfocus=alert(1) autofocus>',
  '<details open ontoggle=alert(1)><summary>s</summary>d</details>',
  '<x onclick=alert(1)>unknown tag</x>',
  '[md link](javascript:alert(1))',
  '[upper](JAVASCRIPT:alert(1))',
  '[entity](&#106;avascript:alert(1))',
  '[hex entity](&#x6A;avascript:alert(1))',
  '[spaced](<java script:alert(1)>)',
  '[vbscript](vbscript:msgbox(1))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![md image](javascript:alert(1))',
  '![data image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '[reference][evil]\n\n[evil]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
];

/** A long description (about `chars` characters) made of every construct, as people paste them. */
export function bigDescription(chars = 50_000): string {
  const block = GFM_FIXTURE.replace(/\[\^note\]/g, '');
  let text = '';
  for (let i = 1; text.length < chars; i++) {
    text += `## Part ${i}\n\n${block}\n- [ ] step ${i} for PLAT-${i}\n\n`;
  }
  return text.slice(0, chars);
}
