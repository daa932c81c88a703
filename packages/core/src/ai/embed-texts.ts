import { costMicros } from '@teamflow/ai/costs';
import { unitVector } from '@teamflow/ai/embeddings';
import { openAiEmbed, type EmbeddingSettings } from '@teamflow/ai/openai.provider';
import { AiError } from '@teamflow/ai/provider';
import type { CoreDeps } from '../platform/context';
import { insertAiUsage } from './ai.repository';

/**
 * One paid embedding call: its usage recorded in `ai_usage` (under the workspace, or with no
 * workspace for a person's own work log), one vector per text checked, each returned at unit
 * length (stored and query vectors alike, so a dot product in SQL is their cosine).
 */
export async function embedTexts(
  deps: Pick<CoreDeps, 'db'>,
  settings: EmbeddingSettings,
  usage: { workspaceId: string | null; userId?: string; feature: 'duplicates' | 'worklog-search' },
  texts: string[],
): Promise<number[][]> {
  const out = await openAiEmbed(settings, texts);
  await insertAiUsage(deps.db, {
    ...usage,
    provider: 'openai',
    model: out.model,
    promptTokens: out.promptTokens,
    costMicros: costMicros('openai', out.model, out.promptTokens, 0),
  });
  if (out.vectors.length !== texts.length)
    throw new AiError(
      'AI_OUTPUT_INVALID',
      `openai returned ${out.vectors.length} embeddings for ${texts.length} inputs`,
    );
  return out.vectors.map(unitVector);
}
