// The members' phones for the portal benchmark, in their own process (so that the host's memory
// and its one thread are the host's): each holds the portal's event stream open with its own
// session, from its own loopback address, and reports when every one of them has heard the Nth
// event; asked on stdin, some of them book at once and report how long each booking took: each
// just after its page read its screen (over the connection the booking then takes, as a browser
// keeps it), or each on a new TLS connection (a page whose connection was closed while idle).
import { Agent, request } from 'node:https';
import { createInterface } from 'node:readline';

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

const address = (i) => `127.0.${2 + Math.floor(i / 250)}.${1 + (i % 250)}`;
const agents = new Map();
const agentOf = (i) => agents.get(i) ?? agents.set(i, new Agent({ keepAlive: true, rejectUnauthorized: false, localAddress: address(i) })).get(i);

/** A call as a phone's page sends it (over `agent`): its idempotency key, and once more with it if the kept-alive connection was closed under it. */
function send(i, agent, channel, body, key, retry = true) {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent,
        path: `/api/${channel}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, cookie: cookies[i], host: `127.0.0.1:${port}` },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => (JSON.parse(text).ok ? done() : fail(new Error(text))));
      },
    );
    req.on('error', (error) => (retry && error.code === 'ECONNRESET' ? send(i, agent, channel, body, key, false).then(done, fail) : fail(error)));
    req.end(JSON.stringify(body));
  });
}

createInterface({ input: process.stdin }).on('line', async (line) => {
  const { round, bookings, newConnections } = JSON.parse(line);
  const agent = (device) => (newConnections ? new Agent({ rejectUnauthorized: false, localAddress: address(device) }) : agentOf(device));
  // the page reads its screen first (not timed): its connection is then open, as a browser keeps it
  if (!newConnections) await Promise.all(bookings.map(({ device }) => send(device, agentOf(device), 'auth.status', {}, `screen-${round}-${device}`)));
  const times = await Promise.all(
    bookings.map(async ({ device, body }, j) => {
      const start = performance.now();
      await send(device, agent(device), 'bookings.create', body, `round-${round}-${j}`);
      return performance.now() - start;
    }),
  );
  process.stdout.write(`${JSON.stringify({ round, times })}\n`);
});
