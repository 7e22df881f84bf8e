/**
 * What a browser gives the token source and Node's fetch does not: a cookie jar shared by the
 * user's tabs, and Web Locks. Enough for the embedded server's one refresh cookie.
 */
export function cookieJarFetch(): typeof fetch {
  const jar = new Map<string, string>();
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(input, { ...init, headers });
    const set = res.headers.get('set-cookie');
    if (set) {
      const [pair = '', ...attrs] = set.split(';');
      const [name = '', ...value] = pair.split('=');
      if (attrs.some((a) => a.trim() === 'Max-Age=0')) jar.delete(name);
      else jar.set(name, value.join('='));
    }
    return res;
  };
}

/** An exclusive lock per name, granted in request order (navigator.locks' default mode). */
export function fakeLocks(): Pick<LockManager, 'request'> {
  const tails = new Map<string, Promise<unknown>>();
  const request = (name: string, callback: (lock: Lock | null) => unknown) => {
    const run = (tails.get(name) ?? Promise.resolve()).then(() => callback(null));
    tails.set(
      name,
      run.catch(() => undefined),
    );
    return run;
  };
  return { request } as unknown as Pick<LockManager, 'request'>;
}
