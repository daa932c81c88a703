import { TASK_KEY_PATTERN } from '@teamflow/contracts/projects';

// GitHub's own closing keywords (docs: "Linking a pull request to an issue"), before a task key.
const CLOSING = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?\s+([A-Z][A-Z0-9]{1,9}-\d+)\b/gi;

/** Every task key mentioned in these texts, once each, in order of appearance. */
export function mentionedKeys(...texts: (string | null | undefined)[]): string[] {
  return [...new Set(texts.flatMap((text) => text?.match(TASK_KEY_PATTERN) ?? []))];
}

/** The keys a text closes: "fixes TF-12", "Closes: TF-3", "resolved TF-7" (keyword case ignored, key upper case). */
export function closingKeys(...texts: (string | null | undefined)[]): string[] {
  const keys = texts.flatMap((text) =>
    [...(text ?? '').matchAll(CLOSING)].map((m) => m[1]!).filter((key) => key === key.toUpperCase()),
  );
  return [...new Set(keys)];
}
