// The tokens links and forms carry: signed (secret.ts), never the address.
//   form:    <issued, base 36>.<mac>              — a page of ours rendered the form, within FORM_TOKEN_MS
//   confirm: <public id>.<expires, base 36>.<mac> — the confirmation link, valid 48 hours
//   manage:  <public id>.<mac>                   — the manage and one-click unsubscribe links
import type { Signer } from "./secret.js";

/**
 * Pages with the form are kept in the render cache until the content changes, so a token
 * lives a week; an older one gets the form back, filled in, with a fresh token.
 */
export const FORM_TOKEN_MS = 7 * 24 * 3_600_000;
export const CONFIRM_MS = 48 * 3_600_000;
/** Clocks of replicas differ a little. */
const SKEW_MS = 5 * 60_000;

const PUBLIC_ID = /^[0-9a-f]{32}$/;

export function formToken(signer: Signer, now: number): string {
  const issued = now.toString(36);
  return `${issued}.${signer.mac("form", issued)}`;
}

export function checkFormToken(signer: Signer, token: string, now: number): boolean {
  const [issued, mac, extra] = token.split(".");
  if (!issued || !mac || extra !== undefined || !/^[0-9a-z]{1,12}$/.test(issued)) return false;
  const at = parseInt(issued, 36);
  return signer.verify(mac, "form", issued) && at <= now + SKEW_MS && now - at <= FORM_TOKEN_MS;
}

export function confirmToken(signer: Signer, publicId: string, expires: number): string {
  const exp = expires.toString(36);
  return `${publicId}.${exp}.${signer.mac("confirm", publicId, exp)}`;
}

/** The reader's public id, or null when the token is forged, damaged or expired. */
export function checkConfirmToken(signer: Signer, token: string, now: number): string | null {
  const [id, exp, mac, extra] = token.split(".");
  if (!id || !exp || !mac || extra !== undefined || !PUBLIC_ID.test(id) || !/^[0-9a-z]{1,12}$/.test(exp)) return null;
  if (!signer.verify(mac, "confirm", id, exp) || parseInt(exp, 36) < now) return null;
  return id;
}

export function manageToken(signer: Signer, publicId: string): string {
  return `${publicId}.${signer.mac("manage", publicId)}`;
}

export function checkManageToken(signer: Signer, token: string): string | null {
  const [id, mac, extra] = token.split(".");
  if (!id || !mac || extra !== undefined || !PUBLIC_ID.test(id)) return null;
  return signer.verify(mac, "manage", id) ? id : null;
}
