import { createHmac } from 'node:crypto';
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken, verifyAccessToken } from './tokens';

const SECRET = 'a-secret-long-enough-for-hs256-tests-0123456789';
const OTHER_SECRET = 'another-secret-long-enough-for-hs256-tests-987';

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as object;
const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token whose payload was edited and re-signed with `secret`. */
function resigned(token: string, edit: (payload: Record<string, unknown>) => void, secret: string): string {
  const [header, payload] = token.split('.');
  const claims = decode(payload!) as Record<string, unknown>;
  edit(claims);
  const body = `${header}.${encode(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

afterEach(() => jest.useRealTimers());

describe('verifyAccessToken, with the tokens it has verified kept', () => {
  it('answers the same claims for a token used again', () => {
    const token = signAccessToken('user-1', SECRET);
    const first = verifyAccessToken(token, SECRET);
    expect(first).toMatchObject({ sub: 'user-1', jti: expect.any(String), exp: expect.any(Number) });
    expect(verifyAccessToken(token, SECRET)).toEqual(first);
  });

  it('refuses a kept token under another secret', () => {
    const token = signAccessToken('user-2', SECRET);
    verifyAccessToken(token, SECRET);
    expect(() => verifyAccessToken(token, OTHER_SECRET)).toThrow('Invalid access token');
  });

  it('refuses a token tampered with after the genuine one was kept', () => {
    const token = signAccessToken('user-3', SECRET);
    verifyAccessToken(token, SECRET);
    const [header, payload, signature] = token.split('.');
    const claims = decode(payload!) as Record<string, unknown>;
    const forged = `${header}.${encode({ ...claims, sub: 'someone-else' })}.${signature}`;
    expect(() => verifyAccessToken(forged, SECRET)).toThrow('Invalid access token');
    // Re-signed with a key the api does not hold: refused as well.
    expect(() =>
      verifyAccessToken(
        resigned(token, (c) => (c.sub = 'x'), OTHER_SECRET),
        SECRET,
      ),
    ).toThrow('Invalid access token');
  });

  it('refuses a kept token once it has expired', () => {
    jest.useFakeTimers({ now: new Date('2026-12-06T12:00:00Z') });
    const token = signAccessToken('user-4', SECRET);
    expect(verifyAccessToken(token, SECRET).sub).toBe('user-4');
    jest.setSystemTime(new Date(Date.now() + (ACCESS_TOKEN_TTL_SECONDS - 1) * 1000));
    expect(verifyAccessToken(token, SECRET).sub).toBe('user-4');
    jest.setSystemTime(new Date(Date.now() + 2000));
    expect(() => verifyAccessToken(token, SECRET)).toThrow('Access token expired');
    expect(() => verifyAccessToken(token, SECRET)).toThrow('Access token expired');
  });

  it('never keeps a token that failed: a wrong audience stays refused', () => {
    const token = resigned(signAccessToken('user-5', SECRET), (c) => (c.aud = 'elsewhere'), SECRET);
    expect(() => verifyAccessToken(token, SECRET)).toThrow('Invalid access token');
    expect(() => verifyAccessToken(token, SECRET)).toThrow('Invalid access token');
  });
});
