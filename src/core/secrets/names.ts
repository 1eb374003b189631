/**
 * Names that announce a secret: query parameters, header fields, form and JSON body fields,
 * path variables and variables. One list for share links, library export and any future export.
 *
 * A name is compared in a normal form: percent-decoded, lower-cased, with `-`, `_`, `.` and
 * spaces removed, so `accessToken`, `access-token`, `ACCESS_TOKEN` and `access.token` are one
 * name; a leading `x-`/`x_` is also tried without it (`X-Auth-Token` ≈ `auth_token`).
 * Sources for the names: RFC 6749/7636/8693 and OpenID Connect Core (OAuth/OIDC parameters),
 * RFC 9110 §11.6–11.7 and RFC 6265 (credential header fields), AWS SigV4 and STS, Azure API
 * Management and Functions, Google Cloud, and widely used vendor key headers.
 */

/** Whole names (normal form) that are secrets. */
const SECRET_NAMES = new Set([
  // Generic
  'token',
  'key',
  'secret',
  'password',
  'passwd',
  'pwd',
  'pw',
  'passphrase',
  'pin',
  'sig',
  'signature',
  'auth',
  'credential',
  'credentials',
  'session',
  'sessionid',
  'jsessionid',
  'phpsessid',
  'otp',
  'totp',
  // OAuth 2.0 / OIDC (RFC 6749, RFC 7636, RFC 7523, RFC 8693, OIDC Core)
  'codeverifier',
  'devicecode',
  'clientassertion',
  'assertion',
  'subjecttoken',
  'actortoken',
  'idtokenhint',
  // Credential header fields (RFC 9110 §11.6.2, §11.7.2; RFC 6265) and look-alikes vendors use
  'authorization',
  'proxyauthorization',
  'authentication',
  'cookie',
  'setcookie',
  // Cloud and vendor key names (compared after the optional `x` prefix is dropped as well)
  'amzsecuritytoken',
  'amzcredential',
  'awsaccesskeyid',
  'accesskeyid',
  'ocpapimsubscriptionkey',
  'functionskey',
  'googapikey',
  'rapidapikey',
  'privatetoken',
  'ddapikey',
  'ddapplicationkey',
  'vaulttoken',
  'consultoken',
  'nomadtoken',
  'honeycombteam',
  'postmarkservertoken',
  'postmarkaccounttoken',
  'shopifyaccesstoken',
  'algoliaapikey',
  'mailchimpapikey',
  'sendgridapikey',
  'twiliotoken',
  'appkey',
  'appsecret',
  'masterkey',
  'adminkey',
  'licensekey',
  'subscriptionkey',
  'signingkey',
  'encryptionkey',
  'csrf',
  'xsrf',
  'csrftoken',
  'xsrftoken',
  'csrfmiddlewaretoken',
]);

/** Endings (normal form) that make a name a secret: `accessToken`, `db_password`, `X-Amz-Signature`. */
const SECRET_SUFFIXES = [
  'token',
  'secret',
  'password',
  'passwd',
  'passphrase',
  'signature',
  'apikey',
  'accesskey',
  'secretkey',
  'privatekey',
  'authkey',
  'sessionid',
  'sessiontoken',
  'credentials',
  'apisecret',
];

/** Names ending like a secret that are not one (pagination cursors, public parts). */
const NOT_SECRET = new Set([
  'pagetoken',
  'nextpagetoken',
  'prevpagetoken',
  'previouspagetoken',
  'continuationtoken',
  'synctoken',
  'nexttoken',
  'cursortoken',
  'tokentype',
  'publickey',
  'idempotencykey',
]);

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The normal form described in the module comment: `X-RapidAPI-Key` → `xrapidapikey`. */
export function normalizeSecretName(name: string): string {
  return safeDecode(name)
    .trim()
    .toLowerCase()
    .replace(/[-_.\s]/g, '');
}

function compactIsSecret(n: string): boolean {
  if (n === '' || NOT_SECRET.has(n)) return false;
  return SECRET_NAMES.has(n) || SECRET_SUFFIXES.some((s) => n.endsWith(s));
}

/**
 * Whether a name reads like a secret (see the module comment for the normal form and lists).
 * @param name as typed; may be percent-encoded (`api%5Fkey`)
 * @returns true for `accessToken`, `clientSecret`, `X-RapidAPI-Key`, `X-Authorization`,
 *   `Authentication`, `api_key`, `x-api-key`, `Cookie`, …; false for `page`, `keyboard`,
 *   `author`, `tokens`, `pageToken`, `signed`
 */
export function isSecretName(name: string): boolean {
  const lowered = safeDecode(name).trim().toLowerCase();
  if (compactIsSecret(normalizeSecretName(name))) return true;
  return /^x[-_]/.test(lowered) && compactIsSecret(normalizeSecretName(lowered.slice(2)));
}
