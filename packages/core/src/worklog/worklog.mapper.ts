import type { AiProviderName } from '@teamflow/contracts/ai';
import type { EntryAnalysis, WorklogEntry, WorklogExport } from '@teamflow/contracts/worklog';
import type { ExportRow } from './worklog-exports.repository';
import type { EntryWithInsight, InsightRow } from './worklog.repository';

export function toAnalysis(insight: InsightRow | null): EntryAnalysis {
  if (!insight)
    return {
      status: 'pending',
      provider: null,
      analysedAt: null,
      sentiment: { score: 0, label: 'neutral' },
      projects: [],
      skills: [],
      achievements: [],
      themes: [],
    };
  return {
    status: insight.status,
    provider: (insight.provider as AiProviderName | null) ?? null,
    analysedAt: insight.analysedAt?.toISOString() ?? null,
    sentiment: { score: insight.sentimentScore, label: insight.sentimentLabel },
    projects: insight.projects,
    skills: insight.skills,
    achievements: insight.achievements,
    themes: insight.themes,
  };
}

export function toWorklogEntry({ entry, insight }: EntryWithInsight): WorklogEntry {
  return {
    id: entry.id,
    date: entry.date,
    body: entry.body,
    tags: entry.tags,
    version: entry.version,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
    analysis: toAnalysis(insight),
  };
}

export const exportDownloadPath = (id: string) => `/api/v1/worklog/exports/${id}/download`;

export function toWorklogExport(row: ExportRow): WorklogExport {
  return {
    id: row.id,
    kind: row.kind,
    format: row.format,
    from: row.fromDate,
    to: row.toDate,
    status: row.status,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    ...(row.status === 'done' ? { downloadUrl: exportDownloadPath(row.id) } : {}),
  };
}
