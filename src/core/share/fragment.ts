/**
 * Recognising a share-link fragment without loading the codec (and its DEFLATE code): the
 * app checks every start for `#r=`, but decodes only when one is there.
 */

/** The fragment key and the current format version: `#r=1.…`. */
export const SHARE_KEY = 'r';
export const SHARE_VERSION = 1;

/** Whether a `location.hash` (with or without `#`) holds a share link at all (any version). */
export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, '').startsWith(`${SHARE_KEY}=`);
}
