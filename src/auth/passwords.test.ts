import { describe, expect, it } from 'vitest'
import { decoyPasswordHash, hashPassword, verifyPassword } from './passwords.ts'

// The test databases store the demo password at the smallest argon2 cost (test/support/global-setup.ts), so
// this is where the production parameters are held to account.
describe('passwords', () => {
  it('hashes with argon2id at OWASP’s minimum for 19 MiB: two passes, one lane, a fresh salt each time', async () => {
    const first = await hashPassword('correct horse battery staple')
    const second = await hashPassword('correct horse battery staple')
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/)
    expect(second).not.toBe(first)
  })

  it('verifies the right password, and refuses a wrong one or a hash that is not one', async () => {
    const stored = await hashPassword('correct horse battery staple')
    await expect(verifyPassword(stored, 'correct horse battery staple')).resolves.toBe(true)
    await expect(verifyPassword(stored, 'Correct horse battery staple')).resolves.toBe(false)
    await expect(verifyPassword('not a hash', 'correct horse battery staple')).resolves.toBe(false)
  })

  it('keeps a decoy hash at the same cost, which no password matches', async () => {
    const decoy = await decoyPasswordHash()
    expect(decoy).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await decoyPasswordHash()).toBe(decoy)
    await expect(verifyPassword(decoy, '')).resolves.toBe(false)
  })
})
