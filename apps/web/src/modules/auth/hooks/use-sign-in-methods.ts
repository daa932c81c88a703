'use client';

import { SignInMethods } from '@teamflow/contracts/auth';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Which ways to sign in the api offers; while unknown (or unreachable) only the password form shows. */
export function useSignInMethods(): SignInMethods | undefined {
  const query = useQuery({
    queryKey: queryKeys.signInMethods,
    queryFn: () => apiRequest('GET', '/auth/sign-in-methods', { schema: SignInMethods }),
    staleTime: Infinity,
    retry: false,
  });
  return query.data;
}
