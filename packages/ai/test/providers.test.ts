import { providerChain, runWithFallback, type AiSettings } from '../src/ai-chain';
import { openAiEmbed } from '../src/openai.provider';
import type { BreakdownInput } from '../src/inputs';
import { AiError, type CallUsage } from '../src/provider';
import {
  ANTHROPIC_MESSAGES,
  anthropicError,
  anthropicMessage,
  FakeProviderServer,
  OPENAI_CHAT,
  OPENAI_EMBEDDINGS,
  openAiCompletion,
  openAiError,
} from '../testing/fake-providers';

const fake = new FakeProviderServer();
beforeAll(() => fake.start());
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

const settings = (over: Partial<AiSettings> = {}): AiSettings => ({
  AI_PROVIDER: 'auto',
  OPENAI_API_KEY: 'sk-test',
  OPENAI_BASE_URL: fake.openAiBaseUrl,
  OPENAI_MODEL: 'gpt-4o-mini',
  ANTHROPIC_API_KEY: 'sk-ant-test',
  ANTHROPIC_BASE_URL: fake.anthropicBaseUrl,
  ANTHROPIC_MODEL: 'claude-3-5-haiku-latest',
  AI_TIMEOUT_MS: 5000,
  AI_MAX_RETRIES: 2,
  AI_FALLBACK_TO_LOCAL: true,
  ...over,
});

const input: BreakdownInput = {
  projectName: 'Web',
  task: {
    key: 'WEB-1',
    title: 'Build login page with OAuth',
    description: null,
    priority: 'high',
    storyPoints: 5,
  },
};
const good = JSON.stringify({
  suggestions: [
    { title: 'Register OAuth app', description: 'creds', estimatedHours: 1, confidence: 0.9, order: 1 },
    { title: 'Callback handler', description: 'code exchange', estimatedHours: 4, confidence: 0.8, order: 2 },
    { title: 'Login form', description: 'UI', estimatedHours: 3, confidence: 0.8, order: 3 },
  ],
});
// Retry-After in milliseconds keeps the SDK's wait short; both headers are what the APIs send.
const retryHeaders = { 'retry-after': '0', 'retry-after-ms': '20' };

async function breakdown(s: AiSettings) {
  const calls: CallUsage[] = [];
  const result = await runWithFallback(providerChain(s), (p) =>
    p.breakdown(input, { feature: 'breakdown', onCall: (u) => Promise.resolve(void calls.push(u)) }),
  );
  return { ...result, calls };
}

describe('provider chain', () => {
  it('answers from OpenAI through the official SDK, naming provider and model, with token usage', async () => {
    fake.script(OPENAI_CHAT, openAiCompletion(good));
    const { value, source, calls } = await breakdown(settings());
    expect(source).toEqual({ provider: 'openai', model: 'gpt-4o-mini' });
    expect(value.suggestions.map((s) => s.title)).toContain('Callback handler');
    expect(calls).toEqual([
      {
        provider: 'openai',
        model: 'gpt-4o-mini',
        feature: 'breakdown',
        promptTokens: 120,
        completionTokens: 80,
      },
    ]);
    const sent = fake.received[0]!;
    expect(sent.headers.authorization).toBe('Bearer sk-test');
    expect(sent.body).toMatchObject({ model: 'gpt-4o-mini', response_format: { type: 'json_object' } });
    expect(fake.count(ANTHROPIC_MESSAGES)).toBe(0);
  });

  it('waits out a 429 with retry-after and then succeeds on OpenAI', async () => {
    fake.script(OPENAI_CHAT, openAiError(429, 'rate_limit_exceeded', retryHeaders), openAiCompletion(good));
    const { source } = await breakdown(settings());
    expect(source.provider).toBe('openai');
    expect(fake.count(OPENAI_CHAT)).toBe(2);
  });

  it('falls back to Anthropic when OpenAI keeps answering 5xx', async () => {
    fake.fallback(OPENAI_CHAT, () => openAiError(500, 'server_error'));
    fake.script(ANTHROPIC_MESSAGES, anthropicMessage(`Here you go:\n${good}`));
    const { source, calls } = await breakdown(settings({ AI_MAX_RETRIES: 1 }));
    expect(source).toEqual({ provider: 'anthropic', model: 'claude-3-5-haiku-latest' });
    expect(fake.count(OPENAI_CHAT)).toBe(2); // first try + one SDK retry
    const toAnthropic = fake.received.find((r) => r.path === ANTHROPIC_MESSAGES)!;
    // The SDK authenticates with the key (as a bearer token in this version) and pins an API version.
    expect(`${toAnthropic.headers['x-api-key'] ?? ''}${toAnthropic.headers.authorization ?? ''}`).toContain(
      'sk-ant-test',
    );
    expect(toAnthropic.headers['anthropic-version']).toBeTruthy();
    expect(toAnthropic.body).toMatchObject({ model: 'claude-3-5-haiku-latest', max_tokens: 2048 });
    expect(calls).toEqual([
      expect.objectContaining({ provider: 'anthropic', promptTokens: 150, completionTokens: 90 }),
    ]);
  });

  it('falls back to Anthropic when OpenAI stays rate-limited after its retries', async () => {
    fake.fallback(OPENAI_CHAT, () => openAiError(429, 'rate_limit_exceeded', retryHeaders));
    fake.script(ANTHROPIC_MESSAGES, anthropicMessage(good));
    const { source } = await breakdown(settings({ AI_MAX_RETRIES: 2 }));
    expect(source.provider).toBe('anthropic');
    expect(fake.count(OPENAI_CHAT)).toBe(3);
  });

  it('answers with the local model when both remote providers are down and fallback is on', async () => {
    fake.fallback(OPENAI_CHAT, () => openAiError(503, 'server_error'));
    fake.fallback(ANTHROPIC_MESSAGES, () => anthropicError(529, 'overloaded_error'));
    const { source, value, calls } = await breakdown(settings({ AI_MAX_RETRIES: 0 }));
    expect(source.provider).toBe('local');
    expect(value.suggestions.length).toBeGreaterThanOrEqual(3);
    expect(calls).toEqual([
      expect.objectContaining({ provider: 'local', promptTokens: 0, completionTokens: 0 }),
    ]);
  });

  it('fails clearly when both remote providers are down and fallback is off', async () => {
    fake.fallback(OPENAI_CHAT, () => openAiError(502, 'server_error'));
    fake.fallback(ANTHROPIC_MESSAGES, () => anthropicError(500, 'api_error'));
    const error = await breakdown(settings({ AI_MAX_RETRIES: 0, AI_FALLBACK_TO_LOCAL: false })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AiError);
    expect((error as AiError).code).toBe('AI_PROVIDER_UNAVAILABLE');
    expect((error as AiError).message).toMatch(/anthropic/);
  });

  it('retries malformed output once, then fails with AI_OUTPUT_INVALID (no fallback)', async () => {
    fake.fallback(OPENAI_CHAT, () => openAiCompletion('{"suggestions": [{"title": "x"}]}'));
    const error = await breakdown(settings()).catch((e: unknown) => e);
    expect((error as AiError).code).toBe('AI_OUTPUT_INVALID');
    expect(fake.count(OPENAI_CHAT)).toBe(2);
    // The second request tells the model what was wrong.
    const retry = fake.received[1]!.body.messages as { content: string }[];
    expect(retry[1]!.content).toMatch(/previous answer was rejected/);
    expect(fake.count(ANTHROPIC_MESSAGES)).toBe(0);
  });

  it('accepts a corrected answer on the retry after malformed output', async () => {
    fake.script(OPENAI_CHAT, openAiCompletion('not json at all'), openAiCompletion(good));
    const { value, calls } = await breakdown(settings());
    expect(value.suggestions).toHaveLength(3);
    expect(calls).toHaveLength(2);
  });

  it('refuses a paid call when the budget check throws, before any request is sent', async () => {
    const chain = providerChain(settings());
    const error = await runWithFallback(chain, (p) =>
      p.breakdown(input, {
        feature: 'breakdown',
        beforeRemoteCall: () => Promise.reject(new AiError('AI_BUDGET_EXCEEDED', 'over budget')),
      }),
    ).catch((e: unknown) => e);
    expect((error as AiError).code).toBe('AI_BUDGET_EXCEEDED');
    expect(fake.received).toHaveLength(0);
  });

  it('chooses providers from AI_PROVIDER and the keys that are set', () => {
    const names = (s: AiSettings) => providerChain(s).map((p) => p.name);
    expect(names(settings())).toEqual(['openai', 'anthropic', 'local']);
    expect(names(settings({ OPENAI_API_KEY: undefined }))).toEqual(['anthropic', 'local']);
    expect(names(settings({ OPENAI_API_KEY: undefined, ANTHROPIC_API_KEY: undefined }))).toEqual(['local']);
    expect(names(settings({ AI_PROVIDER: 'anthropic', AI_FALLBACK_TO_LOCAL: false }))).toEqual(['anthropic']);
    expect(names(settings({ AI_PROVIDER: 'local' }))).toEqual(['local']);
    expect(providerChain(settings(), { localOnly: true }).map((p) => p.name)).toEqual(['local']);
  });
});

describe('OpenAI embeddings', () => {
  it('returns one vector per text in input order, with the tokens it cost', async () => {
    fake.script(OPENAI_EMBEDDINGS, {
      status: 200,
      body: {
        object: 'list',
        model: 'text-embedding-3-small',
        data: [
          { object: 'embedding', index: 1, embedding: [0, 1] },
          { object: 'embedding', index: 0, embedding: [1, 0] },
        ],
        usage: { prompt_tokens: 7, total_tokens: 7 },
      },
    });
    const out = await openAiEmbed(
      {
        apiKey: 'sk-test',
        baseURL: fake.openAiBaseUrl,
        embeddingModel: 'text-embedding-3-small',
        timeoutMs: 5000,
        maxRetries: 0,
      },
      ['login page', 'revenue report'],
    );
    expect(out).toEqual({
      vectors: [
        [1, 0],
        [0, 1],
      ],
      promptTokens: 7,
      model: 'text-embedding-3-small',
    });
    expect(fake.received[0]!.body).toMatchObject({
      model: 'text-embedding-3-small',
      input: ['login page', 'revenue report'],
    });
  });
});
