import type { Router } from 'express';
import { CalendarFeed, CalendarFeedParams } from '@teamflow/contracts/api-tokens';
import { ErrorResponse } from '@teamflow/contracts/common';
import { getCalendarFeed, rotateCalendarFeed } from '@teamflow/core/calendar/calendar-feed';
import { renderCalendar } from '@teamflow/core/calendar/render-calendar';
import type { ApiDeps } from '../deps';
import { PUBLIC, USER, type RouteTable } from '../http/route-table';

/** The caller's calendar feed (iCalendar of their assigned tasks with due dates) behind a secret URL. */
export function calendarRoutes(table: RouteTable, router: Router, base: string, deps: ApiDeps): void {
  const tag = 'Me';
  table.add(router, base, {
    method: 'get',
    path: '/me/calendar',
    summary: 'The secret URL of my calendar feed (made on first use)',
    tag,
    access: USER,
    responses: { 200: CalendarFeed },
    handler: ({ ctx }) => getCalendarFeed(deps, ctx),
  });
  table.add(router, base, {
    method: 'post',
    path: '/me/calendar/rotate',
    summary: 'A new secret URL for my calendar feed; the old one stops working',
    tag,
    access: USER,
    responses: { 200: CalendarFeed },
    handler: ({ ctx }) => rotateCalendarFeed(deps, ctx),
  });
  table.add(router, base, {
    method: 'get',
    path: '/calendar/:token.ics',
    summary: 'iCalendar feed (the token in the URL is the only auth; unknown or rotated → 404)',
    tag,
    access: PUBLIC,
    params: CalendarFeedParams,
    produces: 'text/calendar',
    responses: { 200: null, 400: ErrorResponse, 404: ErrorResponse },
    handler: async ({ params, res }) => {
      const body = await renderCalendar(deps, params.token);
      res.status(200);
      res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      res.setHeader('Cache-Control', 'private, max-age=300');
      res.setHeader('Content-Disposition', 'inline; filename="teamflow.ics"');
      res.send(body);
    },
  });
}
