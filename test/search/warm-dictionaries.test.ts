// Issue 21, follow-up: the first search after a start paid for loading the word-form
// dictionaries (0.3–0.5 s). The search routes now load them ahead, in steps, so that
// readiness and the requests served meanwhile do not wait for the whole load.
import { describe, expect, it, vi } from "vitest";

// A fresh copy of the module each time: the dictionaries are loaded once per module.
async function freshLemmatizer() {
  vi.resetModules();
  return import("../../src/search/lemmatize.js");
}

describe("loading the dictionaries ahead", () => {
  it("lets timers run between its steps, and leaves the first lemma lookup nothing to load", async () => {
    const { dictionaryLoaded, lemmas, warmDictionaries } = await freshLemmatizer();
    expect(dictionaryLoaded("pl")).toBe(false);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await warmDictionaries();
    clearInterval(timer);
    // Loaded in one go, no timer could run until the end (the load is ~60 steps).
    expect(ticks).toBeGreaterThan(10);
    expect([dictionaryLoaded("pl"), dictionaryLoaded("bg")]).toEqual([true, true]);
    expect(lemmas("lace", "pl")).toContain("laka"); // folded: łące, łąka
    expect(lemmas("децата", "bg")).toContain("дете");
  });

  it("finishes the load at once for a search that cannot wait, and then stops", async () => {
    const { dictionaryLoaded, lemmas, warmDictionaries } = await freshLemmatizer();
    const warming = warmDictionaries();
    expect(lemmas("sopocie", "pl")).toContain("sopot");
    expect(lemmas("хората", "bg")).toContain("човек");
    expect([dictionaryLoaded("pl"), dictionaryLoaded("bg")]).toEqual([true, true]);
    await warming;
    expect(lemmas("ludzie", "pl")).toContain("czlowiek");
  });
});
