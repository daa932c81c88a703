// markdown-it-footnote ships no types (@types/markdown-it-footnote is written for markdown-it 14's).
declare module 'markdown-it-footnote' {
  import type { MarkdownIt } from 'markdown-it';

  export default function footnote(md: MarkdownIt): void;
}
