/**
 * Just enough of a browser for an OpenID Connect round trip over real HTTP: a cookie jar per
 * origin (path-scoped, cleared by expired cookies), redirects followed by hand, and the
 * provider's own login and consent forms (oidc-provider's devInteractions) filled in and posted.
 */

interface StoredCookie {
  value: string;
  path: string;
}

export class OidcBrowser {
  private readonly jar = new Map<string, Map<string, StoredCookie>>();
  /** Every Set-Cookie the api sent this browser, in order (for asserting attributes). */
  readonly setCookies: string[] = [];

  constructor(
    private readonly apiOrigin: string,
    /** Where following stops: the api's callback, which a test may want to call itself. */
    private readonly callbackUrl: string,
  ) {}

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(new URL(origin).origin)?.get(name)?.value;
  }

  setCookie(origin: string, name: string, value: string, path = '/'): void {
    const key = new URL(origin).origin;
    if (!this.jar.has(key)) this.jar.set(key, new Map());
    this.jar.get(key)!.set(name, { value, path });
  }

  get(url: string): Promise<Response> {
    return this.send(url, { method: 'GET' });
  }

  post(url: string, form?: Record<string, string>): Promise<Response> {
    return this.send(url, {
      method: 'POST',
      headers: form ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
  }

  /**
   * From the issuer's authorization URL: signs in as `login`, then consents (or declines), following
   * redirects until the issuer sends the browser to the api's callback; returns that URL.
   */
  async throughIssuer(authorizationUrl: string, as: { login: string; decline?: boolean }): Promise<string> {
    let res = await this.get(authorizationUrl);
    for (let step = 0; step < 20; step++) {
      if (res.status >= 300 && res.status < 400) {
        const location = new URL(res.headers.get('location')!, res.url).href;
        if (location.startsWith(this.callbackUrl)) return location;
        res = await this.get(location);
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      if (res.status !== 200 || !action || !prompt)
        throw new Error(`unexpected page at the issuer (${res.status}): ${html.slice(0, 500)}`);
      const formUrl = new URL(action.replace(/&amp;/g, '&'), res.url).href;
      if (prompt === 'login') res = await this.post(formUrl, { prompt, login: as.login, password: 'any' });
      else if (as.decline) res = await this.get(`${formUrl}/abort`);
      else res = await this.post(formUrl, { prompt });
    }
    throw new Error('the issuer did not send the browser back');
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    const target = new URL(url);
    const cookies = [...(this.jar.get(target.origin) ?? new Map<string, StoredCookie>())]
      .filter(([, c]) => target.pathname.startsWith(c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
    const headers = new Headers(init.headers);
    if (cookies) headers.set('cookie', cookies);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    Object.defineProperty(res, 'url', { value: url });
    for (const line of res.headers.getSetCookie()) this.store(target, line);
    return res;
  }

  private store(from: URL, line: string): void {
    if (from.origin === this.apiOrigin) this.setCookies.push(line);
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq);
    const value = pair!.slice(eq + 1);
    const attribute = (key: string) =>
      attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const expires = attribute('expires');
    const maxAge = attribute('max-age');
    const gone =
      (maxAge !== undefined && Number(maxAge) <= 0) || (expires && Date.parse(expires) <= Date.now());
    if (gone) {
      this.jar.get(from.origin)?.delete(name);
      return;
    }
    this.setCookie(from.origin, name, value, attribute('path') ?? '/');
  }
}
