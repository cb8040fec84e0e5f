// A member's device: runs the steps in STEPS (JSON) against BASE over HTTPS, one session (its
// cookie), and prints each answer as JSON. Run inside another network namespace by the tests;
// the portal's certificate is trusted through NODE_EXTRA_CA_CERTS, as a phone would after
// comparing its fingerprint.
const base = process.env.BASE;
const steps = JSON.parse(process.env.STEPS ?? '[]');
let cookie = '';
const results = [];
for (const step of steps) {
  const headers = { cookie, Origin: base.replace(/\/$/, '') };
  let response;
  if (step.get) {
    response = await fetch(new URL(step.get, base), { headers });
  } else {
    if (step.key) headers['Idempotency-Key'] = step.key;
    headers['Content-Type'] = 'application/json';
    response = await fetch(new URL(`/api/${step.channel}`, base), { method: 'POST', headers, body: JSON.stringify(step.input ?? {}) });
  }
  const set = response.headers.get('set-cookie');
  if (set) cookie = set.split(';')[0];
  const text = await response.text();
  results.push({ status: response.status, body: step.get ? text : JSON.parse(text) });
}
process.stdout.write(JSON.stringify(results));
