// The key that signs links and form tokens and keys the address hashes: SECRET_KEY, or
// one generated once into STATE_DIR with owner-only permissions (0600). Several replicas
// must share it (set SECRET_KEY, or share STATE_DIR), or one's form tokens fail on another.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const SECRET_FILE = "secret.key";

export function loadSecret(stateDir: string, configured: string | null): Buffer {
  if (configured) return Buffer.from(configured, "utf8");
  const file = path.join(stateDir, SECRET_FILE);
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  try {
    // "wx": two processes starting together cannot both write one; the loser reads it.
    fs.writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw new Error(`Cannot write the secret key ${file}`, { cause: error });
  }
  const text = fs.readFileSync(file, "utf8").trim();
  if (text.length < 32)
    throw new Error(`The secret key ${file} is shorter than 32 characters — delete it to have a new one made (every link mailed so far stops working)`);
  return Buffer.from(text, "utf8");
}

/** HMAC-SHA256 under one key, with a purpose as the first part so tokens of one kind never pass as another. */
export class Signer {
  constructor(private readonly key: Buffer) {}

  mac(purpose: string, ...parts: string[]): string {
    return createHmac("sha256", this.key)
      .update([purpose, ...parts].join("\u0000"))
      .digest("base64url")
      .slice(0, 22);
  }

  verify(mac: string, purpose: string, ...parts: string[]): boolean {
    const want = Buffer.from(this.mac(purpose, ...parts));
    const got = Buffer.from(mac);
    return got.length === want.length && timingSafeEqual(got, want);
  }

  /** The keyed hash an address is found and remembered by (after leaving: only this). */
  addressHash(email: string): string {
    return createHmac("sha256", this.key)
      .update(`address\u0000${normalizeAddress(email)}`)
      .digest("hex");
  }
}

/** Addresses compare without case: the domain is case-insensitive, and no real mailbox differs by case. */
export function normalizeAddress(email: string): string {
  return email.trim().toLowerCase();
}
