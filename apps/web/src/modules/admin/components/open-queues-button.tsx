'use client';

import { MeResponse } from '@teamflow/contracts/auth';
import { useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { publicApiUrl } from '@/lib/public-env';
import { queryKeys } from '@/lib/query-keys';
import { Button } from '@/modules/ui/components/button';
import { showToast } from '@/modules/ui/toast';

/**
 * For platform admins only: opens Bull Board in a new tab. A tab cannot send the in-memory bearer
 * token, so the api first sets its HttpOnly `/admin` cookie from this session's token.
 */
export function OpenQueuesButton() {
  const me = useQuery({
    queryKey: queryKeys.me,
    queryFn: () => apiRequest('GET', '/auth/me', { schema: MeResponse }),
    staleTime: Infinity,
  });
  const open = useMutation({
    mutationFn: () => apiRequest('POST', '/admin/session'),
    onSuccess: () => window.open(`${publicApiUrl}/admin/queues`, '_blank', 'noopener'),
    onError: (error) =>
      showToast({ tone: 'error', title: 'Could not open the queues', description: error.message }),
  });
  if (!me.data?.platformAdmin) return null;
  return (
    <span className="hidden sm:block">
      <Button variant="ghost" disabled={open.isPending} onClick={() => open.mutate()}>
        Queues
      </Button>
    </span>
  );
}
