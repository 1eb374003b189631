/**
 * What a send needs that the first load does not: both transports, the wire codec and the live
 * content decoder. response-store imports this module when a send starts (main.tsx prefetches it
 * once the form has rendered), so none of it is in the first chunk (docs/performance.md).
 */
export { createProxyTransport } from '../services/transport-proxy.ts';
export { createDirectTransport } from '../services/transport-direct.ts';
export { SendError } from '../services/transport.ts';
export { liveDecodeStarted } from './response-decode.ts';
export { firstBytesFor } from './first-content.ts';
