import OpenAI from 'openai';
import { remoteProvider, type ChatTransport } from './remote.provider';
import { type AiError, type AiProvider, unavailable } from './provider';

export interface OpenAiSettings {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

/** Any SDK failure (connection, timeout, 429 after retries, 5xx, auth) means "try the next provider". */
function toUnavailable(error: unknown): AiError {
  if (error instanceof OpenAI.APIError) {
    return unavailable('openai', `${error.status ?? 'connection'} ${error.message}`.trim());
  }
  return unavailable('openai', (error as Error).message);
}

/**
 * OpenAI chat completions with Structured Outputs (a strict json_schema response format made from
 * our Zod schema), through the official SDK (which retries 429/5xx, honouring Retry-After).
 */
export function openAiTransport(settings: OpenAiSettings): ChatTransport {
  const client = new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
  });
  return {
    name: 'openai',
    model: settings.model,
    async chat(system, user, output) {
      try {
        const res = await client.chat.completions.create({
          model: settings.model,
          temperature: 0.2,
          response_format: {
            type: 'json_schema',
            json_schema: {
              name: output.name,
              description: output.description,
              schema: output.jsonSchema,
              strict: true,
            },
          },
          messages: [
            { role: 'system', content: system },
            { role: 'user', content: user },
          ],
        });
        const message = res.choices[0]?.message;
        return {
          text: message?.content ?? '',
          refusal: message?.refusal ?? undefined,
          promptTokens: res.usage?.prompt_tokens ?? 0,
          completionTokens: res.usage?.completion_tokens ?? 0,
        };
      } catch (error) {
        throw toUnavailable(error);
      }
    },
  };
}

export const openAiProvider = (settings: OpenAiSettings): AiProvider =>
  remoteProvider(openAiTransport(settings));

export type EmbeddingSettings = Omit<OpenAiSettings, 'model'> & {
  embeddingModel: string;
  /** Asked-for vector length; unset or 0 means the model's own. */
  dimensions?: number;
};

/** Embedding vectors from OpenAI (Anthropic offers none), with the tokens they cost. */
export async function openAiEmbed(
  settings: EmbeddingSettings,
  texts: string[],
): Promise<{ vectors: number[][]; promptTokens: number; model: string }> {
  const client = new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
  });
  try {
    const res = await client.embeddings.create({
      model: settings.embeddingModel,
      input: texts,
      ...(settings.dimensions ? { dimensions: settings.dimensions } : {}),
    });
    const vectors = [...res.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    return { vectors, promptTokens: res.usage?.prompt_tokens ?? 0, model: settings.embeddingModel };
  } catch (error) {
    throw toUnavailable(error);
  }
}
