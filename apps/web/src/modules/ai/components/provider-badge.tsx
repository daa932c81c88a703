import type { AiSource } from '@teamflow/contracts/ai';

const NAME: Record<AiSource['provider'], string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  local: 'Local model',
};

/** Says which engine produced an AI result: "Local model", "OpenAI gpt-4o-mini", "Anthropic claude-…". */
export function ProviderBadge({ source }: { source: AiSource }) {
  const label = source.provider === 'local' ? NAME.local : `${NAME[source.provider]} ${source.model}`;
  return (
    <span
      title={`Made by ${label} (${source.model})`}
      className="inline-flex items-center gap-1 rounded-full border border-violet-200 bg-violet-50 px-2 py-0.5 text-xs font-medium text-violet-800 dark:border-violet-800 dark:bg-violet-950 dark:text-violet-200"
    >
      <span aria-hidden>✦</span>
      {label}
    </span>
  );
}
