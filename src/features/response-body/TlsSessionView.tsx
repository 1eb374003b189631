/** The TLS session of the response (proxy, https): protocol, cipher and the certificate chain, leaf first. */
import type { ResponseHead } from '../../core/model/response.ts';

export function TlsSessionView({ response }: { response: ResponseHead }) {
  const tls = response.tls;
  if (!tls) return null;
  return (
    <section aria-label="TLS session" className="border-b border-slate-200 px-3 py-1.5 text-[12px]">
      <div>
        <span className="font-mono font-semibold">{tls.protocol}</span>{' '}
        <span className="font-mono text-slate-600">{tls.cipher}</span>{' '}
        <span className={tls.authorized ? 'text-emerald-700' : 'text-amber-700'}>
          {tls.authorized
            ? 'certificate verified'
            : `not verified${tls.authorizationError ? `: ${tls.authorizationError}` : ''}`}
        </span>
      </div>
      <ol aria-label="Certificate chain" className="mt-1 space-y-1">
        {tls.chain.map((c, i) => (
          <li key={c.fingerprint256} className="font-mono text-[11px] text-slate-700">
            <div>
              {i}. {c.subject} — issued by {c.issuer}
            </div>
            <div className="text-slate-500">
              {c.validFrom} → {c.validTo}
              {c.subjectAltName ? ` · ${c.subjectAltName}` : ''}
            </div>
            <div className="break-all text-slate-400">SHA-256 {c.fingerprint256}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}
