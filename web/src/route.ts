// The page's address after `#`: `#/proposals/4` is the page `proposals` with `4`. Links are
// plain `href`s, so the back button and bookmarks work.
import { useEffect, useState } from "preact/hooks";

export interface Route {
  page: string;
  id: string | undefined;
  query: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#\/?/, "").split("?");
  const [page = "", id] = path.split("/").filter(Boolean);
  return { page: page || "overview", id, query: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const changed = () => setHash(window.location.hash);
    window.addEventListener("hashchange", changed);
    return () => window.removeEventListener("hashchange", changed);
  }, []);
  return parseRoute(hash);
}
