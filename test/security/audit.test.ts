// scripts/audit.sh fails on real high findings and only warns when the audit endpoint
// cannot be used. npm is replaced by a stub that replays what npm prints in each case.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tempDir } from "../helpers/app.js";

const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../scripts/audit.sh");

function runWith(stdout: unknown, stderr: string, code: number, env: Record<string, string> = {}) {
  const dir = tempDir("npm-stub");
  fs.writeFileSync(path.join(dir, "out.json"), typeof stdout === "string" ? stdout : JSON.stringify(stdout));
  fs.writeFileSync(path.join(dir, "err.txt"), stderr);
  const stub = path.join(dir, "npm");
  fs.writeFileSync(stub, `#!/bin/sh\ncat "${dir}/out.json"\ncat "${dir}/err.txt" >&2\nexit ${code}\n`, { mode: 0o755 });
  const r = spawnSync("bash", [SCRIPT], { env: { ...process.env, NPM: stub, ...env }, encoding: "utf8" });
  return { code: r.status, out: r.stdout + r.stderr };
}

const report = (high: number, critical = 0) => ({
  auditReportVersion: 2,
  vulnerabilities:
    high + critical > 0
      ? {
          "evil-parser": {
            name: "evil-parser",
            severity: critical ? "critical" : "high",
            via: [{ title: "Prototype pollution", url: "https://github.com/advisories/GHSA-xxxx" }],
            range: "<2.0.0",
            fixAvailable: true,
          },
        }
      : {},
  metadata: { vulnerabilities: { info: 0, low: 1, moderate: 2, high, critical, total: 3 + high + critical } },
});

describe("scripts/audit.sh", () => {
  it("fails on a high finding and names the package", () => {
    const r = runWith(report(1), "", 1);
    expect(r.code).toBe(1);
    expect(r.out).toContain("evil-parser");
    expect(r.out).toContain("Prototype pollution");
  });

  it("fails on a critical finding", () => {
    expect(runWith(report(0, 1), "", 1).code).toBe(1);
  });

  it("passes with only low and moderate findings", () => {
    const r = runWith(report(0), "", 0);
    expect(r.code).toBe(0);
    expect(r.out).toContain("0 critical, 0 high, 2 moderate");
  });

  it("warns and passes when the endpoint cannot be reached", () => {
    const refused = {
      message: "request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org",
      error: { summary: "", detail: "" },
    };
    const r = runWith(refused, "npm error audit endpoint returned an error\n", 1);
    expect(r.code).toBe(0);
    expect(r.out).toContain("WARNING");
    expect(r.out).toContain("NOT checked");
  });

  it("warns and passes when a mirror refuses the audit request", () => {
    const r = runWith(
      {
        message: "405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk",
        statusCode: 405,
        error: { summary: "", detail: "" },
      },
      "",
      1,
    );
    expect(r.code).toBe(0);
  });

  it("fails when unreachable and AUDIT_STRICT=1", () => {
    expect(runWith({ message: "connect ECONNREFUSED 127.0.0.1:443" }, "npm error audit endpoint returned an error\n", 1, { AUDIT_STRICT: "1" }).code).toBe(1);
  });

  it("fails when npm audit cannot run at all", () => {
    const r = runWith({ error: { code: "ENOLOCK", summary: "This command requires an existing lockfile.", detail: "" } }, "npm error code ENOLOCK\n", 1);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain("did not run");
  });
});
