'use client';

import { useEffect } from 'react';
import { holdRooms } from '../realtime-client';

/** Joins `workspace:` / `project:` / `task:{id}` rooms while the caller is mounted. */
export function useRealtimeRooms(rooms: readonly (string | false | null | undefined)[]): void {
  const key = rooms.filter((room): room is string => typeof room === 'string' && room !== '').join(',');
  useEffect(() => (key ? holdRooms(key.split(',')) : undefined), [key]);
}
