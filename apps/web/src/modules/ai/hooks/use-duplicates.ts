'use client';

import { DuplicateResult } from '@teamflow/contracts/ai';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Similar open tasks for a title being typed: waits until typing pauses (400 ms), then asks once. */
export function useDuplicates(projectId: string, title: string) {
  const [settled, setSettled] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSettled(title.trim()), 400);
    return () => clearTimeout(timer);
  }, [title]);
  return useQuery({
    queryKey: queryKeys.aiDuplicates(projectId, settled),
    enabled: settled.length >= 3,
    staleTime: 30_000,
    queryFn: ({ signal }) =>
      apiRequest('POST', `/projects/${projectId}/ai-duplicates`, {
        body: { title: settled },
        schema: DuplicateResult,
        signal,
      }),
  });
}
