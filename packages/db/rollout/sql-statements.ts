// Splits a Drizzle migration into SQL statements and tokens, enough to tell DDL statements apart:
// chunks between `--> statement-breakpoint` lines, then top-level `;`; comments are kept aside
// (markers live there) and never read as SQL; strings, quoted identifiers and dollar-quoted bodies
// are single tokens, so a `;` or `--` inside them splits nothing.

export interface Token {
  kind: 'word' | 'ident' | 'string' | 'number' | 'punct';
  /** Words lower-cased, quoted identifiers unquoted (case kept), strings as written. */
  value: string;
}

export interface Statement {
  /** 1-based line of the statement's first token in the file. */
  line: number;
  tokens: Token[];
  /** The statement as written, comments removed, whitespace collapsed (for messages). */
  text: string;
  /** Text of every comment in the statement's chunk (between breakpoints), comment delimiters removed. */
  comments: string[];
}

// Drizzle's migrator splits on this exact text, wherever it stands on a line.
const BREAKPOINT = '--> statement-breakpoint';

export function parseMigration(sql: string): Statement[] {
  const statements: Statement[] = [];
  let offsetLine = 1;
  for (const chunk of sql.split(BREAKPOINT)) {
    statements.push(...parseChunk(chunk, offsetLine));
    offsetLine += chunk.split('\n').length - 1;
  }
  return statements;
}

function parseChunk(chunk: string, firstLine: number): Statement[] {
  const comments: string[] = [];
  const statements: Omit<Statement, 'comments'>[] = [];
  let tokens: Token[] = [];
  let text = '';
  let line = firstLine;
  let startLine = 0;
  let i = 0;

  const push = (token: Token, raw: string) => {
    if (tokens.length === 0) startLine = line;
    tokens.push(token);
    text += (text && !/^[),.]/.test(raw) && !/[(.]$/.test(text) ? ' ' : '') + raw;
  };
  const end = () => {
    if (tokens.length) statements.push({ line: startLine, tokens, text });
    tokens = [];
    text = '';
  };
  const advance = (to: number) => {
    for (let k = i; k < to; k++) if (chunk[k] === '\n') line++;
    i = to;
  };

  while (i < chunk.length) {
    const c = chunk.charAt(i);
    const rest = chunk.slice(i);
    if (/\s/.test(c)) {
      advance(i + 1);
    } else if (rest.startsWith('--')) {
      const stop = chunk.indexOf('\n', i);
      const to = stop === -1 ? chunk.length : stop;
      comments.push(chunk.slice(i + 2, to).trim());
      advance(to);
    } else if (rest.startsWith('/*')) {
      // Block comments nest in PostgreSQL.
      let depth = 0;
      let k = i;
      while (k < chunk.length) {
        if (chunk.startsWith('/*', k)) {
          depth++;
          k += 2;
        } else if (chunk.startsWith('*/', k)) {
          depth--;
          k += 2;
          if (depth === 0) break;
        } else k++;
      }
      comments.push(
        ...chunk
          .slice(i + 2, k - 2)
          .split('\n')
          .map((l) => l.replace(/^\s*\*?\s?/, '').trim()),
      );
      advance(k);
    } else if (c === "'" || ((c === 'E' || c === 'e') && chunk[i + 1] === "'")) {
      const open = c === "'" ? i : i + 1;
      const backslashes = open !== i;
      let k = open + 1;
      while (k < chunk.length) {
        if (backslashes && chunk[k] === '\\') k += 2;
        else if (chunk[k] === "'" && chunk[k + 1] === "'") k += 2;
        else if (chunk[k] === "'") break;
        else k++;
      }
      const raw = chunk.slice(i, k + 1);
      push({ kind: 'string', value: raw }, raw);
      advance(k + 1);
    } else if (c === '"') {
      let k = i + 1;
      while (k < chunk.length && !(chunk[k] === '"' && chunk[k + 1] !== '"')) k += chunk[k] === '"' ? 2 : 1;
      const raw = chunk.slice(i, k + 1);
      push({ kind: 'ident', value: raw.slice(1, -1).replace(/""/g, '"') }, raw);
      advance(k + 1);
    } else if (c === '$' && /^\$([A-Za-z_]\w*)?\$/.test(rest)) {
      const tag = /^\$([A-Za-z_]\w*)?\$/.exec(rest)![0];
      const close = chunk.indexOf(tag, i + tag.length);
      const to = close === -1 ? chunk.length : close + tag.length;
      const raw = chunk.slice(i, to);
      push({ kind: 'string', value: raw }, raw);
      advance(to);
    } else if (/[A-Za-z_]/.test(c)) {
      const raw = /^[A-Za-z_][\w$]*/.exec(rest)![0];
      push({ kind: 'word', value: raw.toLowerCase() }, raw);
      advance(i + raw.length);
    } else if (/\d/.test(c)) {
      const raw = /^\d+(\.\d+)?/.exec(rest)![0];
      push({ kind: 'number', value: raw }, raw);
      advance(i + raw.length);
    } else if (c === ';') {
      end();
      advance(i + 1);
    } else {
      const raw = /^(::|<>|<=|>=|!=|\|\||.)/s.exec(rest)![0];
      push({ kind: 'punct', value: raw }, raw);
      advance(i + raw.length);
    }
  }
  end();
  return statements.map((s) => ({ ...s, comments }));
}

/**
 * A `DO $$ BEGIN … END $$` block (older drizzle-kit wrapped foreign keys in one; hand-written
 * migrations use them for conditional DDL) replaced by the statements of its body, so DDL inside
 * one is judged like any other. Its `EXCEPTION` handlers are left out; other statements pass as is.
 */
export function withDoBlocksOpened(statement: Statement): Statement[] {
  const [first] = statement.tokens;
  const body = statement.tokens.find((t) => t.kind === 'string' && t.value.startsWith('$'));
  if (first?.kind !== 'word' || first.value !== 'do' || !body) return [statement];
  const tag = /^\$([A-Za-z_]\w*)?\$/.exec(body.value)?.[0] ?? '$$';
  const inner = body.value
    .slice(tag.length, body.value.endsWith(tag) ? -tag.length : undefined)
    .replace(/^\s*begin\b/i, '')
    .replace(/\bexception\b[\s\S]*$/i, '')
    .replace(/\bend\s*;?\s*$/i, '');
  return parseMigration(inner).map((s) => ({
    ...s,
    line: statement.line + s.line - 1,
    comments: [...statement.comments, ...s.comments],
  }));
}
