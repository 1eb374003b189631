/**
 * A drag handle between two panes: the WAI-ARIA "window splitter" (role `separator`, focusable,
 * `aria-valuenow` in the pane's unit). Arrow keys, PageUp/PageDown, Home/End move it
 * (core/ui/pane-size.ts); a pointer drag reports the value `fromPointer` computes.
 */
/* eslint-disable jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex -- a focusable separator is a widget in WAI-ARIA 1.2 (the window splitter); jsx-a11y does not model it */
import type { PointerEvent as ReactPointerEvent } from 'react';
import { paneAfterKey, type PaneRange } from '../core/ui/pane-size.ts';

interface SplitHandleProps {
  label: string;
  /** `vertical`: a vertical bar between panes side by side (moves left/right). */
  orientation: 'vertical' | 'horizontal';
  value: number;
  range: PaneRange;
  /** Text for assistive technology, e.g. `256 pixels` or `50 percent`. */
  valueText: string;
  /** The value for a pointer position (CSS pixels, viewport coordinates). */
  fromPointer: (clientX: number, clientY: number) => number;
  onChange: (value: number) => void;
  /** The first pane's id (`aria-controls`). */
  controls: string;
  /** Positioned over the start of its container (absolute) instead of in the flow. */
  overlay?: boolean;
}

export function SplitHandle({
  label,
  orientation,
  value,
  range,
  valueText,
  fromPointer,
  onChange,
  controls,
  overlay = false,
}: SplitHandleProps) {
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    handle.focus();
    const move = (ev: PointerEvent) => onChange(fromPointer(ev.clientX, ev.clientY));
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  };
  const vertical = orientation === 'vertical';
  return (
    <div
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={value}
      aria-valuemin={range.min}
      aria-valuemax={range.max}
      aria-valuetext={valueText}
      aria-controls={controls}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={(e) => {
        const next = paneAfterKey(e.key, value, range);
        if (next === null) return;
        e.preventDefault();
        onChange(next);
      }}
      className={`group z-10 flex shrink-0 ${overlay ? 'absolute inset-y-0 left-0' : 'relative'} touch-none items-center justify-center bg-slate-200 outline-none hover:bg-indigo-400 focus-visible:bg-indigo-500 ${
        vertical ? 'w-1 cursor-col-resize' : 'h-1 cursor-row-resize'
      }`}
    >
      {/* A wider hit area than the visible line. */}
      <span aria-hidden className={`absolute ${vertical ? '-inset-x-1.5 inset-y-0' : '-inset-y-1.5 inset-x-0'}`} />
    </div>
  );
}
