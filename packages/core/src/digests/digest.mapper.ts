import { Digest, DigestSections } from '@teamflow/contracts/digests';
import type { DailySummaryRow } from './digests.repository';

export function toDigest(row: DailySummaryRow): Digest {
  return {
    workspaceId: row.workspaceId,
    date: row.date,
    generatedAt: row.generatedAt.toISOString(),
    provider: Digest.shape.provider.parse(row.provider),
    summary: row.summary,
    sections: DigestSections.parse(row.sections),
  };
}
