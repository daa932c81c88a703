import type { Router } from 'express';
import { AiJob, JobParams } from '@teamflow/contracts/ai';
import { ErrorResponse } from '@teamflow/contracts/common';
import { getJob } from '@teamflow/core/jobs/get-job';
import type { ApiDeps } from '../deps';
import { allow, type RouteTable } from '../http/route-table';

/** The jobs the api hands out in a 202 (AI runs, digest regenerates): their state and result. */
export function jobRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  table.add(router, base, {
    method: 'get',
    path: '/jobs/:jobId',
    summary:
      "A queued job's state, progress and result: an AI job (UUID) or a digest regenerate (outbox-<n>); members of its workspace only",
    tag: 'Jobs',
    access: allow('job.read', 'job', 'jobId'),
    params: JobParams,
    responses: { 200: AiJob, 400: ErrorResponse, 404: ErrorResponse },
    handler: ({ ctx, params }) => getJob(deps, ctx, params.jobId),
  });
}
