// What every browser test shares: the page opened on the test node, failing on any console
// error, signing as a development account, waiting for a transaction to be final, screenshots.
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { connect, NODE_WS, type TestChain } from "./chain";

export const SCREENSHOTS = "test-results/screenshots";

/** Console errors a test expects, e.g. the browser's own report of a refused WebSocket. */
export const expectedConsoleErrors: RegExp[] = [];

export const test = base.extend<{ consoleErrors: string[] }, { chain: TestChain }>({
  chain: [
    async ({}, use) => {
      const chain = connect();
      await use(chain);
      chain.close();
    },
    { scope: "worker" },
  ],
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(String(error)));
      await use(errors);
      const unexpected = errors.filter((e) => !expectedConsoleErrors.some((pattern) => pattern.test(e)));
      expectedConsoleErrors.length = 0;
      expect(unexpected, "errors in the page's console").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Opens `#/path` of the dashboard connected to the test node, once it shows a block. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(`./?node=${encodeURIComponent(NODE_WS)}#/${path}`);
  await expect(page.getByTestId("best")).toHaveText(/#\d+/);
}

export async function signAs(page: Page, name: string): Promise<void> {
  await page.getByTestId("account").selectOption({ label: `${name} (development account)` });
}

/** Waits until the transaction shown in `within` is finalized. */
export async function finalized(within: Page | Locator): Promise<void> {
  await expect(within.getByTestId("transaction")).toContainText("done: finalized", { timeout: 60_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}
