import type { Delimiter, MarkdownIt, StateInline } from 'markdown-it';

// GFM strikethrough for markdown-it: a run of one or two tildes opens or closes, and a pair closes
// only with a run of its own length (`~one~`, `~~two~~`; `~~~three~~~` stays text). markdown-it's
// own rule takes only `~~`, so `~one~`, which GitHub strikes, would show its tildes.

const TILDE = 0x7e;

function tokenize(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (silent || state.src.charCodeAt(start) !== TILDE) return false;
  const scanned = state.scanDelims(start, true);
  const token = state.push('text', '', 0);
  token.content = state.src.slice(start, start + scanned.length);
  if (scanned.length <= 2) {
    // length 0: balance_pairs' rule of three (for emphasis) must not apply to tildes.
    state.delimiters.push({
      marker: TILDE,
      length: 0,
      token: state.tokens.length - 1,
      end: -1,
      open: scanned.can_open,
      close: scanned.can_close,
    });
  }
  state.pos += scanned.length;
  return true;
}

function strike(state: StateInline, delimiters: readonly Delimiter[]): void {
  for (const opener of delimiters) {
    if (opener.marker !== TILDE || opener.end === -1) continue;
    const open = state.tokens[opener.token]!;
    const close = state.tokens[delimiters[opener.end]!.token]!;
    // Runs of different lengths do not pair: both stay text.
    if (open.content !== close.content) continue;
    Object.assign(open, { type: 's_open', tag: 's', nesting: 1, markup: open.content, content: '' });
    Object.assign(close, { type: 's_close', tag: 's', nesting: -1, markup: close.content, content: '' });
  }
}

function postProcess(state: StateInline): boolean {
  strike(state, state.delimiters);
  for (const meta of state.tokens_meta) if (meta?.delimiters) strike(state, meta.delimiters);
  return false;
}

/** A markdown-it plugin: GFM's strikethrough in place of markdown-it's. */
export function gfmStrikethrough(md: MarkdownIt): void {
  md.inline.ruler.at('strikethrough', tokenize);
  md.inline.ruler2.at('strikethrough', postProcess);
}
