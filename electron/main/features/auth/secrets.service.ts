import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

/**
 * PINs and the manager password are stored only as scrypt hashes (node's crypto):
 * `scrypt$N$r$p$salt$hash`, base64. The parameters travel with the hash so they can be raised later.
 */
const derive = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;
const PARAMS = { N: 16_384, r: 8, p: 1 };
const KEY_LENGTH = 32;

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, KEY_LENGTH, { ...PARAMS, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/**
 * What a sign-in by an unknown name or number is checked against, so that it takes as long as a
 * wrong password or PIN: the hash of a phrase, with today's parameters. Written out rather than
 * made at start, where two scrypt hashes (16 MB and tens of milliseconds of CPU each) competed
 * with the host's start-up.
 */
export const NOBODY_HASH = 'scrypt$16384$8$1$2ZfyF0Aps+E1TqxmnsJRcw==$di2YjoMfFs0fmzPs3RsEWdAgSGNOFvb6fyNVSh6JsQU=';

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(secret, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
