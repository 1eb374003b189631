/** Every Set-Cookie of a response as its own entry, attributes parsed (RFC 6265 §5.2). */
import type { ResponseHead } from '../../core/model/response.ts';
import { headerValues } from '../../core/response/media-type.ts';
import { parseSetCookie, type SetCookie } from '../../core/response/set-cookie.ts';

function attributes(c: SetCookie): [string, string][] {
  const out: [string, string][] = [];
  if (c.domain !== null) out.push(['Domain', c.domain]);
  out.push(['Path', c.path ?? '(default)']);
  if (c.expiresRaw !== null)
    out.push([
      'Expires',
      c.expires !== null
        ? new Date(c.expires).toUTCString()
        : `${c.expiresRaw} (not a date a browser accepts; ignored)`,
    ]);
  if (c.maxAge !== null) out.push(['Max-Age', c.maxAge <= 0 ? `${c.maxAge} (expires now)` : `${c.maxAge} s`]);
  if (c.secure) out.push(['Secure', 'yes']);
  if (c.httpOnly) out.push(['HttpOnly', 'yes']);
  if (c.sameSite !== null) out.push(['SameSite', c.sameSite]);
  if (c.partitioned) out.push(['Partitioned', 'yes']);
  for (const [name, value] of c.extensions) out.push([name, value || '(no value)']);
  return out;
}

export function CookiesList({ response }: { response: ResponseHead }) {
  const values = headerValues(response.headers, 'set-cookie');
  if (values.length === 0)
    return <p className="p-3 text-[13px] text-slate-500">No Set-Cookie header fields in this response.</p>;
  return (
    <ul aria-label="Cookies" className="divide-y divide-slate-100">
      {values.map((raw, i) => {
        const parsed = parseSetCookie(raw);
        return (
          <li key={i} className="px-3 py-2 text-[12.5px]">
            {parsed.ok ? (
              <>
                <div className="font-mono">
                  <span className="font-semibold text-slate-900">{parsed.cookie.name}</span>
                  <span className="text-slate-400">=</span>
                  <span className="break-all text-slate-700">{parsed.cookie.value}</span>
                </div>
                <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 text-[11.5px]">
                  {attributes(parsed.cookie).map(([name, value]) => (
                    <div key={name} className="contents">
                      <dt className="text-slate-500">{name}</dt>
                      <dd className="font-mono text-slate-800">{value}</dd>
                    </div>
                  ))}
                </dl>
              </>
            ) : (
              <>
                <div className="break-all font-mono text-slate-700">{raw}</div>
                <div className="text-[11.5px] text-amber-800">{parsed.error}</div>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
