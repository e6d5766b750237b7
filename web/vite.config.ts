import { defineConfig } from "vitest/config";
import preact from "@preact/preset-vite";

// A static single-page app: `npm run build` writes dist/, which any web server can serve from
// any path (relative asset URLs).
export default defineConfig({
  base: "./",
  plugins: [preact()],
  build: { target: "es2022", sourcemap: false },
  test: { include: ["src/**/*.test.ts"] },
});
