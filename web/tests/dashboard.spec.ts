// The dashboard against a real development node, as members use it: one story on one chain,
// each step checked on the page and against the chain, each saving a screenshot.
import { writeFileSync } from "node:fs";
import { connect as connectTcp, createServer } from "node:net";
import { expectedConsoleErrors, finalized, open, screenshot, SCREENSHOTS, signAs, test, expect } from "./fixtures";
import { NODE_WS } from "./chain";
import { formatBalance } from "../src/logic/format";

const DAVE = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";
const FERDIE = "5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL";
const ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

test.describe.configure({ mode: "serial" });

test("the overview shows the chain, quickly", async ({ page, chain }) => {
  await open(page, "overview");
  await expect(page.getByTestId("member-count")).toHaveText("3");
  // Load figures: first contentful paint, and the first paint of the chain's data.
  const timings = await page.evaluate(() => ({
    firstContentfulPaint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1,
    chainDataShown: performance.now(),
  }));
  await page.goto("about:blank");
  const start = Date.now();
  await open(page, "overview");
  await expect(page.getByTestId("member-count")).toHaveText("3");
  const reloadShown = Date.now() - start;
  const figures = { ...timings, reloadShown, finalized: await chain.bestNumber() };
  console.log(`dashboard first load: ${JSON.stringify(figures)}`);
  writeFileSync("test-results/load.json", JSON.stringify(figures));
  await screenshot(page, "overview");
});

test("an applicant applies and two members sponsor them", async ({ page, chain }) => {
  await open(page, "members");
  await signAs(page, "Dave");
  const apply = page.getByTestId("apply");
  await apply.getByLabel("About you").fill("https://dave.example");
  await apply.getByRole("button", { name: "Sign and apply" }).click();
  await finalized(apply);
  await expect(page.getByTestId("applicants")).toContainText("0 of 2 sponsors");

  for (const [sponsor, count] of [["Alice", 1], ["Bob", 2]] as const) {
    await signAs(page, sponsor);
    await page.getByTestId("applicants").getByRole("button", { name: "Sponsor" }).click();
    if (count < 2) await expect(page.getByTestId("applicants")).toContainText(`${count} of 2 sponsors`);
  }
  await expect(page.getByTestId("members")).toContainText("Dave");
  await expect(page.getByText("No one is applying.")).toBeVisible();
  expect((await chain.api.apis.OstromApi.member(DAVE))?.status.type).toBe("Active");
  await screenshot(page, "members");
});

/** Votes through the page as `who`, and returns the credits the page said would be left. */
async function vote(page: import("@playwright/test").Page, who: string, aye: boolean, votes: number) {
  await signAs(page, who);
  const panel = page.getByTestId("vote-panel");
  await panel.getByLabel(aye ? "Aye" : "Nay").check();
  await panel.getByTestId("vote-slider").fill(String(votes));
  await expect(panel.getByTestId("vote-cost")).toHaveText(String(votes * votes));
  const left = BigInt((await panel.getByTestId("credits-left").textContent()) ?? "");
  await expect(panel.getByTestId("credits-after")).toHaveText(String(left - BigInt(votes * votes)));
  await panel.getByRole("button", { name: "Sign and vote" }).click();
  await finalized(panel);
  return left - BigInt(votes * votes);
}

/** Seals blocks until proposal `id`'s voting is over, closes it through the page as Bob. */
async function closeAfterVoting(page: import("@playwright/test").Page, chain: import("./chain").TestChain, id: number) {
  const proposal = await chain.api.apis.OstromApi.proposal(id);
  await chain.seal(Math.max(0, proposal!.voting_ends - (await chain.bestNumber())));
  await signAs(page, "Bob");
  await page.getByRole("button", { name: `Close proposal #${id}` }).click();
  await finalized(page.locator("article"));
  await expect(page.getByTestId("proposal-status")).toHaveText("Approved");
  await expect(page.getByTestId("enactment")).toBeVisible();
  const enactment = (await chain.api.apis.OstromApi.proposal(id))!.enactment!;
  await chain.seal(Math.max(0, enactment - (await chain.bestNumber()) + 1));
  await expect(page.getByTestId("proposal-status")).toHaveText("Executed");
}

async function propose(page: import("@playwright/test").Page, chain: import("./chain").TestChain, fields: Record<string, string>) {
  await open(page, "proposals");
  await signAs(page, "Alice");
  const form = page.getByTestId("propose");
  await form.getByLabel("What").selectOption(fields.kind!);
  for (const [name, value] of Object.entries(fields)) {
    if (name !== "kind") await form.locator(`[name=${name}]`).fill(value);
  }
  await form.getByRole("button", { name: "Sign and submit" }).click();
  await finalized(form);
  const id = (await chain.api.query.Proposals.NextProposalId.getValue()) - 1;
  await page.goto(page.url().replace(/#.*$/, `#/proposals/${id}`));
  return id;
}

test("a spend is proposed, voted on through the page, closed and enacted", async ({ page, chain }) => {
  const id = await propose(page, chain, { kind: "spend", metadata: "seed catalogue", beneficiary: FERDIE, amount: "250" });
  await expect(page.getByTestId("call")).toHaveText("Treasury.spend 250 OST to 5CiPPs…2DjL");
  await expect(page.getByTestId("proposal-status")).toHaveText("Voting");

  const aliceLeft = await vote(page, "Alice", true, 3);
  await expect(page.getByTestId("ayes")).toHaveText("3 ayes");
  expect((await chain.api.view.QuadraticVoting.voice_credits(ALICE)).left).toBe(aliceLeft);

  await vote(page, "Bob", false, 1);
  await expect(page.getByTestId("nays")).toHaveText("1 nays");
  await expect(page.locator(".tally .ayes")).toHaveAttribute("style", /width: 75%/);
  await expect(page.getByTestId("votes")).toContainText("Alice");
  await vote(page, "Charlie", true, 2);
  await expect(page.getByTestId("passing")).toHaveText("passing");
  await screenshot(page, "proposal-voting");

  const ferdieBefore = (await chain.api.query.System.Account.getValue(FERDIE)).data.free;
  await closeAfterVoting(page, chain, id);
  const ferdieAfter = (await chain.api.query.System.Account.getValue(FERDIE)).data.free;
  expect(ferdieAfter - ferdieBefore).toBe(250n * 10n ** 12n);
  await screenshot(page, "proposal-enacted");
});

test("chain errors are shown in words, before signing and after", async ({ page }) => {
  // Refused by the runtime's dry run of the enactment, before anything is signed.
  await open(page, "proposals");
  await signAs(page, "Alice");
  const form = page.getByTestId("propose");
  await form.getByLabel("What").selectOption("spend");
  await form.locator("[name=metadata]").fill("nothing");
  await form.locator("[name=beneficiary]").fill(FERDIE);
  await form.locator("[name=amount]").fill("0");
  await form.getByRole("button", { name: "Sign and submit" }).click();
  await expect(form.getByRole("alert")).toHaveText(
    "enacted now, the call would fail: Treasury.ZeroAmount: The amount must not be zero.",
  );
  // Failed in a block: Eve is no member.
  await open(page, "commons");
  await signAs(page, "Eve");
  const register = page.getByTestId("register");
  await register.getByLabel("Name").fill("Eve's garden");
  await register.getByRole("button", { name: "Sign and register" }).click();
  await expect(register.getByTestId("transaction")).toHaveText(
    "Registering Eve's garden failed: Commons.NotActiveMember: The caller is not a member, or is suspended.",
  );
  await screenshot(page, "error");
});

test("a commons is registered and a contribution reviewed", async ({ page, chain }) => {
  await open(page, "commons");
  await signAs(page, "Charlie");
  const register = page.getByTestId("register");
  await register.getByLabel("Name").fill("Seed library");
  await register.getByLabel("Kind").selectOption("Food");
  await register.getByLabel("Licence").fill("CC0-1.0");
  await register.getByLabel("Address (URI)").fill("https://seeds.example");
  await register.getByRole("button", { name: "Sign and register" }).click();
  await finalized(register);
  await page.getByRole("link", { name: "Seed library" }).click();

  await signAs(page, "Bob");
  const contribute = page.getByTestId("contribute");
  await contribute.getByLabel("Content").fill("tomato seeds");
  await contribute.getByLabel("Note").fill("2026 harvest");
  await contribute.getByRole("button", { name: "Sign and contribute" }).click();
  await finalized(contribute);
  await expect(page.getByTestId("contribution-status")).toHaveText("Pending");

  // Two approvals accept it, one of them a steward's.
  await signAs(page, "Charlie");
  await page.getByTestId("contributions").getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("contributions")).toContainText("1 approvals");
  await signAs(page, "Alice");
  await page.getByTestId("contributions").getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("contribution-status")).toHaveText("Accepted");
  const commons = (await chain.api.query.Commons.NextCommonsId.getValue()) - 1;
  expect((await chain.api.apis.OstromApi.commons(commons))?.contributions.accepted).toBe(1);
  await screenshot(page, "commons");
});

test("gifts to a funding round show the runtime's projected match", async ({ page, chain }) => {
  const id = await propose(page, chain, { kind: "round", metadata: "spring round", amount: "1000", enrolment: "30", duration: "80" });
  await expect(page.getByTestId("call")).toContainText("Treasury.open_round a matching pool of 1,000 OST");
  for (const voter of ["Alice", "Bob", "Charlie"]) await vote(page, voter, true, 1);
  await closeAfterVoting(page, chain, id);

  const round = (await chain.api.query.Treasury.NextRoundId.getValue()) - 1;
  const commons = (await chain.api.query.Commons.NextCommonsId.getValue()) - 1;
  await open(page, "treasury");
  const card = page.getByTestId(`round-${round}`);
  await signAs(page, "Charlie");
  await card.getByTestId("enrol").getByLabel("Enrol commons").fill(String(commons));
  await card.getByTestId("enrol").getByRole("button", { name: "Sign and enrol" }).click();
  await finalized(card.getByTestId("enrol"));

  for (const [giver, amount] of [["Alice", "10"], ["Bob", "40"]] as const) {
    await signAs(page, giver);
    const give = card.getByTestId("give");
    await give.getByLabel("Commons").selectOption({ label: `#${commons} Seed library` });
    await give.getByLabel("Amount").fill(amount);
    await give.getByRole("button", { name: "Sign and give" }).click();
    await finalized(card);
  }
  const projection = await chain.api.view.Treasury.round_projection(round);
  const entry = projection.find((p) => p.commons === commons)!;
  expect(entry.givers).toBe(2);
  expect(entry.matched).toBeGreaterThan(0n);
  await expect(card.getByTestId(`projection-${commons}`).getByTestId("projected-match")).toHaveText(
    formatBalance(entry.matched),
  );
  await screenshot(page, "treasury-round");
});

test("pages fit a phone's screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["overview", "proposals", "proposals/0", "members", "commons", "treasury"]) {
    await open(page, path);
    await expect(page.locator("main h1")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    if (path === "proposals/0") await screenshot(page, "phone-proposal");
  }
});

test("an unreachable node is said so, and another address can be chosen", async ({ page }) => {
  // Chromium reports each refused connection in the console itself.
  expectedConsoleErrors.push(/WebSocket connection to 'ws:\/\/127\.0\.0\.1:9\/' failed/);
  await page.goto(`./?node=${encodeURIComponent("ws://127.0.0.1:9")}#/overview`);
  await expect(page.getByTestId("connection")).toContainText("cannot be reached");
  await screenshot(page, "unreachable");
  await page.getByLabel("Node").fill(NODE_WS);
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByTestId("connection")).toBeHidden();
  await expect(page.getByTestId("member-count")).toHaveText("4");
});

test("the page reconnects by itself once the node answers", async ({ page }) => {
  // A relay to the test node that is not listening yet: first the node "is down", then "up".
  const target = new URL(NODE_WS);
  const relay = createServer((client) => {
    const upstream = connectTcp(Number(target.port), target.hostname);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", close);
    upstream.on("error", close);
  });
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  expectedConsoleErrors.push(new RegExp(`WebSocket connection to 'ws://127\\.0\\.0\\.1:${port}/' failed`));
  await page.goto(`./?node=${encodeURIComponent(`ws://127.0.0.1:${port}`)}#/overview`);
  await expect(page.getByTestId("connection")).toContainText("cannot be reached");
  await new Promise<void>((resolve) => relay.listen(port, "127.0.0.1", resolve));
  try {
    await expect(page.getByTestId("member-count")).toHaveText("4", { timeout: 60_000 });
    await expect(page.getByTestId("connection")).toBeHidden();
  } finally {
    relay.close();
  }
});

test.afterAll(() => console.log(`screenshots in web/${SCREENSHOTS}/`));
