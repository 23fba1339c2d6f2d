import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".next-bench/**", ".data/**", "node_modules/**", "lib/db/generated/**", "next-env.d.ts"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Dependencies run one way: app/ (routes) uses components/ and lib/, never the reverse.
    // Server actions reach client components as props.
    files: ["components/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(@/app/|(\\.\\./)+app/)", message: "components/ and lib/ never import from app/: pass server actions as props, move shared code to lib/." }] },
      ],
    },
  },
  {
    // lib/db holds statements only: it may use types from domain modules, never their code.
    files: ["lib/db/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@/lib/(?!db/|env$|net/)",
              allowTypeImports: true,
              message: "lib/db does not depend on domain modules: pass what a statement needs in as a value.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
