// Browser tests: Debian's Chromium (no downloaded browser), headless, against the built app
// served by `vite preview` and a real development node whose address OSTROM_NODE_WS gives
// (scripts/test-dashboard.sh starts both).
import { defineConfig } from "@playwright/test";

const port = Number(process.env.OSTROM_WEB_PORT ?? 4173);

export default defineConfig({
  testDir: "tests",
  // One chain, one story: the tests build on each other's state, in order.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  outputDir: "test-results/output",
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: "chromium",
    viewport: { width: 1100, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      // This machine's network is closed: without these Chromium keeps trying Google's hosts.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
