import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted reply: a status, a JSON body and headers (e.g. retry-after). */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
export interface Received {
  path: string;
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
}
type Responder = (req: Received) => Reply;

/** OpenAI's chat completion object around `content`. */
export const openAiCompletion = (content: string, model = 'gpt-4o-mini'): Reply => ({
  status: 200,
  body: {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 120, completion_tokens: 80, total_tokens: 200 },
  },
});
/** OpenAI's chat completion when the model declines to answer in the schema (`refusal` set, no content). */
export const openAiRefusal = (refusal: string, model = 'gpt-4o-mini'): Reply => ({
  status: 200,
  body: {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: null, refusal },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 120, completion_tokens: 5, total_tokens: 125 },
  },
});
/**
 * OpenAI's embedding list for a request to `/v1/embeddings`, one vector per input. Encoded as the
 * request asks: base64 little-endian float32 (what the SDK asks for by default) or plain numbers.
 */
export const openAiEmbeddings = (request: Received, vectors: number[][], promptTokens = 8): Reply => ({
  status: 200,
  body: {
    object: 'list',
    model: String(request.body.model),
    data: vectors.map((v, index) => ({
      object: 'embedding',
      index,
      embedding:
        request.body.encoding_format === 'base64'
          ? Buffer.from(new Float32Array(v).buffer).toString('base64')
          : v,
    })),
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  },
});
/**
 * A stand-in embedding model for `/v1/embeddings`: one dimension per concept (a list of words),
 * each input's count of those words, so texts on one concept land together however they are
 * worded (what a real model does, in a form a test can reason about).
 */
export const conceptEmbeddings =
  (concepts: string[][]) =>
  (request: Received): Reply =>
    openAiEmbeddings(
      request,
      (request.body.input as string[]).map((text) =>
        concepts.map(
          (words) => (text.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => words.includes(w)).length,
        ),
      ),
    );
/** OpenAI's error body (`{error: {message, type, param, code}}`). */
export const openAiError = (status: number, type: string, headers?: Record<string, string>): Reply => ({
  status,
  headers,
  body: { error: { message: `fake ${type}`, type, param: null, code: type } },
});
/** Anthropic's message object around `text`. */
export const anthropicMessage = (text: string, model = 'claude-3-5-haiku-latest'): Reply => ({
  status: 200,
  body: {
    id: 'msg_test',
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 150, output_tokens: 90 },
  },
});
/**
 * Anthropic's message object for a forced tool call: a `tool_use` block whose `input` is the
 * answer (how structured output arrives from Anthropic), optionally after some text.
 */
export const anthropicToolUse = (
  name: string,
  input: unknown,
  { text, model = 'claude-3-5-haiku-latest' }: { text?: string; model?: string } = {},
): Reply => ({
  status: 200,
  body: {
    id: 'msg_test',
    type: 'message',
    role: 'assistant',
    model,
    content: [...(text ? [{ type: 'text', text }] : []), { type: 'tool_use', id: 'toolu_test', name, input }],
    stop_reason: 'tool_use',
    stop_sequence: null,
    usage: { input_tokens: 150, output_tokens: 90 },
  },
});
/** Anthropic's error body (`{type: 'error', error: {type, message}}`). */
export const anthropicError = (status: number, type: string, headers?: Record<string, string>): Reply => ({
  status,
  headers,
  body: { type: 'error', error: { type, message: `fake ${type}` } },
});

/**
 * A local HTTP server speaking the OpenAI (`/v1/chat/completions`, `/v1/embeddings`) and Anthropic
 * (`/v1/messages`) wire formats. Replies are scripted per path (a queue, then a default); every
 * request is recorded so tests can count provider calls.
 */
export class FakeProviderServer {
  readonly received: Received[] = [];
  private readonly queues = new Map<string, Reply[]>();
  private readonly defaults = new Map<string, Responder>();
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }
  /** The base URL for the OpenAI SDK (it appends /chat/completions). */
  get openAiBaseUrl(): string {
    return `${this.url}/v1`;
  }
  /** The base URL for the Anthropic SDK (it appends /v1/messages). */
  get anthropicBaseUrl(): string {
    return this.url;
  }

  /** Queues replies for a path, used in order before the default. */
  script(path: string, ...replies: Reply[]): this {
    this.queues.set(path, [...(this.queues.get(path) ?? []), ...replies]);
    return this;
  }
  fallback(path: string, responder: Responder): this {
    this.defaults.set(path, responder);
    return this;
  }
  reset(): void {
    this.received.length = 0;
    this.queues.clear();
    this.defaults.clear();
  }
  count(path: string): number {
    return this.received.filter((r) => r.path === path).length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = (req.url ?? '').split('?')[0]!;
    const text = Buffer.concat(chunks).toString('utf8');
    const received: Received = {
      path,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      headers: req.headers,
    };
    this.received.push(received);
    const reply = this.queues.get(path)?.shift() ??
      this.defaults.get(path)?.(received) ?? {
        status: 404,
        body: { error: { message: `no route ${path}` } },
      };
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export const OPENAI_CHAT = '/v1/chat/completions';
export const OPENAI_EMBEDDINGS = '/v1/embeddings';
export const ANTHROPIC_MESSAGES = '/v1/messages';
