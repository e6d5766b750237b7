import { describe, expect, it } from "vitest";
import { parseRoute } from "./route";

describe("routes", () => {
  it("reads the page, the item and the query", () => {
    const route = parseRoute("#/proposals/4?status=Voting");
    expect([route.page, route.id, route.query.get("status")]).toEqual(["proposals", "4", "Voting"]);
  });
  it("opens the overview by default", () => {
    expect(parseRoute("").page).toBe("overview");
    expect(parseRoute("#/").page).toBe("overview");
  });
});
