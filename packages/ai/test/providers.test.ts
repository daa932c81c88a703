import { providerChain, runWithFallback, type AiSettings } from '../src/ai-chain';
import { openAiEmbed } from '../src/openai.provider';
import type { BacklogInput, BreakdownInput } from '../src/inputs';
import { AiError, type CallUsage } from '../src/provider';
import { OUTPUTS } from '../src/remote.provider';
import {
  ANTHROPIC_MESSAGES,
  anthropicError,
  anthropicMessage,
  anthropicToolUse,
  FakeProviderServer,
  OPENAI_CHAT,
  OPENAI_EMBEDDINGS,
  openAiCompletion,
  openAiError,
  openAiRefusal,
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
    // Structured Outputs: the strict JSON Schema made from the same Zod schema the answer is checked with.
    expect(sent.body).toMatchObject({
      model: 'gpt-4o-mini',
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'task_breakdown', strict: true, schema: OUTPUTS.breakdown.jsonSchema },
      },
    });
    const schema = OUTPUTS.breakdown.jsonSchema as unknown as {
      properties: { suggestions: { items: unknown } };
    };
    expect(schema.properties.suggestions.items).toMatchObject({
      additionalProperties: false,
      required: ['title', 'description', 'estimatedHours', 'confidence', 'order'],
    });
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
    fake.script(
      ANTHROPIC_MESSAGES,
      anthropicToolUse('task_breakdown', JSON.parse(good), { text: 'Here you go.' }),
    );
    const { source, calls, value } = await breakdown(settings({ AI_MAX_RETRIES: 1 }));
    expect(source).toEqual({ provider: 'anthropic', model: 'claude-3-5-haiku-latest' });
    expect(value.suggestions.map((s) => s.title)).toEqual([
      'Register OAuth app',
      'Callback handler',
      'Login form',
    ]);
    expect(fake.count(OPENAI_CHAT)).toBe(2); // first try + one SDK retry
    const toAnthropic = fake.received.find((r) => r.path === ANTHROPIC_MESSAGES)!;
    // The SDK authenticates with the key (as a bearer token in this version) and pins an API version.
    expect(`${toAnthropic.headers['x-api-key'] ?? ''}${toAnthropic.headers.authorization ?? ''}`).toContain(
      'sk-ant-test',
    );
    expect(toAnthropic.headers['anthropic-version']).toBeTruthy();
    // The answer's shape is a tool whose input schema is the same JSON Schema, and the model must call it.
    expect(toAnthropic.body).toMatchObject({
      model: 'claude-3-5-haiku-latest',
      max_tokens: 2048,
      tools: [{ name: 'task_breakdown', input_schema: OUTPUTS.breakdown.jsonSchema }],
      tool_choice: { type: 'tool', name: 'task_breakdown' },
    });
    expect(calls).toEqual([
      expect.objectContaining({ provider: 'anthropic', promptTokens: 150, completionTokens: 90 }),
    ]);
  });

  it('falls back to Anthropic when OpenAI stays rate-limited after its retries', async () => {
    fake.fallback(OPENAI_CHAT, () => openAiError(429, 'rate_limit_exceeded', retryHeaders));
    fake.script(ANTHROPIC_MESSAGES, anthropicToolUse('task_breakdown', JSON.parse(good)));
    const { source } = await breakdown(settings({ AI_MAX_RETRIES: 2 }));
    expect(source.provider).toBe('anthropic');
    expect(fake.count(OPENAI_CHAT)).toBe(3);
  });

  it('still reads a JSON answer Anthropic wrote as text instead of calling the tool', async () => {
    fake.fallback(OPENAI_CHAT, () => openAiError(503, 'server_error'));
    fake.script(ANTHROPIC_MESSAGES, anthropicMessage(`Here you go:\n${good}`));
    const { source, value } = await breakdown(settings({ AI_MAX_RETRIES: 0 }));
    expect(source.provider).toBe('anthropic');
    expect(value.suggestions).toHaveLength(3);
  });

  it('retries a tool call whose input fails the schema once, telling the model why, then accepts the fix', async () => {
    fake.fallback(OPENAI_CHAT, () => openAiError(503, 'server_error'));
    fake.script(
      ANTHROPIC_MESSAGES,
      anthropicToolUse('task_breakdown', { suggestions: [{ title: 'x' }] }),
      anthropicToolUse('task_breakdown', JSON.parse(good)),
    );
    const { value, calls } = await breakdown(settings({ AI_MAX_RETRIES: 0 }));
    expect(value.suggestions).toHaveLength(3);
    expect(calls.map((c) => c.provider)).toEqual(['anthropic', 'anthropic']);
    const second = fake.received.filter((r) => r.path === ANTHROPIC_MESSAGES)[1]!.body;
    expect((second.messages as { content: string }[])[0]!.content).toMatch(
      /previous answer was rejected: suggestions/,
    );
    expect(second.tool_choice).toEqual({
      type: 'tool',
      name: 'task_breakdown',
      disable_parallel_tool_use: true,
    });
  });

  it('treats an OpenAI refusal as malformed output: one retry, then AI_OUTPUT_INVALID', async () => {
    fake.fallback(OPENAI_CHAT, () => openAiRefusal('I cannot help with that.'));
    const error = await breakdown(settings()).catch((e: unknown) => e);
    expect((error as AiError).code).toBe('AI_OUTPUT_INVALID');
    expect((error as AiError).message).toMatch(/refused: I cannot help with that/);
    expect(fake.count(OPENAI_CHAT)).toBe(2);
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

  it('asks for the ranking and the summary in their own schemas, on OpenAI and as Anthropic tools', async () => {
    const backlog: BacklogInput = {
      projectName: 'Web',
      today: '2026-11-22',
      tasks: [
        {
          id: '00000000-0000-4000-8000-000000000001',
          key: 'WEB-1',
          title: 'Fix login',
          description: null,
          status: 'todo',
          priority: 'high',
          dueDate: null,
          createdAt: '2026-11-20T10:00:00.000Z',
          storyPoints: null,
          waitsOn: [],
          blocks: [],
        },
      ],
    };
    const ranking = {
      items: [{ taskId: backlog.tasks[0]!.id, rank: 1, score: 9, reason: 'High priority.' }],
    };
    const summary = { summary: 'One task, not started.', highlights: [], risks: ['Login is broken'] };
    fake.script(OPENAI_CHAT, openAiCompletion(JSON.stringify(ranking)));
    fake.script(ANTHROPIC_MESSAGES, anthropicToolUse('project_summary', summary));
    const [openai, anthropic] = providerChain(settings());
    expect(await openai!.prioritize(backlog, { feature: 'prioritize' })).toEqual(ranking);
    expect(await anthropic!.summarize(backlog, { feature: 'summarize' })).toEqual(summary);
    const [toOpenAi, toAnthropic] = fake.received;
    expect(toOpenAi!.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'backlog_ranking',
        description: OUTPUTS.prioritize.description,
        schema: OUTPUTS.prioritize.jsonSchema,
        strict: true,
      },
    });
    expect(toAnthropic!.body).toMatchObject({
      tools: [{ name: 'project_summary', input_schema: OUTPUTS.summarize.jsonSchema }],
      tool_choice: { type: 'tool', name: 'project_summary' },
    });
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

describe('work-log entry analysis through the chain', () => {
  const entry = {
    body: 'Shipped the checkout for Payments: p99 from 800 to 120 ms. Great day!',
    tags: ['payments'],
    projects: [{ name: 'Payments', key: 'PAY' }],
  };
  const analyse = (s: AiSettings) =>
    runWithFallback(providerChain(s), (p) => p.analyseEntry(entry, { feature: 'analyse-entry' }));
  // What a strict-schema model sends: every key present, `null` for what it has not got.
  const answer = JSON.stringify({
    sentiment: { score: 0.8, label: 'positive' },
    projects: ['Payments'],
    skills: ['Performance'],
    achievements: [{ text: 'Shipped the checkout', impact: null, metric: 'p99 from 800 to 120 ms' }],
    themes: ['checkout'],
  });

  it('asks OpenAI with the strict entry-analysis schema, the entry and the author’s projects', async () => {
    fake.script(OPENAI_CHAT, openAiCompletion(answer));
    const { value, source } = await analyse(settings());
    expect(source.provider).toBe('openai');
    expect(value.achievements).toEqual([{ text: 'Shipped the checkout', metric: 'p99 from 800 to 120 ms' }]);
    const sent = fake.received[0]!.body;
    expect(sent).toMatchObject({
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'worklog_entry_analysis',
          strict: true,
          schema: OUTPUTS.analyseEntry.jsonSchema,
        },
      },
    });
    expect(JSON.stringify(sent.messages)).toContain('Payments / PAY');
    expect(JSON.stringify(sent.messages)).toContain('p99 from 800 to 120 ms');
  });

  it('refuses an answer outside the schema twice (a score of 3, an extra key) with AI_OUTPUT_INVALID', async () => {
    fake.fallback(OPENAI_CHAT, () =>
      openAiCompletion(
        JSON.stringify({ ...JSON.parse(answer), sentiment: { score: 3, label: 'ecstatic' }, mood: 1 }),
      ),
    );
    const error = await analyse(settings()).catch((e: unknown) => e);
    expect((error as AiError).code).toBe('AI_OUTPUT_INVALID');
    expect(fake.count(OPENAI_CHAT)).toBe(2);
  });

  it('answers from Anthropic’s forced tool when OpenAI is down, and locally when both are', async () => {
    fake.fallback(OPENAI_CHAT, () => openAiError(503, 'server_error'));
    fake.script(ANTHROPIC_MESSAGES, anthropicToolUse('worklog_entry_analysis', JSON.parse(answer)));
    const remote = await analyse(settings({ AI_MAX_RETRIES: 0 }));
    expect(remote.source.provider).toBe('anthropic');
    expect(remote.value.skills).toEqual(['Performance']);

    fake.fallback(ANTHROPIC_MESSAGES, () => anthropicError(529, 'overloaded_error'));
    const local = await analyse(settings({ AI_MAX_RETRIES: 0 }));
    expect(local.source.provider).toBe('local');
    expect(local.value.sentiment.label).toBe('positive');
    expect(local.value.projects).toContain('Payments');
  });
});
