/** A small modal dialog: labelled, closes on Escape and on the backdrop, focus starts inside. */
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('input, select, textarea, button');
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const titleId = `dialog-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/30 pt-24" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={ref} role="dialog" aria-modal="true" aria-labelledby={titleId}
        className={`${wide ? 'w-[40rem]' : 'w-96'} max-w-[95vw] rounded-lg border border-slate-200 bg-white p-4 shadow-xl`}>
        <h2 id={titleId} className="mb-3 text-sm font-semibold text-slate-900">{title}</h2>
        {children}
      </div>
    </div>
  );
}
