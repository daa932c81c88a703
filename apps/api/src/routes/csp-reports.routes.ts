import express, { type Request, type Response, type Router } from 'express';
import { ErrorResponse } from '@teamflow/contracts/common';
import { CSP_REPORT_MEDIA_TYPES, CspReportBody } from '@teamflow/contracts/csp-reports';
import { AppError, invalid } from '@teamflow/core/platform/errors';
import { PUBLIC, type RouteTable } from '../http/route-table';
import { parseInput } from '../http/validate';

const REPORT_LIMIT = '64kb';
// The route table's JSON parser takes only application/json: this route declares no body and reads its own.
const parseReportJson = express.json({
  type: [...CSP_REPORT_MEDIA_TYPES],
  limit: REPORT_LIMIT,
  strict: true,
});

/** One violation as it is logged: where, what was blocked, by which directive. Nothing else of the body. */
interface LoggedViolation {
  directive: string;
  blocked: string | undefined;
  document: string | undefined;
  source: string | undefined;
  disposition: 'enforce' | 'report' | undefined;
}

/**
 * Browsers report violations of the web app's Content-Security-Policy here (its `report-uri` and
 * `report-to`). Anonymous (a browser sends them without credentials), rate limited per IP like any
 * public route, logged at warn so an operator can tighten the policy, answered 204 with no body.
 */
export function cspReportRoutes(table: RouteTable, router: Router, base: string): void {
  table.add(router, base, {
    method: 'post',
    path: '/csp-reports',
    summary:
      'Content-Security-Policy violation reports from browsers (application/csp-report or application/reports+json); logged, 204',
    tag: 'Operations',
    access: PUBLIC,
    responses: { 204: null, 400: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse },
    handler: async ({ req, res }) => {
      const body = parseInput('body', CspReportBody, await readReportBody(req, res));
      for (const violation of violationsIn(body)) req.log.warn('csp violation', { ...violation });
    },
  });
}

async function readReportBody(req: Request, res: Response): Promise<unknown> {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (!hasBody) throw invalid([{ field: 'body', message: 'A CSP report is required' }]);
  if (!req.is([...CSP_REPORT_MEDIA_TYPES])) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send CSP reports as application/csp-report or application/reports+json',
    );
  }
  await new Promise<void>((resolve, reject) => {
    parseReportJson(req, res, (error?: unknown) => (error ? reject(bodyError(error)) : resolve()));
  });
  return req.body as unknown;
}

function bodyError(error: unknown): Error {
  switch ((error as { type?: string }).type) {
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', `A CSP report body is limited to ${REPORT_LIMIT}`);
    case 'entity.parse.failed':
      return new AppError('INVALID_JSON', 'The body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding');
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

function violationsIn(body: CspReportBody): LoggedViolation[] {
  if (!Array.isArray(body)) {
    const r = body['csp-report'];
    return [
      {
        directive: r['effective-directive'] ?? r['violated-directive'] ?? 'unknown',
        blocked: redact(r['blocked-uri']),
        document: redact(r['document-uri']),
        source: redact(r['source-file'], r['line-number'], r['column-number']),
        disposition: r.disposition,
      },
    ];
  }
  return body.map(({ body: r }) => ({
    directive: r.effectiveDirective,
    blocked: redact(r.blockedURL),
    document: redact(r.documentURL),
    source: redact(r.sourceFile, r.lineNumber, r.columnNumber),
    disposition: r.disposition,
  }));
}

const KEYWORD = /^[a-z][a-z-]{0,39}$/;
const LONG_SEGMENT = /[^/]{20,}/g;

/**
 * Origin and path only. A report carries the page's full URL: query strings and long path segments
 * can hold secrets (a password-reset token, an invitation link), which must not reach the logs.
 * Non-URL values are the browser's keywords (`inline`, `eval`); anything else is not echoed.
 */
function redact(value: string | undefined, line?: number, column?: number): string | undefined {
  if (!value) return undefined;
  if (KEYWORD.test(value)) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return '(unparsable)';
  }
  if (!/^(https?|wss?):$/.test(url.protocol)) return url.protocol;
  const where = `${url.origin}${url.pathname.replace(LONG_SEGMENT, '…')}`.slice(0, 300);
  return line === undefined ? where : `${where}:${line}:${column ?? 0}`;
}
