import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import bcrypt from "bcryptjs";

// scrypt from node:crypto (memory-hard, no native add-on). Stored as
// "scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>" so the cost can be raised later: a hash made with other
// parameters, or an old bcrypt hash, still verifies and is replaced at the next successful sign-in.
const COST = { log2N: 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, log2N: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** log2N;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST.log2N, COST.r, COST.p);
  return ["scrypt", COST.log2N, COST.r, COST.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export type PasswordCheck = { matches: boolean; needsRehash: boolean };

export async function verifyPassword(password: string, stored: string): Promise<PasswordCheck> {
  if (stored.startsWith("$2")) {
    return { matches: await bcrypt.compare(password, stored), needsRehash: true };
  }
  const [scheme, log2N, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !hash) return { matches: false, needsRehash: false };
  const expected = Buffer.from(hash, "base64");
  const key = await derive(password, Buffer.from(salt, "base64"), Number(log2N), Number(r), Number(p));
  const matches = key.length === expected.length && timingSafeEqual(key, expected);
  const current = Number(log2N) === COST.log2N && Number(r) === COST.r && Number(p) === COST.p;
  return { matches, needsRehash: matches && !current };
}

let dummy: Promise<string> | undefined;

/** A real hash to compare against when the account does not exist, so timing does not reveal that. */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(12).toString("hex"));
  return dummy;
}
