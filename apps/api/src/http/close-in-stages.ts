import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** How long a closing connection goes on reading what its client still sends before it is dropped. */
export const LINGER_MS = 5_000;

/**
 * Half-closes (FIN once the answer is flushed), then reads and discards what the client still
 * sends until it closes its side (the socket then ends by itself), for at most `lingerMs`.
 */
export function lingeringClose(socket: Socket, lingerMs = LINGER_MS): void {
  if (socket.writable) socket.end();
  socket.resume();
  const timer = setTimeout(() => socket.destroy(), lingerMs);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

/**
 * Closes connections in stages (RFC 9112 §9.6). Node closes a connection as soon as its last
 * answer is written (`Connection: close`, shutdown). When the client is still sending a body
 * nobody reads (a GET with a body, a request refused before its body was read), closing with that
 * input unread makes the kernel send a reset, and a reset discards the answer the client has not
 * read yet: it saw its response cut off ("aborted") or no response at all instead of the answer.
 */
export function closeInStages(server: Server, lingerMs = LINGER_MS): void {
  server.on('connection', (socket: Socket) => {
    // Node's http server closes a connection after its last response through this method.
    socket.destroySoon = () => lingeringClose(socket, lingerMs);
  });
}
