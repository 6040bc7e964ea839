// Flat config: the recommended rules of ESLint and typescript-eslint, type-aware (the
// TypeScript project service gives every rule the types tsc sees), with zero warnings
// allowed (see the "lint" script, which also runs the layer rules of .dependency-cruiser.cjs).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-results/", "bench/.corpus/", "bench/.tools/", ".tools/", "public/", "scratch/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Plain JavaScript files (this config, the bundler script) are not in the TypeScript project.
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["**/*.ts"],
    rules: {
      // A promise nobody awaits loses its rejection; one passed where a callback returns
      // void (an Express handler, an event listener) is never awaited either.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      // A new alert kind, locale or message id must be handled everywhere a switch names them.
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
    },
  },
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
        {
          selector: "CallExpression[callee.property.name=/^(redirect|location)$/]",
          message: "Use redirectTo() from src/web/redirect.ts: it refuses a Location that is not a path on this site.",
        },
        {
          selector: "CallExpression[callee.property.name=/^(setHeader|set|header)$/][arguments.0.value=/^location$/i]",
          message: "Use redirectTo() from src/web/redirect.ts: it refuses a Location that is not a path on this site.",
        },
      ],
    },
  },
);
