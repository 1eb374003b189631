import { describe, expect, it } from 'vitest';
import {
  clampPane,
  paneAfterKey,
  SIDEBAR_WIDTH,
  SPLIT_PERCENT,
  splitFromPointer,
} from '../../../src/core/ui/pane-size.ts';

describe('pane sizes', () => {
  it('clamps to the range and rounds', () => {
    expect(clampPane(100, SIDEBAR_WIDTH)).toBe(180);
    expect(clampPane(900, SIDEBAR_WIDTH)).toBe(480);
    expect(clampPane(300.6, SIDEBAR_WIDTH)).toBe(301);
    expect(clampPane(Number.NaN, SPLIT_PERCENT)).toBe(20);
  });
  it('moves by step on arrows, by page on PageUp/PageDown, to the limits on Home/End', () => {
    expect(paneAfterKey('ArrowRight', 256, SIDEBAR_WIDTH)).toBe(272);
    expect(paneAfterKey('ArrowUp', 50, SPLIT_PERCENT)).toBe(48);
    expect(paneAfterKey('ArrowDown', 50, SPLIT_PERCENT)).toBe(52);
    expect(paneAfterKey('PageDown', 50, SPLIT_PERCENT)).toBe(60);
    expect(paneAfterKey('PageUp', 25, SPLIT_PERCENT)).toBe(20);
    expect(paneAfterKey('Home', 300, SIDEBAR_WIDTH)).toBe(180);
    expect(paneAfterKey('End', 300, SIDEBAR_WIDTH)).toBe(480);
    expect(paneAfterKey('Enter', 300, SIDEBAR_WIDTH)).toBeNull();
  });
  it('turns a pointer offset into a clamped percent', () => {
    expect(splitFromPointer(300, 1000)).toBe(30);
    expect(splitFromPointer(50, 1000)).toBe(20);
    expect(splitFromPointer(10, 0)).toBe(50);
  });
});
