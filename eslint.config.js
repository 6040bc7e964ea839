// Flat config: the recommended rules of ESLint and typescript-eslint, type-aware,
// with zero warnings allowed (see the "lint" script).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-results/", "bench/.corpus/", "bench/.tools/", ".tools/", "public/", "scratch/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Every redirect goes through redirectTo, which refuses a Location that leaves the site.
    files: ["src/**/*.ts"],
    ignores: ["src/web/redirect.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name=/^(redirect|location)$/]", message: "Use redirectTo() from src/web/redirect.ts: it refuses a Location that is not a path on this site." },
        { selector: "CallExpression[callee.property.name=/^(setHeader|set|header)$/][arguments.0.value=/^location$/i]", message: "Use redirectTo() from src/web/redirect.ts: it refuses a Location that is not a path on this site." },
      ],
    },
  },
);
