// Is a POST /hooks/content really from the content repository's host? Each host proves
// it with WEBHOOK_SECRET its own way:
//   GitHub                X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>
//   Gitea, Forgejo, Gogs  X-Gitea-Signature / X-Forgejo-Signature / X-Gogs-Signature: <hex HMAC-SHA256>
//   GitLab                X-Gitlab-Token: <the secret itself>
// Every comparison takes the same time whatever the bytes (crypto.timingSafeEqual on
// equal-length digests), so a wrong guess says nothing about how close it came.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

const HEX_SHA256 = /^[0-9a-f]{64}$/i;
const HMAC_HEADERS = ["x-gitea-signature", "x-forgejo-signature", "x-gogs-signature"] as const;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function sameHex(given: string, expected: Buffer): boolean {
  return HEX_SHA256.test(given) && timingSafeEqual(Buffer.from(given, "hex"), expected);
}

/** True when one of the hosts' proofs is present and right for this body and secret. */
export function verifyHookSignature(headers: IncomingHttpHeaders, body: Buffer, secret: string): boolean {
  const mac = () => createHmac("sha256", secret).update(body).digest();
  const github = header(headers, "x-hub-signature-256");
  if (github !== undefined) return github.startsWith("sha256=") && sameHex(github.slice("sha256=".length), mac());
  for (const name of HMAC_HEADERS) {
    const given = header(headers, name);
    if (given !== undefined) return sameHex(given, mac());
  }
  const token = header(headers, "x-gitlab-token");
  if (token !== undefined) {
    // Digests first: timingSafeEqual needs equal lengths, and the token's length is no hint then.
    const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
    return timingSafeEqual(digest(token), digest(secret));
  }
  return false;
}
