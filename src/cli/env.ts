// The editor tools read only the variables that locate and date the content, so an
// unrelated setting in the shell (PORT, BASE_URL of another tool) cannot stop them.
export function contentEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  // DATA_DIR: `npm run check` names broken files whose last valid version the index keeps serving.
  // EDITOR_LANG and the locale: the language of the messages (src/content/messages/).
  return {
    CONTENT_DIR: env.CONTENT_DIR,
    DATA_DIR: env.DATA_DIR,
    TIME_ZONE_BG: env.TIME_ZONE_BG,
    TIME_ZONE_PL: env.TIME_ZONE_PL,
    EDITOR_LANG: env.EDITOR_LANG,
    LC_ALL: env.LC_ALL,
    LC_MESSAGES: env.LC_MESSAGES,
    LANG: env.LANG,
  };
}
