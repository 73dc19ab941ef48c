// Signs in over real HTTP the way a browser would, and returns the Cookie header a signed-in browser sends.
// Hearth's cookies are Secure, so a client on plain http would not send them back: copy them by hand.

function cookiesFrom(response: Response): Map<string, string> {
  const cookies = new Map<string, string>()
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';')
    const eq = pair?.indexOf('=') ?? -1
    if (pair && eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim())
  }
  return cookies
}

export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const page = await fetch(`${baseUrl}/sign-in`, { redirect: 'manual' })
  if (page.status !== 200) throw new Error(`GET /sign-in answered ${page.status}`)
  const html = await page.text()
  const csrfToken = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
  const csrfCookie = cookiesFrom(page).get('hearth_csrf')
  if (!csrfToken || !csrfCookie) throw new Error('GET /sign-in gave no CSRF token or hearth_csrf cookie')

  const answer = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `hearth_csrf=${csrfCookie}` },
    body: new URLSearchParams({ _csrf: csrfToken, username, password, returnTo: '/' }).toString(),
  })
  const session = cookiesFrom(answer).get('hearth_session')
  if (answer.status !== 303 || !session) {
    throw new Error(`POST /sign-in as ${username} answered ${answer.status} without a session cookie`)
  }
  // The browser keeps the CSRF secret cookie too; without it every page would mint and set a new one.
  return `hearth_session=${session}; hearth_csrf=${csrfCookie}`
}

/** Fails unless the page answers 200 with HTML (not a redirect to sign in). Returns the body's size. */
export async function expectPage(
  url: string,
  cookie?: string,
): Promise<{ bytes: number; setsCookie: boolean }> {
  const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} })
  const body = await response.text()
  if (response.status !== 200) {
    throw new Error(`${url} answered ${response.status} ${response.headers.get('location') ?? ''}`.trim())
  }
  return { bytes: Buffer.byteLength(body), setsCookie: response.headers.getSetCookie().length > 0 }
}
