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

/**
 * Anthropic messages through the official SDK (which retries 429/5xx/529, honouring Retry-After).
 * The answer's shape is a tool whose input schema is our JSON Schema; `tool_choice` makes the model
 * call it, so the answer arrives as the tool call's parsed input.
 */
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
    async chat(system, user, output) {
      try {
        const res = await client.messages.create({
          model: settings.model,
          max_tokens: 2048,
          system,
          messages: [{ role: 'user', content: user }],
          tools: [{ name: output.name, description: output.description, input_schema: output.jsonSchema }],
          tool_choice: { type: 'tool', name: output.name, disable_parallel_tool_use: true },
        });
        const call = res.content.find((block) => block.type === 'tool_use' && block.name === output.name);
        const text = res.content
          .map((block) => (block.type === 'text' ? block.text : ''))
          .join('')
          .trim();
        return {
          value: call?.type === 'tool_use' ? call.input : undefined,
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
