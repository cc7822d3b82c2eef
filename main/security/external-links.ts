// The only places the console will open in the user's browser. Anything else
// (http, other hosts, credentials in the URL, odd ports) is refused.
const ALLOWED_HOSTS = new Set(['momodeveloper.mtn.com', 'momoapi.mtn.com']);

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && ALLOWED_HOSTS.has(url.hostname);
}
