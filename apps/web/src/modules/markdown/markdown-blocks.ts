/** A run of whole top-level blocks of a Markdown text, and where it starts in the text. */
export interface MarkdownBlock {
  text: string;
  offset: number;
}

// Anything Markdown could read as raw HTML (CommonMark's HTML blocks and inline HTML all start so:
// a tag, a closing tag, a comment, a processing instruction, a declaration, CDATA), and more: code
// spans, "<b>" in prose. A run without it never needs the HTML parser.
const MAY_BE_HTML = /<(?:\/?[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|!--|\?|![A-Za-z]|!\[CDATA\[)/m;

/** Whether a run of text may hold raw HTML (false: it certainly does not). */
export const mayHoldHtml = (text: string): boolean => MAY_BE_HTML.test(text);

/**
 * A long text paints its first run at once and the rest in steps of about this many characters:
 * one run a step, each a task of its own (a run of ~3,000 characters renders in 2–4 ms in Node; in
 * Chromium, where each step also builds and lays out its DOM, steps of ~10,000 characters made
 * tasks over 50 ms again: bench/markdown).
 */
export const STEP_CHARS = 3_000;

/** How many runs to show: those before `from`, and at least one more, up to `chars` characters. */
export function blocksWithin(blocks: readonly MarkdownBlock[], from: number, chars = STEP_CHARS): number {
  let count = from;
  let used = 0;
  while (count < blocks.length) {
    const size = blocks[count]!.text.length;
    if (count > from && used + size > chars) break;
    used += size;
    count++;
  }
  return count;
}

// Texts up to this size render in one piece: a 50,000-character text in one render takes ~40 ms in
// Node but holds a browser's page longer (its DOM too), and tasks over 50 ms are what people feel.
const WHOLE_UP_TO = 3_000;
// The first run is shorter: it is the page's first parse, whose code the engine has not optimised
// yet (a first run of 3,000 characters made an 85 ms task in Chromium, 1,000 none: bench/markdown).
const FIRST_RUN = 1_000;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// A line that may begin a new top-level block without continuing the one above (after a blank
// line): not indented, not a list item or quote (those continue a list or quote across blanks).
const CONTINUES_ABOVE = /^(\s|[*+-](\s|$)|\d{1,9}[.)](\s|$)|>)/;
// Link reference and footnote definitions are read from the whole text: such texts stay whole.
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;

/**
 * A long text cut into runs of about `size` characters (the first of about 1,000), each ending at
 * a blank line between two top-level blocks (never inside fenced code, a list, a quote or an open
 * <details>), so that parsing each run alone gives what parsing the whole would. MarkdownView
 * renders the runs as separate, memoised pieces: the first paints at once, the rest follow, and
 * an edit (a ticked checkbox) re-renders only its run.
 */
export function markdownBlocks(source: string, size = 3_000): MarkdownBlock[] {
  if (source.length <= WHOLE_UP_TO || DEFINITION.test(source)) return [{ text: source, offset: 0 }];
  const blocks: MarkdownBlock[] = [];
  const lines = source.split('\n');
  let start = 0;
  let at = 0;
  let fence: string | undefined;
  let openDetails = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = FENCE.exec(line)?.[1];
    if (marker && !fence) fence = marker;
    else if (
      marker &&
      fence &&
      marker[0] === fence[0] &&
      marker.length >= fence.length &&
      !line.trim().slice(marker.length)
    )
      fence = undefined;
    if (!fence)
      openDetails += (line.match(/<details\b/gi)?.length ?? 0) - (line.match(/<\/details>/gi)?.length ?? 0);
    at += line.length + 1;
    const next = lines[i + 1];
    const cut =
      !fence &&
      openDetails <= 0 &&
      line.trim() === '' &&
      next !== undefined &&
      next.trim() !== '' &&
      !CONTINUES_ABOVE.test(next) &&
      at - start >= (blocks.length === 0 ? Math.min(FIRST_RUN, size) : size);
    if (cut) {
      blocks.push({ text: source.slice(start, at), offset: start });
      start = at;
    }
  }
  if (start < source.length || blocks.length === 0) blocks.push({ text: source.slice(start), offset: start });
  return blocks;
}
