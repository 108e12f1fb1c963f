import { connect, createServer, type Socket } from "node:net";

/** A loopback TCP proxy that counts the bytes clients send through it. */
export interface ByteProxy {
  /** `tcp://127.0.0.1:PORT`. */
  address: string;
  /** Bytes sent by clients since the last reset. */
  sent(): number;
  reset(): void;
  close(): Promise<void>;
}

/**
 * Forwards every connection to `target` (`host:port`) unchanged, TLS included,
 * so what a remote builder receives can be weighed on the client's side.
 */
export async function byteProxy(target: string): Promise<ByteProxy> {
  const [host, port] = [
    target.slice(0, target.lastIndexOf(":")),
    target.slice(target.lastIndexOf(":") + 1),
  ];
  let sent = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(port), host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on("data", (chunk: Buffer) => {
      sent += chunk.length;
    });
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: listening } = server.address() as { port: number };
  return {
    address: `tcp://127.0.0.1:${listening}`,
    sent: () => sent,
    reset: () => {
      sent = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
