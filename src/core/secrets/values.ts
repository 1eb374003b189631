/**
 * Values that are secrets whatever field holds them: a JWT (RFC 7519 compact form, base64url
 * header starting `eyJ`), an `Authorization`-style credential (`Bearer …`, `Basic …`, RFC 9110
 * §11.4 token68), an AWS access key id (AKIA/ASIA…, per AWS IAM identifiers), a PEM private key
 * (RFC 7468), and key formats vendors publish for secret scanning: GitHub (`ghp_`, `github_pat_`),
 * Slack (`xoxb-`), Stripe (`sk_live_`), Google API keys (`AIza`), OpenAI (`sk-`).
 */

const PATTERNS: { what: string; re: RegExp }[] = [
  { what: 'a JWT', re: /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{0,}/ },
  { what: 'a Bearer token', re: /^\s*Bearer\s+[A-Za-z0-9\-._~+/]{6,}=*\s*$/i },
  { what: 'Basic credentials', re: /^\s*Basic\s+[A-Za-z0-9+/]{4,}=*\s*$/i },
  { what: 'an AWS access key', re: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA)[A-Z0-9]{16}(?![A-Z0-9])/ },
  { what: 'a private key', re: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/ },
  { what: 'a GitHub token', re: /(?<![A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})/ },
  { what: 'a Slack token', re: /(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}/ },
  { what: 'a Stripe key', re: /(?<![A-Za-z0-9])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/ },
  { what: 'a Google API key', re: /(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}/ },
  { what: 'an OpenAI key', re: /(?<![A-Za-z0-9])sk-(?:proj-)?[A-Za-z0-9_-]{32,}/ },
];

/**
 * What kind of secret a value looks like, or `null`.
 * @param value the value as a person reads it (already percent-decoded where that applies)
 * @returns words for the list a person sees, e.g. `'a JWT'`, `'a Bearer token'`,
 *   `'an AWS access key'`
 * @example secretValueKind('Bearer mF_9.B5f-4.1JqM') // 'a Bearer token'
 * @example secretValueKind('AKIAIOSFODNN7EXAMPLE') // 'an AWS access key'
 */
export function secretValueKind(value: string): string | null {
  if (value.length < 8) return null;
  for (const p of PATTERNS) if (p.re.test(value)) return p.what;
  return null;
}

/** Whether a value is only a variable reference (`{{token}}`): the variable itself is checked, not the reference. */
export function isVariableReference(value: string): boolean {
  return /^\s*\{\{[^{}]+\}\}\s*$/.test(value);
}
