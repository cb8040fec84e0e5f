import { X509Certificate, createPrivateKey } from 'node:crypto';
import { isIP } from 'node:net';
import type { PortalSettings } from '@shared/contract/portal.contract';
import { AppError } from '../../errors';

/** Browsers refuse server certificates valid longer than 825 days. */
const VALID_DAYS = 825;

/** A certificate of the app's own for `address` (and localhost): phones are shown its fingerprint to compare on first visit. */
export async function makeCertificate(address: string, now: Date): Promise<{ cert: string; key: string }> {
  const altNames: { type: 2 | 7; value?: string; ip?: string }[] = [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
  ];
  if (address) altNames.push(isIP(address) ? { type: 7, ip: address } : { type: 2, value: address });
  // loaded when a certificate is made (once, when the portal is first turned on), not with the app
  const { generate } = await import('selfsigned');
  const made = await generate([{ name: 'commonName', value: 'Coopdesk member portal' }], {
    keyType: 'ec',
    curve: 'P-256',
    notBeforeDate: new Date(now.getTime() - 60 * 60 * 1000),
    notAfterDate: new Date(now.getTime() + VALID_DAYS * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { cert: made.cert, key: made.private };
}

/** Whether the certificate names `address` (a certificate made for another address must be made again). */
export function covers(certPem: string, address: string): boolean {
  const names = new X509Certificate(certPem).subjectAltName ?? '';
  return names.split(', ').some((n) => n === `IP Address:${address}` || n === `DNS:${address}`);
}

export function describe(certPem: string, own: boolean): NonNullable<PortalSettings['certificate']> {
  const x509 = new X509Certificate(certPem);
  return { own, fingerprint: x509.fingerprint256, subject: x509.subject.replace(/\n/g, ', '), validTo: new Date(x509.validTo).toISOString() };
}

/** The co-op's own certificate and key: a readable certificate, a key that belongs to it, valid now. */
export function checkOwnCertificate(cert: string, key: string, now: Date): void {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new AppError('VALIDATION', 'The certificate could not be read.', { cert: 'Not a readable certificate' });
  }
  let privateKey: ReturnType<typeof createPrivateKey>;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new AppError('VALIDATION', 'The private key could not be read (a key with a passphrase is not supported).', { key: 'Not a readable key' });
  }
  if (!x509.checkPrivateKey(privateKey))
    throw new AppError('VALIDATION', 'This key does not belong to the certificate.', { key: 'Not this certificate’s key' });
  if (new Date(x509.validTo).getTime() < now.getTime()) throw new AppError('VALIDATION', `The certificate expired on ${x509.validTo}.`, { cert: 'Expired' });
}
