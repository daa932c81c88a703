import { PresenceEvent, RoomViewersEvent } from '@teamflow/contracts/events';
import { onJoined, onRealtime } from './realtime-client';
import { useRealtimeStore } from './stores/realtime-store';

/**
 * Keeps who is online (per workspace) and who is viewing (per project/task room) in step with the
 * socket: the join ack's snapshot, then USER_ONLINE / USER_OFFLINE / ROOM_VIEWERS. Returns the stop.
 */
export function trackPresence(): () => void {
  const store = () => useRealtimeStore.getState();
  const stops = [
    onRealtime('USER_ONLINE', (payload) => {
      const event = PresenceEvent.safeParse(payload);
      if (event.success) store().userOnline(event.data.workspaceId, event.data.entityId, true);
    }),
    onRealtime('USER_OFFLINE', (payload) => {
      const event = PresenceEvent.safeParse(payload);
      if (event.success) store().userOnline(event.data.workspaceId, event.data.entityId, false);
    }),
    onRealtime('ROOM_VIEWERS', (payload) => {
      const event = RoomViewersEvent.safeParse(payload);
      if (event.success) store().setViewers(event.data.data.room, event.data.data.userIds);
    }),
    onJoined((ack) => {
      for (const [workspaceId, userIds] of Object.entries(ack.online))
        store().setOnline(workspaceId, userIds);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
