// Progressive enhancement only: every page works without this file.
import { initAll } from '/govuk/govuk-frontend.min.js'

initAll()

// Session timeout: warn two minutes before the idle limit, keep a draft of any form being written,
// and let the user stay signed in without leaving the page.
const expiresMeta = document.querySelector('meta[name="hearth-session-expires"]')
const dialog = document.getElementById('hearth-timeout')
if (expiresMeta && dialog) {
  let expiresAt = new Date(expiresMeta.content).getTime()
  const csrf = dialog.querySelector('input[name="_csrf"]').value

  const saveDrafts = () =>
    Promise.all(
      [...document.querySelectorAll('form[data-draft]')].map((form) => {
        const fields = Object.fromEntries(
          [...new FormData(form)].filter(([k, v]) => typeof v === 'string' && !/password|_csrf/i.test(k)),
        )
        return fetch('/drafts', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          body: JSON.stringify({ path: form.getAttribute('action') || location.pathname, fields }),
        })
      }),
    )

  dialog.querySelector('form').addEventListener('submit', async (event) => {
    event.preventDefault()
    const response = await fetch('/session/keep-alive', {
      method: 'POST',
      headers: { 'x-csrf-token': csrf, accept: 'application/json' },
    })
    if (response.ok) {
      expiresAt = new Date((await response.json()).idleExpiresAt).getTime()
      dialog.close()
    }
  })

  setInterval(() => {
    const left = expiresAt - Date.now()
    if (left < 120_000 && !dialog.open) {
      saveDrafts()
      dialog.showModal()
    }
    if (left <= 0) {
      saveDrafts().finally(() =>
        location.assign(`/sign-in?expired=1&returnTo=${encodeURIComponent(location.pathname)}`),
      )
    }
  }, 5_000)
}
