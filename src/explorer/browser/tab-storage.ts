/**
 * GraphiQL's storage (localStorage, as by default), made consistent for its start. GraphiQL 5.4 restores its tabs
 * (`defaultTabs` on a first visit, else the stored ones) but fills the editors from a separately stored last edit of
 * the query and of the variables: a first visit opens the first example without its variables, and a return after
 * editing only one of the two opens an extra, untitled tab. Here those two read as the active tab's own, and on a
 * first visit as the first example's.
 */
const PREFIX = 'graphiql:';

type TabState = { activeTabIndex: number; tabs: { query?: string | null; variables?: string | null }[] };

function storedTabs(): TabState | null {
  try {
    const state = JSON.parse(localStorage.getItem(`${PREFIX}tabState`) ?? 'null') as TabState | null;
    return state && Array.isArray(state.tabs) && state.tabs.length ? state : null;
  } catch {
    return null;
  }
}

export function tabStorage(first: { query: string; variables: string } | undefined) {
  const opening = (field: 'query' | 'variables'): string | null => {
    const state = storedTabs();
    if (state) return state.tabs[state.activeTabIndex]?.[field] ?? null;
    return first?.[field] ?? null;
  };
  return {
    getItem(key: string): string | null {
      if (key === `${PREFIX}query`) return opening('query');
      if (key === `${PREFIX}variables`) return opening('variables');
      return localStorage.getItem(key);
    },
    setItem: (key: string, value: string) => localStorage.setItem(key, value),
    removeItem: (key: string) => localStorage.removeItem(key),
    get length() {
      return Object.keys(localStorage).filter((key) => key.startsWith(PREFIX)).length;
    },
    clear() {
      for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
    },
  };
}
