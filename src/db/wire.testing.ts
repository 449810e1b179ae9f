import net from 'node:net';

/**
 * Counts socket writes from now until `stop()` (a corked batch leaves as one write): what a
 * statement costs on the wire, for tests and bench/sql-trace.ts. `of` picks the sockets counted
 * (e.g. those to PostgreSQL's port); every socket by default.
 */
export function countSocketWrites(of: (socket: net.Socket) => boolean = () => true): { count: number; stop(): void } {
  const proto = net.Socket.prototype as unknown as Record<'_write' | '_writev', (...a: unknown[]) => unknown>;
  const write = proto._write;
  const writev = proto._writev;
  const counter = {
    count: 0,
    stop() {
      proto._write = write;
      proto._writev = writev;
    },
  };
  proto._write = function (this: net.Socket, ...a: unknown[]) {
    if (of(this)) counter.count++;
    return write.apply(this, a);
  };
  proto._writev = function (this: net.Socket, ...a: unknown[]) {
    if (of(this)) counter.count++;
    return writev.apply(this, a);
  };
  return counter;
}
