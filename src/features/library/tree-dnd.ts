/**
 * Drag and drop in the workspace tree (HTML5 DnD). What is dragged travels in the
 * DataTransfer as JSON under a Parley media type; drops turn into tree-store events.
 */
import type { DragEvent } from 'react';
import { collectionPlaced, folderPlaced, requestPlaced, type Destination } from '../../stores/library-tree.ts';

const TYPE = 'application/x-parley-tree-item';

export interface Dragged {
  kind: 'collection' | 'folder' | 'request';
  id: string;
}

/** `draggable` props for a row that can be dragged. */
export function dragSource(item: Dragged) {
  return {
    draggable: true,
    onDragStart: (e: DragEvent) => {
      e.stopPropagation();
      e.dataTransfer.setData(TYPE, JSON.stringify(item));
      e.dataTransfer.effectAllowed = 'move';
    },
  };
}

function read(e: DragEvent): Dragged | null {
  try {
    const v = JSON.parse(e.dataTransfer.getData(TYPE)) as Dragged;
    return v && typeof v.id === 'string' ? v : null;
  } catch {
    return null;
  }
}

/**
 * Props for a drop zone. `into`: dropping a request or folder there puts it in that place
 * (at `index`, default last). `collectionIndex`: where a dropped collection goes.
 */
export function dropTarget(into: Destination, collectionIndex: number | null) {
  return {
    onDragOver: (e: DragEvent) => {
      if (!e.dataTransfer.types.includes(TYPE)) return;
      e.preventDefault();
      e.stopPropagation();
      e.dataTransfer.dropEffect = 'move';
    },
    onDrop: (e: DragEvent) => {
      const item = read(e);
      if (!item) return;
      e.preventDefault();
      e.stopPropagation();
      if (item.kind === 'request') requestPlaced(item.id, into);
      else if (item.kind === 'folder') folderPlaced(item.id, { ...into, index: undefined });
      else if (collectionIndex !== null) collectionPlaced(item.id, collectionIndex);
    },
  };
}
