// The dashboard's pages, in the order of its menu. A new feature of the chain adds its page
// here and in its own module; no page knows another.
import type { FunctionComponent } from "preact";
import { Commons } from "./commons";
import { Members } from "./members";
import { Overview } from "./overview";
import { Proposals } from "./proposals";
import { Treasury } from "./treasury";

export interface PageProps {
  id: string | undefined;
  query: URLSearchParams;
}

export const pages: { path: string; title: string; component: FunctionComponent<PageProps> }[] = [
  { path: "overview", title: "Overview", component: Overview },
  { path: "proposals", title: "Proposals", component: Proposals },
  { path: "members", title: "Members", component: Members },
  { path: "commons", title: "Commons", component: Commons },
  { path: "treasury", title: "Treasury & funding", component: Treasury },
];
