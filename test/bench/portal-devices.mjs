// The members' phones for the portal benchmark, in their own process (so that the host's memory
// is the host's): each holds the portal's event stream open with its own session, from its own
// loopback address, and reports when every one of them has heard the Nth event.
import { request } from 'node:https';

const { port, cookies } = JSON.parse(process.env.DEVICES);
const heard = new Map(); // event number -> how many devices heard it
let open = 0;
cookies.forEach((cookie, i) => {
  let count = 0;
  const req = request(
    {
      host: '127.0.0.1',
      port,
      path: '/api/events',
      rejectUnauthorized: false,
      localAddress: `127.0.${2 + Math.floor(i / 250)}.${1 + (i % 250)}`,
      headers: { cookie, host: `127.0.0.1:${port}`, accept: 'text/event-stream' },
    },
    (res) => {
      res.setEncoding('utf8');
      if (++open === cookies.length) process.stdout.write(`${JSON.stringify({ ready: open })}\n`);
      res.on('data', (chunk) => {
        for (const line of chunk.split('\n')) {
          if (!line.startsWith('data:')) continue;
          count += 1;
          const n = (heard.get(count) ?? 0) + 1;
          heard.set(count, n);
          if (n === cookies.length) process.stdout.write(`${JSON.stringify({ event: count, at: performance.timeOrigin + performance.now() })}\n`);
        }
      });
    },
  );
  req.on('error', (error) => process.stderr.write(`device ${i}: ${error.message}\n`));
  req.end();
});
