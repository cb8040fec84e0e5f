import { type AddressInfo, createServer } from 'node:net';

/** A free TCP port on 127.0.0.1 (asked of the system, then released for a server to take). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}
