'use client';

import { AiJob, AiJobAccepted, type AiRequest } from '@teamflow/contracts/ai';
import { useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Starts an AI job (`POST …/ai-breakdown`, `…/ai-prioritize`, `…/ai-summary`): 202 with its id. */
export function useStartAiJob(path: string) {
  return useMutation({
    mutationFn: (body: AiRequest = {}) => apiRequest('POST', path, { body, schema: AiJobAccepted }),
  });
}

/** Follows a job until it completes or fails (polling GET /jobs/:id every 500 ms meanwhile). */
export function useAiJob(jobId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.aiJob(jobId ?? 'none'),
    enabled: jobId !== undefined,
    queryFn: ({ signal }) => apiRequest('GET', `/jobs/${jobId}`, { schema: AiJob, signal }),
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state === 'completed' || state === 'failed' ? false : 500;
    },
  });
}
