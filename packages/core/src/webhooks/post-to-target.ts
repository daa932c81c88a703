import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup, literalTargetRefused } from './webhook-target';

const TIMEOUT_MS = 10_000;

export interface SendResult {
  status: number | null;
  error: string | null;
}

/**
 * POSTs a body to a URL a workspace gave us (outgoing webhooks, Slack's incoming webhooks) with
 * the caller's headers. Inward addresses are refused at connection time; never follows
 * redirects, never reads much back.
 */
export function postToTarget(
  url: URL,
  body: string,
  headers: Record<string, string>,
  allowPrivate: boolean,
): Promise<SendResult> {
  if (literalTargetRefused(url, allowPrivate))
    return Promise.resolve({ status: null, error: 'The target is a private address' });
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    lookup: guardedLookup(allowPrivate),
    timeout: TIMEOUT_MS,
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(url, options, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? null, error: null }));
      res.on('error', (error) => resolve({ status: res.statusCode ?? null, error: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (error) => resolve({ status: null, error: error.message }));
    req.end(body);
  });
}
