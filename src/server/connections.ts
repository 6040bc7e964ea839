// What one connection may cost, whatever its client sends. HTTP/1.1 lets a client send
// many requests before it reads any answer (pipelining, RFC 9112 §9.3.2). Node emits every
// request it parsed at once and buffers the answers of those behind the first inside
// their response objects; a client that pipelines 200 feed requests and never reads made
// the server render 200 feeds per connection, hold them all, and keep them after the
// socket closed (Node never emits "close" on a response still queued behind another).
//
// So requests on one connection are answered one at a time: a request behind another
// starts only once Node hands it the socket, and only when the bytes already written to
// that socket and not yet taken by the client are under a cap. A client with more than
// `maxPipelined` requests waiting is disconnected (RFC 9112 §9.3.2 lets a server close a
// connection; a client retries unanswered requests). When a socket closes, every response
// on it is forgotten, started or not.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";

export interface ConnectionLimits {
  /** Requests a client may send ahead of the one being answered before it is disconnected. */
  readonly maxPipelined: number;
  /** Bytes written to a connection and not yet taken by its client; the next answer waits below this. */
  readonly maxUnsentBytes: number;
}

export class Connections {
  /** Responses not yet closed, per open socket. */
  private readonly open = new Map<Socket, Set<ServerResponse>>();
  constructor(private readonly limits: ConnectionLimits) {}

  /** Responses on open connections that have not finished, started or waiting their turn. */
  get inFlight(): number {
    let n = 0;
    for (const live of this.open.values()) n += live.size;
    return n;
  }

  responses(): IterableIterator<ServerResponse> {
    return [...this.open.values()].flatMap((live) => [...live]).values();
  }

  /** Calls `run` when this request's turn has come on its connection, or never if the connection goes. */
  admit(req: IncomingMessage, res: ServerResponse, run: () => void): void {
    const socket = req.socket;
    if (socket.destroyed) return;
    let live = this.open.get(socket);
    if (!live) {
      live = new Set();
      this.open.set(socket, live);
      socket.once("close", () => this.open.delete(socket));
    }
    if (live.size > this.limits.maxPipelined) {
      socket.destroy();
      return;
    }
    const responses = live;
    responses.add(res);
    res.once("close", () => responses.delete(res));
    const start = (): void => {
      if (socket.destroyed) return;
      // "drain" follows, as the socket's buffer is over its high-water mark (cap >= 16 KB).
      if (socket.writableLength > this.limits.maxUnsentBytes) socket.once("drain", start);
      else run();
    };
    // Deferred by one turn of the event loop: Node emits every request of a received chunk
    // at once, so a burst over the cap is cut before its first request costs anything,
    // and other connections get their turn between the answers of a long pipeline.
    const later = (): void => void setImmediate(start);
    // A response queued behind another gets the socket once the one before it finished.
    if (res.socket) later();
    else res.once("socket", later);
  }
}
