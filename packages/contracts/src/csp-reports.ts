import { z } from 'zod';

// The two wire formats browsers use to report a Content-Security-Policy violation. Only the fields
// the api logs are declared; the rest (the whole policy, samples of the page) are dropped unread.

const Disposition = z.enum(['enforce', 'report']);

/** `report-uri`: one violation per request, `Content-Type: application/csp-report`. */
export const LegacyCspReport = z.object({
  'csp-report': z.object({
    'document-uri': z.string(),
    'blocked-uri': z.string().optional(),
    'effective-directive': z.string().optional(),
    // Older browsers send only this one.
    'violated-directive': z.string().optional(),
    disposition: Disposition.optional(),
    'source-file': z.string().optional(),
    'line-number': z.number().optional(),
    'column-number': z.number().optional(),
  }),
});
export type LegacyCspReport = z.infer<typeof LegacyCspReport>;

/** `report-to` (Reporting API): a batch, `Content-Type: application/reports+json`. */
export const ReportingApiCspReports = z
  .array(
    z.object({
      type: z.literal('csp-violation'),
      body: z.object({
        documentURL: z.string(),
        blockedURL: z.string().optional(),
        effectiveDirective: z.string(),
        disposition: Disposition,
        sourceFile: z.string().optional(),
        lineNumber: z.number().optional(),
        columnNumber: z.number().optional(),
      }),
    }),
  )
  .min(1)
  .max(100);
export type ReportingApiCspReports = z.infer<typeof ReportingApiCspReports>;

export const CspReportBody = z.union([LegacyCspReport, ReportingApiCspReports]);
export type CspReportBody = z.infer<typeof CspReportBody>;

/** The media types `POST /csp-reports` accepts (plain JSON too, for tools that send it). */
export const CSP_REPORT_MEDIA_TYPES = [
  'application/csp-report',
  'application/reports+json',
  'application/json',
] as const;
