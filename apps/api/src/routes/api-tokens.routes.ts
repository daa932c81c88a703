import type { Router } from 'express';
import {
  ApiToken,
  ApiTokenCreate,
  ApiTokenCreated,
  ApiTokenList,
  ApiTokenParams,
} from '@teamflow/contracts/api-tokens';
import { ErrorResponse, PageQuery } from '@teamflow/contracts/common';
import { createApiToken } from '@teamflow/core/api-tokens/create-api-token';
import { getApiToken } from '@teamflow/core/api-tokens/get-api-token';
import { listApiTokens } from '@teamflow/core/api-tokens/list-api-tokens';
import { revokeApiToken } from '@teamflow/core/api-tokens/revoke-api-token';
import type { ApiDeps } from '../deps';
import { USER, type RouteTable } from '../http/route-table';

/** The caller's personal API tokens (`Authorization: Bearer tf_pat_…`). */
export function apiTokenRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Me';
  table.add(router, base, {
    method: 'post',
    path: '/me/api-tokens',
    summary: 'Create a personal API token (read or write scope, optional expiry); the token is shown once',
    tag,
    access: USER,
    body: ApiTokenCreate,
    responses: { 201: ApiTokenCreated, 400: ErrorResponse },
    handler: ({ ctx, body }) => createApiToken(deps, ctx, body),
  });
  table.add(router, base, {
    method: 'get',
    path: '/me/api-tokens',
    summary: "The caller's API tokens, newest first (never the tokens themselves)",
    tag,
    access: USER,
    query: PageQuery,
    responses: { 200: ApiTokenList, 400: ErrorResponse },
    handler: ({ ctx, query }) => listApiTokens(deps, ctx, query),
  });
  table.add(router, base, {
    method: 'get',
    path: '/me/api-tokens/:tokenId',
    summary: 'One of your API tokens (never the token itself)',
    tag,
    access: USER,
    params: ApiTokenParams,
    responses: { 200: ApiToken, 404: ErrorResponse },
    handler: ({ ctx, params }) => getApiToken(deps, ctx, params.tokenId),
  });
  table.add(router, base, {
    method: 'delete',
    path: '/me/api-tokens/:tokenId',
    summary: 'Revoke an API token (it answers 401 from then on)',
    tag,
    access: USER,
    params: ApiTokenParams,
    responses: { 204: null, 404: ErrorResponse },
    handler: ({ ctx, params }) => revokeApiToken(deps, ctx, params.tokenId),
  });
}
