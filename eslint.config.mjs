// ESLint 9 flat config: typescript-eslint's recommended rules (without type information, to stay
// cheap on a 2-core machine) and the layer rule of eslint/layers.mjs, which states which folder of
// src/ may import which. Formatting is Prettier's (.prettierrc), not a lint rule.
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { layersPlugin } from "./eslint/layers.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));

export default tseslint.config(
  { linterOptions: { reportUnusedDisableDirectives: "off" } },
  { ignores: ["dist/**", "node_modules/**", "cdktf.out/**", "api/**", "coverage/**", "src/tf/clickhouse/**", "src/tf/azurerm/**", "test/fixtures/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.mts", "**/*.mjs", "**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        setImmediate: "readonly",
        TextDecoder: "readonly",
        TextEncoder: "readonly",
        AbortController: "readonly",
        AbortSignal: "readonly",
        fetch: "readonly",
        performance: "readonly",
        structuredClone: "readonly",
        queueMicrotask: "readonly",
        __dirname: "readonly",
        __filename: "readonly",
        require: "readonly",
        module: "writable",
        globalThis: "readonly",
      },
    },
    plugins: { layers: layersPlugin(path.join(root, "src")) },
    rules: {
      "layers/imports": "error",
      // tsc reports unused locals and parameters (noUnusedLocals, noUnusedParameters).
      "@typescript-eslint/no-unused-vars": "off",
      // Input is hostile: the code matches control characters on purpose, to escape or refuse them.
      "no-control-regex": "off",
      // A `let` that a closure declared earlier reads (a request's close handler) stays a `let`.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // The door loads provider classes on first use (require), so importing it stays cheap.
    files: ["src/tf/**/*.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Tests poke at synthesized JSON of any shape and count spaces in rendered text.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-require-imports": "off", "no-regex-spaces": "off" },
  },
  {
    files: ["bin/**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
