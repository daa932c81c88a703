import { Fragment, type ReactNode } from 'react';

// A deliberately tiny subset (**bold**, *italic*, `code`, line breaks) built as React nodes, so no
// HTML from a comment ever reaches the DOM as markup.
// Mentions `@[Name](userId)` show as "@Name".
const INLINE = /(@\[[^\]\n]{1,100}\]\([0-9a-f-]{36}\)|\*\*[^*\n]+\*\*|`[^`\n]+`|\*[^*\n]+\*)/g;
const MENTION = /^@\[([^\]\n]{1,100})\]\([0-9a-f-]{36}\)$/;

function inline(line: string): ReactNode[] {
  return line.split(INLINE).map((part, i) => {
    const mention = MENTION.exec(part);
    if (mention)
      return (
        <span key={i} className="font-medium text-indigo-700 dark:text-indigo-300">
          @{mention[1]}
        </span>
      );
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4)
      return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2)
      return (
        <code key={i} className="rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800">
          {part.slice(1, -1)}
        </code>
      );
    if (part.startsWith('*') && part.endsWith('*') && part.length > 2)
      return <em key={i}>{part.slice(1, -1)}</em>;
    return <Fragment key={i}>{part}</Fragment>;
  });
}

export function SafeMarkdown({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <p className="text-sm break-words">
      {lines.map((line, i) => (
        <Fragment key={i}>
          {inline(line)}
          {i < lines.length - 1 ? <br /> : null}
        </Fragment>
      ))}
    </p>
  );
}
