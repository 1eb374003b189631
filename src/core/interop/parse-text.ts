/**
 * Text of an import → data: JSON when it parses as JSON, else YAML 1.2 (the `yaml` package,
 * loaded on first use so it stays out of the first chunk). Never throws.
 */
export type ParsedText = { ok: true; data: unknown; syntax: 'json' | 'yaml' } | { ok: false; message: string };

/** Parses `text` as JSON, or as YAML when it is not JSON. YAML aliases are limited (billion laughs). */
export async function parseStructuredText(text: string): Promise<ParsedText> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { ok: true, data: JSON.parse(trimmed), syntax: 'json' };
    } catch (e) {
      // `{…}` that is not JSON may still be YAML flow style: fall through.
      if (!/\n\s*\w+:/.test(trimmed))
        return { ok: false, message: `The text is not valid JSON: ${(e as Error).message}.` };
    }
  }
  const { parse } = await import('yaml');
  try {
    return { ok: true, data: parse(text, { maxAliasCount: 1000 }) as unknown, syntax: 'yaml' };
  } catch (e) {
    return { ok: false, message: `The text is neither JSON nor valid YAML: ${(e as Error).message.split('\n')[0]}` };
  }
}
