// npm run bench:compare -- [--size 10000] [--rounds 3] [--eleventy]
// The figures issue 7 measures the portal against, taken on this machine: Hugo's and
// Eleventy's full build of the bench corpus (bench/compare/: lean sites, one layout, so
// the fastest these generators could be) next to the portal's cold start on the same
// corpus, interleaved so that a slow phase of the machine hits all of them alike.
// Hugo comes from the system (Debian: apt-get install hugo); --eleventy installs Eleventy 3
// from the npm registry into bench/.tools/ the first time.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureCorpus, sizeArg } from "./corpus.js";
import { cpuTimes, peakMb, ROOT, startCommand, startPortal, stealPercent } from "./proc.js";
import { urls } from "../src/site/urls.js";

const argv = process.argv.slice(2);
const size = sizeArg(argv);
const rounds = argv.includes("--rounds") ? Number(argv[argv.indexOf("--rounds") + 1]) : 3;
if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds takes a whole number of rounds, 1 or more");
const say = (msg: string) => process.stderr.write(`compare: ${msg}\n`);
const seconds = (ms: number) => Math.round(ms / 10) / 100;

interface Run {
  readonly ms: number;
  /** HTML files written (the portal renders on request: null). */
  readonly pages: number | null;
  /** Peak resident memory (VmHWM), polled while it ran. */
  readonly peakMb: number | null;
  readonly steal: number | null;
}

function htmlFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".html")).length;
}

/** Runs a build writing to `out` to its end; null (with the reason on stderr) if it failed. */
function build(command: string, args: string[], env: Record<string, string>, out: string): Promise<Run | null> {
  return new Promise((resolve) => {
    const from = cpuTimes();
    const started = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let peak: number | null = null;
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const poll = setInterval(() => (peak = peakMb(child.pid!) ?? peak), 50);
    child.on("error", (error) => {
      clearInterval(poll);
      say(`${command} could not run: ${error.message}`);
      resolve(null);
    });
    child.on("exit", (code) => {
      clearInterval(poll);
      if (code !== 0) {
        say(`${command} exited with ${code}: ${stderr.trim().split("\n").slice(-3).join(" | ")}`);
        return resolve(null);
      }
      resolve({ ms: performance.now() - started, pages: htmlFiles(out), peakMb: peak, steal: stealPercent(from, cpuTimes()) });
    });
  });
}

/** The Eleventy 3 command line script, installed once into bench/.tools/. */
function installEleventy(): string | null {
  const prefix = path.join(ROOT, "bench", ".tools", "eleventy");
  const cli = path.join(prefix, "node_modules", "@11ty", "eleventy", "cmd.cjs");
  if (!fs.existsSync(cli)) {
    say("installing Eleventy 3 into bench/.tools/eleventy");
    fs.mkdirSync(prefix, { recursive: true });
    const r = spawnSync("npm", ["install", "--prefix", prefix, "--no-save", "--no-audit", "--no-fund", "@11ty/eleventy@3"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (r.status !== 0 || !fs.existsSync(cli)) {
      say("Eleventy could not be installed; measuring without it");
      return null;
    }
  }
  return cli;
}

say(`corpus of ${size} articles`);
const corpus = ensureCorpus(size);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-compare-"));
const hugo = spawnSync("hugo", ["version"], { encoding: "utf8" });
const hugoVersion = hugo.status === 0 ? hugo.stdout.trim().split(" ")[1] : null;
if (!hugoVersion) say("hugo is not installed (Debian: apt-get install hugo); measuring without it");
if (!fs.existsSync(startCommand().entry)) throw new Error(`${startCommand().entry} is missing: run npm run build`);
const eleventy = argv.includes("--eleventy") ? installEleventy() : null;

const results: Record<string, Run[]> = { portal: [], hugo: [], eleventy: [] };
try {
  for (let round = 1; round <= rounds; round++) {
    say(`round ${round} of ${rounds}`);
    const dataDir = fs.mkdtempSync(path.join(work, "data-"));
    const from = cpuTimes();
    const portal = await startPortal({ CONTENT_DIR: corpus.dir, DATA_DIR: dataDir }, urls.article(corpus.last.lang, corpus.last.slug), 120_000 + size * 2);
    results.portal!.push({ ms: portal.readyMs, pages: null, peakMb: peakMb(portal.proc.pid!), steal: stealPercent(from, cpuTimes()) });
    await portal.stop();
    if (hugoVersion) {
      const out = path.join(work, "hugo");
      fs.rmSync(out, { recursive: true, force: true });
      const run = await build(
        "hugo",
        [
          "--quiet",
          "--noBuildLock",
          "--source",
          "bench/compare/hugo",
          "--contentDir",
          corpus.dir,
          "--destination",
          out,
          "--cacheDir",
          path.join(work, "hugo-cache"),
        ],
        { HUGO_RESOURCEDIR: path.join(work, "hugo-resources") },
        out,
      );
      if (run) results.hugo!.push(run);
    }
    if (eleventy) {
      const out = path.join(work, "eleventy");
      fs.rmSync(out, { recursive: true, force: true });
      const run = await build(
        process.execPath,
        [eleventy, "--quiet", "--config=bench/compare/eleventy/eleventy.config.mjs"],
        { CORPUS: corpus.dir, OUT: out },
        out,
      );
      if (run) results.eleventy!.push(run);
    }
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medianMs = (runs: Run[]) => (runs.length ? median(runs.map((r) => r.ms)) : null);
const line = (name: string, runs: Run[], what: string) => {
  const ms = medianMs(runs);
  if (ms === null) return null;
  const peaks = runs.flatMap((r) => (r.peakMb === null ? [] : [r.peakMb]));
  const steals = runs.flatMap((r) => (r.steal === null ? [] : [r.steal]));
  const pages = runs[0]!.pages;
  return `${name.padEnd(32)} ${`${seconds(ms)} s`.padStart(8)}  ${runs
    .map((r) => seconds(r.ms))
    .join(" / ")
    .padEnd(
      24,
    )} ${(peaks.length ? `${Math.max(...peaks)} MB` : "n/a").padStart(8)}  ${(steals.length ? `${Math.min(...steals)}–${Math.max(...steals)} %` : "n/a").padEnd(12)} ${pages === null ? what : `${pages} pages written`}`;
};
const [portalMs, hugoMs, eleventyMs] = [medianMs(results.portal!), medianMs(results.hugo!), medianMs(results.eleventy!)];
console.log(`\n${size} articles, ${os.availableParallelism()} CPUs, Node ${process.version}${hugoVersion ? `, Hugo ${hugoVersion}` : ""}, ${rounds} rounds`);
console.log(`${"".padEnd(32)} ${"median".padStart(8)}  ${"each round".padEnd(24)} ${"peak RSS".padStart(8)}  ${"hypervisor".padEnd(12)}`);
for (const l of [
  line("portal: cold start until served", results.portal!, "pages rendered on request"),
  line("Hugo: full build", results.hugo!, ""),
  line("Eleventy: full build", results.eleventy!, ""),
])
  if (l) console.log(l);
if (portalMs !== null && hugoMs !== null)
  console.log(`portal cold start / Hugo full build: ${Math.round((100 * portalMs) / hugoMs)} % (issue 7 asks for at most 50 %)`);
if (portalMs !== null && eleventyMs !== null) console.log(`portal cold start / Eleventy full build: ${Math.round((100 * portalMs) / eleventyMs)} %`);
