'use client';

import { MyPatterns } from '@teamflow/contracts/patterns';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The caller's own patterns between two of their local dates. */
export function useMyPatterns(from: string, to: string) {
  return useQuery({
    queryKey: queryKeys.myPatterns(from, to),
    queryFn: ({ signal }) =>
      apiRequest('GET', `/me/patterns?from=${from}&to=${to}`, { schema: MyPatterns, signal }),
  });
}
