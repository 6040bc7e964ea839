// Security headers on every response (OWASP ASVS 5.0 V3, Mozilla HTTP Observatory).
// The pages use no inline script or style, so the policy needs no nonce or hash; a
// JSON-LD <script type="application/ld+json"> is a data block that CSP does not run.
// HSTS (RFC 6797) is sent when the portal is served over HTTPS: two years, as the
// HSTS preload list asks for at least one.
import type { RequestHandler } from "express";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

// Only over HTTPS: on a plain-http origin (a laptop, an intranet) upgrading every
// image and stylesheet request to https would break the page.
const UPGRADE = "; upgrade-insecure-requests";

export function securityHeaders(options: { hsts: boolean }): RequestHandler {
  return (_req, res, next) => {
    res.setHeader("Content-Security-Policy", options.hsts ? CONTENT_SECURITY_POLICY + UPGRADE : CONTENT_SECURITY_POLICY);
    if (options.hsts) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    // "interest-cohort" (FLoC) is gone from browsers, which now log it as an unknown feature.
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    next();
  };
}
