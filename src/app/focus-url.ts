/** Puts focus in the URL field and selects its text (Ctrl+L, the skip link), like a browser's address bar. */
export function focusUrl(): void {
  const url = document.querySelector<HTMLInputElement>('input[aria-label="URL"]');
  url?.focus();
  url?.select();
}
