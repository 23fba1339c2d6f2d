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
];

export default config;
