import Anthropic from '@anthropic-ai/sdk';
import { remoteProvider, type ChatTransport } from './remote.provider';
import type { AiProvider } from './provider';
import { unavailable } from './provider';

export interface AnthropicSettings {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

/** Anthropic messages through the official SDK (which retries 429/5xx/529, honouring Retry-After). */
export function anthropicTransport(settings: AnthropicSettings): ChatTransport {
  const client = new Anthropic({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
  });
  return {
    name: 'anthropic',
    model: settings.model,
    async chat(system, user) {
      try {
        const res = await client.messages.create({
          model: settings.model,
          max_tokens: 2048,
          system,
          messages: [{ role: 'user', content: user }],
        });
        const text = res.content
          .map((block) => (block.type === 'text' ? block.text : ''))
          .join('')
          .trim();
        return {
          text,
          promptTokens: res.usage.input_tokens,
          completionTokens: res.usage.output_tokens,
        };
      } catch (error) {
        const status = error instanceof Anthropic.APIError ? `${error.status ?? 'connection'} ` : '';
        throw unavailable('anthropic', `${status}${(error as Error).message}`);
      }
    },
  };
}

export const anthropicProvider = (settings: AnthropicSettings): AiProvider =>
  remoteProvider(anthropicTransport(settings));
