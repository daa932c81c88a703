import { io, type Socket } from 'socket.io-client';
import { endSession, getAccessToken, refreshAccessToken } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import { publicApiUrl } from '@/lib/public-env';
import { useRealtimeStore } from './stores/realtime-store';

/** What the api acks a `join` with (apps/api/src/realtime/join-handler.ts). */
export interface JoinAck {
  joined: string[];
  denied: string[];
  online: Record<string, string[]>;
  seq: Record<string, number>;
}

type Listener = (payload: unknown, type: string) => void;

// One socket per browser tab and session, shared by every hook (module state, like the access token).
let socket: Socket | undefined;
let everConnected = false;
let failedReauths = 0;
// The token the last handshake sent: a newer one in memory means a silent refresh already happened.
let handshakeToken: string | undefined;
const roomRefs = new Map<string, number>();
const listeners = new Map<string, Set<Listener>>();
const joinListeners = new Set<(ack: JoinAck) => void>();
const reconnectListeners = new Set<() => void>();
const ANY = '*';
const JOIN_TIMEOUT_MS = 10_000;

function dispatch(type: string, payload: unknown): void {
  for (const key of [type, ANY]) listeners.get(key)?.forEach((listener) => listener(payload, type));
}

function join(rooms: string[]): void {
  if (!socket?.connected || rooms.length === 0) return;
  socket.timeout(JOIN_TIMEOUT_MS).emit('join', rooms, (error: Error | null, ack: JoinAck) => {
    if (!error && ack) joinListeners.forEach((listener) => listener(ack));
  });
}

/** Refused (UNAUTHORIZED) or dropped by the server (token expired, signed out elsewhere): refresh, retry. */
async function reauthenticate(): Promise<void> {
  const current = socket;
  if (!current) return;
  // A refresh that succeeds yet is refused again would loop: slow down after a few.
  failedReauths++;
  if (failedReauths > 3) await new Promise((resolve) => setTimeout(resolve, 5000));
  if (socket !== current) return;
  const token = getAccessToken();
  if (token && token !== handshakeToken && failedReauths === 1) {
    // The api client refreshed since this socket connected: try that token before refreshing again.
    if (!current.connected) current.connect();
    return;
  }
  let refreshed: boolean;
  try {
    refreshed = await refreshAccessToken();
  } catch (error) {
    // No answer about the session (offline, rate limited, the api failing): ask again later.
    const wait =
      isApiError(error) && error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : 5000;
    setTimeout(() => void reauthenticate(), wait);
    return;
  }
  if (refreshed) {
    if (socket === current && !current.connected) current.connect();
  } else {
    stopRealtime();
    endSession();
  }
}

function onOffline(): void {
  // The browser knows the network is gone before any heartbeat would: drop now, retry until back.
  socket?.io.engine?.close();
}

function onOnline(): void {
  // Back online: try now rather than when the back-off timer fires.
  if (!socket || socket.connected) return;
  socket.disconnect();
  socket.connect();
}

/** Opens the tab's socket (no-op when open). The handshake sends the in-memory access token. */
export function startRealtime(): void {
  if (socket) return;
  const store = useRealtimeStore.getState();
  store.setStatus('connecting');
  everConnected = false;
  const next = io(publicApiUrl, {
    path: '/socket.io',
    // WebSocket only: several api instances need no sticky sessions then.
    transports: ['websocket'],
    // A function, so every reconnect sends the token as it is now (after silent refreshes).
    auth: (cb) => {
      handshakeToken = getAccessToken();
      cb({ token: handshakeToken ?? '' });
    },
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  socket = next;
  next.on('connect', () => {
    const again = everConnected;
    everConnected = true;
    failedReauths = 0;
    useRealtimeStore.getState().setStatus('connected');
    // A new connection is in no room: join what is on screen again.
    join([...roomRefs.keys()]);
    if (again) reconnectListeners.forEach((listener) => listener());
  });
  next.on('disconnect', (reason) => {
    if (socket !== next) return;
    useRealtimeStore.getState().setStatus(everConnected ? 'reconnecting' : 'connecting');
    if (reason === 'io server disconnect') void reauthenticate();
  });
  next.on('connect_error', () => {
    // Not `active`: refused by the server's auth (not a network failure the manager retries).
    if (!next.active) void reauthenticate();
  });
  next.onAny((type: string, payload: unknown) => dispatch(type, payload));
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
}

/** Closes the socket (sign-out, session over). Room interest stays with the mounted hooks. */
export function stopRealtime(): void {
  const current = socket;
  socket = undefined;
  window.removeEventListener('offline', onOffline);
  window.removeEventListener('online', onOnline);
  current?.disconnect();
  useRealtimeStore.getState().reset();
}

/** Interest in rooms; the socket joins a room while anyone holds it (and again after a reconnect). */
export function holdRooms(rooms: string[]): () => void {
  const fresh = rooms.filter((room) => {
    const count = roomRefs.get(room) ?? 0;
    roomRefs.set(room, count + 1);
    return count === 0;
  });
  join(fresh);
  return () => {
    const gone = rooms.filter((room) => {
      const count = (roomRefs.get(room) ?? 1) - 1;
      if (count > 0) roomRefs.set(room, count);
      else roomRefs.delete(room);
      return count <= 0;
    });
    if (gone.length > 0 && socket?.connected) socket.emit('leave', gone);
  };
}

/** Every socket event of `type` (or `'*'` for all), with its name. Returns the unsubscribe. */
export function onRealtime(type: string, listener: Listener): () => void {
  let set = listeners.get(type);
  if (!set) listeners.set(type, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function onJoined(listener: (ack: JoinAck) => void): () => void {
  joinListeners.add(listener);
  return () => joinListeners.delete(listener);
}

/** After the socket came back (not the first connect): time to catch up. */
export function onReconnected(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}
