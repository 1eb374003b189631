/** The assertion kinds and operators (zod-free, so the Assertions tab does not pull zod into the first chunk). */
export const ASSERTION_KINDS = ['status', 'header', 'jsonpath', 'responseTime', 'jsonSchema', 'setVariable'] as const;
export const ASSERTION_OPS = ['equals', 'contains', 'matches', 'exists', 'below'] as const;
