import type { Token } from './sql-statements';

/** Reads tokens left to right; words compare lower-cased. */
export class Cursor {
  constructor(
    private readonly tokens: Token[],
    public at = 0,
  ) {}
  get done() {
    return this.at >= this.tokens.length;
  }
  peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }
  /** Consumes the words if they come next (`accept('if', 'not', 'exists')`). */
  accept(...words: string[]): boolean {
    const match = words.every((w, k) => {
      const t = this.peek(k);
      return t?.kind === 'word' && t.value === w;
    });
    if (match) this.at += words.length;
    return match;
  }
  isWord(...words: string[]): boolean {
    const t = this.peek();
    return t?.kind === 'word' && words.includes(t.value);
  }
  /** A possibly schema-qualified name; `public.` is dropped. */
  name(): string | undefined {
    const parts: string[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || (t.kind !== 'word' && t.kind !== 'ident')) break;
      parts.push(t.value);
      this.at++;
      if (this.peek()?.value !== '.') break;
      this.at++;
    }
    if (parts.length === 0) return undefined;
    if (parts.length > 1 && parts[0] === 'public') parts.shift();
    return parts.join('.');
  }
  /** The tokens up to the next top-level comma (or the end), consumed along with the comma. */
  untilComma(): Token[] {
    const out: Token[] = [];
    let depth = 0;
    for (let t = this.next(); t; t = this.next()) {
      if (t.value === '(') depth++;
      if (t.value === ')') depth--;
      if (depth === 0 && t.kind === 'punct' && t.value === ',') break;
      out.push(t);
    }
    return out;
  }
  /** Names inside the next parenthesised list, e.g. `("a", "b")`; empty when no list follows. */
  nameList(): string[] {
    if (this.peek()?.value !== '(') return [];
    const names: string[] = [];
    let depth = 0;
    for (let t = this.next(); t; t = this.next()) {
      if (t.value === '(') depth++;
      else if (t.value === ')') {
        if (--depth === 0) break;
      } else if (t.kind === 'ident' || t.kind === 'word') names.push(t.value);
    }
    return names;
  }
  next(): Token | undefined {
    return this.tokens[this.at++];
  }
  rest(): Token[] {
    return this.tokens.slice(this.at);
  }
}

export const hasWord = (tokens: Token[], ...words: string[]) =>
  tokens.some((_, k) => words.every((w, j) => tokens[k + j]?.kind === 'word' && tokens[k + j]?.value === w));
