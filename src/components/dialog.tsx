/**
 * A small modal dialog on the native <dialog> (showModal): labelled, the rest of the page inert,
 * closes on Escape and on the backdrop, focus starts inside and goes back to the control that
 * opened it when it closes.
 */
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';

const WIDTH = { normal: 'w-96', wide: 'w-[40rem]', large: 'w-[48rem]' } as const;

export function Dialog({
  title,
  onClose,
  children,
  size = 'normal',
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  size?: keyof typeof WIDTH;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // The latest onClose, without re-opening the dialog when the caller passes a new function.
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Escape closes a modal <dialog> natively; tell the owner, who unmounts us.
    const onNativeClose = () => onCloseRef.current();
    dialog.addEventListener('close', onNativeClose);
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
    return () => {
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open) dialog.close();
      // React removes the dialog rather than closing it, so the browser's own focus restore
      // does not always run: put focus back on the opener ourselves.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const titleId = `dialog-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    // Keyboard users close the dialog with Escape (native to a modal <dialog>); onMouseDown is the pointer's way.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      // A press on the backdrop targets the <dialog> itself; the content fills it with its own box.
      onMouseDown={(e) => e.target === e.currentTarget && onCloseRef.current()}
      className={`${WIDTH[size]} mx-auto mt-24 max-w-[95vw] rounded-lg border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/30 dark:backdrop:bg-black/60`}
    >
      <div className="p-4">
        <h2 id={titleId} className="mb-3 text-sm font-semibold text-slate-900">
          {title}
        </h2>
        {children}
      </div>
    </dialog>
  );
}
