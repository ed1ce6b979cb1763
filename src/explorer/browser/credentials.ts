/** The caller's token or API key, kept for the browser tab only (sessionStorage), and the header it makes. */
const KEY = 'hvp-explorer-credentials';

export function savedCredentials(): string {
  return sessionStorage.getItem(KEY) ?? '';
}

export function saveCredentials(value: string): void {
  if (value.trim()) sessionStorage.setItem(KEY, value.trim());
  else sessionStorage.removeItem(KEY);
}

/**
 * The Authorization header of what was typed: as it is when it names its scheme, `Bearer` for a JSON Web Token
 * (three dot-separated parts), `ApiKey` for anything else; null for nothing.
 */
export function authorizationOf(credentials: string): string | null {
  const value = credentials.trim();
  if (!value) return null;
  if (/^(Bearer|ApiKey)\s+\S/i.test(value)) return value;
  return /^[\w-]+\.[\w-]+\.[\w-]+$/.test(value) ? `Bearer ${value}` : `ApiKey ${value}`;
}
